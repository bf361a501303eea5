// One document through diplo: detect the language, find the document's date, run the
// extractors, remove overlaps, and turn matches into facts with code-point offsets and sentences.
// A document is read as one text, or (a file of hundreds of MB) as chunks that end at paragraph
// breaks: the language and date come from the first chunk, offsets count on across chunks.
import { detectLanguage } from './lang/detect.js';
import { EXTRACTORS } from './extractors/index.js';
import { documentDate, documentHeader } from './extractors/date/document-date.js';
import { removeOverlaps } from './refine/overlaps.js';
import { loadRules, perLang } from './rules/load.js';
import { codePointIndex, stripBom } from './text/offsets.js';
import { sentenceOf, sentenceSpans } from './text/sentences.js';
import { FACT_TYPES, LANGS } from './types.js';
import type { DocDate, DocumentResult, Fact, FactType, Lang, Match, SupportedLang } from './types.js';

export interface ExtractOptions {
  /** Skip detection and use this language's rules. */
  lang?: SupportedLang;
  /** Only these fact types (default: all). */
  types?: readonly FactType[];
  /** The document's date as its source states it (an HTML page's metadata), YYYY-MM-DD. */
  docDate?: string | null;
}

/** What is known of a document before its facts: name, language, date. */
export interface DocumentMeta {
  doc: string;
  lang: Lang;
  date: DocDate | null;
  /** A page's title (HTML inputs and URLs). */
  title?: string | null;
  /** The text that offsets count in, when it is not a file's bytes (HTML inputs and URLs). */
  text?: string;
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
  const first = stripBom(firstText);
  const lang = options.lang ?? detectLanguage(first);
  // An undetermined language gets every language's rules; overlap removal keeps one reading.
  const ruleLangs: readonly SupportedLang[] = lang === 'und' ? LANGS : [lang];
  const primary = ruleLangs[0]!;
  const types = options.types ?? FACT_TYPES;
  const date = documentDate(first, primary, types.includes('date'), options.docDate);
  const meta: DocumentMeta = { doc, lang, date };
  let cpBase = 0;
  let isFirst = true;
  return {
    meta,
    chunk(raw) {
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

function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}
