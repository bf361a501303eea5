// Alternations told apart by numbered groups (src/rules/regex.ts `branches`): the gazetteers and
// the project heads find which name or head matched without building an object of hundreds of
// named groups at every match.
import { describe, expect, it } from 'vitest';
import { branches, captureCount, regex, SCRIPT_BLOCKS, spellClasses } from '../src/rules/regex.js';

describe('captureCount', () => {
  it('counts numbered and named groups, not (?:…) or look-arounds', () => {
    expect(captureCount('a(?:b)(?<=c)')).toBe(0);
    expect(captureCount('(a)(?<n>b(c))')).toBe(3);
  });

  it('does not count escaped parentheses or ones inside a character class', () => {
    expect(captureCount('\\((\\d+)\\)[(]')).toBe(1);
    expect(captureCount('(?<![\\p{L}(])(?<!x)(?<y>z)[\\]()]')).toBe(1);
  });
});

describe('regex: Unicode classes spelled out over the scripts diplo reads', () => {
  for (const property of ['L', 'Lu', 'Ll', 'N']) {
    for (const flags of ['u', 'iu']) {
      it(`matches exactly what \\p{${property}} matches in those scripts (flags ${flags})`, () => {
        const spelled = regex(`^\\p{${property}}$`, flags);
        const exact = new RegExp(`^\\p{${property}}$`, flags);
        const differ: string[] = [];
        for (const [from, to] of SCRIPT_BLOCKS) {
          for (let c = from; c <= to; c++) {
            const ch = String.fromCharCode(c);
            if (spelled.test(ch) !== exact.test(ch)) differ.push(c.toString(16));
          }
        }
        expect(differ).toEqual([]);
      });
    }
  }

  it('sees Kazakh, Russian and Latin letters as letters, and letters of other scripts as boundaries', () => {
    const word = regex('(?<![\\p{L}\\p{N}_])\\p{L}+(?![\\p{L}\\p{N}_])', 'gu');
    expect('Қазақстан, Ўзбекистон, Türkiye, Ελλάδα'.match(word)).toEqual(['Қазақстан', 'Ўзбекистон', 'Türkiye', 'Ελλάδα']);
    expect('5млрд'.match(word)).toBeNull();
    expect('中国5млрд'.match(regex('\\p{N}\\p{L}+', 'gu'))).toEqual(['5млрд']);
    expect(regex('^\\p{L}$', 'u').test('ع')).toBe(false);
  });

  it('leaves an escaped backslash before p{L} and sources without classes alone', () => {
    expect(spellClasses('\\\\p{L}')).toBe('\\\\p{L}');
    expect(spellClasses('a[bc]')).toBe('a[bc]');
    expect(spellClasses('[^\\s\\p{N}]')).toMatch(/^\[\^\\s0-9²-³.*\]$/);
  });
});

describe('branches', () => {
  const names = branches(['Тока[её]в(?:ым|а)?', '(Назарба)[её]в', 'Путин(а|ым)?', 'Ердоган']);

  it('tells which branch matched, whatever groups the branches have of their own', () => {
    const re = new RegExp(names.source, 'gu');
    const found = [...'Путиным, Токаевым, Назарбаев и Ердоган'.matchAll(re)].map((m) => [m[0], names.which(m)]);
    expect(found).toEqual([['Путиным', 2], ['Токаевым', 0], ['Назарбаев', 1], ['Ердоган', 3]]);
  });

  it('counts the groups that come before the alternation', () => {
    const init = '(?<init>\\p{Lu}\\.\\s?)';
    const after = branches(['Токаев', 'Путин'], captureCount(init));
    const m = new RegExp(`${init}?(?:${after.source})`, 'u').exec('В. Путин')!;
    expect(m.groups!.init).toBe('В. ');
    expect(after.which(m)).toBe(1);
  });

  it('says -1 when none of its branches took part in the match', () => {
    const b = branches(['x', 'y']);
    expect(b.which(new RegExp(`(?:${b.source})|z`, 'u').exec('z')!)).toBe(-1);
  });
});
