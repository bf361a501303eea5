// One document through diplo: detect the language, find the document's date, run the
// extractors, remove overlaps, and turn matches into facts with code-point offsets and sentences.
// A document is read as one text, or (a file of hundreds of MB) as chunks that end at paragraph
// breaks: the language and date come from the first chunk, offsets count on across chunks.
import { detectLanguage } from './lang/detect.js';
import { EXTRACTORS } from './extractors/index.js';
import { documentDate, documentHeader } from './extractors/date/document-date.js';
import { removeOverlaps } from './refine/overlaps.js';
import { loadRules, perLang } from './rules/load.js';
import { codePointIndex, codePointLength, stripBom } from './text/offsets.js';
import { sentenceOf, sentenceSpans } from './text/sentences.js';
import { FACT_TYPES, LANGS } from './types.js';
import type { DocDate, DocumentResult, Fact, FactType, Lang, Match, SupportedLang } from './types.js';

export interface ExtractOptions {
  /** Skip detection and use this language's rules. */
  lang?: SupportedLang;
  /** Only these fact types (default: all). */
  types?: readonly FactType[];
}

/** What is known of a document before its facts: name, language, date. */
export interface DocumentMeta {
  doc: string;
  lang: Lang;
  date: DocDate | null;
  /** What the reader should know of the document: a header date that is not a calendar date. */
  warnings?: string[];
}

/** A document being extracted chunk by chunk. */
export interface DocumentRun {
  meta: DocumentMeta;
  /** The facts of the next chunk; `text` continues the document where the last chunk ended. */
  chunk(text: string): Fact[];
}

const abbreviations = perLang((lang: SupportedLang) => new Set(loadRules<string[]>(lang, 'abbreviations', [])));

/**
 * Starts a document from its first text (the whole document, or its first chunk): detects the
 * language and the document's date. A leading byte-order mark is dropped; offsets count after it.
 */
export function startDocument(doc: string, firstText: string, options: ExtractOptions = {}): DocumentRun {
  checkArguments(doc, firstText, options);
  const first = stripBom(firstText);
  const lang = options.lang ?? detectLanguage(first);
  // An undetermined language gets every language's rules; overlap removal keeps one reading.
  const ruleLangs: readonly SupportedLang[] = lang === 'und' ? LANGS : [lang];
  const primary = ruleLangs[0]!;
  const types = options.types ?? FACT_TYPES;
  const date = documentDate(first, primary, types.includes('date'));
  const meta: DocumentMeta = { doc, lang, date };
  const { invalid } = documentHeader(first);
  if (invalid) meta.warnings = [`date header ${invalid} is not a calendar date; the date is taken from the text`];
  let cpBase = 0;
  let isFirst = true;
  return {
    meta,
    chunk(raw) {
      if (typeof raw !== 'string') throw new TypeError(`diplo: a chunk's text must be a string, not ${kind(raw)}`);
      const text = isFirst ? stripBom(raw) : raw;
      const bodyStart = isFirst ? documentHeader(text).end : 0;
      isFirst = false;
      const facts = chunkFacts(text, bodyStart, cpBase, meta, ruleLangs, types);
      cpBase += codePointLength(text);
      return facts;
    },
  };
}

/** Extracts the facts of one document. `doc` is its name as given on the command line. */
export function extractDocument(doc: string, rawText: string, options: ExtractOptions = {}): DocumentResult {
  const run = startDocument(doc, rawText, options);
  return { ...run.meta, facts: run.chunk(rawText) };
}

function chunkFacts(
  text: string,
  bodyStart: number,
  cpBase: number,
  meta: DocumentMeta,
  ruleLangs: readonly SupportedLang[],
  types: readonly FactType[],
): Fact[] {
  const matches: Match[] = [];
  for (const type of types) {
    for (const lang of ruleLangs) {
      for (const m of EXTRACTORS[type].extract({ text, lang, docDate: meta.date })) {
        if (m.start >= bodyStart && m.end > m.start) matches.push(m);
      }
    }
  }
  const toCp = codePointIndex(text);
  const spans = sentenceSpans(text, abbreviations(ruleLangs[0]!));
  return removeOverlaps(matches).map(
    (m) =>
      ({
        doc: meta.doc,
        lang: meta.lang,
        type: m.type,
        text: text.slice(m.start, m.end),
        start: cpBase + toCp(m.start),
        end: cpBase + toCp(m.end),
        sentence: sentenceOf(text, spans, m.start, m.end),
        value: m.value,
        rule: m.rule,
        confidence: m.confidence,
      }) as Fact,
  );
}

/**
 * A library caller's arguments, checked before anything is read: the language names a directory
 * of rules, so only the known ones pass.
 */
function checkArguments(doc: unknown, text: unknown, options: unknown): asserts options is ExtractOptions {
  if (typeof text !== 'string') throw new TypeError(`diplo: the text must be a string, not ${kind(text)}`);
  if (typeof doc !== 'string') throw new TypeError(`diplo: the document name must be a string, not ${kind(doc)}`);
  if (typeof options !== 'object' || options === null) throw new TypeError(`diplo: options must be an object, not ${kind(options)}`);
  const { lang, types } = options as Record<string, unknown>;
  if (lang !== undefined && !(LANGS as readonly unknown[]).includes(lang)) {
    throw new RangeError(`diplo: unknown lang ${describeValue(lang)}; choose from ${LANGS.join(', ')}`);
  }
  if (types !== undefined) {
    if (!Array.isArray(types)) throw new TypeError(`diplo: types must be an array of fact types, not ${kind(types)}`);
    const unknown = types.filter((t) => !(FACT_TYPES as readonly unknown[]).includes(t));
    if (unknown.length) {
      throw new RangeError(`diplo: unknown type ${unknown.map(describeValue).join(', ')}; choose from ${FACT_TYPES.join(', ')}`);
    }
  }
}

function kind(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

function describeValue(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
