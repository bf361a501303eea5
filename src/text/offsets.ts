// JavaScript strings index UTF-16 units; the contract counts Unicode code points, as `[...s]`
// does: a surrogate pair is one, and so is a lone surrogate.

/** Returns a function mapping a UTF-16 index of `text` to its code-point index. */
export function codePointIndex(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (isPairAt(text, i)) {
      map[i + 1] = cp;
      i++;
    }
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}

/** A high surrogate at `i` followed by a low one: one code point in two units. */
export function isPairAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** The length of `text` in code points, as `[...text].length` counts them (a lone surrogate is one). */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) if (isPairAt(text, i)) n--, i++;
  return n;
}

/** Strips a leading byte-order mark, as the contract counts offsets after it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
