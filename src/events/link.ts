// Linking one trigger to what its sentence says: the persons (leader facts, and words that stand
// for a person the document names: "Глава государства", "президент Ирана", "the two leaders"),
// the countries, the place, the date, whether it is announced or held, and for signings the
// documents and their count.
import { documentHeader } from '../extractors/date/document-date.js';
import { countriesIn } from '../extractors/project/countries.js';
import { matchAll } from '../rules/regex.js';
import { firstNotBefore } from '../text/bisect.js';
import type { Span } from '../text/sentences.js';
import type { DateValue, DocDate, EventKind, EventValue, LeaderValue, Match, SupportedLang } from '../types.js';
import { placesIn, type PlaceHit } from './places.js';
import type { EventRules, TriggerRule } from './rules.js';

/** One mention of an event, linked to its sentence. */
export interface Mention {
  start: number;
  end: number;
  trigger: TriggerRule;
  /** "в ходе переговоров", "кездесу барысында": refers back to an event named before. */
  later: boolean;
  /** Its sentence names a person, place or date of its own. */
  anchored: boolean;
  /** In the document's first sentences, which state its news. */
  lead: boolean;
  sentence: Span;
  /** Its sentence gives bodies, not persons, as its doers ("The delegations were to sign"). */
  bodies: boolean;
  /** Persons the mention stands for if it names an event of its own (a later mention naming nobody). */
  recent: LeaderValue[];
  /** The countries its sentence names (besides a dateline's city). */
  named: string[];
  /** A visit's: the country its trigger says it goes to ("визит в Монголию"), if it says. */
  destination: string | null;
  /** Its place is its sentence's dateline ("ASTANA – …"). */
  atDateline: boolean;
  value: EventValue;
}

export interface LinkInput {
  rules: EventRules;
  trigger: TriggerRule;
  start: number;
  end: number;
  sentence: Span;
  text: string;
  /** The facts of the trigger's sentence, in text order. */
  facts: readonly Match[];
  /** The document's leader facts, in text order (a reference stands for a person named anywhere). */
  leaders: readonly Match<'leader'>[];
  docDate: DocDate | null;
  previous: readonly Mention[];
  /** The trigger is in the document's first sentences, which state its main event. */
  lead: boolean;
}

