// Short, human-readable renderings of a fact's value, for the table.
import type { Fact, FigureContext } from '../types.js';

const QUAL: Record<string, string> = { approx: '≈', over: '>', under: '<', up_to: '≤' };

export function valueSummary(f: Fact): string {
  switch (f.type) {
    case 'money': {
      const v = f.value;
      const q = v.qualifier ? `${QUAL[v.qualifier]} ` : '';
      const n = v.amount !== undefined ? num(v.amount) : `${num(v.min)}–${num(v.max)}`;
      return `${q}${n} ${v.currency ?? '?'}${inContext(v)}`;
    }
    case 'percent': {
      const v = f.value;
      const q = v.qualifier ? `${QUAL[v.qualifier]} ` : '';
      const n = v.value !== undefined ? num(v.value) : `${num(v.min)}–${num(v.max)}`;
      const dir = v.change === 'increase' ? ' ↑' : v.change === 'decrease' ? ' ↓' : '';
      return `${q}${n}${v.unit === 'pp' ? ' pp' : '%'}${dir}${inContext(v)}`;
    }
    case 'date': {
      const v = f.value;
      const rel = v.relative ? ' (relative)' : '';
      if (v.age !== undefined) return `age ${v.age}`;
      if (v.anniversary !== undefined) return `anniversary ${v.anniversary}`;
      if (v.duration) return `${v.duration}${rel}`;
      if (v.startIso || v.endIso) return `${v.startIso ?? '…'} → ${v.endIso ?? '…'}${v.deadline ? ' (deadline)' : ''}${rel}`;
      return `${v.iso ?? '?'}${v.holiday ? ` (${v.holiday})` : ''}${rel}`;
    }
    case 'leader': {
      const v = f.value;
      return [v.name, v.role, v.country].filter(Boolean).join(' · ');
    }
    case 'project':
      return `${f.value.kind}: ${f.value.name}`;
    case 'quantity': {
      const v = f.value;
      const q = v.qualifier ? `${QUAL[v.qualifier]} ` : '';
      const n = v.amount !== undefined ? num(v.amount) : `${num(v.min)}–${num(v.max)}`;
      return `${q}${n} ${v.unit}${inContext(v)}`;
    }
    case 'event': {
      const v = f.value;
      const who = v.participants.map((p) => p.name).join(', ') || v.countries.join('–');
      const when = v.date ? (v.date.iso ?? `${v.date.startIso ?? '…'} → ${v.date.endIso ?? '…'}`) : null;
      const docs = v.count != null ? `${v.count} documents` : null;
      return [`${v.kind} (${v.status})`, who, v.place?.name, when, docs].filter(Boolean).join(' · ');
    }
  }
}

/** What a figure is about, for the table: " · trade, target · KZ–UZ · by 2030". */
export function inContext(v: FigureContext): string {
  const what = [v.measure, v.status].filter(Boolean).join(', ');
  const parts = [what, v.countries?.length ? v.countries.join('–') : '', periodText(v.period)].filter(Boolean);
  return parts.length ? ` · ${parts.join(' · ')}` : '';
}

function periodText(p: FigureContext['period']): string {
  if (!p) return '';
  if (p.deadline) return `by ${p.iso ?? p.endIso ?? '?'}`;
  if (p.iso) return p.iso;
  return p.startIso || p.endIso ? `${p.startIso ?? '…'}–${p.endIso ?? '…'}` : '';
}

function num(n: number | undefined): string {
  return n === undefined ? '?' : formatNumber(n);
}

/** Built when a number is first written: loading ICU's number formatting is wasted on JSON runs. */
let NUMBER: Intl.NumberFormat | undefined;

/** `n` as a reader expects it in a table: "1,234.5". */
export function formatNumber(n: number): string {
  return (NUMBER ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })).format(n);
}
