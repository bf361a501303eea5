// Characters a terminal acts on instead of showing them: C0 controls (ESC starts the sequences
// that clear the screen or set the window title), DEL, C1 controls (U+009B is a one-character
// CSI) and the bidirectional overrides that reorder what follows them. Text meant for a terminal
// (the table, every message on stderr) shows them escaped; the data formats keep the text exact.

const ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, with the line break kept (a table cell's lines, a message's own lines). */
const BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
};

/**
 * `s` with every control character written as an escape (`\x1b`, `\x07`, `\u202e`), so that it
 * shows on a terminal as what it is. `keepNewlines`: line breaks stay line breaks.
 */
export function escapeControls(s: string, keepNewlines = false): string {
  return s.replace(keepNewlines ? BUT_NEWLINE : ALL, escape);
}
