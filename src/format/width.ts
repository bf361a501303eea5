// Display width for the terminal table, which cli-table3 measures for every cell, word and line
// it lays out. Its own measure (string-width) strips colour codes and scans for emoji with two
// regexes on every call: about 0.4 ms a row, most of a table's cost. The bundle gives cli-table3
// this function instead (scripts/bundle.mjs): a text made only of characters one column wide
// each (ASCII, Latin and Cyrillic letters, common punctuation: what news in diplo's languages
// is written in) is as wide as it is long; any other text is measured by string-width as before,
// so the widths, and the table, are the same.

/** The BMP characters string-width counts as one column each, whatever is around them. */
export const ONE_COLUMN: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // ASCII, printable
  [0xa0, 0xa0], // no-break space
  [0xab, 0xab], // «
  [0xb7, 0xb7], // ·
  [0xbb, 0xbb], // »
  [0xc0, 0x24f], // Latin letters
  [0x400, 0x52f], // Cyrillic letters
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x203a], // per mille, primes, angle quotes
  [0x20ac, 0x20bf], // currency signs
  [0x2116, 0x2116], // №
];

const oneColumn = new Uint8Array(0x2117);
for (const [from, to] of ONE_COLUMN) oneColumn.fill(1, from, to + 1);

/** The width of `text` in columns: its length when every character is one column, else `measure(text)`. */
export function displayWidth(text: string, measure: (text: string) => number): number {
  if (typeof text !== 'string') return measure(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= oneColumn.length || oneColumn[c] === 0) return measure(text);
  }
  return text.length;
}
