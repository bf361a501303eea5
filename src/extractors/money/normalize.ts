// Money values: amount (or min/max for a range) in units of the currency, ISO code, qualifier.
import { parseQuantity } from '../../normalize/number.js';
import type { MoneyValue, Qualifier, SupportedLang } from '../../types.js';

/** "3–5 млн": a bare first number of a range takes the scale of the second. */
export function rangeBounds(n1: string, n2: string, lang: SupportedLang): { min: number; max: number } | null {
  let min = parseQuantity(n1, lang);
  const max = parseQuantity(n2, lang);
  if (min === null || max === null) return null;
  const lead = /^[\d\s\u00A0\u202F\u2009.,]+/.exec(n2)?.[0];
  if (/^[\d\s\u00A0\u202F\u2009.,]+$/.test(n1.trim()) && lead && lead.trim() !== n2.trim()) {
    const base = parseQuantity(lead, lang);
    if (base) min = Number((min * (max / base)).toPrecision(12));
  }
  return min <= max ? { min, max } : null;
}

export function moneyValue(
  amount: number | { min: number; max: number },
  currency: string | null,
  qualifier: Qualifier,
): MoneyValue {
  return typeof amount === 'number' ? { amount, currency, qualifier } : { ...amount, currency, qualifier };
}
