// Money values: amount (or min/max for a range or a vague amount) in units of the currency,
// ISO code, qualifier.
import { round, type Quantity } from '../../normalize/number.js';
import type { MoneyValue, Qualifier } from '../../types.js';

/** A stated amount, or a range when the text gives one or is vague ("несколько миллионов" → approx). */
export function moneyValue(q: Quantity, currency: string | null, qualifier: Qualifier, factor = 1): MoneyValue {
  const scaled = { min: round(q.min * factor), max: round(q.max * factor) };
  return scaled.min === scaled.max
    ? { amount: scaled.min, currency, qualifier }
    : { min: scaled.min, max: scaled.max, currency, qualifier };
}
