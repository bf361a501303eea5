// A formatter turns results into text a piece at a time, so output streams: a document's facts
// may come in several parts (a very large file is extracted chunk by chunk).
import type { DocumentMeta } from '../pipeline.js';
import type { DocumentResult, Fact, FactType } from '../types.js';

export interface Summary {
  documents: number;
  facts: number;
  byType: Record<FactType, number>;
  /** Inputs that could not be read, with why. */
  errors: { doc: string; message: string }[];
}

export interface Formatter {
  begin(): string;
  documentStart(meta: DocumentMeta): string;
  /** Some of the current document's facts, in order. */
  facts(facts: readonly Fact[]): string;
  /** `count`: how many facts the document had in all. */
  documentEnd(meta: DocumentMeta, count: number): string;
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

/** A whole document's text in one piece. */
export function formatDocument(f: Formatter, r: DocumentResult): string {
  const meta = { doc: r.doc, lang: r.lang, date: r.date };
  return f.documentStart(meta) + f.facts(r.facts) + f.documentEnd(meta, r.facts.length);
}
