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
      if (v.duration) return `${v.duration}${rel}`;
      if (v.startIso || v.endIso) return `${v.startIso ?? '…'} → ${v.endIso ?? '…'}${v.deadline ? ' (deadline)' : ''}${rel}`;
      return `${v.iso ?? '?'}${rel}`;
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

const MAX_FRACTION_DIGITS = 6;
let intl: Intl.NumberFormat | undefined;

/**
 * `n` as `new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })` writes it ("1,234.5"),
 * without building that formatter: its first construction loads ICU's number formatting, 6–16
 * ms of a table run's start-up. Like ICU, it rounds the shortest decimal that reads back as
 * `n` (what `String(n)` gives), halves away from zero. Numbers `String` writes with an exponent
 * (from 1e21, under 1e-6) go to ICU after all.
 */
export function formatNumber(n: number): string {
  const s = Object.is(n, -0) ? '-0' : String(n);
  if (!/^-?\d+(?:\.\d+)?$/.test(s)) {
    intl ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: MAX_FRACTION_DIGITS });
    return intl.format(n);
  }
  const sign = s.startsWith('-') ? '-' : '';
  const [whole, fraction = ''] = (sign ? s.slice(1) : s).split('.');
  let digits = whole! + fraction.slice(0, MAX_FRACTION_DIGITS).padEnd(MAX_FRACTION_DIGITS, '0');
  if (fraction.charCodeAt(MAX_FRACTION_DIGITS) >= 0x35) digits = addOne(digits);
  const intPart = digits.slice(0, -MAX_FRACTION_DIGITS);
  const fracPart = digits.slice(-MAX_FRACTION_DIGITS).replace(/0+$/, '');
  const grouped = intPart.replace(/\B(?=(?:\d{3})+$)/g, ',');
  return `${sign}${grouped}${fracPart ? `.${fracPart}` : ''}`;
}

/** A string of decimal digits plus one ("0999" → "1000", "999" → "1000"). */
function addOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - i - 1);
}
