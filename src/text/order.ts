// Ordering strings without ICU.

/**
 * Orders strings by their UTF-16 code units, as `<` does: the same order on every machine and
 * locale, where `localeCompare` follows ICU's collation. For orders that only have to be stable
 * (word lists, ISO dates, fact types).
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
