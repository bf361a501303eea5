// The report page as HTML, read back with a parser: one mark per fact whatever the overlaps,
// nothing from a document ever becomes markup, and the views list what the facts say.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { markedText, renderReport, type ReportDocument, type ReportFact } from '../src/report/html.js';
import { diplo } from './helpers.js';

interface Element {
  name: string;
  attribs: Record<string, string>;
  text: string;
}

/** Every element of a page with its attributes and text, as a browser's parser would see them. */
function elements(html: string): Element[] {
  const all: Element[] = [];
  const open: Element[] = [];
  const p = new Parser({
    onopentag(name, attribs) {
      const e = { name, attribs, text: '' };
      all.push(e);
      open.push(e);
    },
    ontext(t) {
      for (const e of open) e.text += t;
    },
    onclosetag() {
      open.pop();
    },
  });
  p.write(html);
  p.end();
  return all;
}

const fact = (type: string, text: string, start: number, extra: Partial<ReportFact> = {}): ReportFact => ({
  type,
  text,
  start,
  end: start + [...text].length,
  value: type === 'event' ? { kind: 'meeting', status: 'held', participants: [], countries: [], place: null, date: null } : {},
  rule: `${type}.test`,
  confidence: 0.9,
  ...extra,
});

describe('markedText', () => {
  it('gives every fact one mark, nested or cut where facts overlap, offsets in code points', () => {
    const text = '😀 Токаев и Пезешкиан провели переговоры в Астане';
    const cp = (s: string) => [...text.slice(0, text.indexOf(s))].length;
    const facts = [
      fact('leader', 'Токаев', cp('Токаев')),
      fact('event', 'Токаев и Пезешкиан провели переговоры', cp('Токаев')),
      fact('leader', 'Пезешкиан', cp('Пезешкиан')),
      // starts inside the event and ends beyond it
      fact('project', 'переговоры в Астане', cp('переговоры в')),
    ];
    const marks = elements(markedText(text, facts, 0)).filter((e) => e.name === 'mark');
    expect(marks).toHaveLength(4);
    const key = (type: string, start: number, end: number) => `${type} ${start} ${end}`;
    expect(marks.map((m) => key(m.attribs['data-type']!, Number(m.attribs['data-start']), Number(m.attribs['data-end']))).sort()).toEqual(
      facts.map((f) => key(f.type, f.start, f.end)).sort(),
    );
    const of = (type: string) => marks.filter((m) => m.attribs['data-type'] === type);
    expect(of('event')[0]!.text).toBe('Токаев и Пезешкиан провели переговоры');
    expect(of('leader').map((m) => m.text)).toEqual(['Токаев', 'Пезешкиан']);
    // shown as far as the event it starts in, its offsets its own
    expect(of('project')[0]!.text).toBe('переговоры');
    expect(of('project')[0]!.attribs.class).toContain('cut');
    // the text itself is all there, once
    expect(elements(`<div>${markedText(text, facts, 0)}</div>`)[0]!.text).toBe(text);
  });
});

