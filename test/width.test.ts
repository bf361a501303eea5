// The table's width measure (src/format/width.ts), which the bundle gives cli-table3: the same
// widths as cli-table3's own string-width, found without it for text in diplo's scripts.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { displayWidth, ONE_COLUMN } from '../src/format/width.js';

// cli-table3's own measure, as cli-table3 resolves it.
const fromTable = createRequire(createRequire(import.meta.url).resolve('cli-table3'));
const stringWidth = fromTable('string-width') as (text: string) => number;

const ONE_COLUMN_CHARS = ONE_COLUMN.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)));

describe('displayWidth', () => {
  it('counts one column for each character string-width counts one for, alone or in any company', () => {
    expect(ONE_COLUMN_CHARS.filter((ch) => stringWidth(ch) !== 1)).toEqual([]);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % ONE_COLUMN_CHARS.length;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + (n % 12) }, () => ONE_COLUMN_CHARS[next()]).join('');
      expect(displayWidth(text, () => -1), text).toBe(stringWidth(text));
    }
  });

  it('measures news text by its length, without asking string-width', () => {
    const asked: string[] = [];
    const measure = (t: string) => (asked.push(t), stringWidth(t));
    for (const text of ['17,8 млн долларов', 'Қасым-Жомарт Тоқаев', '«Самрук-Казына» — 40 %', 'ru.money.amount-unit', '']) {
      expect(displayWidth(text, measure)).toBe(stringWidth(text));
    }
    expect(asked).toEqual([]);
  });

  it('leaves to string-width what may be wider or narrower than its length', () => {
    const asked: string[] = [];
    const measure = (t: string) => (asked.push(t), stringWidth(t));
    // Chinese and an emoji take two columns, a colour code, a combining accent and a tab none;
    // ‼ is one column, but an emoji when followed by U+FE0F, so it is left to string-width too.
    const texts = ['習近平 met Tokayev', 'рост 👍', '\u001b[32mmoney\u001b[39m', 'е\u0301', 'a\tb', '‼'];
    for (const text of texts) expect(displayWidth(text, measure)).toBe(stringWidth(text));
    expect(asked).toEqual(texts);
    expect(texts.map(stringWidth)).toEqual([18, 7, 5, 1, 2, 1]);
  });
});
