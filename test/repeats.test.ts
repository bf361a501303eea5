// A figure of the body repeating one of the headline says so (`repeatOf`), whole or in chunks.
import { describe, expect, it } from 'vitest';
import { extractDocument, startDocument } from '../src/pipeline.js';

const TEXT = `Товарооборот Казахстана и Узбекистана достиг 4 млрд долларов

Астана, 20 ноября. Президенты обсудили торговлю. По итогам года товарооборот между странами достиг 4 млрд долларов, а инвестиции составили 2 млрд долларов. Стороны намерены довести товарооборот до 10 млрд долларов.
${'Другие новости без цифр. '.repeat(120)}
Кроме того, отмечено, что товарооборот достиг 4 млрд долларов.
`;

const money = (facts: ReturnType<typeof extractDocument>['facts']) => facts.filter((f) => f.type === 'money');

describe('repeatOf', () => {
  it('points a body figure to the same figure of the headline; other figures have none', () => {
    const facts = money(extractDocument('t.txt', TEXT, { lang: 'ru' }).facts);
    const four = facts.filter((f) => f.text === '4 млрд долларов');
    expect(four).toHaveLength(3);
    expect(four[0]!.repeatOf).toBeUndefined();
    expect(four[1]!.repeatOf).toEqual({ start: four[0]!.start, end: four[0]!.end });
    expect(four[2]!.repeatOf).toEqual({ start: four[0]!.start, end: four[0]!.end });
    expect(facts.filter((f) => f.text !== '4 млрд долларов').every((f) => f.repeatOf === undefined)).toBe(true);
  });

  it('gives the same repeats when the document is read in chunks', () => {
    const whole = money(extractDocument('t.txt', TEXT, { lang: 'ru' }).facts);
    const run = startDocument('t.txt', TEXT.slice(0, 1600), { lang: 'ru' });
    const parts = [...run.chunk(TEXT.slice(0, 1600)), ...run.chunk(TEXT.slice(1600)), ...run.end()];
    expect(money(parts).map((f) => f.repeatOf ?? null)).toEqual(whole.map((f) => f.repeatOf ?? null));
  });

  it('leaves a figure alone when its first mention is deep in the body, not in the lead', () => {
    const late = `${'Новости без цифр. '.repeat(60)}Товарооборот достиг 4 млрд долларов. Итог: 4 млрд долларов.\n`;
    expect(money(extractDocument('t.txt', late, { lang: 'ru' }).facts).every((f) => f.repeatOf === undefined)).toBe(true);
  });
});
