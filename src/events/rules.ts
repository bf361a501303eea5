// The event rules of a language (rules/<lang>/events.json), compiled once: the triggers as one
// alternation told apart by branch, and the cues around them (planned, negatives, later mentions,
// groups, references to a person, documents and their count).
import { expandFragments } from '../rules/fragments.js';
import { loadRules, perLang, RulesError } from '../rules/load.js';
import { branches, compile, regex, LB, patternsAlt, RB } from '../rules/regex.js';
import { EVENT_KINDS, VISIT_LEVELS, type EventKind, type SupportedLang, type VisitLevel } from '../types.js';

/** What a trigger needs in its sentence to make an event: a person, two, or a person and a place. */
export type Need = 'leader' | 'two' | 'where';

export interface TriggerRule {
  id: string;
  kind: EventKind;
  pattern: string;
  status?: 'planned';
  weak?: boolean;
  needs?: Need;
  /** An event noun that only names an event the story has named (мероприятие, іс-шара): its persons join that one; alone it is none. */
  refers?: boolean;
}

interface EventRulesData {
  triggers: TriggerRule[];
  planned: string[];
  negatives: string[];
  later: string[];
  pointers: string[];
  group: string[];
  sides?: string[];
  references: { pattern: string; role: string; plural?: boolean; country?: boolean }[];
  documents: string;
  documentsBefore: boolean;
  count: string;
  numbers?: Record<string, number>;
  officeCountry: { after?: string; before?: boolean; beforeWords?: number; listBefore?: boolean };
  nameContinues?: string;
  /** Right before a city, words that make it a name given to something, not a place ("named after Samarkand", "имени Самарканда"). */
  nameBefore?: string;
  /** Right before a trigger, the anniversary the story marks, its number of years in group 1 ("the 10th anniversary of the"). */
  anniversary?: string;
  /** Another occasion a date next to it dates, not the event ("the election of November 20"): `before` the date (ending there), `after` it (starting there). */
  dateOwner?: { before?: string; after?: string; between?: string };
  /** After a city, a verb that makes it the state acting ("Moscow seeks", "Москва заявила"), not a place. */
  actorAfter?: string;
  sourceBefore?: string;
  sourceAfter?: string;
  storyPersons?: EventKind[];
  bodies?: string[];
  visitHost?: boolean;
  honoured?: { before?: string; after?: string };
  aide?: { before?: string; after?: string };
  visitOwner?: { side: 'before' | 'after'; gap: string; name?: string };
  placeWords: { maxSuffix: number; abbrSuffix: number; strip?: string[]; indeclinable?: string; possessive?: string };
  /** The words that join two names into one pair. */
  and?: string[];
  /** Where a visit's trigger names where it goes: group 1 of a pattern right after it or right before it. */
  destination?: { after?: string; before?: string };
  /** The words of a visit's trigger that give its level ("государственный визит", "ресми сапар"). */
  visitLevels?: Partial<Record<VisitLevel, string>>;
}

export interface EventRules {
  lang: SupportedLang;
  triggers: TriggerRule[];
  /** All triggers; `which(m)` is the index in `triggers` of the one that matched. */
  trigger: RegExp;
  which: (m: RegExpExecArray) => number;
  planned: RegExp;
  negative: RegExp;
  later: RegExp;
  /** Matches at the end of the text before a trigger when a pointer word stands right before it. */
  pointer: RegExp;
  /** Words for the participants together: the leaders (`leaders`) or the sides (стороны, which may be the states). */
  group: RegExp;
  leaders: RegExp;
  sides: RegExp | null;
  /** `country`: the word stands for a person only with a country beside it ("глава Узбекистана", not "глава компании"). */
  references: { re: RegExp; role: string; plural: boolean; country: boolean }[];
  documents: RegExp;
  documentsBefore: boolean;
  count: RegExp;
  numbers: Record<string, number>;
  /** Where the country of an office stands (see `officeCountry` in rules/<lang>/events.json). */
  officeCountry: { after: RegExp | null; before: boolean; beforeWords: number | null; listBefore: boolean };
  /** Kinds of event that, naming no person, are the persons' of the story's talks before them (English wires: "documents were signed", "your visit"). */
  storyPersons: readonly EventKind[];
  /** Words for signers that are no persons (the delegations, the governments): an event they do takes no persons from the story. */
  bodies: RegExp | null;
  /** Does a visit naming only its visitor take the host, named elsewhere, as a person too? */
  visitHost: boolean;
  /** Words that make a name a person honoured, not present ("100th anniversary of national leader Heydar Aliyev"): right before it (ending there) or right after it. */
  honoured: { before: RegExp | null; after: RegExp | null };
  /** Words that make a name a leader's aide or a reporter ("помощник президента Юрий Ушаков", "Berik Kurmangali, the president's press secretary"), no party of the event: right before it or right after it. */
  aide: { before: RegExp | null; after: RegExp | null };
  /**
   * Where a visit's owner is written ("визит президента России Владимира Путина", "Си Цзиньпиннің
   * Қазақстандағы сапары"): on which side of the noun, what may stand between (`gap`, whole), and
   * what the name must end with (`name`, a genitive).
   */
  visitOwner: { side: 'before' | 'after'; gap: RegExp; name: RegExp | null } | null;
  /** After a city: what makes it part of a longer name. */
  nameContinues: RegExp | null;
  nameBefore: RegExp | null;
  anniversary: RegExp | null;
  dateOwner: { before: RegExp | null; after: RegExp | null; between: RegExp | null };
  actorAfter: RegExp | null;
  /** Around a place: what makes it the report's source ("the Akorda press service"), before and after it. */
  sourceBefore: RegExp | null;
  sourceAfter: RegExp | null;
  /** How a word of a place's name takes endings (see `placeWords` in rules/<lang>/events.json). */
  placeWords: { maxSuffix: number; abbrSuffix: number; strip: RegExp[]; indeclinable: RegExp | null; possessive: RegExp | null };
  /** The whole gap between two names joined into a pair ("Астаны и Душанбе"), or null. */
  and: RegExp | null;
  /** Where a visit's trigger names where it goes (see `destination` in rules/<lang>/events.json). */
  destination: { after: RegExp | null; before: RegExp | null };
  /** Each level of a visit and the words in a trigger that give it. */
  visitLevels: { level: VisitLevel; re: RegExp }[];
}

