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
  /**
   * Some of the current document's facts, in order. The text depends only on the facts and on
   * where they fall in the document since `documentStart`, so a second formatter (in a worker
   * thread) can write it for the one that writes the framing.
   */
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

/** A document's facts already written out, and what the framing and the summary need of them. */
export interface FormattedDocument {
  meta: DocumentMeta;
  /** The facts' text (`Formatter.facts`); UTF-8 bytes when it came from a worker thread. */
  text: string | Uint8Array;
  count: number;
  byType: Partial<Record<FactType, number>>;
}

/**
 * Writes a document's facts with `f`, a formatter of their own; the document's start and end are
 * written by the writer's formatter. This is what a worker thread sends back: text, not the facts.
 */
export function formatFacts(f: Formatter, r: DocumentResult): FormattedDocument {
  const meta = metaOf(r);
  f.documentStart(meta); // begins the document for `facts` (JSON's first-fact comma); its text is not ours
  const byType: Partial<Record<FactType, number>> = {};
  for (const fact of r.facts) byType[fact.type] = (byType[fact.type] ?? 0) + 1;
  return { meta, text: f.facts(r.facts), count: r.facts.length, byType };
}

/** A whole document's text in one piece. */
export function formatDocument(f: Formatter, r: DocumentResult): string {
  const meta = metaOf(r);
  return f.documentStart(meta) + f.facts(r.facts) + f.documentEnd(meta, r.facts.length);
}

/** A document's record without its facts; title and text only where the source gave them. */
function metaOf(r: DocumentResult): DocumentMeta {
  const meta: DocumentMeta = { doc: r.doc, lang: r.lang, date: r.date };
  if (r.warnings) meta.warnings = r.warnings;
  if (r.title !== undefined) meta.title = r.title;
  if (r.text !== undefined) meta.text = r.text;
  return meta;
}
