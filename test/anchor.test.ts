// Anchored rules run their pattern only around their anchor's hits (src/rules/anchor.ts). That is
// a speed-up, never a change of meaning: on the seeds and on every fixture text, each anchored
// rule finds exactly what a scan of the whole text finds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateRules } from '../src/extractors/date/rules.js';
import { moneyMatchers } from '../src/extractors/money/match.js';
import { percentMatchers } from '../src/extractors/percent/match.js';
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

function anchoredRules(lang: SupportedLang): { id: string; rule: AnchoredRule }[] {
  return [...dateRules(lang).rules, ...moneyMatchers(lang).rules, ...percentMatchers(lang).rules].map((r) => ({ id: r.id, rule: r }));
}

describe.each(LANGS)('anchored rules (%s)', (lang) => {
  const texts = textsOf(lang);
  it.each(anchoredRules(lang).filter((r) => r.rule.anchor))('$id finds what a whole-text scan finds', ({ rule }) => {
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
    const tight: AnchoredRule = { ...rule, after: 2 };
    const text = `${'слово '.repeat(50)}3 мая 2019 года ${'слово '.repeat(50)}`;
    expect(spans(matchRule(tight, text))).toEqual(spans(matchAll(rule.re, text)));
  });

  it('finds nothing when the anchor is absent', () => {
    expect(matchRule(rule, 'Встреча прошла 3 марта 2019 года.')).toEqual([]);
  });
});
