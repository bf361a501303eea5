// Diplomatic events, built on the facts already found: a trigger of rules/<lang>/events.json
// ("провели переговоры", "кездесті", "state visit") is linked to the persons, countries, place and
// date of its sentence (./link.ts); later mentions of the same event complete the first (./merge.ts);
// what no mention states is taken from the story around it (./context.ts).
import { matchAll } from '../rules/regex.js';
import type { Span } from '../text/sentences.js';
import type { DocDate, EventValue, Match, SupportedLang } from '../types.js';
import { linkEvent, type Mention } from './link.js';
import { fromContext } from './context.js';
import { mergeMentions } from './merge.js';
import { placesIn } from './places.js';
import { eventRules } from './rules.js';

const CONFIDENCE = { strong: 0.8, weak: 0.6 } as const;
/** The headline and first sentences: what the document reports as its news. */
const LEAD_SENTENCES = 4;
/** How far from the start a place is the dateline's. */
const DATELINE_CHARS = 300;

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
  const leadEnd = spans[Math.min(spans.length, LEAD_SENTENCES) - 1]?.end ?? 0;
  const dateline = placesIn(text, 0, Math.min(text.length, DATELINE_CHARS), lang)[0]?.place ?? null;
  for (const m of matchAll(rules.trigger, text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (negatives.some((n) => n.start < end && start < n.end)) continue;
    const trigger = rules.triggers[rules.which(m)]!;
    const sentence = sentenceAt(spans, start, end);
    const lead = end <= leadEnd;
    const mention = linkEvent({ rules, trigger, start, end, sentence, text, facts, docDate, previous: mentions, lead });
    if (mention) mentions.push(mention);
  }
  // "принял", "hosted", "обсудили" beside another trigger of their sentence are part of its event.
  const kept = mentions.filter((m) => m.trigger.needs !== 'two' || !mentions.some((o) => o !== m && o.trigger.needs !== 'two' && within(o, m)));
  return fromContext(mergeMentions(kept, rules.visitHost), docDate, dateline, rules.storyPersons).map((e) => ({
    type: 'event',
    start: e.start,
    end: e.end,
    value: e.value satisfies EventValue,
    rule: `event.${lang}.${e.trigger.id}`,
    confidence: e.trigger.weak ? CONFIDENCE.weak : CONFIDENCE.strong,
  }));
}

function within(o: Mention, m: Mention): boolean {
  return o.sentence.start === m.sentence.start;
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
