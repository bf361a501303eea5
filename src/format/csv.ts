// CSV (RFC 4180): a header, then one row per fact with its value flattened into named columns.
// Text cells that a spreadsheet would run as a formula (= + - @ tab CR first) get a leading
// apostrophe. CRLF line ends; optional UTF-8 BOM so Excel reads Cyrillic correctly.
import type { Fact } from '../types.js';
import type { FormatOptions, Formatter } from './types.js';

const FACT_COLUMNS = ['doc', 'lang', 'type', 'text', 'start', 'end', 'sentence', 'rule', 'confidence', 'docDate'] as const;
/** Every key a value may have, flattened; a key a value lacks is an empty cell. */
export const VALUE_COLUMNS = [
  'amount', 'min', 'max', 'currency', 'qualifier', 'value', 'unit', 'change',
  'iso', 'granularity', 'startIso', 'endIso', 'duration', 'relative', 'deadline',
  'id', 'name', 'role', 'country', 'title', 'kind', 'location', 'countries',
  'measure', 'status', 'period', 'relatedTo', 'participants', 'place', 'date', 'documents', 'count',
] as const;
const HEADER = [...FACT_COLUMNS, ...VALUE_COLUMNS, 'value_json'];

export function csvFormatter(opts: Pick<FormatOptions, 'bom'>): Formatter {
  return {
    begin: () => (opts.bom ? '\uFEFF' : '') + row(HEADER),
    documentStart: () => '',
    facts: (facts) => facts.map((f) => row(cells(f))).join(''),
    documentEnd: () => '',
    end: () => '',
  };
}

function cells(f: Fact): unknown[] {
  const v = f.value as unknown as Record<string, unknown>;
  return [...FACT_COLUMNS.map((c) => f[c]), ...VALUE_COLUMNS.map((c) => flat(c, v[c])), JSON.stringify(f.value)];
}

/**
 * A value's nested keys as one cell: a period or an event's date as "2025" or "2025-01/2025-10",
 * names and documents joined by ';', the place's name.
 */
function flat(column: string, v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (column === 'participants') return (v as { name: string }[]).map((p) => p.name).join(';');
  if (column === 'documents') return (v as string[]).join(';');
  if (column === 'place') return (v as { name: string }).name;
  if (column === 'date' || column === 'period') {
    const d = v as { iso?: string | null; startIso?: string; endIso?: string };
    return d.iso ?? (d.startIso || d.endIso ? `${d.startIso ?? ''}/${d.endIso ?? ''}` : undefined);
  }
  return v;
}

function row(values: readonly unknown[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}

export function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let s = typeof v === 'string' ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
