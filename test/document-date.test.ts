// The document's date: a `date YYYY-MM-DD` header line, else the dateline (a full date at the
// start of the first line), else the first full date of the text; `source` says which. The json
// format reports it per document, and relative dates resolve against it.
import { describe, expect, it } from 'vitest';
import { documentDate } from '../src/extractors/date/document-date.js';
import { extractDocument } from '../src/pipeline.js';
import { diplo } from './helpers.js';

describe('document date', () => {
  it.each([
    ['header', 'date 2025-11-15\nВчера министр прибыл в Баку.', 'ru', { iso: '2025-11-15', source: 'header' }],
    ['header wins over a dateline', 'date 2025-11-15\n11 декабря 2024 года, Астана. Переговоры.', 'ru', { iso: '2025-11-15', source: 'header' }],
    ['ru dateline', 'АСТАНА, 11 декабря 2025 года. Президенты провели переговоры.', 'ru', { iso: '2025-12-11', source: 'dateline' }],
    ['kk dateline', '2025 жылғы 11 желтоқсан. Астана. Президент келіссөздер өткізді.', 'kk', { iso: '2025-12-11', source: 'dateline' }],
    ['en dateline', 'ASTANA, 11 December 2025. The presidents held talks.', 'en', { iso: '2025-12-11', source: 'dateline' }],
    [
      'first full date in the text',
      'Президенты провели переговоры в Акорде и обсудили торговлю, транзит и энергетику на ближайшие годы.\n\nСоглашение подписано 3 мая 2019 года в Москве.',
      'ru',
      { iso: '2019-05-03', source: 'text' },
    ],
    ['no full date', 'В прошлом году товарооборот вырос на 62%.', 'ru', null],
    ['a month alone is not a document date', 'В декабре 2024 года товарооборот вырос.', 'ru', null],
  ] as const)('%s', (_, text, lang, want) => {
    expect(documentDate(text, lang)).toEqual(want);
  });

  it('resolves relative dates against the dateline', () => {
    const r = extractDocument('doc.txt', 'АСТАНА, 11 декабря 2025 года. Вчера делегация прибыла, а в прошлом году объём вырос.', { lang: 'ru', types: ['date'] });
    expect(r.date).toEqual({ iso: '2025-12-11', source: 'dateline' });
    const byText = Object.fromEntries(r.facts.map((f) => [f.text, f.value]));
    expect(byText['Вчера']).toMatchObject({ iso: '2025-12-10', relative: true });
    expect(byText['в прошлом году']).toMatchObject({ iso: '2024', relative: true });
  });

  it('is reported per document, with its source, in the json format', () => {
    const r = diplo(['extract', '-', '--format', 'json', '--type', 'date', '--lang', 'ru'], 'date 2025-11-15\nВ среду министры встретились.');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { documents: { date: unknown; facts: { text: string; value: unknown }[] }[] };
    expect(out.documents[0]!.date).toEqual({ iso: '2025-11-15', source: 'header' });
    expect(out.documents[0]!.facts[0]).toMatchObject({ text: 'В среду', value: { iso: '2025-11-12', relative: true } });
  });
});
