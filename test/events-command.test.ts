// `diplo events`: events merged across documents and languages, end to end on short reports
// written for these tests, and on the seeds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diplo, parseCsv } from './helpers.js';
import { formatEvents } from '../src/cli/events.js';

const REPORTS: Record<string, string> = {
  'ru_talks.txt': `date 2025-11-20

Касым-Жомарт Токаев провел переговоры с Президентом Узбекистана Шавкатом Мирзиёевым

Астана, 20 ноября. В Акорде состоялись переговоры Президента Казахстана Касым-Жомарта Токаева и Президента Узбекистана Шавката Мирзиёева. Стороны обсудили торговлю и транзит.
`,
  'kk_talks.txt': `date 2025-11-20

Қасым-Жомарт Тоқаев Өзбекстан Президенті Шавкат Мирзиёевпен келіссөз жүргізді

Астана, 20 қараша. Ақордада Қасым-Жомарт Тоқаев пен Шавкат Мирзиёевтің келіссөзі өтті. Тараптар сауда мен транзитті талқылады.
`,
  'en_talks.txt': `date 2025-11-21

Tokayev and Mirziyoyev hold talks in Astana

ASTANA, Nov 20. Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President Shavkat Mirziyoyev at the Akorda on Thursday, November 20. The leaders discussed trade and transit.
`,
  'ru_call.txt': `date 2025-08-12

Касым-Жомарт Токаев провел телефонный разговор с Шавкатом Мирзиёевым

Астана, 12 августа. Президент Казахстана Касым-Жомарт Токаев провел телефонный разговор с Президентом Узбекистана Шавкатом Мирзиёевым.
`,
  'en_call.txt': `Tokayev, Mirziyoyev discuss trade by phone

TASHKENT, August 12, 2025. Uzbek President Shavkat Mirziyoyev had a telephone conversation with Kazakh President Kassym-Jomart Tokayev on Tuesday.
`,
};

const dir = mkdtempSync(join(tmpdir(), 'diplo-events-'));
for (const [name, text] of Object.entries(REPORTS)) writeFileSync(join(dir, name), text);

interface Rec {
  id: string;
  kind: string;
  date: { iso?: string } | null;
  place: { name: string } | null;
  participants: { id: string }[];
  sources: { doc: string; lang: string; start: number; end: number; text: string }[];
  conflicts?: { date?: string[]; place?: string[] };
}

function events(args: string[]): Rec[] {
  const r = diplo(['events', ...args, '--format', 'json', '-q']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout).events;
}

const TOKAYEV_MIRZIYOYEV = ['kassym-jomart-tokayev', 'shavkat-mirziyoyev'];
const ids = (e: Rec) => e.participants.map((p) => p.id).sort();

