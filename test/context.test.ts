// Figures in context (src/context/): what each money, percent and quantity figure is about.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { CLAUSE_BREAK, clauseAround, clauseBreaks } from '../src/normalize/qualifier.js';
import type { FigureContext, SupportedLang } from '../src/types.js';

const figures = (text: string, lang: SupportedLang, date?: string) =>
  extract(date ? `date ${date}\n${text}` : text, { lang }).filter((f) => ['money', 'percent', 'quantity'].includes(f.type));
const ctx = (f: { value: unknown }) => f.value as FigureContext;

describe('figures in context', () => {
  it('reads measure, status, countries and period from the clause (ru)', () => {
    const [actual, target] = figures(
      'Товарооборот между Казахстаном и Узбекистаном в 2025 году составил 4,97 млрд долларов. Стороны намерены довести его до 10 млрд долларов к 2030 году.',
      'ru',
      '2025-11-17',
    );
    expect(ctx(actual!)).toMatchObject({ measure: 'trade', status: 'actual', countries: ['KZ', 'UZ'], period: { iso: '2025' } });
    expect(target!.text).toBe('10 млрд долларов');
    expect(ctx(target!)).toMatchObject({ measure: 'trade', status: 'target', countries: ['KZ', 'UZ'], period: { iso: '2030', deadline: true } });
  });

  it('links a percent of change and the level it led to, each to the other', () => {
    const [percent, level] = figures('Объем грузоперевозок между Казахстаном и Китаем вырос на 62% и составил 4,5 млн тонн.', 'ru');
    expect(ctx(percent!)).toMatchObject({ measure: 'cargo', relatedTo: { type: 'quantity', start: level!.start, end: level!.end } });
    expect(ctx(level!)).toMatchObject({ measure: 'cargo', relatedTo: { type: 'percent', start: percent!.start, end: percent!.end } });
  });

  it('does not link a change reported to a level aimed at', () => {
    const [percent, level] = figures('Товарооборот вырос на 40%, и мы стремимся довести его до 3 млрд долларов.', 'ru');
    expect(ctx(percent!)).toMatchObject({ status: 'actual' });
    expect(ctx(percent!).relatedTo).toBeUndefined();
    expect(ctx(level!)).toMatchObject({ status: 'target' });
  });

  it('completes bilateral figures from the states the document is about, and never reads a currency as a state', () => {
    const [f] = figures('Казахстан и Турция провели переговоры. Двусторонний товарооборот составил 6 млрд долларов США.', 'ru');
    expect(ctx(f!).countries).toEqual(['KZ', 'TR']);
  });

  it('keeps a national measure to its state', () => {
    const [f] = figures('Китай и Казахстан подписали соглашение. ВВП Казахстана вырос на 5%.', 'ru');
    expect(ctx(f!)).toMatchObject({ measure: 'gdp', countries: ['KZ'] });
  });

  it('reads Kazakh, whose verb follows the figure', () => {
    const [f] = figures('Қазақстан мен Қырғызстан арасындағы тауар айналымын 3 млрд долларға дейін жеткізу көзделген.', 'kk');
    expect(ctx(f!)).toMatchObject({ measure: 'trade', status: 'target', countries: ['KZ', 'KG'] });
  });

  it('reads English, and an announced investment is a plan', () => {
    const [trade, invest] = figures('Kazakhstan and China aim to raise trade to $35 billion by 2030. China will invest $2bn in new plants.', 'en');
    expect(ctx(trade!)).toMatchObject({ measure: 'trade', status: 'target', countries: ['KZ', 'CN'], period: { iso: '2030', deadline: true } });
    expect(ctx(invest!)).toMatchObject({ measure: 'investment', status: 'plan' });
  });

  it('gives cargo on a named route to every state along it', () => {
    const [f] = figures('Перевозки по ТМТМ в 2024 году составили 4,5 млн тонн.', 'ru');
    expect(ctx(f!)).toMatchObject({ measure: 'cargo', countries: ['KZ', 'AZ', 'GE', 'TR'] });
  });

  it('gives a count of jobs the measure jobs whatever the clause says', () => {
    const [f] = figures('Инвестиции создадут 15 тыс. рабочих мест.', 'ru');
    expect(ctx(f!)).toMatchObject({ measure: 'jobs' });
  });
});

describe('figures in context, whatever types are asked for', () => {
  it('gives a figure its period from a date that is found for it but not given', () => {
    const text = 'Товарооборот между Казахстаном и Узбекистаном должен достичь $10 млрд к 2030 году.';
    const [all, only] = [extract(text), extract(text, { types: ['money'] })];
    expect(only.map((f) => f.type)).toEqual(['money']);
    expect(only[0]!.value).toEqual(all.find((f) => f.type === 'money')!.value);
    expect((only[0]!.value as FigureContext).period).toMatchObject({ iso: '2030', deadline: true });
  });
});

describe('the clause around a figure', () => {
  // The clause found by binary search over breaks found once per sentence is the clause found by
  // splitting the text before and after the figure at CLAUSE_BREAK, for any text.
  const bySplit = (text: string, s: { start: number; end: number }, from: number, to: number) => {
    const before = text.slice(s.start, from).split(CLAUSE_BREAK);
    const after = text.slice(to, s.end).split(CLAUSE_BREAK);
    return { start: from - before.at(-1)!.length, end: to + after[0]!.length };
  };
  it('is the same as splitting at clause breaks, wherever the figure stands', () => {
    const pieces = ['рост', ' ', ',', ', ', ',\n', '.', '«', '»', ';', 'a', '\u00a0', '5%', ':'];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const s = { start: Math.floor(next() * 3), end: text.length - Math.floor(next() * 3) };
      if (s.end <= s.start) continue;
      const from = s.start + Math.floor(next() * (s.end - s.start));
      const to = from + Math.floor(next() * (text.length - from + 1));
      expect(clauseAround(clauseBreaks(text, s), s, from, to), JSON.stringify({ text, s, from, to })).toEqual(bySplit(text, s, from, to));
    }
  });

  it('of a figure among a hundred thousand in one sentence is still its own', () => {
    const text = 'рост на 5%, '.repeat(100_000);
    const f = { start: text.length / 2 + 8, end: text.length / 2 + 10 };
    const s = { start: 0, end: text.length };
    expect(clauseAround(clauseBreaks(text, s), s, f.start, f.end)).toEqual({ start: text.length / 2, end: text.length / 2 + 10 });
  });
});
