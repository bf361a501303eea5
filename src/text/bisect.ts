// Binary search over items in order: where a position falls among spans, breaks or facts.

/**
 * The index of the first item for which `before` is false, in items ordered so that `before` is
 * true for a prefix and false after it (items.length when it is true for all).
 */
export function firstNotBefore<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