describe('renderReport', () => {
  const evil = '<script>alert(1)</script> "onmouseover=alert(2) x=\' <img src=x onerror=alert(3)> & 5 млрд долларов';
  const start = [...evil].length - '5 млрд долларов'.length;
  const doc: ReportDocument = {
    doc: 'news/<b>evil</b>".txt',
    lang: 'ru',
    date: { iso: '2025-01-02', source: 'header' },
    title: '</title><script>alert(4)</script>',
    text: evil,
    facts: [
      fact('money', '5 млрд долларов', start, { value: { amount: 5e9, currency: 'USD"><script>alert(5)</script>' }, rule: 'r"><img src=x>' }),
      fact('script', '<script>', 0, { value: { x: '<b>' } }),
    ],
  };

  it('shows a document’s markup and quotes as text: one script (its own), no handlers, no images', () => {
    const html = renderReport([doc]);
    const els = elements(html);
    expect(els.filter((e) => e.name === 'script')).toHaveLength(1);
    expect(els.filter((e) => ['img', 'b'].includes(e.name))).toEqual([]);
    for (const e of els) expect(Object.keys(e.attribs).filter((a) => a.startsWith('on') && a !== 'onsubmit')).toEqual([]);
    const text = els.find((e) => e.attribs.class === 'text')!;
    expect(text.text).toBe(evil);
    const money = els.find((e) => e.attribs['data-type'] === 'money')!;
    expect(money.attribs['data-rule']).toBe('r"><img src=x>');
    expect(money.attribs['data-value']).toContain('USD"><script>');
    expect(els.find((e) => e.name === 'title')!.text).toBe('diplo report');
  });

  it('is self-contained: no URL to load, no external script, style or font', () => {
    const html = renderReport([doc]);
    const els = elements(html);
    expect(els.filter((e) => e.attribs.src !== undefined || e.name === 'link')).toEqual([]);
    expect(html).not.toMatch(/@import|url\(|https?:\/\/(?!www\.w3)/);
  });

  it('lists the figures, the leaders by country, and the events in date order', () => {
    const leader = (text: string, s: number, id: string, name: string, country: string) =>
      fact('leader', text, s, { value: { id, name, role: 'President', country } });
    const docs: ReportDocument[] = [
      {
        doc: 'a.txt',
        lang: 'ru',
        date: null,
        text: 'Токаев встретился с Мирзиёевым. Товарооборот 4 млрд долларов.',
        facts: [
          leader('Токаев', 0, 'kassym-jomart-tokayev', 'Kassym-Jomart Tokayev', 'KZ'),
          fact('event', 'встретился', 7, { value: { kind: 'meeting', status: 'held', participants: [], countries: [], place: null, date: { iso: '2025-03-14' } } }),
          leader('Мирзиёевым', 20, 'shavkat-mirziyoyev', 'Shavkat Mirziyoyev', 'UZ'),
          fact('money', '4 млрд долларов', 46, {
            value: { amount: 4e9, currency: 'USD', measure: 'trade', status: 'actual', period: { iso: '2024' }, countries: ['KZ', 'UZ'] },
          }),
        ],
      },
      {
        doc: 'b.txt',
        lang: 'en',
        date: null,
        text: 'Tokayev held a call.',
        facts: [
          leader('Tokayev', 0, 'kassym-jomart-tokayev', 'Kassym-Jomart Tokayev', 'KZ'),
          fact('event', 'held a call', 8, { value: { kind: 'call', status: 'held', participants: [], countries: [], place: null, date: { iso: '2024-08-01' } } }),
        ],
      },
    ];
    const els = elements(renderReport(docs));
    const rows = (section: string) =>
      els.filter((e) => e.name === 'tr' && els.indexOf(e) > els.findIndex((x) => x.attribs.id === section)).map((e) => e.text);
    const timeline = els.filter((e) => e.name === 'li' && e.attribs.class?.includes('t-event')).map((e) => e.text);
    expect(timeline).toHaveLength(2);
    expect(timeline[0]).toMatch(/^2024-08-01 call/);
    expect(timeline[1]).toMatch(/^2025-03-14 meeting/);
    const figures = rows('figures');
    expect(figures[1]).toContain('4,000,000,000 USD');
    expect(figures[1]).toContain('trade');
    expect(figures[1]).toContain('actual');
    expect(figures[1]).toContain('2024');
    const leaders = rows('leaders');
    expect(leaders[1]).toMatch(/^Kassym-Jomart TokayevPresidentKazakhstan KZ2/);
    const countries = rows('countries');
    expect(countries[1]).toMatch(/^Kazakhstan KZKassym-Jomart Tokayev/);
    expect(countries.some((r) => r.startsWith('Uzbekistan UZShavkat Mirziyoyev'))).toBe(true);
  });
});

describe('diplo report', () => {
  it('writes the report of the seeds: one mark per fact of extract', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'diplo-report-')), 'r.html');
    const r = diplo(['report', 'seeds', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^diplo: wrote .*r\.html: 5 documents, \d+ facts, \d+ KB\n$/);
    const facts = JSON.parse(diplo(['extract', 'seeds', '--format', 'json', '-q']).stdout).documents.flatMap(
      (d: { doc: string; facts: { type: string; start: number; end: number }[] }) => d.facts.map((f) => `${d.doc} ${f.type} ${f.start} ${f.end}`),
    );
    const els = elements(readFileSync(out, 'utf8'));
    const marks = els.filter((e) => e.name === 'mark').map((m) => {
      const article = els.find((a) => a.name === 'article' && a.attribs.id === `doc-${m.attribs.id!.split('-')[1]}`)!;
      const name = els[els.indexOf(article) + 1]!.text;
      return `${name} ${m.attribs['data-type']} ${m.attribs['data-start']} ${m.attribs['data-end']}`;
    });
    expect(marks.length).toBeGreaterThan(50);
    expect(marks.sort()).toEqual([...facts].sort());
  });

  it('needs --output, and names an input it cannot read', () => {
    const r = diplo(['report', 'seeds']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--output/);
    const out = join(mkdtempSync(join(tmpdir(), 'diplo-report-')), 'r.html');
    writeFileSync(out, '');
    const bad = diplo(['report', 'missing.txt', 'seeds/000_ed1c67ee501b6729.txt', '-o', out, '-q']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('diplo: missing.txt: no such file or directory\n');
    expect(readFileSync(out, 'utf8')).toContain('1 document ·');
  });
});
