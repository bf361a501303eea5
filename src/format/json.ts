// JSON: one document, {"documents": [{doc, lang, date, [title, text,] facts}, ...], "summary":
// {...}}, written a piece at a time so that no more than the current facts are held. `title` and
// `text` come with documents whose text was taken out of a page (HTML files, URLs).
import type { Formatter } from './types.js';

const pretty = (v: unknown, indent: string) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${indent}`);

export function jsonFormatter(): Formatter {
  let firstDocument = true;
  let firstFact = true;
  return {
    begin: () => '{\n  "documents": [',
    documentStart: (meta) => {
      const sep = firstDocument ? '\n    ' : ',\n    ';
      firstDocument = false;
      firstFact = true;
      return (
        `${sep}{\n      "doc": ${JSON.stringify(meta.doc)},\n      "lang": ${JSON.stringify(meta.lang)},` +
        `\n      "date": ${pretty(meta.date, '      ')},` +
        (meta.title !== undefined ? `\n      "title": ${JSON.stringify(meta.title)},` : '') +
        (meta.text !== undefined ? `\n      "text": ${JSON.stringify(meta.text)},` : '') +
        `\n      "facts": [`
      );
    },
    facts: (facts) =>
      facts
        .map((f) => {
          const sep = firstFact ? '\n        ' : ',\n        ';
          firstFact = false;
          return sep + pretty(f, '        ');
        })
        .join(''),
    documentEnd: (_meta, count) => (count ? '\n      ]\n    }' : ']\n    }'),
    end: (summary) => `${firstDocument ? '' : '\n  '}],\n  "summary": ${pretty(summary, '  ')}\n}\n`,
  };
}
