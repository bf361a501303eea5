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

export function tableFormatter(opts: Pick<FormatOptions, 'color' | 'width'>): Formatter {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const width = Math.max(60, opts.width);
  // type, offsets and rule are narrow; text and value share the rest.
  const fixed = 9 + 13 + 30 + 16; // column widths plus borders
  const flexible = Math.max(30, width - fixed);
  const colWidths = [9, Math.floor(flexible / 2), Math.ceil(flexible / 2), 13, 30];
  return {
    begin: () => '',
    documentStart: (meta) => {
      const date = meta.date ? `${meta.date.iso} (${meta.date.source})` : 'date unknown';
      return c.bold(escapeControls(meta.doc)) + c.dim(`  ·  ${meta.lang}  ·  ${date}`) + '\n';
    },
    facts: (facts) => {
      if (facts.length === 0) return '';
      const t = new Table({
        head: ['type', 'text', 'value', 'offsets', 'rule'],
        colWidths,
        wordWrap: true,
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
        style: { head: opts.color ? ['bold'] : [], border: opts.color ? ['grey'] : [] },
      });
      for (const f of facts) {
        // A cell keeps its line breaks; any other control character is shown escaped.
        const cell = (s: string) => escapeControls(s, true);
        t.push([COLOURS[f.type](c)(f.type), cell(f.text), cell(valueSummary(f)), `${f.start}–${f.end}`, c.dim(f.rule)]);
      }
      return `${t.toString()}\n`;
    },
    documentEnd: (_meta, count) => (count ? '\n' : c.dim('no facts') + '\n\n'),
    end: (s) => {
      const counts = Object.entries(s.byType).map(([t, n]) => `${n} ${t}`).join(', ');
      const docs = s.documents === 1 ? '1 document' : `${s.documents} documents`;
      return c.dim(`${docs}, ${s.facts} facts (${counts})`) + '\n';
    },
  };
}