describe('diplo events', () => {
  it('makes one record of the same talks reported in Russian, Kazakh and English', () => {
    const all = events([dir]);
    const talks = all.filter((e) => e.date?.iso === '2025-11-20');
    expect(talks).toHaveLength(1);
    const [t] = talks;
    expect(t!.kind).toBe('meeting');
    expect(ids(t!)).toEqual(TOKAYEV_MIRZIYOYEV);
    expect(t!.place?.name).toBe('Akorda, Astana');
    expect(t!.sources.map((s) => s.lang).sort()).toEqual(['en', 'kk', 'ru']);
    // Each source's offsets point at its trigger in its own document.
    for (const s of t!.sources) {
      const text = REPORTS[s.doc.split('/').pop()!]!;
      expect([...text].slice(s.start, s.end).join('')).toBe(s.text);
    }
  });

  it('keeps a call in August and talks in November with the same leaders apart', () => {
    const all = events([dir]);
    const call = all.filter((e) => e.kind === 'call');
    expect(call).toHaveLength(1);
    expect(call[0]!.date?.iso).toBe('2025-08-12');
    expect(ids(call[0]!)).toEqual(TOKAYEV_MIRZIYOYEV);
    // "had a telephone conversation" is a call, not talks: the English report joins the Russian one.
    expect(call[0]!.sources.map((s) => s.lang).sort()).toEqual(['en', 'ru']);
    expect(all).toHaveLength(2);
    // Sorted by date: the call first.
    expect(all.map((e) => e.date?.iso)).toEqual(['2025-08-12', '2025-11-20']);
  });

  it('reports two dates a day apart as a conflict when persons and place agree, and keeps a week apart as two events', () => {
    const d = mkdtempSync(join(tmpdir(), 'diplo-events-dates-'));
    writeFileSync(join(d, 'a.txt'), REPORTS['ru_talks.txt']!);
    writeFileSync(join(d, 'b.txt'), REPORTS['en_talks.txt']!.replace('November 20', 'November 21').replace('Nov 20', 'Nov 21').replace('Thursday', 'Friday'));
    writeFileSync(join(d, 'c.txt'), REPORTS['en_talks.txt']!.replace('date 2025-11-21', 'date 2025-11-28').replace('November 20', 'November 27').replace('Nov 20', 'Nov 27'));
    const all = events([d]);
    const first = all.find((e) => e.sources.some((s) => s.doc.endsWith('a.txt')))!;
    expect(first.sources.map((s) => s.doc.split('/').pop()).sort()).toEqual(['a.txt', 'b.txt']);
    expect(first.conflicts?.date).toEqual(['2025-11-20', '2025-11-21']);
    const week = all.find((e) => e.sources.some((s) => s.doc.endsWith('c.txt')))!;
    expect(week).not.toBe(first);
    expect(week.date?.iso).toBe('2025-11-27');
  });

  it('joins an undated report when two persons and the place agree, or the guest alone is there, not the host alone', () => {
    const d = mkdtempSync(join(tmpdir(), 'diplo-events-undated-'));
    writeFileSync(join(d, 'a.txt'), REPORTS['ru_talks.txt']!);
    writeFileSync(join(d, 'b.txt'), 'В Акорде прошли переговоры Касым-Жомарта Токаева и Шавката Мирзиёева.\n');
    writeFileSync(join(d, 'c.txt'), 'Шавкат Мирзиёев посетил Акорду.\n');
    writeFileSync(join(d, 'd.txt'), 'Касым-Жомарт Токаев посетил Акорду.\n');
    const all = events([d]);
    const docsOf = (e: Rec) => e.sources.map((s) => s.doc.split('/').pop()).sort();
    expect(all.map(docsOf)).toEqual([['a.txt', 'b.txt', 'c.txt'], ['d.txt']]);
  });

  it('filters by --since and --until (year, month or day), leaving undated events out', () => {
    expect(events([dir, '--since', '2025-09']).map((e) => e.date?.iso)).toEqual(['2025-11-20']);
    expect(events([dir, '--until', '2025-08']).map((e) => e.date?.iso)).toEqual(['2025-08-12']);
    expect(events([dir, '--since', '2025-11-20', '--until', '2025-11-20'])).toHaveLength(1);
    expect(events([dir, '--since', '2026'])).toEqual([]);
    const r = diplo(['events', dir, '--since', '2025-13']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/YYYY-MM/);
  });

  it('writes one event per line in jsonl and flattened rows in csv', () => {
    const jsonl = diplo(['events', dir, '--format', 'jsonl', '-q']);
    const lines = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((e) => e.kind)).toEqual(['call', 'meeting']);
    expect(lines[1].sources).toHaveLength(3);

    const csv = parseCsv(diplo(['events', dir, '--format', 'csv', '-q']).stdout);
    const [header, ...rows] = csv;
    expect(rows).toHaveLength(2);
    const col = (name: string) => header!.indexOf(name);
    expect(rows[1]![col('date')]).toBe('2025-11-20');
    expect(rows[1]![col('participant_ids')]!.split(';').sort()).toEqual(TOKAYEV_MIRZIYOYEV);
    expect(rows[1]![col('participants')]).toContain(';');
    expect(rows[1]![col('sources')]).toBe('3');
  });

  it('lists the Akorda talks of 11 December 2025 in the seeds as one record with a Russian and a Kazakh source', () => {
    const all = events(['seeds']);
    const talks = all.filter((e) => e.participants.some((p) => p.id === 'masoud-pezeshkian'));
    expect(talks).toHaveLength(1);
    const [t] = talks;
    expect(t!.date?.iso).toBe('2025-12-11');
    expect(t!.place?.name).toBe('Akorda, Astana');
    const docs = new Set(t!.sources.map((s) => `${s.lang} ${s.doc}`));
    expect(docs).toEqual(new Set(['ru seeds/000_ed1c67ee501b6729.txt', 'kk seeds/003_bc435e12eb6389dd.txt']));
    // The Aliyev talks of 21 October 2025 stay an event of their own; the signing in Washington too.
    const aliyev = all.filter((e) => e.participants.some((p) => p.id === 'ilham-aliyev'));
    expect(aliyev.map((e) => e.place?.name).sort()).toEqual(['Akorda, Astana', 'Washington']);
    // Aliyev came on a state visit ("государственным визитом"): the record says so, and so do the table and CSV.
    expect(aliyev.find((e) => e.place?.name === 'Akorda, Astana')!.level).toBe('state');
    expect(diplo(['events', 'seeds']).stdout).toMatch(/2025-10-21 {2}· {2}state visit {2}· {2}Akorda, Astana/);
    const [header, ...rows] = parseCsv(diplo(['events', 'seeds', '--format', 'csv', '-q']).stdout);
    expect(rows.filter((row) => row[header!.indexOf('level')] === 'state')).toHaveLength(1);
  });

  it('prints a timeline table by default', () => {
    const r = diplo(['events', dir]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^2025-08-12 .*call/);
    expect(r.stdout).toMatch(/2025-11-20 .*meeting.*Akorda, Astana/);
  });

  it('fits the timeline to a narrow terminal: persons go below their event, cut after commas', () => {
    const { events } = JSON.parse(diplo(['events', 'seeds', '--format', 'json']).stdout);
    const out = formatEvents(events, 'table', 60);
    const heads = out.split('\n').filter((l) => /^(?:\d{4}|undated)/.test(l));
    expect(heads.length).toBe(events.length);
    expect(Math.max(...heads.map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(out).toMatch(/\n {4}Kassym-Jomart Tokayev, Masoud Pezeshkian\n/);
    expect(formatEvents(events, 'table')).toMatch(/Akorda, Astana {2}· {2}Kassym-Jomart Tokayev, Masoud Pezeshkian/);
  });
});
