// JSON: one document, {"documents": [...], "summary": {...}}, written a document at a time.
import type { Formatter } from './types.js';

export function jsonFormatter(): Formatter {
  let first = true;
  return {
    begin: () => '{\n  "documents": [',
    document: (r) => {
      const body = JSON.stringify({ doc: r.doc, lang: r.lang, date: r.date, facts: r.facts }, null, 2).replace(/\n/g, '\n    ');
      const sep = first ? '\n    ' : ',\n    ';
      first = false;
      return sep + body;
    },
    end: (summary) => `${first ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`,
  };
}
