// One document through diplo: detect the language, find the document's date, run the
// extractors, remove overlaps, and turn matches into facts with code-point offsets and sentences.
import { detectLanguage } from './lang/detect.js';
import { EXTRACTORS } from './extractors/index.js';
import { documentDate, documentHeader } from './extractors/date/document-date.js';
import { removeOverlaps } from './refine/overlaps.js';
import { loadRules, perLang } from './rules/load.js';
import { codePointIndex, stripBom } from './text/offsets.js';
import { sentenceOf, sentenceSpans } from './text/sentences.js';
import { FACT_TYPES, LANGS } from './types.js';
import type { DocumentResult, Fact, FactType, Match, SupportedLang } from './types.js';

export interface ExtractOptions {
  /** Skip detection and use this language's rules. */
  lang?: SupportedLang;
  /** Only these fact types (default: all). */
  types?: readonly FactType[];
}

const abbreviations = perLang((lang: SupportedLang) => new Set(loadRules<string[]>(lang, 'abbreviations', [])));

/** Extracts the facts of one document. `doc` is its name as given on the command line. */
export function extractDocument(doc: string, rawText: string, options: ExtractOptions = {}): DocumentResult {
  const text = stripBom(rawText);
  const lang = options.lang ?? detectLanguage(text);
  // An undetermined language gets every language's rules; overlap removal keeps one reading.
  const ruleLangs: readonly SupportedLang[] = lang === 'und' ? LANGS : [lang];
  const primary = ruleLangs[0]!;
  const docDate = documentDate(text, primary);
  const bodyStart = documentHeader(text).end;

  const matches: Match[] = [];
  for (const type of options.types ?? FACT_TYPES) {
    for (const l of ruleLangs) {
      for (const m of EXTRACTORS[type].extract({ text, lang: l, docDate })) {
        if (m.start >= bodyStart && m.end > m.start) matches.push(m);
      }
    }
  }

  const toCp = codePointIndex(text);
  const spans = sentenceSpans(text, abbreviations(primary));
  const facts = removeOverlaps(matches).map(
    (m) =>
      ({
        doc,
        lang,
        type: m.type,
        text: text.slice(m.start, m.end),
        start: toCp(m.start),
        end: toCp(m.end),
        sentence: sentenceOf(text, spans, m.start, m.end),
        value: m.value,
        rule: m.rule,
        confidence: m.confidence,
      }) as Fact,
  );
  return { doc, lang, date: docDate, facts };
}
