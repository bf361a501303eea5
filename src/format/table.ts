// The terminal table: one table per document, headed by its path, language and date.
// Colour by fact type, only when asked (a terminal, and NO_COLOR unset).
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { FactType } from '../types.js';
import { valueSummary } from './summary.js';
import type { FormatOptions, Formatter } from './types.js';

const COLOURS: Record<FactType, (c: ChalkInstance) => ChalkInstance> = {
  money: (c) => c.green,
  percent: (c) => c.cyan,
  date: (c) => c.yellow,
  leader: (c) => c.magenta,
  project: (c) => c.blue,
};

export function tableFormatter(opts: Pick<FormatOptions, 'color' | 'width'>): Formatter {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const width = Math.max(60, opts.width);
  // type, offsets and rule are narrow; text and value share the rest.
  const fixed = 9 + 13 + 30 + 16; // column widths plus borders
  const flexible = Math.max(30, width - fixed);
  const colWidths = [9, Math.floor(flexible / 2), Math.ceil(flexible / 2), 13, 30];
  return {
    begin: () => '',
    document: (r) => {
      const date = r.date ? `${r.date.iso} (${r.date.source})` : 'date unknown';
      const head = c.bold(`${r.doc}`) + c.dim(`  ·  ${r.lang}  ·  ${date}  ·  ${r.facts.length} facts`);
      if (r.facts.length === 0) return `${head}\n\n`;
      const t = new Table({
        head: ['type', 'text', 'value', 'offsets', 'rule'],
        colWidths,
        wordWrap: true,
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
        style: { head: opts.color ? ['bold'] : [], border: opts.color ? ['grey'] : [] },
      });
      for (const f of r.facts) {
        t.push([COLOURS[f.type](c)(f.type), f.text, valueSummary(f), `${f.start}–${f.end}`, c.dim(f.rule)]);
      }
      return `${head}\n${t.toString()}\n\n`;
    },
    end: (s) => {
      const counts = Object.entries(s.byType).map(([t, n]) => `${n} ${t}`).join(', ');
      return c.dim(`${s.documents} documents, ${s.facts} facts (${counts})`) + '\n';
    },
  };
}
