// Figures in context: what each money, percent and quantity figure is about, read from the facts
// after extraction and from the words around them (CONTRACT.md, "Figures in context"):
//   measure    the nearest measure word in the figure's clause, else its sentence ("товарооборот",
//              "сауда айналымы", "exports"); else the measure of a figure just before it; else its unit's;
//   status     the nearest status cue in the clause, else the sentence; a deadline makes a target;
//              with no cue the figure is reported (actual);
//   countries  the states named in the sentence; a bilateral measure ("двусторонний товарооборот",
//              trade) is completed from the states the document is about;
//   period     the nearest date fact in the clause, else the sentence ("к 2030 году" → a deadline);
//   relatedTo  a percent of change and the level it led to, each pointing at the other.
// The words are data (rules/<lang>/context.json, rules/common/context.json); this linking is the
// same for every language.
import { clauseAround, clauseBreaks } from '../normalize/qualifier.js';
import { firstNotBefore } from '../text/bisect.js';
import { countriesIn } from '../extractors/project/countries.js';
import type { Span } from '../text/sentences.js';
import type { DateValue, FigureContext, FigureStatus, Match, Measure, SupportedLang } from '../types.js';
import { contextRules, type Hit } from './rules.js';

export interface ContextInput {
  text: string;
  lang: SupportedLang;
  /** Sentence spans of `text`, in order. */
  spans: readonly Span[];
  /** UTF-16 offset → code-point offset (what facts carry). */
  toCp: (i: number) => number;
  /** The states the document is about (`documentStates` of its opening), asked for when needed. */
  docStates: () => DocumentStates;
}

/** The states a document is about, most named first, and those along the routes it names. */
export interface DocumentStates {
  named: string[];
  routes: string[];
}

type Figure = Match<'money'> | Match<'percent'> | Match<'quantity'>;
const FIGURES = new Set(['money', 'percent', 'quantity']);

/** How many of the document's most named states complete a bilateral figure. */
const DOC_STATES = 2;
/** How far back (in sentences) a figure without a measure word takes the measure of the one before. */
const CARRY_SENTENCES = 1;

