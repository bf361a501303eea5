// Output formats as pure functions of results.
import { describe, expect, it } from 'vitest';
import { cell, csvFormatter } from '../src/format/csv.js';
import { jsonFormatter } from '../src/format/json.js';
import { formatNumber, valueSummary } from '../src/format/summary.js';
import { breakLongWords, tableFormatter } from '../src/format/table.js';
import { formatDocument } from '../src/format/types.js';
import { extractDocument } from '../src/pipeline.js';
import { parseCsv } from './helpers.js';

const result = extractDocument('news.txt', 'Иран вложил 17,8 млн долларов, "рост" на 40%.', { types: ['money', 'percent'] });
const summary = { documents: 1, facts: result.facts.length, byType: { money: 1, percent: 1, date: 0, leader: 0, project: 0 }, errors: [] };

describe('csv', () => {
  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+7 701', "'+7 701"],
    ['@user', "'@user"],
    ['-cmd', "'-cmd"],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    [17.8, '17.8'],
    [null, ''],
  ])('cell %j → %s', (v, out) => {
    expect(cell(v)).toBe(out);
  });

  it('writes a header and one CRLF row per fact, with value columns filled', () => {
    const f = csvFormatter({ bom: false });
    const text = f.begin() + formatDocument(f, result) + f.end(summary);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    const [header, money] = rows as [string[], string[]];
    expect(money[header.indexOf('sentence')]).toBe('Иран вложил 17,8 млн долларов, "рост" на 40%.');
    expect(money[header.indexOf('amount')]).toBe('17800000');
    expect(money[header.indexOf('currency')]).toBe('USD');
  });
});

describe('events in every format', () => {
  const talks = extractDocument('talks.txt', '11 декабря 2025 года в Акорде Касым-Жомарт Токаев провел переговоры с Масудом Пезешкианом.');
  const event = talks.facts.find((f) => f.type === 'event')!;

  it('flattens an event in CSV: participants joined by ";", the place by name, the date by iso', () => {
    const f = csvFormatter({ bom: false });
    const [header, ...rows] = parseCsv(f.begin() + formatDocument(f, talks)) as [string[], ...string[][]];
    const row = rows.find((r) => r[header.indexOf('type')] === 'event')!;
    const col = (name: string) => row[header.indexOf(name)];
    expect(col('kind')).toBe('meeting');
    expect(col('status')).toBe('held');
    expect(col('participants')).toBe('Kassym-Jomart Tokayev;Masoud Pezeshkian');
    expect(col('place')).toBe('Akorda, Astana');
    expect(col('date')).toBe('2025-12-11');
    expect(JSON.parse(col('value_json')!)).toEqual(event.value);
  });

  it('shows kind, status, persons, place and date in the table', () => {
    expect(valueSummary(event)).toBe('meeting (held) · Kassym-Jomart Tokayev, Masoud Pezeshkian · Akorda, Astana · 2025-12-11');
  });
});

describe('json', () => {
  it('is one JSON document with documents and a summary', () => {
    const f = jsonFormatter();
    const out = JSON.parse(f.begin() + formatDocument(f, result) + formatDocument(f, result) + f.end(summary));
    expect(out.documents).toHaveLength(2);
    expect(out.documents[0].facts.map((x: { text: string }) => x.text)).toEqual(['17,8 млн долларов', '40%']);
    expect(out.summary.facts).toBe(2);
  });

  it('is valid with no documents at all', () => {
    const f = jsonFormatter();
    expect(JSON.parse(f.begin() + f.end({ ...summary, documents: 0, facts: 0 })).documents).toEqual([]);
  });
});

describe('table', () => {
  it('heads each document with its language and carries no colour codes unless asked', () => {
    const plain = formatDocument(tableFormatter({ color: false, width: 100 }), result);
    expect(plain).toMatch(/news\.txt\s+·\s+ru/);
    expect(plain).toContain('17,800,000 USD');
    expect(plain).not.toMatch(/\u001b\[/);
    expect(formatDocument(tableFormatter({ color: true, width: 100 }), result)).toMatch(/\u001b\[/);
  });
});

describe('the table in a terminal', () => {
  const text =
    'Товарооборот Казахстанско-азербайджанского сотрудничества составил 12 345 678 901,5 млн долларов, ' +
    'инвестиции выросли на 17,8% в научно-образовательный сектор.';
  const wide = extractDocument('news.txt', text, { types: ['money', 'percent'] });
  const lines = (width: number) => formatDocument(tableFormatter({ color: false, width }), wide).split('\n').slice(1, -3);

  it.each([80, 100, 120])('fits %i columns, numbers whole, nothing cut', (width) => {
    const table = lines(width);
    expect(Math.max(...table.map((l) => [...l].length))).toBeLessThanOrEqual(width);
    expect(table.join('\n')).not.toContain('…');
    expect(table.join('\n')).toContain('12,345,678,901,500,000');
  });

  it('drops the rule column, then the offsets, as the terminal narrows', () => {
    expect(lines(140)[1]).toMatch(/type.*text.*value.*offsets.*rule/);
    expect(lines(80)[1]).toMatch(/type.*text.*value.*offsets/);
    expect(lines(80)[1]).not.toMatch(/rule/);
    expect(lines(60)[1]).not.toMatch(/offsets|rule/);
  });

  it('wraps the summary line after its commas to fit the terminal', () => {
    const byType = { money: 7, percent: 5, date: 25, leader: 39, project: 32, quantity: 6, event: 12 };
    const end = tableFormatter({ color: false, width: 80 }).end({ documents: 5, facts: 126, byType, errors: [] });
    const summaryLines = end.trimEnd().split('\n');
    expect(summaryLines.length).toBe(2);
    expect(Math.max(...summaryLines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(summaryLines.join(' ')).toBe('5 documents, 126 facts (7 money, 5 percent, 25 date, 39 leader, 32 project, 6 quantity, 12 event)');
  });

  it('breaks a long word after a hyphen, never a number', () => {
    expect(breakLongWords('Казахстанско-азербайджанского фонда', 16)).toBe('Казахстанско-\nазербайджанского фонда');
    expect(breakLongWords('12,345,678,901 USD', 5)).toBe('12,345,678,901 USD');
    expect(breakLongWords('abcdefghij', 4)).toBe('abcd\nefgh\nij');
  });
});

describe('numbers in the table', () => {
  it.each([
    [3_000_000_000, '3,000,000,000'],
    [17.8, '17.8'],
    [0.5, '0.5'],
    [-1234.5, '-1,234.5'],
    [1.0000005, '1.000001'],
    [999_999.9999995, '1,000,000'],
    [0.1 + 0.2, '0.3'],
    [-0, '-0'],
    [1e21, '1,000,000,000,000,000,000,000'],
    [1e-7, '0'],
  ])('%d → %s', (n, out) => {
    expect(formatNumber(n)).toBe(out);
  });
});
