// The shared number layer: how each language writes a number, and what it reads as.
import { describe, expect, it } from 'vitest';
import { numberLayer, parseDigits, parseQuantity } from '../src/normalize/number.js';
import type { SupportedLang } from '../src/types.js';

const cases: [SupportedLang, string, number][] = [
  ['ru', '17,8 млн', 17_800_000],
  ['ru', '2 500', 2500],
  ['ru', '2\u00A0500\u00A0000', 2_500_000],
  ['ru', '1.500', 1500],
  ['ru', '15 тыс.', 15_000],
  ['ru', '1,7 млрд', 1_700_000_000],
  ['ru', 'одного миллиарда', 1_000_000_000],
  ['ru', 'полтора миллиона', 1_500_000],
  ['ru', 'четверть миллиарда', 250_000_000],
  ['ru', 'ста миллионов', 100_000_000],
  ['ru', 'двух миллионов трехсот тысяч', 2_300_000],
  ['ru', 'сто пятьдесят', 150],
  ['kk', '3 млрд-қа', 3_000_000_000],
  ['kk', 'жүз елу мың', 150_000],
  ['kk', 'үш мың жеті жүз', 3700],
  ['kk', 'екі жүз миллион', 200_000_000],
  ['kk', 'жиырма миллион', 20_000_000],
  ['en', '1,500', 1500],
  ['en', '1.5 billion', 1_500_000_000],
  ['en', 'two hundred million', 200_000_000],
];

describe('parseQuantity', () => {
  it.each(cases)('%s: %s → %d', (lang, text, value) => {
    const re = new RegExp(`^(?:${numberLayer(lang).quantity})$`, 'iu');
    expect(re.test(text)).toBe(true);
    expect(parseQuantity(text, lang)).toBe(value);
  });

  it('does not read a word that is not a numeral', () => {
    expect(parseQuantity('много тысяч', 'ru')).toBeNull();
  });
});

describe('parseDigits', () => {
  it.each([
    ['17,8', true, 17.8],
    ['17.8', true, 17.8],
    ['1.500', true, 1500],
    ['1,500', false, 1500],
    ['1.5', false, 1.5],
    ['1.234.567,89', true, 1234567.89],
    ['1,234,567.89', false, 1234567.89],
  ] as const)('%s (decimal comma: %s) → %d', (text, comma, value) => {
    expect(parseDigits(text, comma)).toBe(value);
  });
});
