// Latin letters inside Cyrillic words. Copied text, OCR and hurried typing put a Latin "c" in
// "cәуірде" or a Latin "i" in "мемлекеттiк": the word looks right and matches nothing. Rules read
// the text with such letters in their Cyrillic form; facts keep the text as written (the same
// length in UTF-16 units, so offsets do not move).

/** Latin letters that look like a Cyrillic one, and that one. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х',
};

/** A run of Latin letters touching a Cyrillic letter. */
const TOUCHING = /[A-Za-z]+(?=\p{Script=Cyrillic})|(?<=\p{Script=Cyrillic})[A-Za-z]+/gu;

/**
 * `text` with each run of Latin letters that touches a Cyrillic letter in its Cyrillic form, where
 * every letter of the run has one ("Cоветская" → "Советская"; "uТ" stays). Same length as `text`.
 */
export function cyrillicReading(text: string): string {
  return text.replace(TOUCHING, (run) => (/^[aceiopxyABCEHIKMOPTX]+$/.test(run) ? run.replace(/./g, (c) => LOOKALIKES[c]!) : run));
}