/** Adds measure, status, countries, period and relatedTo to the figures among `matches` (in order). */
export function addContext(matches: readonly Match[], input: ContextInput): void {
  const figures = matches.filter((m): m is Figure => FIGURES.has(m.type));
  if (!figures.length) return;
  const { text, lang, spans, toCp } = input;
  const docStates = input.docStates();
  const R = contextRules(lang);
  // Words of context are looked for only in the sentences that hold a figure.
  const inSentence = new Map<number, { measures: Hit<Measure>[]; statuses: Hit<FigureStatus>[] }>();
  const wordsOf = (si: number, sentence: Span) => {
    let w = inSentence.get(si);
    if (!w) {
      const part = text.slice(sentence.start, sentence.end);
      const shift = <L extends string>(h: Hit<L>) => ({ ...h, start: h.start + sentence.start, end: h.end + sentence.start });
      inSentence.set(si, (w = { measures: R.measures(part).map(shift), statuses: R.statuses(part).map(shift) }));
    }
    return w;
  };
  const breaks = new Map<number, ReturnType<typeof clauseBreaks>>();
  const clauseOf = (si: number, sentence: Span, f: Span): Span => {
    let b = breaks.get(si);
    if (!b) breaks.set(si, (b = clauseBreaks(text, sentence)));
    return clauseAround(b, sentence, f.start, f.end);
  };
  // The dates a figure's period may be (a duration is not a period), in text order.
  const periods = matches.filter((m): m is Match<'date'> => m.type === 'date').filter((d) => !d.value.duration);
  const sentenceCountries = new Map<number, string[]>();
  // A figure's own words name no state: "долларов США", "АҚШ доллары" are a currency.
  const masked = maskFigures(text, figures);
  const countriesOf = (si: number) => {
    let c = sentenceCountries.get(si);
    if (!c) sentenceCountries.set(si, (c = si < 0 ? [] : countriesIn(masked.slice(spans[si]!.start, spans[si]!.end), lang)));
    return c;
  };

  let previous: { measure: Measure; sentence: number } | null = null;
  /** Figures whose status a cue gave (not the default). */
  const cued = new Set<Figure>();
  for (const f of figures) {
    const si = sentenceIndex(spans, f.start);
    const sentence = si >= 0 ? spans[si]! : { start: f.start, end: f.end };
    const clause = clauseOf(si, sentence, f);
    const v = f.value as FigureContext;
    const { measures, statuses } = wordsOf(si, sentence);

    const unit = f.type === 'quantity' ? f.value.unit : null;
    let measure: Measure | null = unit && R.unitFixed.has(unit) ? (R.unitMeasure[unit] ?? null) : null;
    measure ??= nearest(measures, f, clause, sentence)?.label ?? null;
    if (!measure && previous && si - previous.sentence <= CARRY_SENTENCES) measure = previous.measure;
    if (!measure && unit) measure = R.unitMeasure[unit] ?? null;
    if (measure) previous = { measure, sentence: si };

    const date = nearest(periods, f, clause, sentence);
    const period = date ? periodOf(date.value, toCp(date.start), toCp(date.end)) : null;

    let status = nearest(statuses, f, clause, sentence, R.statusSide)?.label ?? null;
    if (period?.deadline && status !== 'forecast') status = 'target';
    if (status === 'target' && measure) status = R.targetAs[measure] ?? status;

    const named = countriesOf(si);
    const countries =
      measure && R.routeMeasures.has(measure) && docStates.routes.length
        ? complete(named, docStates.routes, Infinity)
        : measure && R.national.has(measure)
          ? named.length ? named : docStates.named.slice(0, 1)
          : complete(named, docStates.named, DOC_STATES);

    v.measure = measure;
    v.status = status ?? 'actual';
    if (status) cued.add(f);
    v.countries = countries;
    v.period = period;
  }
  linkChanges(figures, spans, toCp, cued);
}

/** How much of a document's opening names the states it is about (a news lead names its parties). */
export const OPENING_CHARS = 1500;

/**
 * The states a document is about: those its opening names most often (first named first on a
 * tie). Read from the opening only, so that a document read in chunks gets the same.
 */
