// Money values: amount (or min/max for a range or a vague amount) in units of the currency,
// ISO code, qualifier.
import { readQuantity, round, trailingScale, type Quantity } from '../../normalize/number.js';
import type { MoneyValue, Qualifier, SupportedLang } from '../../types.js';

/**
 * The two ends of a range ("от 3 до 5 млн", "3–5 млн"): a first end without a scale word takes
 * the scale of the second ("3–5 млн" is 3 million to 5 million; "от нескольких десятков до
 * нескольких сотен миллионов" is 20 million to 900 million).
 */
export function rangeBounds(n1: string, n2: string, lang: SupportedLang): Quantity | null {
  const low = readQuantity(n1, lang);
  const high = readQuantity(n2, lang);
  if (!low || !high) return null;
  const min = trailingScale(n1, lang) === 1 ? round(low.min * trailingScale(n2, lang)) : low.min;
  return min <= high.max ? { min, max: high.max } : null;
}

/** A stated amount, or a range when the text gives one or is vague ("несколько миллионов" → approx). */
export function moneyValue(q: Quantity, currency: string | null, qualifier: Qualifier, factor = 1): MoneyValue {
  const scaled = { min: round(q.min * factor), max: round(q.max * factor) };
  return scaled.min === scaled.max
    ? { amount: scaled.min, currency, qualifier }
    : { min: scaled.min, max: scaled.max, currency, qualifier };
}
