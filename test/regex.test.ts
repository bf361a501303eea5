// Alternations told apart by numbered groups (src/rules/regex.ts `branches`): the gazetteers and
// the project heads find which name or head matched without building an object of hundreds of
// named groups at every match.
import { describe, expect, it } from 'vitest';
import { branches, captureCount, compileNow, LB, matchAll, RB, regex, wordsAlt } from '../src/rules/regex.js';
import { loadRules } from '../src/rules/load.js';
import { caseGroups, computeCaseGroups, rewrite, SCRIPT_BLOCKS, spellClasses } from '../src/rules/unicode.js';
import { tokenize } from '../src/extractors/project/tokens.js';

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
    const notDigitOrSpace = new RegExp(spellClasses('^[^\\s\\p{N}]$'), 'u');
    expect(['a', 'ж', '%'].map((c) => notDigitOrSpace.test(c))).toEqual([true, true, true]);
    expect(['5', '²', ' '].map((c) => notDigitOrSpace.test(c))).toEqual([false, false, false]);
  });
});

describe('regex: word boundaries test letters and digits by blocks', () => {
  /** The ranges of a class as V8 counts them: code points sorted, neighbours merged. */
  const rangeCount = (cls: RegExp): number => {
    let n = 0;
    let inRange = false;
    for (let c = 0; c < 0x10000; c++) {
      const hit = c < 0xd800 || c > 0xdfff ? cls.test(String.fromCharCode(c)) : false;
      if (hit && !inRange) n++;
      inRange = hit;
    }
    return n;
  };
  // The class a look-around tests, as a regex of its own.
  const lookClass = (source: string, flags: string) => new RegExp(regex(source, flags).source.replace(/^\(\?<?[!=](\[.*\])\)$/su, '^$1$'), 'u');

  it('spells the boundary classes in at most 16 ranges, the most V8 tests without a call to C++', () => {
    for (const flags of ['u', 'iu']) {
      expect(rangeCount(lookClass(LB, flags)), `LB ${flags}`).toBeLessThanOrEqual(16);
      expect(rangeCount(lookClass(RB, flags)), `RB ${flags}`).toBeLessThanOrEqual(16);
      expect(rangeCount(lookClass('(?<![\\p{L}\\p{N}_.,])', flags)), `number boundary ${flags}`).toBeLessThanOrEqual(16);
    }
  });

  it('keeps a word whole across a combining stress mark, and ends it at №, €, dashes and quotes', () => {
    const word = regex(`${LB}\\p{L}+${RB}`, 'gu');
    // "президе́нт" with U+0301: neither half is a word of its own.
    expect('президе\u0301нт'.match(word)).toBeNull();
    expect('№5, 5€, «мир»—Ελλάδα'.match(regex(`${LB}(?:\\d+|\\p{L}+)${RB}`, 'gu'))).toEqual(['5', '5', 'мир', 'Ελλάδα']);
    // A superscript digit is part of the word: "км²" is not "км".
    expect(regex(`${LB}км${RB}`, 'u').test('50 км²')).toBe(false);
    expect(regex(`${LB}км${RB}`, 'u').test('50 км.')).toBe(true);
  });

  it('makes the project tokenizer\'s words what the boundaries delimit', () => {
    const words = (t: string) => tokenize(t).filter((x) => x.type === 'word').map((x) => x.text);
    expect(words('порт Актау, президе\u0301нт, 50 км², Alem.ai — ℓ')).toEqual(['порт', 'Актау', 'президе\u0301нт', '50', 'км²', 'Alem.ai']);
  });

  it('leaves classes that match text exact: \\p{L} in a pattern matches letters only', () => {
    expect(regex('^\\p{L}+$', 'u').test('президе\u0301нт')).toBe(false);
    expect(regex('^[\\p{L}]+$', 'u').test('ℓ')).toBe(true);
    expect(regex(`^${LB}`, 'u').source).not.toContain('ℓ');
  });
});

