// Diplomatic events, built on the facts already found: a trigger of rules/<lang>/events.json
// ("провели переговоры", "кездесті", "state visit") is linked to the persons, countries, place and
// date of its sentence (./link.ts); later mentions of the same event complete the first (./merge.ts);
// what no mention states is taken from the story around it (./context.ts).
import { matchAll } from '../rules/regex.js';
import { firstNotBefore } from '../text/bisect.js';
import type { Span } from '../text/sentences.js';
import type { DateValue, DocDate, EventValue, Match, SupportedLang } from '../types.js';
import { inName, isSource, linkEvent, ownedDate, paired, type Mention } from './link.js';
import { fromContext } from './context.js';
import { mergeMentions } from './merge.js';
import { placesIn, type PlaceHit } from './places.js';
import { eventRules } from './rules.js';

const CONFIDENCE = { strong: 0.8, weak: 0.6 } as const;
/** The headline and first sentences: what the document reports as its news. */
const LEAD_SENTENCES = 4;
/** How far from the start a place is the dateline's. */
const DATELINE_CHARS = 300;
/**
 * How far a dateline in capitals opening its line ("TASHKENT, May 27. /TASS/.") may stand: after a
 * headline, a subtitle, photo captions and credits.
 */
const CAPS_DATELINE_CHARS = 1000;
/**
 * A trigger is linked to what its sentence says; in a "sentence" longer than any a story writes
 * (a list, a table, text without full stops), to what stands within REACH characters of it, so
 * that linking stays linear in the text however it is written.
 */
const LONGEST_SENTENCE = 3000;
const REACH = 250;

/**
 * The events of a text whose other facts are `facts` (UTF-16 offsets, as extractors give them),
 * one per real-world event: the first clear mention, completed by the later ones.
 */
