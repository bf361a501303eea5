// The terminal table: one table per document, headed by its path, language and date.
// Colour by fact type, only when asked (a terminal, and NO_COLOR unset). Control characters in
// names and text are shown escaped (`\x1b`), never sent to the terminal.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { FactType } from '../types.js';
import { escapeControls } from '../text/controls.js';
import { valueSummary } from './summary.js';
import type { FormatOptions, Formatter } from './types.js';

const COLOURS: Record<FactType, (c: ChalkInstance) => ChalkInstance> = {
  money: (c) => c.green,
  percent: (c) => c.cyan,
  date: (c) => c.yellow,
  leader: (c) => c.magenta,
  project: (c) => c.blue,
  quantity: (c) => c.greenBright,
  event: (c) => c.red,
};

/** Width of the longest number (a word with a digit) of the cells, and of the longest cell. */
function widths(cells: string[]): { word: number; whole: number } {
  let word = 0;
  let whole = 0;
  for (const cell of cells) {
    whole = Math.max(whole, [...cell].length);
    for (const w of cell.split(/\s+/)) if (/\d/.test(w)) word = Math.max(word, [...w].length);
  }
  return { word, whole };
}

/**
 * A cell's text with each word longer than the column broken over lines (after a hyphen where
 * there is one), so the table never cuts it; numbers are never broken (the column is as wide).
 */
export function breakLongWords(cell: string, inner: number): string {
  return cell
    .split(/(\s+)/)
    .map((w) => {
      const cps = [...w];
      if (cps.length <= inner || /\d/.test(w)) return w;
      const lines: string[] = [];
      while (cps.length > inner) {
        const hyphen = cps.slice(0, inner).lastIndexOf('-');
        lines.push(cps.splice(0, hyphen > 0 ? hyphen + 1 : inner).join(''));
      }
      lines.push(cps.join(''));
      return lines.join('\n');
    })
    .join('');
}

/**
 * Column widths (each with its padding of 2) for a terminal `width` wide: type, text and value
 * always; offsets and rule while they fit (rule goes first, then offsets). Text and value share
 * what is left, and never get less than their longest word, so numbers are never cut (a table
 * wider than the terminal is the last resort).
 */
export function tableLayout(
  rows: { type: string; text: string; value: string; offsets: string; rule: string }[],
  width: number,
): { columns: ('type' | 'text' | 'value' | 'offsets' | 'rule')[]; colWidths: number[] } {
  const col = (k: keyof (typeof rows)[number]) => widths(rows.map((r) => r[k]));
  const type = col('type').whole + 2;
  const offsets = col('offsets').whole + 2;
  const rule = col('rule').whole + 2;
  const text = col('text');
  const value = col('value');
  const minText = Math.max(text.word + 2, 12);
  const minValue = Math.max(value.word + 2, 12);
  const tiers: { extra: ('offsets' | 'rule')[]; fixed: number }[] = [
    { extra: ['offsets', 'rule'], fixed: type + offsets + rule + 6 },
    { extra: ['offsets'], fixed: type + offsets + 5 },
    { extra: [], fixed: type + 4 },
  ];
  // all columns while text and value still get a comfortable share; else fewer
  const tier =
    tiers.find((t, i) => width - t.fixed >= (i < 2 ? Math.max(minText + minValue, 44) : 0)) ?? tiers[tiers.length - 1]!;
  const rest = width - tier.fixed;
  const valueW = Math.max(minValue, Math.min(value.whole + 2, Math.floor(rest / 2)));
  const textW = Math.max(minText, rest - valueW);
  const columns: ('type' | 'text' | 'value' | 'offsets' | 'rule')[] = ['type', 'text', 'value', ...tier.extra];
  const colWidths = columns.map((c) => ({ type, text: textW, value: valueW, offsets, rule })[c]);
  return { columns, colWidths };
}

export function tableFormatter(opts: Pick<FormatOptions, 'color' | 'width'>): Formatter {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const width = Math.max(40, opts.width);
  return {
    begin: () => '',
    documentStart: (meta) => {
      const date = meta.date ? `${meta.date.iso} (${meta.date.source})` : 'date unknown';
      return c.bold(escapeControls(meta.doc)) + c.dim(`  ·  ${meta.lang}  ·  ${date}`) + '\n';
    },
    facts: (facts) => {
      if (facts.length === 0) return '';
      // A cell keeps its line breaks; any other control character is shown escaped.
      const cell = (s: string) => escapeControls(s, true);
      const rows = facts.map((f) => ({ type: f.type, text: cell(f.text), value: cell(valueSummary(f)), offsets: `${f.start}–${f.end}`, rule: f.rule }));
      const { columns, colWidths } = tableLayout(rows, width);
      const t = new Table({
        head: columns,
        colWidths,
        wordWrap: true,
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
        style: { head: opts.color ? ['bold'] : [], border: opts.color ? ['grey'] : [] },
      });
      rows.forEach((r, i) => {
        const cell = { ...r, type: COLOURS[facts[i]!.type](c)(r.type), rule: c.dim(r.rule) };
        t.push(columns.map((k, j) => (k === 'text' || k === 'value' ? breakLongWords(cell[k], colWidths[j]! - 2) : cell[k])));
      });
      return `${t.toString()}\n`;
    },
    documentEnd: (_meta, count) => (count ? '\n' : c.dim('no facts') + '\n\n'),
    end: (s) => {
      const counts = Object.entries(s.byType).map(([t, n]) => `${n} ${t}`).join(', ');
      const docs = s.documents === 1 ? '1 document' : `${s.documents} documents`;
      return c.dim(wrapAtCommas(`${docs}, ${s.facts} facts (${counts})`, width)) + '\n';
    },
  };
}

/** A line of prose cut after its commas so that no line is wider than `width`. */
export function wrapAtCommas(line: string, width: number): string {
  const lines: string[] = [];
  let current = '';
  for (const part of line.split(/(?<=, )/u)) {
    if (current && current.length + part.trimEnd().length > width) {
      lines.push(current.trimEnd());
      current = '';
    }
    current += part;
  }
  return [...lines, current].join('\n');
}
