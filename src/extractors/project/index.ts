// The project extractor: named undertakings (corridors, railways, ports, plants, funds,
// programmes, centres, pipelines, cables, companies) from head-noun phrases, quoted names,
// routes, Latin-script names and a gazetteer. Matching is in match.ts, data in rules/.
// Values: `name` (the span without an aside), `id` (normalize.ts; a gazetteer id when a known name is
// inside), `location`, and `countries` (countries.ts: names, adjectives and places in the name, plus a
// gazetteer entry's own list).
import { keepDisjoint, overlapTest } from '../../refine/overlaps.js';
import { leadMatches } from '../../rules/leads.js';
import type { Extractor, Match, ProjectKind, ProjectValue, SupportedLang } from '../../types.js';
import { findGazetteer, type GazetteerHit } from './gazetteer.js';
import { projectLexicon, type Lexicon } from './lexicon.js';
import { headFinalPhrase, headInitialPhrase, tokenIndex, type Phrase } from './match.js';
import { countriesIn } from './countries.js';
import { projectId } from './normalize.js';
import { adjacent, isCapitalised, isLatin, tokenize, type Token } from './tokens.js';

interface Candidate {
  start: number;
  end: number;
  kind: ProjectKind;
  location: string | null;
  rule: string;
  confidence: number;
  id?: string;
  countries?: string[];
  gap?: { start: number; end: number };
}

/** The spans the lexicon excludes, as a test of whether a span overlaps one. */
function excluded(text: string, lex: Lexicon): (span: { start: number; end: number }) => boolean {
  const out: { start: number; end: number }[] = [];
  for (const re of lex.exclude) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      out.push({ start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return overlapTest(out);
}

function headPhrases(text: string, tokensOf: () => Token[], lex: Lexicon): Candidate[] {
  const skip = excluded(text, lex);
  const out: Candidate[] = [];
  for (const m of leadMatches(text, lex.headRe)) {
    const tokens = tokensOf();
    const span = { start: m.index, end: m.index + m[0].length };
    const hs = tokenIndex(tokens, span.start, 'start');
    const he = tokenIndex(tokens, span.end, 'end');
    if (hs === undefined || he === undefined || skip(span)) continue;
    const head = lex.heads[lex.headOf(m)]!;
    const p: Phrase | null =
      lex.order === 'head-final'
        ? headFinalPhrase(text, tokens, hs, he, head, lex)
        : headInitialPhrase(text, tokens, hs, he, head, lex);
    if (p) out.push({ ...p, rule: `project.${lex.lang}.${p.rule}` });
  }
  return out;
}

const LATIN_LETTER = /[A-Za-z]/;

/**
 * Latin-script names with a head word of the `latinNames` language in them ("Astana Hub",
 * "IT Park Uzbekistan") in a text of another script.
 */
function latinNames(text: string, tokensOf: () => Token[], lang: SupportedLang, lex: Lexicon): Candidate[] {
  // A name of two Latin words needs Latin letters somewhere in the text.
  if (!lex.latinNames || !LATIN_LETTER.test(text)) return [];
  const tokens = tokensOf();
  const foreign = projectLexicon(lex.latinNames);
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'word' || !isLatin(tokens[i]!.text)) continue;
    let j = i;
    while (tokens[j + 1]?.type === 'word' && isLatin(tokens[j + 1]!.text) && adjacent(text, tokens[j]!, tokens[j + 1]!)) j++;
    const group = tokens.slice(i, j + 1);
    const head = group.length >= 2 && group.slice(1).map((t) => foreign.heads.find((h) => h.test.test(t.text))).find(Boolean);
    if (head && group.every((t) => isCapitalised(t.text))) {
      out.push({ start: group[0]!.start, end: group[group.length - 1]!.end, kind: head.kind, location: null, rule: `project.${lang}.latin`, confidence: 0.75 });
    }
    i = j;
  }
  return out;
}