/** How far around a trigger a cue (planned, later, group) counts, in UTF-16 units. */
const CUE_REACH = { planned: 60, laterBefore: 30, laterAfter: 25, pointer: 20, group: 80 } as const;
/** A reference with a name this close after it is that name's title, not a reference. */
const TITLE_REACH = 45;
/** What may stand between a title and its name: punctuation, or a country's name ("президент Ирана", "President of Iran"). */
const PUNCTUATION = /^[\s,«»"“”()–—-]*$/u;
const COUNTRY_WORDS = /^(?:[\s,«»"“”()–—-]|\p{Lu}[\p{L}\p{N}.'’-]*|of|the)*$/u;
const titleGap = (gap: string, lang: SupportedLang) => PUNCTUATION.test(gap) || (COUNTRY_WORDS.test(gap) && countriesIn(gap, lang).length > 0);

/** How far before or after a name the words that honour it are looked for. */
const HONOUR_REACH = 60;

/**
 * A person honoured ("the 100th anniversary of national leader Heydar Aliyev", "laid a wreath at
 * the monument to Ismoil Somoni") is not present. Words are looked for within `within`.
 */
function honoured(rules: EventRules, text: string, l: Match<'leader'>, within: Span): boolean {
  return nextTo(rules.honoured, text, l, within);
}

/** A leader's aide or a reporter ("помощник президента Юрий Ушаков", "журналист Павел Зарубин") is no party either. */
function aide(rules: EventRules, text: string, l: Match<'leader'>, within: Span): boolean {
  return nextTo(rules.aide, text, l, within);
}

function nextTo(words: { before: RegExp | null; after: RegExp | null }, text: string, l: Match<'leader'>, within: Span): boolean {
  return (
    (words.before?.test(text.slice(Math.max(within.start, l.start - HONOUR_REACH), l.start)) ?? false) ||
    (words.after?.test(text.slice(l.end, Math.min(within.end, l.end + HONOUR_REACH))) ?? false)
  );
}

/** Between a name and the title set after it: a comma or a dash ("Amreyev, President of ..."). */
const APPOSITION = /^\s*[,–—-]\s*(?:the\s+)?$/u;

/** Roles a head of state may have besides President. */
const HEADS = new Set(['President', 'King', 'Queen', 'Emir', 'Sultan', 'Emperor', 'Chairman']);

export function linkEvent(input: LinkInput): Mention | null {
  const { rules, trigger, start, end, sentence, text, facts, leaders } = input;
  const inSentence = (f: { start: number; end: number }) => f.start >= sentence.start && f.end <= sentence.end;
  const own = (facts.filter((f) => f.type === 'leader') as Match<'leader'>[]).filter(inSentence);
  const participants: LeaderValue[] = [];
  const add = (v: LeaderValue) => {
    if (!participants.some((p) => p.id === v.id)) participants.push({ id: v.id, name: v.name, role: v.role ?? null, country: v.country ?? null });
  };
  // A person named inside a quotation the trigger is outside of («... Head of State Tokayev
  // maintains ...», Mamin said during the meeting) is the speaker's subject, not a party.
  const quotes = quotesIn(text, sentence).filter((q) => !(q.start <= start && end <= q.end));
  for (const l of own) if (!quotes.some((q) => q.start <= l.start && l.end <= q.end) && !honoured(rules, text, l, sentence) && !aide(rules, text, l, sentence)) add(l.value);
  for (const v of references(input, leaders)) add(v);
  // "визит Владимира Путина в Узбекистан", "Си Цзиньпиннің Қазақстандағы сапары": a visit with its
  // owner written beside it is that person's; the others its sentence names are of other clauses.
  // Their states stay the visit's: the host's above all ("по приглашению президента Мирзиёева").
  const owner = trigger.kind === 'visit' ? visitOwner(input, own) : null;
  const others = owner ? participants.splice(0, participants.length).filter((p) => p.id !== owner.id) : [];
  if (owner) add(owner);
  // "обе стороны", "the two leaders": the persons of the talks; not a visit's, where the language
  // counts only the visitor (rules' visitHost), and the sides are those of another clause.
  const visitor = trigger.kind === 'visit' && (owner !== null || (!rules.visitHost && participants.length > 0));
  // "стороны подписали": where the language leaves a signing to the states, the sides signing are
  // those; "лидеры подписали" are the persons.
  const states = trigger.kind === 'signing' && !rules.storyPersons.includes('signing');
  // The persons its sentence names are then those of another clause ("в ходе визита Путина стороны
  // подписали"): such a signing has none.
  if (states && rules.sides && groupNear(input, rules.sides) && !groupNear(input, rules.leaders)) participants.length = 0;
  if (participants.length < 2 && !visitor && groupNear(input, states ? rules.leaders : rules.group)) for (const v of groupMembers(input, leaders)) add(v);
  const ownPersons = participants.length > 0;
  const later =
    cueNear(rules.later, text, sentence, start - CUE_REACH.laterBefore, end + CUE_REACH.laterAfter) ||
    matchAll(rules.pointer, text.slice(Math.max(sentence.start, start - CUE_REACH.pointer), start)).length > 0;

  const named = countriesOf(text, sentence, rules.lang, own);
  // A place inside a person's or a body's name ("Нурсултан Назарбаев", "Astana International
  // Financial Centre", "МФЦА «Астана»") is none.
  const sentencePlaces = placesOf(text, sentence, rules.lang);
  const inSentencePlaces = sentencePlaces.filter(
    (p) => !own.some((l) => l.start < p.end && p.start < l.end) && !inName(text, p, rules) && !isSource(text, p, rules) && !paired(text, p, sentencePlaces, rules),
  );
  // A dateline ("ASTANA –", "Алматы, NEGE.") says where the report was filed: the event is where
  // its sentence says, when it names another place ("ASTANA – Macron welcomed Tokayev to Paris"),
  // and a visit is in the country it names ("MOSCOW (AP) — Putin arrived in the capital of
  // Uzbekistan").
  // The countries the sentence names besides a dateline's city.
  const datelines = inSentencePlaces.filter((p) => isDateline(text, p));
  let rest = text.slice(sentence.start, sentence.end);
  for (const p of datelines) rest = rest.slice(0, p.start - sentence.start) + ' '.repeat(p.end - p.start) + rest.slice(p.end - sentence.start);
  const namedBeside = datelines.length ? countriesIn(rest, rules.lang) : named;
  const destination = trigger.kind === 'visit' ? destinationOf(input) : null;
  const datelineElsewhere = (p: PlaceHit) => {
    if (!isDateline(text, p)) return false;
    if (inSentencePlaces.some((q) => !isDateline(text, q))) return true;
    if (destination && p.place.country && p.place.country !== destination) return true;
    return trigger.kind === 'visit' && !!p.place.country && namedBeside.length > 0 && !namedBeside.includes(p.place.country);
  };
  const places = inSentencePlaces.filter((p) => !datelineElsewhere(p));
  const placeHit = nearest(places, start);
  const place = placeHit?.place ?? null;
  const ownCountries = new Set(participants.map((p) => p.country).filter(Boolean));
  if (trigger.needs === 'leader' && participants.length === 0) return null;
  if (trigger.needs === 'two' && participants.length < 2) return null;
  if (trigger.needs === 'where' && (participants.length === 0 || (!place && !named.some((c) => !ownCountries.has(c))))) return null;
  // Any other trigger needs a party: a person, a state, a place or the sides in its sentence, or a story of
  // events around it ("подписан ряд документов" after the talks); a lease signed is none.
  const recent = !ownPersons && later && (trigger.kind === 'meeting' || trigger.kind === 'call') ? groupMembers(input, leaders) : [];
  const party = participants.length > 0 || named.length > 0 || place !== null || recent.length > 0 || input.previous.length > 0 || groupNear(input);
  if (!trigger.needs && !party) return null;

  const countries: string[] = [];
  const addCountry = (c: string | null | undefined) => {
    if (c && /^[A-Z]{2}$/.test(c) && !countries.includes(c)) countries.push(c);
  };
  for (const p of participants) addCountry(p.country);
  for (const c of named) addCountry(c);
  for (const p of others) addCountry(p.country);

  // A date in the possessive ("last December's incident") dates the noun after it, which is this
  // trigger only when the trigger follows at once ("last year's visit").
  const possessive = (f: Match) => /^['’]s\s/u.test(text.slice(f.end, f.end + 3)) && !/^['’]s\s+$/u.test(text.slice(f.end, start));
  // A date next to another occasion ("the election of November 20", "20 қарашадағы сайлау") dates
  // that one, where it stands between it and the trigger.
  // So does a date of the saying that tells of the event ("16 мая он объявил, что … отправится с
  // визитом").
  const owned = (f: Match) =>
    (f.start >= end && ownedDate(rules, text, f, end)) ||
    (f.end <= start && (ownedDate(rules, text, f, f.start, start) || !!rules.dateOwner.between?.test(text.slice(f.end, start))));
  const dates = (facts.filter((f) => f.type === 'date' && inSentence(f)) as Match<'date'>[]).filter((f) => !f.value.duration && !f.value.deadline && !possessive(f) && !owned(f));
  // An event is dated by a day or a month: a year in its sentence is mostly another thing's
  // ("с 2020 года", "the programme for 2022-2026"), and the story's date says more.
  // With no document date to give it a year, a day still tells one event from another ("15 ноября").
  const precise = dates.filter((d) => d.value.granularity === 'day' || d.value.granularity === 'month' || (d.value.startIso?.length ?? 0) >= 7 || d.value.yearless || d.value.weekday);
  // But a year told relative to the story's day right by the trigger ("last year's visit", "в
  // прошлом году визит") dates it: the event is not of the story's day.
  // A past year further back in the sentence ("last year, he and Tokayev met twice") too.
  const past = (d: Match<'date'>) => !!input.docDate && !!d.value.iso && d.value.iso < input.docDate.iso.slice(0, 4);
  // So does a past year told just after it ("Macron's visit to Astana last year", "визит в Астану в
  // прошлом году").
  const byYear = dates.filter(
    (d) =>
      d.value.relative &&
      d.value.granularity === 'year' &&
      ((d.end <= start && start - d.end <= (past(d) ? PAST_YEAR_REACH : YEAR_REACH)) || (d.start >= end && d.start - end <= PAST_YEAR_AFTER && past(d))),
  );
  // And a year after the story's, close to the trigger ("the summit in Seoul in 2025", "convening in
  // 2025 the first summit"), dates an event to come.
  const close = (d: Match<'date'>) => (d.start >= end && d.start - end <= YEAR_REACH) || (d.end <= start && start - d.end <= YEAR_REACH);
  const ahead = dates.find((d) => close(d) && after(d.value, input.docDate));
  const dateFact = ahead ?? nearest(precise, start) ?? nearest(byYear, start);
  const date: DateValue | null =
    dateFact && (dateFact.value.iso || dateFact.value.startIso || dateFact.value.yearless || dateFact.value.weekday) ? dateFact.value : anniversary(input);

  // A cue after the trigger counts within its clause ("Putin on Official Visit to Kyrgyzstan, Will
  // Attend CIS Summit": the visit is under way).
  const clauseEnd = end + (/[,;:—–]/u.exec(text.slice(end, end + CUE_REACH.planned))?.index ?? CUE_REACH.planned);
  const planned = trigger.status === 'planned' || cueNear(rules.planned, text, sentence, start - CUE_REACH.planned, clauseEnd) || after(date, input.docDate);
  const anchored = ownPersons || place !== null || date !== null;


  // A visit is paid to someone: the visitor alone is named, the host is the head of state or
  // government of the country visited whom the document names, where the language's stories
  // count the host among a visit's persons (rules' visitHost).
  if (trigger.kind === 'visit' && participants.length === 1 && rules.visitHost && !owner) {
    const visitor = participants[0]!;
    const visited = place?.country ?? named.find((c) => c !== visitor.country);
    const host = visited && visited !== visitor.country ? hostOf(leaders, visited, visitor.role ?? null) : null;
    if (host) {
      add(host);
      addCountry(host.country);
    }
  }
  const value: EventValue = { kind: multilateral(trigger.kind, participants), status: planned ? 'planned' : 'held', participants, countries, place, date };
  if (trigger.kind === 'signing') Object.assign(value, signed(input));
  const level = trigger.kind === 'visit' ? rules.visitLevels.find((l) => l.re.test(text.slice(start, end))) : undefined;
  if (level) value.level = level.level;
  // "В ходе переговоров ..." with nobody named: if these are talks the story has not named
  // before, they are the talks of the persons just named.
  const bodies = rules.bodies !== null && groupNear(input, rules.bodies);
  return { start, end, trigger, later, anchored, lead: input.lead, sentence, recent, named: namedBeside, destination, atDateline: !!placeHit && isDateline(text, placeHit), bodies, value };
}

/**
 * The quoted stretches of a sentence: «...», “...” and "..."; a quotation left open runs to the
 * sentence's end, and one closed with none opened began in a sentence before (a quotation of
 * several sentences).
 */
function quotesIn(text: string, sentence: Span): Span[] {
  const out: Span[] = [];
  const re = /^[^«»“”]*[»”]|«[^»]*(?:»|$)|“[^”]*(?:”|$)|"[^"]*(?:"|$)/gu;
  const slice = text.slice(sentence.start, sentence.end);
  for (const m of slice.matchAll(re)) out.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  return out;
}

/** `find` of the last sentence asked for: several triggers of one sentence look it up once. */
function lastSentence<T>(find: (text: string, sentence: Span, lang: SupportedLang) => T) {
  let last: { text: string; start: number; end: number; lang: string; found: T } | null = null;
  return (text: string, sentence: Span, lang: SupportedLang): T => {
    if (last && last.text === text && last.start === sentence.start && last.end === sentence.end && last.lang === lang) return last.found;
    const found = find(text, sentence, lang);
    last = { text, start: sentence.start, end: sentence.end, lang, found };
    return found;
  };
}
/** The countries a sentence names, outside the names of persons ("Ираклий Гарибашвили" names no Iraq). */
function countriesOf(text: string, s: Span, lang: SupportedLang, leaders: readonly Match<'leader'>[]): string[] {
  let slice = text.slice(s.start, s.end);
  for (const l of leaders) {
    if (l.start < s.start || l.end > s.end) continue;
    slice = slice.slice(0, l.start - s.start) + ' '.repeat(l.end - l.start) + slice.slice(l.end - s.start);
  }
  return countriesOfText(slice, lang);
}
const countriesOfText = (() => {
  let last: { slice: string; lang: string; found: string[] } | null = null;
  return (slice: string, lang: SupportedLang): string[] => {
    if (last && last.slice === slice && last.lang === lang) return last.found;
    last = { slice, lang, found: countriesIn(slice, lang) };
    return last.found;
  };
})();
/** The places a sentence names. */
const placesOf = lastSentence((text, s, lang) => placesIn(text, s.start, s.end, lang));

/**
 * Is the city part of a name: quoted, or (in English) followed by another capitalised word? Or the
 * state it stands for, acting ("as Moscow seeks to…", "Kremlin's ties")? A venue is quoted as itself
 * («Ақорда»).
 */
export function inName(text: string, p: PlaceHit, rules: EventRules): boolean {
  // A venue acts too ("the Kremlin's ties with Baku").
  if (rules.actorAfter?.test(text.slice(p.end, p.end + 24))) return true;
  if (p.place.name.includes(',')) return false;
  if (rules.nameBefore?.test(text.slice(Math.max(0, p.start - 30), p.start))) return true;
  if (/[«"“]$/u.test(text.slice(Math.max(0, p.start - 1), p.start)) && /^[»"”]/u.test(text.slice(p.end, p.end + 1))) return true;
  // The first word of a quoted phrase ("the “Shanghai spirit”", «Астана хаб») is no place either.
  if (/[«"“]$/u.test(text.slice(Math.max(0, p.start - 1), p.start)) && /^\s[^«»"“”\n.!?]{1,30}[»"”]/u.test(text.slice(p.end, p.end + 32))) return true;
  return rules.nameContinues?.test(text.slice(p.end, p.end + 6)) ?? false;
}

/**
 * Is the city one of two joined by "and" ("Отношения Астаны и Душанбе", "партнерства Астаны и
 * Ташкента", "ties between Astana and Tashkent"): the two states, not a place?
 */
export function paired(text: string, p: PlaceHit, places: readonly PlaceHit[], rules: EventRules): boolean {
  const and = rules.and;
  return !!and && places.some((q) => q !== p && and.test(q.start > p.start ? text.slice(p.end, q.start) : text.slice(q.end, p.start)));
}

/** Is the place the report's source ("according to the Akorda press service", "пресс-служба Акорды")? */
export function isSource(text: string, p: PlaceHit, rules: EventRules): boolean {
  if (rules.sourceAfter?.test(text.slice(p.end, p.end + 30))) return true;
  return rules.sourceBefore?.test(text.slice(Math.max(0, p.start - 40), p.start)) ?? false;
}

/** How far after a date the occasion it dates may be named ("20 қарашадағы сайлау"). */
const OWNER_REACH = 40;

/**
 * Does the date name the day of another occasion, named in `text[from, d.start)` just before it
 * ("the election of November 20", "since he won …") or in `text[d.end, to)` just after it ("20
 * қарашадағы сайлау")?
 */
export function ownedDate(rules: EventRules, text: string, d: Span, from: number, to = d.end + OWNER_REACH): boolean {
  return !!rules.dateOwner.before?.test(text.slice(from, d.start)) || !!rules.dateOwner.after?.test(text.slice(d.end, Math.min(to, d.end + OWNER_REACH)));
}
/** How far before a trigger a relative year dates it ("last year's visit"). */
const YEAR_REACH = 12;
/** How far before a trigger a past year of its sentence dates it. */
const PAST_YEAR_REACH = 80;
/** How far after a trigger a past year dates it (past the place it names). */
const PAST_YEAR_AFTER = 30;

/** How far from the start of the text a dateline may be. */
const DATELINE_REACH = 300;

/**
 * Is the place the report's dateline: at the start of one of the text's first lines (the first
 * one after a `date` header), in capitals or followed at once by a comma, a full stop, a bracket or
 * a dash ("ТАШКЕНТ, 14 ноября —", "Astana (Kazakhstan) (AFP) –", "Paris, The Gulf Observer:")?
 */
export function isDateline(text: string, p: PlaceHit): boolean {
  if (p.start > DATELINE_REACH) return false;
  let lineStart = text.lastIndexOf('\n', p.start - 1) + 1;
  if (lineStart === 0) lineStart = Math.min(p.start, documentHeader(text).end);
  if (text.slice(lineStart, p.start).trim() !== '') return false;
  const caps = p.place.text.length >= 3 && p.place.text === p.place.text.toUpperCase() && p.place.text !== p.place.text.toLowerCase();
  return caps || /^(?:[,.(]|\s[–—-]\s)/u.test(text.slice(p.end, p.end + 3));
}

/** Talks of persons of three or more states are a multilateral meeting: a summit. */
export function multilateral(kind: EventKind, participants: readonly LeaderValue[]): EventKind {
  return kind === 'meeting' && new Set(participants.map((p) => p.country).filter(Boolean)).size >= 3 ? 'summit' : kind;
}

/** The year of an event whose anniversary the story marks ("the 10th anniversary of the signing", "10-летие подписания"): that many years before the story's. */
function anniversary({ rules, text, sentence, start, docDate }: LinkInput): DateValue | null {
  const m = docDate && rules.anniversary?.exec(text.slice(Math.max(sentence.start, start - 40), start));
  return m ? { iso: String(Number(docDate.iso.slice(0, 4)) - Number(m[1])), granularity: 'year', relative: true } : null;
}

/** The country a visit's trigger says it goes to, by the language's words for it (rules' destination), if any. */
function destinationOf({ rules, text, sentence, start, end }: LinkInput): string | null {
  const { after, before } = rules.destination;
  const m = after?.exec(text.slice(end, Math.min(sentence.end, end + 60))) ?? before?.exec(text.slice(Math.max(sentence.start, start - 60), start)) ?? null;
  const name = m?.[1];
  if (!name) return null;
  return countriesIn(name, rules.lang)[0] ?? placesIn(name, 0, name.length, rules.lang)[0]?.place.country ?? null;
}

/** The item closest to `at` (by its start). */
function nearest<T extends { start: number }>(items: readonly T[], at: number): T | undefined {
  let best: T | undefined;
  for (const it of items) if (!best || Math.abs(it.start - at) < Math.abs(best.start - at)) best = it;
  return best;
}

/** Does `re` match inside the sentence, within [from, to)? */
function cueNear(re: RegExp, text: string, sentence: Span, from: number, to: number): boolean {
  const a = Math.max(sentence.start, from);
  const b = Math.min(sentence.end, to);
  return a < b && matchAll(re, text.slice(a, b)).length > 0;
}

/** Is the date later than the document's date (at the date's own precision)? */
function after(date: DateValue | null, docDate: DocDate | null): boolean {
  const iso = date?.iso ?? date?.startIso;
  if (!iso || !docDate) return false;
  return iso > docDate.iso.slice(0, iso.length);
}

/**
 * Persons the sentence names by their office: "Глава государства" (the document's head of
 * state), "президент Ирана", "the Kazakh President" (the person of that office and country the
 * document names). A reference right before a name is that name's title and adds nothing.
 */
function references(input: LinkInput, leaders: readonly Match<'leader'>[]): LeaderValue[] {
  const { rules, text, sentence } = input;
  const out: LeaderValue[] = [];
  const slice = text.slice(sentence.start, sentence.end);
  const named = new Set(input.facts.filter((l) => l.type === 'leader' && l.start >= sentence.start && l.end <= sentence.end).map((l) => (l as Match<'leader'>).value.id));
  for (const ref of rules.references) {
    for (const m of matchAll(ref.re, slice)) {
      const rs = sentence.start + m.index;
      const re = rs + m[0].length;
      if (leaders.some((l) => l.start >= re && l.start - re <= TITLE_REACH && titleGap(text.slice(re, l.start), rules.lang))) continue;
      if (leaders.some((l) => l.start <= rs && l.end >= re)) continue;
      // "Baghdad Amreyev, President of the Turkic Investment Fund": a title set after a name is that name's.
      if (leaders.some((l) => l.end <= rs && APPOSITION.test(text.slice(l.end, rs)))) continue;
      if (ref.plural) {
        // "президенты Казахстана и Узбекистана", "Қазақстан мен Өзбекстан президенттері": one per country.
        for (const c of countriesListed(text, sentence, rs, re, rules)) {
          const person = mostNamed(leaders.filter((l) => !named.has(l.value.id)), ref.role, c);
          if (person) out.push(person);
        }
        continue;
      }
      // "глава Узбекистана", "Қытай басшысы": such a word is a head of state only with the country
      // right beside it, on the side the language writes an office's country.
      const country = ref.country ? countryNext(text, sentence, rs, re, rules) : countryBeside(text, sentence, rs, re, input);
      if (ref.country && !country) continue;
      // "Глава государства" with no country: the person the document gives that title, else the
      // one of that office it names most.
      // A reference stands for a person its sentence does not name.
      const others = leaders.filter((l) => !named.has(l.value.id));
      const titled = country ? [] : others.filter((l) => l.value.title && matchAll(ref.re, l.value.title).length > 0);
      const person = mostNamed(titled, ref.role, null) ?? mostNamed(others, ref.role, country);
      if (person) out.push(person);
    }
  }
  return out;
}

/** Capitalised words and the words that join them: a list of countries ("Казахстана и Узбекистана", "Kazakh and Uzbek"). */
const LIST_AFTER = /^(?:\s+|,|и|and|of|the|\p{Lu}[\p{L}-]*)*/u;
const LIST_BEFORE = /(?:\s+|,|мен|бен|пен|және|and|\p{Lu}[\p{L}-]*)*$/u;

/** The countries listed right after a plural office (right before it where the language allows). */
function countriesListed(text: string, sentence: Span, start: number, end: number, rules: EventRules): string[] {
  const after = LIST_AFTER.exec(text.slice(end, Math.min(sentence.end, end + 80)))![0];
  const found = countriesIn(after, rules.lang);
  if (found.length || !rules.officeCountry.listBefore) return found;
  return countriesIn(LIST_BEFORE.exec(text.slice(Math.max(sentence.start, start - 80), start))![0], rules.lang);
}

/** The country written next to an office ("президент Ирана", "Иран президенті", "Iranian President", "President of Uzbekistan"). */
function countryBeside(text: string, sentence: Span, start: number, end: number, input: LinkInput): string | null {
  const { lang, officeCountry: o } = input.rules;
  if (o.after) {
    const m = o.after.exec(text.slice(end, Math.min(sentence.end, end + 32)));
    const found = m ? countriesIn(m[1] ?? m[0], lang)[0] : undefined;
    if (found || !o.before) return found ?? null;
  }
  if (!o.before) return null;
  const beforeText = text.slice(Math.max(sentence.start, start - 32), start);
  const clause = o.beforeWords ? beforeText.trimEnd().split(/\s+/u).slice(-o.beforeWords).join(' ') : beforeText.split(/[,;:—–]/u).pop()!;
  const before = countriesIn(clause, lang);
  return before[before.length - 1] ?? null;
}

/**
 * The country that is the word right next to an office, if it is one: after it where the language
 * writes an office's country after it ("глава Узбекистана"), else before it ("Қытай басшысы").
 */
function countryNext(text: string, sentence: Span, start: number, end: number, rules: EventRules): string | null {
  const word = rules.officeCountry.after
    ? /^\s+([\p{L}-]+)/u.exec(text.slice(end, sentence.end))?.[1]
    : /([\p{L}-]+)\s+$/u.exec(text.slice(sentence.start, start))?.[1];
  return word ? (countriesIn(word, rules.lang)[0] ?? null) : null;
}

/** The person (among `own`, the leaders of its sentence) written as a visit's owner right beside its noun (rules' visitOwner), if any. */
function visitOwner(input: LinkInput, own: readonly Match<'leader'>[]): LeaderValue | null {
  const o = input.rules.visitOwner;
  if (!o) return null;
  const { text, sentence, start, end } = input;
  const l =
    o.side === 'after'
      ? own.find((x) => x.start >= end)
      : [...own].reverse().find((x) => x.end <= start);
  if (!l) return null;
  const gap = o.side === 'after' ? text.slice(end, l.start) : text.slice(l.end, start);
  if (!wholly(o.gap, gap)) return null;
  if (o.name && !o.name.test(text.slice(l.start, l.end))) return null;
  return l.value;
}

function wholly(re: RegExp, s: string): boolean {
  const m = re.exec(s);
  return m !== null && m.index === 0 && m[0].length === s.length;
}

/** Who receives a visit to `country`: its leader of the visitor's office, else its head of state or government. */
function hostOf(leaders: readonly Match<'leader'>[], country: string, role: string | null): LeaderValue | null {
  const hosts = leaders.filter((l) => l.value.country === country);
  return (role ? mostNamed(hosts, role, country) : null) ?? mostNamed(hosts, 'President', country) ?? mostNamed(hosts, 'Prime Minister', country);
}

/** The person the document names most often with this role (and country, when given). */
function mostNamed(leaders: readonly Match<'leader'>[], role: string, country: string | null): LeaderValue | null {
  const counts = new Map<string, { v: LeaderValue; n: number }>();
  for (const l of leaders) {
    const r = l.value.role ?? '';
    const fits = r === role || (role === 'President' && HEADS.has(r));
    if (!fits || (country && l.value.country !== country)) continue;
    const c = counts.get(l.value.id) ?? { v: l.value, n: 0 };
    c.n++;
    counts.set(l.value.id, c);
  }
  let best: { v: LeaderValue; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.v ?? null;
}

function groupNear(input: LinkInput, words: RegExp = input.rules.group): boolean {
  const { text, sentence, start, end } = input;
  return cueNear(words, text, sentence, start - CUE_REACH.group, end + CUE_REACH.group);
}

/** "обе стороны", "the two leaders": the persons of the last event with two, else the last two named. */
function groupMembers(input: LinkInput, leaders: readonly Match<'leader'>[]): LeaderValue[] {
  for (let i = input.previous.length - 1; i >= 0; i--) {
    const p = input.previous[i]!.value.participants;
    if (p.length >= 2) return p;
  }
  // The two sides are two states: of the persons named last, one per country.
  const out: LeaderValue[] = [];
  // from the last person named before the trigger, back
  for (let i = firstNotBefore(leaders, (l) => l.start < input.start) - 1; i >= 0 && out.length < 2; i--) {
    const l = leaders[i]!;
    if (honoured(input.rules, input.text, l, { start: 0, end: input.text.length })) continue;
    if (!out.some((o) => o.id === l.value.id || (o.country && o.country === l.value.country))) out.push(l.value);
  }
  return out.length === 2 ? out : [];
}

/** A signing's documents (as written) and their count, from its sentence. */
function signed(input: LinkInput): { documents: string[]; count: number | null } {
  const { rules, text, sentence, start, end } = input;
  const documents: string[] = [];
  const before = rules.documentsBefore;
  const from = before ? sentence.start : end;
  const to = before ? start : sentence.end;
  const part = text.slice(from, to);
  for (const m of matchAll(rules.documents, part)) {
    let phrase: string;
    if (before) {
      const head = part.slice(0, m.index + m[0].length);
      phrase = head.split(/[,;:.!?()«»"“”]|\s(?:және|мен|бен|пен)\s/u).pop()!.trim().split(/\s+/u).slice(-8).join(' ');
    } else {
      const tail = part.slice(m.index);
      phrase = tail.split(/[,;:.!?\n]|\s(?:и|and)\s/u)[0]!.trim().split(/\s+/u).slice(0, 15).join(' ');
    }
    // A bare noun ("документов", "agreements") names no document.
    if (phrase.split(/\s+/u).length < 2) continue;
    if (!documents.some((d) => d.includes(phrase) || phrase.includes(d))) documents.push(phrase);
    if (documents.length >= 5) break;
  }
  const slice = text.slice(sentence.start, sentence.end);
  const c = matchAll(rules.count, slice)[0];
  const word = c?.[1]?.toLowerCase();
  const count = word === undefined ? null : /^\d+$/.test(word) ? Number(word) : rules.numbers[word] ?? null;
  return { documents, count };
}
