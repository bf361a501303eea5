// A figure of the body that repeats one of the headline or lead ("$1.2 billion" in both) says so:
// `repeatOf` gives the first one's offsets, so that sums over JSON Lines can skip repeats. Same
// type, same number and unit (currency, unit), and the same measure where both name one.
import type { Fact } from '../types.js';

/** How far into the body (code points) a first mention counts as the headline's or lead's. */
export const LEAD_CODE_POINTS = 500;

export type Firsts = Map<string, { start: number; end: number; measure: string | null }>;

function key(f: Fact): string | null {
  if (f.type !== 'money' && f.type !== 'percent' && f.type !== 'quantity') return null;
  const v = f.value as unknown as Record<string, unknown>;
  const n = [v.amount, v.value, v.min, v.max].map((x) => (typeof x === 'number' ? x : '')).join('/');
  if (n === '///') return null;
  return [f.type, n, v.currency ?? '', v.unit ?? ''].join('|');
}

const measureOf = (f: Fact) => (f.value as { measure?: string | null }).measure ?? null;

/**
 * Marks the facts (in document order, chunk after chunk) that repeat a figure of the lead;
 * `firsts` carries the lead's figures from chunk to chunk; `leadEnd` is where the lead ends.
 */
export function markRepeats(facts: readonly Fact[], firsts: Firsts, leadEnd: number): void {
  for (const f of facts) {
    const k = key(f);
    if (!k) continue;
    const first = firsts.get(k);
    if (first) {
      const m = measureOf(f);
      if (first.start < f.start && (!first.measure || !m || first.measure === m)) f.repeatOf = { start: first.start, end: first.end };
    } else if (f.start < leadEnd) {
      firsts.set(k, { start: f.start, end: f.end, measure: measureOf(f) });
    }
  }
}