function extraPatterns(text: string, lex: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  for (const x of lex.extra) {
    x.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = x.re.exec(text)) !== null) {
      out.push({ start: m.index, end: m.index + m[0].length, kind: x.kind, location: null, rule: x.rule, confidence: 0.65 });
    }
  }
  return out;
}

const NEXT_WORD = /^[»"”]?[ \t\u00a0]+([\p{L}\p{N}]+)/u;
const PREV_WORD = /([\p{L}\p{N}]+)[ \t\u00a0]+[«"“„]?$/u;

/**
 * A name next to an owner word names an event or an institution: after it in English ("the Belt
 * and Road Forum"), before it in Russian ("форум «Один пояс, один путь»").
 */
function owned(text: string, c: Candidate, lex: Lexicon): boolean {
  const after = lex.ownerWord && NEXT_WORD.exec(text.slice(c.end, c.end + 40));
  if (after && lex.ownerWord!.test(after[1]!)) return true;
  const before = lex.ownerWordBefore && PREV_WORD.exec(text.slice(Math.max(0, c.start - 40), c.start));
  return !!before && lex.ownerWordBefore!.test(before[1]!);
}

const fromGazetteer = (h: GazetteerHit): Candidate => ({
  start: h.start, end: h.end, kind: h.kind, location: null, rule: 'project.common.gazetteer', confidence: 0.9, id: h.id, countries: h.countries,
});

/** Longest first; a kept phrase that contains a gazetteer name takes its id and kind. */
function resolve(cands: Candidate[], hits: GazetteerHit[]): Candidate[] {
  const ranked = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start);
  const kept = keepDisjoint(ranked).sort((a, b) => a.start - b.start);
  // The first hit that overlaps a kept phrase: hits, like kept phrases, are in text order and
  // do not overlap one another, so one walk finds it for every phrase.
  let h = 0;
  for (const k of kept) {
    while (h < hits.length && hits[h]!.end <= k.start) h++;
    const g = hits[h];
    if (g && g.start < k.end && !k.id) { k.id = g.id; k.kind = g.kind; k.countries = g.countries; }
  }
  return kept;
}

export function findProjects(text: string, lang: SupportedLang): Match<'project'>[] {
  const lex = projectLexicon(lang);
  // Tokens are needed around a head word and for Latin names: most texts have neither, so a
  // text is tokenized only when one is found.
  let tokens: Token[] | undefined;
  const tokensOf = () => (tokens ??= tokenize(text));
  const hits = findGazetteer(text, lang);
  const cands = [
    ...hits.map(fromGazetteer),
    ...headPhrases(text, tokensOf, lex),
    ...latinNames(text, tokensOf, lang, lex),
    ...extraPatterns(text, lex),
  ];
  return resolve(cands.filter((c) => !owned(text, c, lex)), hits).map((c) => {
    // An aside inside the span ("дорожную карту, как сейчас принято говорить, развития ...") is
    // part of `text` but not of the name.
    const name = (c.gap ? `${text.slice(c.start, c.gap.start)} ${text.slice(c.gap.end, c.end)}` : text.slice(c.start, c.end)).trim();
    const value: ProjectValue = { name, kind: c.kind, id: c.id ?? projectId(name, lang), location: c.location };
    // Latin-script names in ru/kk text ("IT Park Uzbekistan") name countries in English.
    const latin = lex.latinNames && /[A-Za-z]{3}/.test(name) ? countriesIn(name, lex.latinNames) : [];
    const countries = [...new Set([...(c.countries ?? []), ...countriesIn(name, lang), ...latin])];
    if (countries.length) value.countries = countries;
    return { type: 'project', start: c.start, end: c.end, value, rule: c.rule, confidence: c.confidence };
  });
}

export const projectExtractor: Extractor<'project'> = {
  type: 'project',
  extract: (ctx) => findProjects(ctx.text, ctx.lang),
};
