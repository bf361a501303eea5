// Facts as a reader of the report sees them: a value in a few words, a period, a country's name.
// Loose about types on purpose: the report shows whatever fact types the run produced (quantity,
// event) with the same code.
import { formatNumber, valueSummary } from '../format/summary.js';
import { FACT_TYPES, type Fact } from '../types.js';

/** A fact as the report reads it (a `Fact` of any type). */
export interface ReportFact {
  type: string;
  text: string;
  start: number;
  end: number;
  value: object;
  rule: string;
  confidence: number;
}

/** A document and its facts, with the text that the facts' offsets count in. */
export interface ReportDocument {
  doc: string;
  lang: string;
  date: { iso: string; source: string } | null;
  title?: string | null;
  text: string;
  facts: readonly ReportFact[];
}

const QUAL: Record<string, string> = { approx: '≈', over: '>', under: '<', up_to: '≤' };

type V = Record<string, unknown>;
/** A fact's value, its keys read one by one. */
export const valueOf = (f: ReportFact): V => (f.value ?? {}) as V;
const str = (x: unknown): string | null => (typeof x === 'string' && x ? x : null);
const numOf = (x: unknown): string => (typeof x === 'number' ? formatNumber(x) : '?');

function amount(v: V): string {
  const q = typeof v.qualifier === 'string' && QUAL[v.qualifier] ? `${QUAL[v.qualifier]} ` : '';
  const n = v.amount !== undefined ? numOf(v.amount) : v.value !== undefined ? numOf(v.value) : `${numOf(v.min)}–${numOf(v.max)}`;
  return q + n;
}

/** A date value in words: "2025-12-11", "2025-01 → 2025-10", "by 2030", "P20Y". */
export function dateText(v: unknown): string {
  if (!v || typeof v !== 'object') return '';
  const d = v as V;
  if (str(d.duration)) return String(d.duration);
  if (d.startIso || d.endIso) return `${str(d.startIso) ?? '…'} → ${str(d.endIso) ?? '…'}`;
  if (d.deadline && str(d.iso)) return `by ${d.iso}`;
  return str(d.iso) ?? (d.relative ? 'relative, unresolved' : '');
}

function person(p: unknown): string {
  if (!p || typeof p !== 'object') return '';
  const o = p as V;
  return str(o.name) ?? str(o.id) ?? '';
}

/** A fact's value in a few words: as the table says it, and for types it does not know yet. */
export function valueText(f: ReportFact): string {
  if ((FACT_TYPES as readonly string[]).includes(f.type)) return valueSummary(f as unknown as Fact);
  const v = valueOf(f);
  switch (f.type) {
    case 'quantity':
      return `${amount(v)} ${str(v.unit) ?? ''}`.trim();
    case 'event': {
      const who = Array.isArray(v.participants) ? v.participants.map(person).filter(Boolean).join(', ') : '';
      const place = v.place && typeof v.place === 'object' ? str((v.place as V).name) : null;
      return [str(v.kind), str(v.status), dateText(v.date), who, place].filter(Boolean).join(' · ');
    }
    default:
      return JSON.stringify(v);
  }
}

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });

/** "KZ" → "Kazakhstan"; the code itself when unknown. */
export function countryName(code: string): string {
  try {
    return REGIONS.of(code) ?? code;
  } catch {
    return code;
  }
}

/** ISO codes of the countries a fact names, in order, once each. */
export function factCountries(f: ReportFact): string[] {
  const v = valueOf(f);
  const out: string[] = [];
  const add = (c: unknown) => {
    if (typeof c === 'string' && /^[A-Z]{2}$/.test(c) && !out.includes(c)) out.push(c);
  };
  add(v.country);
  if (Array.isArray(v.countries)) v.countries.forEach(add);
  if (Array.isArray(v.participants)) for (const p of v.participants) add((p as V)?.country);
  if (v.place && typeof v.place === 'object') add((v.place as V).country);
  return out;
}
