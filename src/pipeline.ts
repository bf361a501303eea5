// One document through diplo: detect the language, find the document's date, run the
// extractors, remove overlaps, and turn matches into facts with code-point offsets and sentences.
// A document is read as one text, or (a file of hundreds of MB) as chunks that end at paragraph
// breaks: the language and date come from the first chunk, offsets count on across chunks.
import { detectLanguage } from './lang/detect.js';
import { EXTRACTORS } from './extractors/index.js';
import { documentDate, documentHeader } from './extractors/date/document-date.js';
import { removeOverlaps } from './refine/overlaps.js';
import { addContext, documentStates, OPENING_CHARS, type DocumentStates } from './context/index.js';
import { LEAD_CODE_POINTS, markRepeats, type Firsts } from './context/repeats.js';
import { isAddedLanguage, loadRules, perLang } from './rules/load.js';
import { codePointIndex, codePointLength, stripBom } from './text/offsets.js';
import { sentenceOf, sentenceSpans, type Span } from './text/sentences.js';
import { cyrillicReading } from './text/scripts.js';
import { findEvents } from './events/index.js';
import { sameEvent } from './events/merge.js';
import { FACT_TYPES, LANGS } from './types.js';
import type { DocDate, DocumentResult, EventValue, Fact, FactType, Lang, Match, SupportedLang } from './types.js';

export interface ExtractOptions {
  /** Skip detection and use this language's rules. */
  lang?: SupportedLang;
  /** Only these fact types (default: all). */
  types?: readonly FactType[];
  /**
   * The date (YYYY-MM-DD) of a document that states none: a `date` header or a dateline wins
   * over it; it wins over the first full date found further in the text, which is only a guess.
   */
  date?: string;
  /** The document's date as its source states it (an HTML page's metadata), YYYY-MM-DD. */
  docDate?: string | null;
}

/** What is known of a document before its facts: name, language, date. */
export interface DocumentMeta {
  doc: string;
  lang: Lang;
  date: DocDate | null;
  /** What the reader should know of the document: a header date that is not a calendar date. */
  warnings?: string[];
  /** A page's title (HTML inputs and URLs). */
  title?: string | null;
  /** The text that offsets count in, when it is not a file's bytes (HTML inputs and URLs). */
  text?: string;
}

/** A document being extracted chunk by chunk. */
export interface DocumentRun {
  meta: DocumentMeta;
  /**
   * The facts of the next chunk (`text` continues the document where the last chunk ended) but
   * for those that start in its last OVERLAP characters: they wait for the next chunk, or `end`.
   */
  chunk(text: string): Fact[];
  /** The facts not given yet, after the last chunk. */
  end(): Fact[];
}

/**
 * Characters read again on each side of where one chunk's facts end and the next one's begin:
 * a fact that crosses a chunk's end is read whole with the next chunk, with what comes before it
 * (a qualifier, a title), and found once. Longer than any fact and any sentence window.
 */
export const OVERLAP = 1000;

/** How many of a chunked document's last events a later chunk's events are compared with (see `startDocument`). */
const GIVEN_EVENTS = 256;

const abbreviations = perLang((lang: SupportedLang) => new Set(loadRules<string[]>(lang, 'abbreviations', [])));
/** Words no sentence ends with: a line break after one continues the sentence (rules/<lang>/continues.json). */
const continues = perLang((lang: SupportedLang) => new Set(loadRules<string[]>(lang, 'continues', []).map((w) => w.toLowerCase())));

/**
 * Starts a document from its first text (the whole document, or its first chunk): detects the
 * language and the document's date. A leading byte-order mark is dropped; offsets count after it.
 */
