// Gazetteers tried only where a name may start (src/rules/leads.ts): the candidates come from a
// lookup of each word start's first two letters (or an initial: "В. Путин"), and the matches
// must be exactly those of a scan of the whole text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../src/extractors/project/gazetteer.js';
import { compileLang } from '../src/extractors/leader/compile.js';
import { projectLexicon } from '../src/extractors/project/lexicon.js';
import { leadMatches, leadRegex, leadsOf, wordChars } from '../src/rules/leads.js';
import { LB, RB, regex } from '../src/rules/regex.js';
import { ROOT } from './helpers.js';

const spans = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => `${m.index}:${m[0]}`);
const globalSpans = (re: RegExp, text: string) => spans(text.matchAll(new RegExp(re.source, re.flags)));
/** Each match with every group it captured, by number and by name. */
const captures = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => `${m.index}:${JSON.stringify([...m])}:${JSON.stringify(m.groups ?? {})}`);
const globalCaptures = (re: RegExp, text: string) => captures(text.matchAll(new RegExp(re.source, re.flags)));

describe('wordChars', () => {
  it('counts as part of a word exactly the characters the word-start look-behind does', () => {
    const afterWord = regex(`^.${LB}`, 'su');
    const table = wordChars();
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const inWord = !afterWord.test(String.fromCharCode(c, 0x20));
      if (inWord !== (table[c] === 1)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });
});

describe('leadsOf', () => {
  it('gives the first three letters of a name, in every case a class allows', () => {
    expect(leadsOf('Транскаспийск\\p{L}{0,4}')).toEqual({ prefixes: ['Тра'], firsts: [] });
    expect(leadsOf('[Тт]ранс')).toEqual({ prefixes: ['Тра', 'тра'], firsts: [] });
    expect(leadsOf('\\.kz')).toEqual({ prefixes: ['.kz'], firsts: [] });
  });

  it('stops at two letters when the third may be missing, repeat or is not plain', () => {
    expect(leadsOf('Аб(?:в|г)')).toEqual({ prefixes: ['Аб'], firsts: [] });
    expect(leadsOf('Абв?г')).toEqual({ prefixes: ['Аб'], firsts: [] });
    expect(leadsOf('Аб+в')).toEqual({ prefixes: ['Аб'], firsts: [] });
    expect(leadsOf('Аб')).toEqual({ prefixes: ['Аб'], firsts: [] });
  });

  it('falls back to the first letter when the second may be missing or is not plain', () => {
    expect(leadsOf('С,?\\s+дипломом')).toEqual({ prefixes: [], firsts: ['С'] });
    expect(leadsOf('Ab?c')).toEqual({ prefixes: [], firsts: ['A'] });
    expect(leadsOf('A+b')).toEqual({ prefixes: [], firsts: ['A'] });
    expect(leadsOf('A')).toEqual({ prefixes: [], firsts: ['A'] });
  });

  it('reads a spelled-out class as its letters, and looks up fewer letters when prefixes would be too many', () => {
    expect(leadsOf('\\p{Lu}\\p{Ll}+')?.firsts).toEqual(expect.arrayContaining(['Ж', 'Қ', 'Q', 'Ё']));
    expect(leadsOf('\\p{Lu}\\.')).toMatchObject({ prefixes: expect.arrayContaining(['В.', 'Ә.']) });
    expect(leadsOf('\\p{Lu}\\.[ \\t]')).toMatchObject({ prefixes: expect.arrayContaining(['В.', 'Ә.']) });
  });

  it('reads alternatives one by one, and a group the pattern opens with', () => {
    expect(leadsOf('АЭС|ГЭС|Т')).toEqual({ prefixes: ['АЭС', 'ГЭС'], firsts: ['Т'] });
    expect(leadsOf('(?:көлік|транзит)\\p{L}*\\s+бағыт|маршрут')).toEqual({ prefixes: ['көл', 'тра', 'мар'], firsts: [] });
    expect(leadsOf('(?:a|b)c')).toEqual({ prefixes: ['ac', 'bc'], firsts: [] });
  });

  it('gives up when even the first letter is not plain', () => {
    for (const p of ['A?b', '(?:ab)?c', '\\sx', 'ab|.d', '.x', '(?<!a)bc']) expect(leadsOf(p), p).toBeNull();
  });
});

describe('leadMatches', () => {
  it('finds what a scan of the whole text finds, overlaps and word boundaries included', () => {
    const patterns = ['Абв', 'Аб', 'С,?\\s+где', 'бв\\p{L}*', 'Ёж'];
    const source = `${LB}(?:${patterns.join('|')})${RB}`;
    const text = 'Абв бв С где xАбв Аб,Абвгд бвгд Ёж Ёжик С  где 1Аб _Аб Абв';
    const g = leadRegex(source, patterns);
    expect(g.leads).not.toBeNull();
    const found = spans(leadMatches(text, g));
    expect(found).toEqual(globalSpans(g.re, text));
    expect(found).toEqual(['0:Абв', '4:бв', '7:С где', '18:Аб', '27:бвгд', '32:Ёж', '40:С  где', '55:Абв']);
  });

  // The seeds and the examples' texts, and the annotated news beside the project when it is there.
  const examples = join(ROOT, 'fixtures', 'examples');
  const exampleTexts = readdirSync(examples).flatMap((lang) =>
    readdirSync(join(examples, lang)).flatMap((f) =>
      readFileSync(join(examples, lang, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim() && !line.startsWith('//'))
        .map((line) => (JSON.parse(line) as { text: string }).text),
    ),
  );
  const evalData = join(ROOT, '..', 'shared', 'eval-data');
  const newsDirs = [join(ROOT, 'seeds')];
  if (existsSync(evalData)) {
    for (const d of readdirSync(evalData, { withFileTypes: true })) if (d.isDirectory()) newsDirs.push(join(evalData, d.name, 'docs'));
  }
  const news = [...newsDirs.flatMap((dir) => readdirSync(dir).sort().slice(0, 150).map((f) => readFileSync(join(dir, f), 'utf8'))), ...exampleTexts].join('\n\n');

  for (const lang of ['ru', 'kk', 'en'] as const) {
    it(`finds every project name, leader name, title and name run a whole-text scan finds in news and examples (${lang})`, () => {
      const c = compileLang(lang);
      const regexes = { projects: gazetteer(lang).scan, 'project heads': projectLexicon(lang).headRe, 'full names': c.full, surnames: c.surname, titles: c.title, 'capitalised words': c.capWord, 'name runs': c.personRun, honorifics: c.honorific };
      let total = 0;
      for (const [what, g] of Object.entries(regexes)) {
        if (g === null) continue;
        expect(g.leads, what).not.toBeNull();
        const found = captures(leadMatches(news, g));
        expect(found, what).toEqual(globalCaptures(g.re, news));
        total += found.length;
      }
      expect(total).toBeGreaterThan(30);
    });
  }
});
