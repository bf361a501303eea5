// Anchored rules run their pattern only around their anchor's hits (src/rules/anchor.ts). That is
// a speed-up, never a change of meaning: on the seeds and on every fixture text, each anchored
// rule finds exactly what a scan of the whole text finds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchoredRules } from '../src/extractors/index.js';
import { matchRule, type AnchoredRule } from '../src/rules/anchor.js';
import { matchAll } from '../src/rules/regex.js';
import { LANGS, type SupportedLang } from '../src/types.js';

const root = join(import.meta.dirname, '..');

function textsOf(lang: SupportedLang): string[] {
  const texts: string[] = [];
  const dir = join(root, 'fixtures', 'examples', lang);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line.trim() && !line.startsWith('//')) texts.push(JSON.parse(line).text as string);
    }
  }
  for (const f of readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt'))) texts.push(readFileSync(join(root, 'seeds', f), 'utf8'));
  return texts;
}

const spans = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, m[0], JSON.stringify(m.groups ?? {})]);

describe.each(LANGS)('anchored rules (%s)', (lang) => {
  const texts = textsOf(lang);
  it.each(anchoredRules(lang).map((rule) => ({ id: rule.id, rule })))('$id finds what a whole-text scan finds', ({ rule }) => {
    for (const text of texts) expect(spans(matchRule(rule, text))).toEqual(spans(matchAll(rule.re, text)));
  });
});

describe('anchor windows', () => {
  const rule: AnchoredRule = { re: /(?<![\p{L}])(?:в\s+)?(?:\d+\s+)?(?:мая|июня)(?:\s+\d{4}\s+года)?/giu, anchor: /мая|июня/giu, before: 12, after: 16 };

  it('keeps offsets and groups of the whole text', () => {
    const text = `${'Текст без дат. '.repeat(40)}Встреча прошла 3 мая 2019 года, вторая ${'x '.repeat(100)}в июня.`;
    const ms = matchRule(rule, text);
    expect(ms.map((m) => text.slice(m.index, m.index + m[0].length))).toEqual(['3 мая 2019 года', 'в июня']);
  });

  it('falls back to a whole-text scan when a match outgrows the reach', () => {
    // The match runs ~300 characters past its anchor, far beyond the window and its look-ahead.
    const long: AnchoredRule = { re: /мая(?:\s+слово)*/gu, anchor: /мая/gu, before: 0, after: 2 };
    const text = `Встреча 3 мая${' слово'.repeat(50)}.`;
    const ms = matchRule(long, text);
    expect(ms.map((m) => m[0].length)).toEqual([3 + 6 * 50]);
    expect(spans(ms)).toEqual(spans(matchAll(long.re, text)));
  });

  it('finds nothing when the anchor is absent', () => {
    expect(matchRule(rule, 'Встреча прошла 3 марта 2019 года.')).toEqual([]);
  });
});