export function startDocument(doc: string, firstText: string, options: ExtractOptions = {}): DocumentRun {
  checkArguments(doc, firstText, options);
  const first = stripBom(firstText);
  const lang = options.lang ?? detectLanguage(first);
  // An undetermined language gets every language's rules; overlap removal keeps one reading.
  const ruleLangs = ruleLangsOf(lang);
  const primary = ruleLangs[0]!;
  const types = options.types ?? FACT_TYPES;
  const date = withGivenDate(documentDate(cyrillicReading(first), primary, types.includes('date'), options.docDate), options.date);
  const meta: DocumentMeta = { doc, lang, date };
  const { invalid } = documentHeader(first);
  if (invalid) meta.warnings = [`date header ${invalid} is not a calendar date; the date is taken from the text`];
  let headerEnd = -1;
  // What was read and is read again: `context` (up to OVERLAP characters whose facts were given)
  // then `held` (the facts not given yet). `base` is where `context` starts, in UTF-16 units and in
  // code points of the document.
  let context = '';
  let held = '';
  let base = 0;
  // The states the document is about come from its opening (see `documentStates`): until that
  // much has been read, everything is held. They are worked out when a figure first needs them.
  let opening: string | null = null;
  let known: DocumentStates | null = null;
  const states = () => (known ??= documentStates(opening!, primary));
  let cpBase = 0;
  const firsts: Firsts = new Map();
  let leadEnd = -1;
  // Read whole, a document has one event per real-world event (later mentions complete the first);
  // read in chunks, a chunk's mention of one of the last events earlier chunks gave is left out.
  let given: EventValue[] = [];
  const facts = (all: string, own: Span) => {
    if (leadEnd < 0) leadEnd = codePointLength(all.slice(0, Math.max(0, headerEnd))) + LEAD_CODE_POINTS;
    const found = chunkFacts(all, Math.max(0, headerEnd - base), cpBase, meta, ruleLangs, types, own, states);
    const out = found.filter((f) => f.type !== 'event' || !given.some((e) => sameEvent(e, f.value)));
    for (const f of out) if (f.type === 'event') given.push(f.value);
    given = given.slice(-GIVEN_EVENTS);
    markRepeats(out, firsts, leadEnd);
    return out;
  };
  return {
    meta,
    chunk(raw) {
      if (typeof raw !== 'string') throw new TypeError(`diplo: a chunk's text must be a string, not ${kind(raw)}`);
      const text = headerEnd < 0 ? stripBom(raw) : raw;
      if (headerEnd < 0) headerEnd = documentHeader(text).end;
      const all = context + held + text;
      if (opening === null) {
        // nothing given yet: `context` is empty and `all` is the document so far
        if (all.length < headerEnd + OPENING_CHARS) return (held = all), [];
        opening = all.slice(headerEnd);
      }
      const from = context.length;
      const to = Math.max(from, pairStart(all, all.length - OVERLAP));
      const out = facts(all, { start: from, end: to });
      const next = pairStart(all, Math.max(0, to - OVERLAP));
      cpBase += codePointLength(all.slice(0, next));
      base += next;
      context = all.slice(next, to);
      held = all.slice(to);
      return out;
    },
    end() {
      const all = context + held;
      if (opening === null) opening = all.slice(Math.max(0, headerEnd));
      const out = held ? facts(all, { start: context.length, end: all.length }) : [];
      cpBase += codePointLength(all);
      base += all.length;
      context = held = '';
      return out;
    },
  };
}

/** Extracts the facts of one document. `doc` is its name as given on the command line. */
export function extractDocument(doc: string, rawText: string, options: ExtractOptions = {}): DocumentResult {
  const run = startDocument(doc, rawText, options);
  const text = stripBom(rawText);
  const ruleLangs = ruleLangsOf(run.meta.lang);
  const types = options.types ?? FACT_TYPES;
  const own = { start: 0, end: text.length };
  const bodyStart = documentHeader(text).end;
  let known: DocumentStates | null = null;
  const states = () => (known ??= documentStates(text.slice(bodyStart), ruleLangs[0]!));
  const facts = chunkFacts(text, bodyStart, 0, run.meta, ruleLangs, types, own, states);
  markRepeats(facts, new Map(), codePointLength(text.slice(0, bodyStart)) + LEAD_CODE_POINTS);
  return { ...run.meta, facts };
}