describe('regex: case-insensitive rules compiled without the i flag', () => {
  // Every character some case mapping changes, and all of the scripts' blocks: the candidates a
  // folded letter could wrongly match or miss.
  const cased = /\p{Changes_When_Casemapped}/u;
  const candidates: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if ((c < 0xd800 || c > 0xdfff) && (cased.test(ch) || SCRIPT_BLOCKS.some(([a, b]) => c >= a && c <= b))) candidates.push(ch);
  }
  const inBlocks = candidates.filter((ch) => SCRIPT_BLOCKS.some(([a, b]) => ch.charCodeAt(0) >= a && ch.charCodeAt(0) <= b));
  const differences = (source: string, among = candidates) => {
    const folded = regex(source, 'iu');
    const exact = new RegExp(source, 'iu');
    expect(folded.flags).not.toContain('i');
    return among.filter((ch) => folded.test(ch) !== exact.test(ch)).map((ch) => ch.charCodeAt(0).toString(16));
  };

  it('matches every letter of Latin, Greek and Cyrillic exactly as the i flag does', () => {
    const letter = /\p{L}/u;
    const wrong: string[] = [];
    for (const ch of inBlocks) {
      if (letter.test(ch)) for (const d of differences(`^${ch}$`)) wrong.push(`${ch}~${d}`);
    }
    expect(wrong).toEqual([]);
  });

  it('matches ranges, negated classes and escapes exactly as the i flag does', () => {
    for (const source of ['^[а-я]$', '^[^А-ЯЁ]$', '^[A-Z]$', '^[\\u0410-\\u042f\\-]$', '^\\u0436$', '^[ǅ\\d]$']) {
      expect(differences(source), source).toEqual([]);
    }
    // Spelled-out classes hold the letters of the scripts' blocks only (see above).
    for (const source of ['^[\\p{Lu}]$', '^\\p{Ll}$', '^[^\\s\\p{L}]$']) expect(differences(source, inBlocks), source).toEqual([]);
  });

  it('takes the case variants from a file that agrees with the running V8, or works them out', () => {
    const file = loadRules<{ unicode: string; groups: string[] }>('common', 'case-variants');
    const computed = computeCaseGroups();
    expect(caseGroups()).toEqual(computed);
    if (file.unicode === process.versions.unicode) expect(file.groups).toEqual(computed);
    expect(computed).toEqual(expect.arrayContaining(['Aa', 'Kk\u212a', 'Ss\u017f', 'Ёё', 'Әә', 'Σςσ']));
  });

  it('finds a word whatever its case, and keeps named groups as they are', () => {
    const m = [...'ПРЕЗИДЕНТ, президент и Президент'.matchAll(regex('(?<title>президент)', 'giu'))];
    expect(m.map((x) => x.groups!.title)).toEqual(['ПРЕЗИДЕНТ', 'президент', 'Президент']);
  });

  it('leaves the i flag to V8 when the source uses \\w, \\b or a back-reference', () => {
    for (const source of ['\\w+', 'a\\b', '(a)\\1', '\\p{Script=Cyrillic}']) expect(regex(source, 'iu').flags).toContain('i');
    expect(regex('\\w', 'iu').test('ſ')).toBe(true);
  });
});

describe('compileNow', () => {
  it('leaves a large regex finding what its twin finds, from the start of the text', () => {
    const stems = ['январ', 'феврал', 'апрел', 'ма', 'июн', 'июл', 'сентябр', 'октябр', 'ноябр', 'декабр'];
    const months = stems.flatMap((s) => ['ь', 'я', 'е', 'ю', 'ем'].map((e) => s + e));
    const source = `${LB}\\d{1,2}\\s+${wordsAlt(months)}${RB}`;
    const [early, late] = [regex(source, 'giu'), regex(source, 'giu')];
    expect(early.source.length).toBeGreaterThanOrEqual(1000);
    const text = 'Встреча прошла 11 декабря, а следующая намечена на 3 мая и 15 Апреля.';
    compileNow(early);
    expect(early.lastIndex).toBe(0);
    expect(early.exec(text)?.[0]).toBe('11 декабря');
    expect(matchAll(early, text).map((m) => m[0])).toEqual(matchAll(late, text).map((m) => m[0]));
    expect(matchAll(late, text)).toHaveLength(3);
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
