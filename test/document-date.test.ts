// The document's date: a `date YYYY-MM-DD` header line, else the dateline (a full date at the
// start of the first line), else the first full date of the text; `source` says which. The json
// format reports it per document, and relative dates resolve against it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentDate } from '../src/extractors/date/document-date.js';
import { detectLanguage } from '../src/lang/detect.js';
import { extractDocument } from '../src/pipeline.js';
import { LANGS } from '../src/types.js';
import { diplo, ROOT } from './helpers.js';

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
    [
      'of two full dates in the opening, the earlier (a page shows the day it is read beside the day it was written)',
      'Сенбі, 23 Қараша 2024\n1381 пікір 24 Қараша, 2023 сағат 16:21\n\nҚасым-Жомарт Тоқаев пен Ильхам Әлиев келіссөз жүргізді.',
      'kk',
      { iso: '2023-11-24', source: 'dateline' },
    ],
    [
      'a dateline without a year is not dated by a full date recalled further on',
      'TASHKENT, November 14. The presidents held talks.\n\nThe last state visit took place on December 21, 2022.',
      'en',
      null,
    ],
    [
      'a dateline without a year agrees with the full date of its day',
      'TASHKENT, December 21. The presidents held talks.\n\nThe state visit of December 21, 2022 opened a new chapter.',
      'en',
      { iso: '2022-12-21', source: 'text' },
    ],
    ['a month alone is not a document date', 'В декабре 2024 года товарооборот вырос.', 'ru', null],
    [
      "a page's stamp on a line of its own over a date the story recalls before it",
      'The presidents held talks in Tashkent.\n\nTokayev arrived on his first visit since his re-election on November 20, 2022.\n\nDecember 22, 2022\n',
      'en',
      { iso: '2022-12-22', source: 'text' },
    ],
    [
      "not the dates of a page's list of other stories",
      'The presidents held talks in Tashkent.\n\nMore news\nNew metro line opens\n25.10.2024\nFloods in the south\n24.10.2024\nFarmers expect a good harvest\n23.10.2024\n',
      'en',
      null,
    ],
    ['an en page stamp with dots and a time', 'POLITICS 16:54 / 21.12.2022\n\nTokayev arrived in Tashkent on a state visit.', 'en', { iso: '2022-12-21', source: 'dateline' }],
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

  // A run without date facts matches only the date rules that can state a day: a shortcut that
  // must find the date that matching every rule finds.
  describe('when the run extracts no dates', () => {
    it.each([
      ['a dateline after a relative date', 'Вчера, 11 декабря 2025 года, в Астане. В прошлом году объём вырос.', 'ru', { iso: '2025-12-11', source: 'dateline' }],
      ['a full date after a month and a year', 'В декабре 2024 года и в 2025 году объём вырос.\n\nСоглашение подписано 3 мая 2019 года.', 'ru', { iso: '2019-05-03', source: 'text' }],
      ['a numeric date after a season', 'Летом 2024 года стороны договорились.\n\n03.05.2019 соглашение вступило в силу.', 'ru', { iso: '2019-05-03', source: 'text' }],
      ['months, years and seasons only', 'В декабре 2024 года, весной 2025 года и в 2030 году.', 'ru', null],
      ['kk: a year, a month and a day', 'Биыл мамырда келіссөздер өтті.\n\n2025 жылғы 11 желтоқсанда келісім жасалды.', 'kk', { iso: '2025-12-11', source: 'text' }],
      ['en: a day, a month and a year', 'Last year trade grew.\n\nOn 11 December 2025 the presidents met.', 'en', { iso: '2025-12-11', source: 'text' }],
    ] as const)('%s', (_, text, lang, want) => {
      expect(documentDate(text, lang, false)).toEqual(want);
      expect(documentDate(text, lang, true)).toEqual(want);
    });

    it('finds the date that matching every rule finds, in every seed and news text', () => {
      const dirs = [join(ROOT, 'seeds')];
      const evalData = join(ROOT, '..', 'shared', 'eval-data');
      if (existsSync(evalData)) {
        for (const d of readdirSync(evalData, { withFileTypes: true })) if (d.isDirectory()) dirs.push(join(evalData, d.name, 'docs'));
      }
      let dated = 0;
      for (const dir of dirs) {
        for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
          const text = readFileSync(join(dir, f), 'utf8');
          const detected = detectLanguage(text);
          const lang = detected === 'und' ? LANGS[0] : detected;
          const date = documentDate(text, lang, true);
          if (date) dated++;
          expect(documentDate(text, lang, false), `${dir}/${f}`).toEqual(date);
        }
      }
      expect(dated).toBeGreaterThan(0);
    });
  });
});
