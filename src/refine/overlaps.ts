// Overlap removal: of two overlapping matches of one type, the longer wins
// (then the more confident, then the earlier). Matches of different types may overlap.
import { firstNotBefore } from '../text/bisect.js';
import { byCodeUnits } from '../text/order.js';
import type { Match } from '../types.js';

export function removeOverlaps<M extends Match>(matches: readonly M[]): M[] {
  const byType = new Map<string, M[]>();
  for (const m of matches) {
    const group = byType.get(m.type);
    if (group) group.push(m);
    else byType.set(m.type, [m]);
  }
  let kept: M[] = [];
  for (const group of byType.values()) {
    group.sort((a, b) => (b.end - b.start) - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start);
    kept = kept.concat(keepDisjoint(group)); // not push(...): a million arguments overflow the stack
  }
  return kept.sort(byPosition);
}

export function byPosition(a: Match, b: Match): number {
  return a.start - b.start || a.end - b.end || byCodeUnits(a.type, b.type);
}

/**
 * Of non-empty spans ranked best first, each one that overlaps no better span kept before it, in
 * rank order. O(n log n): the spans' edges cut the line into elementary segments, two spans
 * overlap exactly when they share one, and a Fenwick tree counts the segments the kept spans
 * cover, so that each span asks once instead of comparing itself with every kept span.
 */
export function keepDisjoint<S extends { start: number; end: number }>(ranked: readonly S[]): S[] {
  const edges = new Int32Array(2 * ranked.length);
  for (let i = 0; i < ranked.length; i++) {
    edges[2 * i] = ranked[i]!.start;
    edges[2 * i + 1] = ranked[i]!.end;
  }
  edges.sort();
  let n = 0;
  for (let i = 0; i < edges.length; i++) if (i === 0 || edges[i] !== edges[n - 1]) edges[n++] = edges[i]!;
  const index = (x: number) => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // tree[i] counts covered segments over a range ending at segment i - 1 (a Fenwick tree).
  const tree = new Int32Array(n + 1);
  const coveredBefore = (k: number) => {
    let c = 0;
    for (let i = k; i > 0; i -= i & -i) c += tree[i]!;
    return c;
  };
  const kept: S[] = [];
  for (const s of ranked) {
    const a = index(s.start);
    const b = index(s.end);
    if (coveredBefore(b) - coveredBefore(a) > 0) continue;
    kept.push(s);
    for (let k = a; k < b; k++) for (let i = k + 1; i <= n; i += i & -i) tree[i]!++;
  }
  return kept;
}

/**
 * Spans of one text, added one by one, and whether a span overlaps any of them, in time
 * proportional to the span's length rather than to the number of spans: a flag per character
 * covered (as many bytes as the text has characters). Spans asked about must be non-empty.
 */
export class CoveredSpans {
  private readonly flags: Uint8Array;

  constructor(length: number) {
    this.flags = new Uint8Array(length);
  }

  add(span: { start: number; end: number }): void {
    this.flags.fill(1, span.start, span.end);
  }

  overlaps(span: { start: number; end: number }): boolean {
    return this.flags.subarray(span.start, span.end).indexOf(1) >= 0;
  }
}

/**
 * A fixed set of spans as a test of whether a span overlaps one of them, in O(log n): the spans
 * sorted by start, with the greatest end up to each.
 */
export function overlapTest(spans: readonly { start: number; end: number }[]): (span: { start: number; end: number }) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd = new Float64Array(sorted.length);
  for (let i = 0, max = -Infinity; i < sorted.length; i++) maxEnd[i] = max = Math.max(max, sorted[i]!.end);
  return (span) => {
    // the spans that start before `span` ends: does one of them end after it starts?
    const lo = firstNotBefore(sorted, (s) => s.start < span.end);
    return lo > 0 && maxEnd[lo - 1]! > span.start;
  };
}
