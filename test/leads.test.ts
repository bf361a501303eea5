// Gazetteers tried only where a name may start (src/rules/leads.ts): the candidates come from a
// lookup of each word start's first two letters, and the matches must be exactly those of a
// scan of the whole text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../src/extractors/project/gazetteer.js';
import { gazetteerMatches, Leads, leadsOf } from '../src/rules/leads.js';
import { compile, LB, RB } from '../src/rules/regex.js';
import { ROOT } from './helpers.js';

const spans = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => `${m.index}:${m[0]}`);
const globalSpans = (re: RegExp, text: string) => spans(text.matchAll(new RegExp(re.source, re.flags)));

describe('leadsOf', () => {
  it('gives the first two letters of a name, in every case a class allows', () => {
    expect(leadsOf('Транскаспийск\\p{L}{0,4}')).toEqual({ pairs: ['Тр'] });
    expect(leadsOf('[Тт]ранс')).toEqual({ pairs: ['Тр', 'тр'] });
    expect(leadsOf('\\.kz')).toEqual({ pairs: ['.k'] });
  });

  it('falls back to the first letter when the second may be missing or is not plain', () => {
    expect(leadsOf('С,?\\s+дипломом')).toEqual({ firsts: ['С'] });
    expect(leadsOf('Ab?c')).toEqual({ firsts: ['A'] });
    expect(leadsOf('A+b')).toEqual({ firsts: ['A'] });
    expect(leadsOf('A')).toEqual({ firsts: ['A'] });
  });

  it('gives up when even the first letter is not plain', () => {
    for (const p of ['A?b', '(?:ab)', '\\p{L}x', 'ab|cd', '.x']) expect(leadsOf(p), p).toBeNull();
  });
});

describe('gazetteerMatches', () => {
  it('finds what a scan of the whole text finds, overlaps and word boundaries included', () => {
    const patterns = ['Абв', 'Аб', 'С,?\\s+где', 'бв\\p{L}*', 'Ёж'];
    const source = `${LB}(?:${patterns.join('|')})${RB}`;
    const text = 'Абв бв С где xАбв Аб,Абвгд бвгд Ёж Ёжик С  где 1Аб _Аб Абв';
    const leads = Leads.of(patterns)!;
    const found = spans(gazetteerMatches(text, leads, compile(source, { sticky: true }), compile(source)));
    expect(found).toEqual(globalSpans(compile(source), text));
    expect(found).toEqual(['0:Абв', '4:бв', '7:С где', '18:Аб', '27:бвгд', '32:Ёж', '40:С  где', '55:Абв']);
  });

  it('finds every project name a whole-text scan finds in real news, in each language', () => {
    const dirs = readdirSync(join(ROOT, '..', 'shared', 'eval-data'), { withFileTypes: true }).filter((d) => d.isDirectory());
    const texts = [join(ROOT, 'seeds'), ...dirs.map((d) => join(ROOT, '..', 'shared', 'eval-data', d.name, 'docs'))].flatMap((dir) =>
      readdirSync(dir).sort().slice(0, 150).map((f) => readFileSync(join(dir, f), 'utf8')),
    );
    const text = texts.join('\n\n');
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const g = gazetteer(lang);
      expect(g.leads, lang).not.toBeNull();
      const found = spans(gazetteerMatches(text, g.leads, g.sticky, g.re));
      expect(found.length, lang).toBeGreaterThan(10);
      expect(found, lang).toEqual(globalSpans(g.re, text));
    }
  });
});
