// A formatter turns results into text one document at a time, so output can stream.
import type { DocumentResult, FactType } from '../types.js';

export interface Summary {
  documents: number;
  facts: number;
  byType: Record<FactType, number>;
  /** Inputs that could not be read, with why. */
  errors: { doc: string; message: string }[];
}

export interface Formatter {
  begin(): string;
  document(result: DocumentResult): string;
  end(summary: Summary): string;
}

export interface FormatOptions {
  /** Colour by fact type (table only; never in data formats). */
  color: boolean;
  /** Terminal width for the table. */
  width: number;
  /** Start CSV with a UTF-8 byte-order mark, for Excel. */
  bom: boolean;
}