const bounded = (source: string) => `${LB}(?:${source})${RB}`;

export const eventRules = perLang((lang: SupportedLang): EventRules => {
  const data = loadRules<EventRulesData>(lang, 'events');
  const file = `rules/${lang}/events.json`;
  for (const t of data.triggers) {
    if (!EVENT_KINDS.includes(t.kind)) throw new RulesError(`${file}: trigger ${t.id} has unknown kind ${t.kind}`);
  }
  const levels = Object.entries(data.visitLevels ?? {}) as [VisitLevel, string][];
  for (const [level] of levels) if (!VISIT_LEVELS.includes(level)) throw new RulesError(`${file}: unknown visit level ${level}`);
  const expand = (p: string) => expandFragments(p, lang);
  const alts = branches(data.triggers.map((t) => expand(t.pattern)));
  const any = (list: string[]) => compile(bounded(patternsAlt(list.map(expand))), { ignoreCase: true });
  return {
    lang,
    triggers: data.triggers,
    trigger: compile(`${LB}(?:${alts.source})${RB}`, { ignoreCase: true }),
    which: alts.which,
    planned: any(data.planned),
    negative: any(data.negatives),
    later: any(data.later),
    pointer: compile(`${LB}(?:${patternsAlt(data.pointers.map(expand))})\\s+$`, { ignoreCase: true }),
    group: any([...data.group, ...(data.sides ?? [])]),
    leaders: any(data.group),
    sides: data.sides?.length ? any(data.sides) : null,
    references: data.references.map((r) => ({ re: compile(bounded(expand(r.pattern))), role: r.role, plural: r.plural === true, country: r.country === true })),
    documents: compile(bounded(expand(data.documents)), { ignoreCase: true }),
    documentsBefore: data.documentsBefore,
    count: compile(bounded(expand(data.count)), { ignoreCase: true }),
    numbers: data.numbers ?? {},
    officeCountry: {
      after: data.officeCountry.after ? regex(data.officeCountry.after, 'u') : null,
      before: data.officeCountry.before === true,
      beforeWords: data.officeCountry.beforeWords ?? null,
      listBefore: data.officeCountry.listBefore === true,
    },
    storyPersons: data.storyPersons ?? [],
    bodies: data.bodies?.length ? any(data.bodies) : null,
    visitHost: data.visitHost !== false,
    aide: {
      before: data.aide?.before ? regex(`(?:${data.aide.before})$`, 'iu') : null,
      after: data.aide?.after ? regex(`^(?:${data.aide.after})`, 'iu') : null,
    },
    honoured: {
      before: data.honoured?.before ? regex(`(?:${data.honoured.before})$`, 'iu') : null,
      after: data.honoured?.after ? regex(`^(?:${data.honoured.after})`, 'iu') : null,
    },
    visitOwner: data.visitOwner
      ? { side: data.visitOwner.side, gap: regex(data.visitOwner.gap, 'u'), name: data.visitOwner.name ? regex(data.visitOwner.name, 'u') : null }
      : null,
    nameContinues: data.nameContinues ? regex(data.nameContinues, 'u') : null,
    nameBefore: data.nameBefore ? regex(`(?:${data.nameBefore})$`, 'iu') : null,
    anniversary: data.anniversary ? regex(`(?:${data.anniversary})$`, 'iu') : null,
    dateOwner: {
      before: data.dateOwner?.before ? regex(`(?:${data.dateOwner.before})$`, 'iu') : null,
      after: data.dateOwner?.after ? regex(`^(?:${data.dateOwner.after})`, 'iu') : null,
      between: data.dateOwner?.between ? regex(data.dateOwner.between, 'iu') : null,
    },
    actorAfter: data.actorAfter ? regex(data.actorAfter, 'u') : null,
    sourceBefore: data.sourceBefore ? regex(data.sourceBefore, 'iu') : null,
    sourceAfter: data.sourceAfter ? regex(data.sourceAfter, 'iu') : null,
    placeWords: {
      maxSuffix: data.placeWords.maxSuffix,
      abbrSuffix: data.placeWords.abbrSuffix,
      strip: (data.placeWords.strip ?? []).map((p) => regex(p, 'u')),
      indeclinable: data.placeWords.indeclinable ? regex(data.placeWords.indeclinable, 'u') : null,
      possessive: data.placeWords.possessive ? regex(data.placeWords.possessive, 'u') : null,
    },
    and: data.and?.length ? regex(`^\\s+(?:${patternsAlt(data.and.map(expand))})\\s+$`, 'iu') : null,
    destination: {
      after: data.destination?.after ? regex(data.destination.after, 'u') : null,
      before: data.destination?.before ? regex(data.destination.before, 'u') : null,
    },
    visitLevels: levels.map(([level, p]) => ({ level, re: regex(bounded(expand(p)), 'iu') })),
  };
});