export function documentStates(text: string, lang: SupportedLang): DocumentStates {
  const counts = new Map<string, number>();
  const opening = text.slice(0, OPENING_CHARS);
  for (const line of opening.split(/(?<=[.!?\n])\s+/u)) for (const c of countriesIn(line, lang)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const named = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  return { named, routes: contextRules(lang).routeStates(opening) };
}

/** The states named, then the document's, up to `size` in all. */
function complete(named: string[], docStates: readonly string[], size: number): string[] {
  const out = [...named];
  for (const c of docStates) {
    if (out.length >= size) break;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** `text` with the figures' characters blanked, offsets kept. */
function maskFigures(text: string, figures: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const f of figures) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + ' '.repeat(f.end - f.start);
    at = f.end;
  }
  return out + text.slice(at);
}

/** Index of the sentence span that holds `at`, or -1. */
function sentenceIndex(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= at) lo = mid + 1;
    else if (spans[mid]!.start > at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function within(h: Span, s: Span): boolean {
  return h.start >= s.start && h.end <= s.end;
}

/**
 * The hit nearest to the figure in its clause, else in its sentence (one before the figure first:
 * the subject of a sentence names what its figures measure). Hits that overlap the figure do not
 * count. `hits` are in text order and disjoint (one regex scan, or facts without overlaps), so the
 * nearest on each side is found by a binary search, however many there are.
 */
function nearest<H extends Span>(hits: readonly H[], f: Span, clause: Span, sentence: Span, side: 'before' | 'after' | null = null): H | null {
  // the first hit that starts at or after the figure; the one before it may overlap the figure
  const lo = firstNotBefore(hits, (h) => h.start < f.start);
  let before: H | null = hits[lo - 1] ?? null;
  if (before && before.end > f.start) before = hits[lo - 2] ?? null;
  let after: H | null = hits[lo] ?? null;
  if (after && after.start < f.end) after = hits[lo + 1] ?? null;
  if (before && !within(before, sentence)) before = null;
  if (after && !within(after, sentence)) after = null;
  // In the clause, the preferred side first: distances there count as shorter than any on the other.
  const far = (h: H) => (side === 'before' ? (h === before ? 0 : 1e9) : side === 'after' ? (h === after ? 0 : 1e9) : 0);
  const distance = (h: H) => far(h) + (h === before ? f.start - h.end : h.start - f.end);
  const inClause = [before, after].filter((h): h is H => h !== null && within(h, clause));
  if (inClause.length) return inClause.reduce((best, h) => (distance(h) < distance(best) ? h : best));
  return before ?? after;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A date fact's value as a figure's period: "к 2030 году" → {iso: "2030", deadline: true}. */
function periodOf(d: DateValue, start: number, end: number): NonNullable<FigureContext['period']> {
  if (d.deadline && d.endIso) return { iso: d.endIso, deadline: true, start, end };
  const { iso, startIso, endIso, granularity, relative } = d;
  const out: NonNullable<FigureContext['period']> = { start, end };
  if (iso !== undefined) out.iso = iso;
  if (startIso !== undefined) out.startIso = startIso;
  if (endIso !== undefined) out.endIso = endIso;
  if (granularity !== undefined) out.granularity = granularity;
  if (relative) out.relative = true;
  if (d.deadline) out.deadline = true;
  return out;
}

/**
 * A percent of change and the level in its sentence it led to ("вырос на 62% и составил 4,5 млн
 * тонн", "4,97 млрд долларов, что на 11,4% больше"): the nearest money or quantity figure with no
 * other figure between them. Each points at the other; the percent takes the level's context
 * where its own clause said nothing.
 */
function linkChanges(figures: readonly Figure[], spans: readonly Span[], toCp: (i: number) => number, cued: ReadonlySet<Figure>): void {
  // Each percent of change picks the nearer of its neighbouring figures in its sentence; a level
  // picked by two percents goes with the nearer one. Both choices look only at neighbours, so a
  // figure is linked the same whether the text is read whole or in chunks.
  const picked = new Map<Figure, Figure>();
  figures.forEach((p, i) => {
    if (p.type !== 'percent' || !p.value.change) return;
    const si = sentenceIndex(spans, p.start);
    const candidates = [figures[i - 1], figures[i + 1]].filter(
      (f): f is Figure => f !== undefined && f.type !== 'percent' && sentenceIndex(spans, f.start) === si,
    );
    const level = candidates.sort((a, b) => gap(a, p) - gap(b, p))[0];
    // "вырос на 40%, и мы стремимся довести его до 3 млрд": a change reported and a level aimed at
    if (!level || (cued.has(p) && cued.has(level) && p.value.status !== level.value.status)) return;
    const rival = picked.get(level);
    if (!rival || gap(p, level) < gap(rival, level)) picked.set(level, p);
  });
  for (const [level, p] of picked) {
    const pv = p.value as FigureContext;
    const lv = level.value as FigureContext;
    pv.relatedTo = { type: level.type, start: toCp(level.start), end: toCp(level.end) };
    lv.relatedTo = { type: 'percent', start: toCp(p.start), end: toCp(p.end) };
    if (lv.measure && (!pv.measure || pv.measure === 'other')) pv.measure = lv.measure;
    if (!pv.period && lv.period) pv.period = lv.period;
    if (!cued.has(p) && lv.status) pv.status = lv.status;
  }
}

function gap(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start - b.end;
}
