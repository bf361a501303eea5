// The registry of output formats.
import { csvFormatter } from './csv.js';
import { jsonFormatter } from './json.js';
import { jsonlFormatter } from './jsonl.js';
import { tableFormatter } from './table.js';
import type { FormatOptions, Formatter } from './types.js';

export const FORMATS = {
  table: (o: FormatOptions) => tableFormatter(o),
  json: () => jsonFormatter(),
  jsonl: () => jsonlFormatter(),
  csv: (o: FormatOptions) => csvFormatter(o),
} satisfies Record<string, (o: FormatOptions) => Formatter>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
export { formatDocument, type Formatter, type FormatOptions, type Summary } from './types.js';