function ruleLangsOf(lang: Lang): readonly SupportedLang[] {
  return lang === 'und' ? LANGS : [lang];
}

/** `i`, or `i - 1` where `i` would split a surrogate pair. */
function pairStart(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

function chunkFacts(
  written: string,
  bodyStart: number,
  cpBase: number,
  meta: DocumentMeta,
  ruleLangs: readonly SupportedLang[],
  types: readonly FactType[],
  own: Span,
  docStates: () => DocumentStates,
): Fact[] {
  // Rules read Latin look-alikes inside Cyrillic words as Cyrillic; facts keep the written text.
  const text = cyrillicReading(written);
  const matches: Match[] = [];
  // Events are built on leaders and dates, a figure's period on dates: those are found for them
  // even when not asked for, and not given.
  const wantEvents = types.includes('event');
  const wantPeriods = types.some((t) => t === 'money' || t === 'percent' || t === 'quantity');
  const found = new Set<FactType>(types);
  if (wantEvents) found.add('leader').add('date');
  if (wantPeriods) found.add('date');
  for (const type of found) {
    if (type === 'event') continue;
    for (const lang of ruleLangs) {
      for (const m of EXTRACTORS[type].extract({ text, lang, docDate: meta.date })) {
        if (m.start >= bodyStart && m.end > m.start) matches.push(m);
      }
    }
  }
  const toCp = codePointIndex(text);
  const spans = sentenceSpans(text, abbreviations(ruleLangs[0]!), continues(ruleLangs[0]!));
  // Overlaps are removed, and neighbours found, among all matches, those in the context too, so
  // that a fact of the chunk is what it is in the whole text; only the chunk's own are given.
  let kept: Match[] = removeOverlaps(matches);
  addContext(kept, { text, lang: ruleLangs[0]!, spans, toCp: (i) => cpBase + toCp(i), docStates });
  const events = wantEvents ? findEvents(kept, text, ruleLangs[0]!, meta.date, spans) : [];
  if (found.size > types.length) kept = kept.filter((m) => types.includes(m.type));
  if (events.length) kept = [...kept, ...events].sort((a, b) => a.start - b.start);
  const limits = neighbours(kept, text.length);
  const out: Fact[] = [];
  kept.forEach((m, i) => {
    if (m.start < own.start || m.start >= own.end) return;
    out.push(
      {
        doc: meta.doc,
        lang: meta.lang,
        type: m.type,
        docDate: meta.date?.iso ?? null,
        text: written.slice(m.start, m.end),
        start: cpBase + toCp(m.start),
        end: cpBase + toCp(m.end),
        sentence: sentenceOf(written, spans, m.start, m.end, limits[i]),
        value: m.value,
        rule: m.rule,
        confidence: m.confidence,
      } as Fact,
    );
  });
  return out;
}

/** For each match (in text order), the end of the match of its type before it and the start of the one after it. */
function neighbours(matches: readonly Match[], length: number): Span[] {
  const out: Span[] = matches.map(() => ({ start: 0, end: length }));
  const last = new Map<string, number>();
  matches.forEach((m, i) => {
    const before = last.get(m.type);
    if (before !== undefined) {
      out[i]!.start = Math.max(out[i]!.start, matches[before]!.end);
      out[before]!.end = Math.min(out[before]!.end, m.start);
    }
    last.set(m.type, i);
  });
  return out;
}

/** The document's own date, else the date given for it (see `ExtractOptions.date`). */
function withGivenDate(found: DocDate | null, given: string | undefined): DocDate | null {
  if (!given || (found && found.source !== 'text')) return found;
  return { iso: given, source: 'option' };
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
  if (lang !== undefined && !(LANGS as readonly unknown[]).includes(lang) && !(typeof lang === 'string' && isAddedLanguage(lang))) {
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
