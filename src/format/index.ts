// The registry of output formats.
import { csvFormatter } from './csv.js';
import { jsonFormatter } from './json.js';
import { jsonlFormatter } from './jsonl.js';
import { tableFormatter } from './table.js';
import type { FormatOptions, Formatter } from './types.js';

import type { FormatName } from './names.js';

export const FORMATS: Record<FormatName, (o: FormatOptions) => Formatter> = {
  table: (o) => tableFormatter(o),
  json: () => jsonFormatter(),
  jsonl: () => jsonlFormatter(),
  csv: (o) => csvFormatter(o),
};

export { FORMAT_NAMES, type FormatName } from './names.js';
export { formatDocument, formatFacts, type FormattedDocument, type Formatter, type FormatOptions, type Summary } from './types.js';