export function findEvents(
  facts: readonly Match[],
  text: string,
  lang: SupportedLang,
  docDate: DocDate | null,
  spans: readonly Span[],
): Match<'event'>[] {
  const rules = eventRules(lang);
  const negatives = matchAll(rules.negative, text).map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const mentions: Mention[] = [];
  // The first place of the opening that is not the report's source or part of a name.
  // A city as it is named, opening a sentence and followed by its words ("Анкара бұдан әрі қарай
  // да … қолдайды", "Moscow seeks …"), is the state acting, not where the report was filed.
  const acting = (p: PlaceHit) => p.bare && /^\s+\p{Ll}/u.test(text.slice(p.end, p.end + 3)) && /(?:^\s*|[.!?]\s+|\n\s*)$/u.test(text.slice(0, p.start).slice(-3));
  // Two capitals joined by "and" ("Отношения Астаны и Душанбе", "Astana and Tashkent agreed") are
  // the two states, not a place.
  const opening = placesIn(text, 0, Math.min(text.length, DATELINE_CHARS), lang);
  // A venue alone on its line, not in capitals, is a credit ("Айбын Атабай\nАқорда"), not a dateline.
  const credit = (p: PlaceHit) => p.place.name.includes(', ') && lineOf(text, p.start).trim() === text.slice(p.start, p.end) && p.place.text !== p.place.text.toUpperCase();
  const caps = capsDateline(text, lang);
  // The lead: the first sentences, or those after a dateline that headline, captions and credits precede.
  const leadFrom = caps ? Math.max(0, spans.findIndex((s) => s.end > caps.start)) : 0;
  const leadEnd = spans[Math.min(spans.length, leadFrom + LEAD_SENTENCES) - 1]?.end ?? 0;
  const dateline = opening.find((p) => !isSource(text, p, rules) && !inName(text, p, rules) && !acting(p) && !paired(text, p, opening, rules) && !credit(p))?.place ?? caps?.place ?? null;
  const leaders = facts.filter((f): f is Match<'leader'> => f.type === 'leader');
  // Triggers come in text order, and so do the negatives ("встреча выпускников"): one pointer walks them.
  let negative = 0;
  for (const m of matchAll(rules.trigger, text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (negative < negatives.length && negatives[negative]!.end <= start) negative++;
    if (negative < negatives.length && negatives[negative]!.start < end) continue;
    const trigger = rules.triggers[rules.which(m)]!;
    const sentence = linkSpan(sentenceAt(spans, start, end), start, end, text);
    const lead = end <= leadEnd;
    const own = factsIn(facts, sentence);
    const mention = linkEvent({ rules, trigger, start, end, sentence, text, facts: own, leaders, docDate, previous: mentions, lead });
    if (mention) mentions.push(mention);
  }
  // "принял", "hosted", "обсудили" beside another trigger of their sentence are part of its event.
  const withOthers = new Set(mentions.filter((m) => m.trigger.needs !== 'two').map((m) => m.sentence.start));
  const kept = mentions.filter((m) => m.trigger.needs !== 'two' || !withOthers.has(m.sentence.start));
  // A report with no date of its own is most likely of the first day its lead or its dateline
  // names, even without a year ("В воскресенье, 10 августа, …", "ДУШАНБЕ, 28 июн — РИА Новости"
  // after a headline, a caption and a link).
  const days = facts.filter((f): f is Match<'date'> => f.type === 'date');
  const inLead = (d: Match<'date'>) => d.start < Math.max(leadEnd, DATELINE_CHARS) || (!!caps && d.start >= caps.start && d.start < caps.lineEnd);
  // (Not the day of another occasion: "his first visit since the election of November 20".)
  const leadDay = docDate ? null : days.find((d) => inLead(d) && /^--\d\d-\d\d$/.test(d.value.yearless ?? '') && !ownedDate(rules, text, d, spans.find((x) => x.start <= d.start && d.start < x.end)?.start ?? d.start))?.value ?? null;
  // The day a capitals dateline gives ("MOSCOW, November 28. /TASS/."): the report's own day.
  const datelineDay = docDate || !caps ? null : days.find((d) => d.start >= caps.start && d.start < caps.lineEnd && /^--\d\d-\d\d$/.test(d.value.yearless ?? ''))?.value ?? null;
  const docDay: DateValue | null = docDate ? { iso: docDate.iso, granularity: 'day' } : null;
  return fromContext(mergeMentions(kept, rules.visitHost, docDay), docDate, dateline, rules.storyPersons, leadDay, datelineDay).map((e) => ({
    type: 'event',
    start: e.start,
    end: e.end,
    value: e.value satisfies EventValue,
    rule: `event.${lang}.${e.trigger.id}`,
    confidence: e.trigger.weak ? CONFIDENCE.weak : CONFIDENCE.strong,
  }));
}

/**
 * A dateline in capitals opening a line of the first CAPS_DATELINE_CHARS ("TASHKENT, May 27.
 * /TASS/.", "АСТАНА, 12 ноября –"): its place and where its line ends.
 */
function capsDateline(text: string, lang: SupportedLang): (PlaceHit & { lineEnd: number }) | null {
  const head = text.slice(0, CAPS_DATELINE_CHARS);
  const re = /(?:^|\n)[ \t]*(\p{Lu}[\p{Lu}-]+(?: \p{Lu}[\p{Lu}-]+)*),/gu;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const hit = placesIn(text, start, start + m[1]!.length, lang)[0];
    if (!hit || hit.start !== start) continue;
    const nl = text.indexOf('\n', start);
    return { ...hit, lineEnd: nl < 0 ? text.length : nl };
  }
  return null;
}

/** The line of `text` that holds offset `i`. */
function lineOf(text: string, i: number): string {
  const from = text.lastIndexOf('\n', i - 1) + 1;
  const to = text.indexOf('\n', i);
  return text.slice(from, to < 0 ? text.length : to);
}

/** The sentence, or in one longer than any a story writes, REACH characters around the trigger (cut at spaces). */
function linkSpan(sentence: Span, start: number, end: number, text: string): Span {
  if (sentence.end - sentence.start <= LONGEST_SENTENCE) return sentence;
  let a = Math.max(sentence.start, start - REACH);
  let b = Math.min(sentence.end, end + REACH);
  const space = /\s/u;
  if (a > sentence.start) for (let i = a; i < start && i < a + 100; i++) if (space.test(text[i]!)) { a = i + 1; break; }
  if (b < sentence.end) for (let i = b - 1; i >= end && i > b - 100; i--) if (space.test(text[i]!)) { b = i; break; }
  return { start: a, end: b };
}

/** The facts (in text order) that start inside `span`, found by binary search. */
function factsIn(facts: readonly Match[], span: Span): readonly Match[] {
  return facts.slice(firstNotBefore(facts, (f) => f.start < span.start), firstNotBefore(facts, (f) => f.start < span.end));
}

/** The sentence span around [start, end) (the trigger's own span when outside every sentence). */
function sentenceAt(spans: readonly Span[], start: number, end: number): Span {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (s.end <= start) lo = mid + 1;
    else if (s.start > start) hi = mid - 1;
    else return { start: s.start, end: Math.max(s.end, end) };
  }
  return { start, end };
}
