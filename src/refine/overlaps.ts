// Overlap removal: of two overlapping matches of one type, the longer wins
// (then the more confident, then the earlier). Matches of different types may overlap.
import { byCodeUnits } from '../text/order.js';
import type { Match } from '../types.js';

export function removeOverlaps<M extends Match>(matches: readonly M[]): M[] {
  const ranked = [...matches].sort(
    (a, b) => (b.end - b.start) - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start,
  );
  const kept: M[] = [];
  for (const m of ranked) {
    if (!kept.some((k) => k.type === m.type && k.start < m.end && m.start < k.end)) kept.push(m);
  }
  return kept.sort(byPosition);
}

export function byPosition(a: Match, b: Match): number {
  return a.start - b.start || a.end - b.end || byCodeUnits(a.type, b.type);
}
