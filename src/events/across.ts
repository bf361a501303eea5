// Events across documents (`diplo events`): the event facts of many documents, in any language,
// grouped into one record per real-world event. Pure: facts in, records out.
//
// Two mentions are one event when
// - their kinds are of one family: talks, a visit and a summit are one occasion (a state visit and
//   the talks during it); a call stays a call; a signing joins an occasion of its day and place;
// - their dates are compatible: the same day, one inside the other (a day in a month, a day in a
//   period), or one missing while the rest agrees strongly (two persons in common and the same
//   place);
// - they share the persons (one set within the other, or two in common) or, where persons are
//   missing, the same countries and place.
// An undated report of a visit or talks in a city (naming the visitor alone, or two of its persons)
// joins a visit no report places when the visit is to that city's state, hosted by its person.
// Where the rules below leave an undated mention between several events, what the reports name
// besides the event (leaders, places, figures, calendar dates: ./traits.ts) decides, when one
// event's other reports share TRAIT_MARGIN more of its report's than any other's.
// An undated mention that fits several events joins the one that counts all its persons (and, for a
// summit, holds a summit) and agrees best, then the one most documents report; if none counts all
// its persons, or two dated events of different days fit it as well (two visits of the same
// persons to one city; one dated by a day without its year counts, unless that day is one of the
// other's), it joins none. An
// undated call (a call has no place) joins the one call of the same persons, none if they had two;
// so do undated talks no report places, with the one occasion of the same persons. An undated
// occasion that joins none joins the one event another occasion of its report joined, when that
// counts all its persons and its place does not disagree.
// A mention giving a day without its year ("15 ноября" in a report with no year) joins only an
// event of that day of the year (or of a visit's days); one giving a day of the week that is the
// event's day needs no place where no report of the event gives one. Without a full date on both
// sides, a visit of another level (state, official, working) is another visit, unless a day
// without its year agrees.
// Two different days are two events, except
// - a day apart with the same persons and no other disagreement (a report dated by its time zone,
//   "yesterday" resolved against a late dateline; for a call, which has no place, the persons);
// - days of one visit: a visit lasts a few days (arrival, talks, departure) and each report dates
//   what it tells by its own day, so a visit, or talks, joins a visit of the same persons whose
//   days it extends to at most VISIT_DAYS, the place not disagreeing (one person alone only in
//   the same city); mentions grouped before the visit was known move to it once the dated ones
//   are all read;
// then one event whose `conflicts.date` lists the days. A summit of three or more states and a
// visit or talks of two are one occasion only on the same day; a tour of several states is not the
// visit to one of them. Two places agree when one holds the
// other or they are in one city ("Akorda, Astana" and "Nur-Sultan (Astana)"); two that do not are
// kept as a conflict only under the same strong agreement (same day, same persons).
import { daysApart, daysOfYear, daysOfYearMeet, weekdayOfDay } from '../normalize/dates.js';
import { tour } from './merge.js';
import type { DateValue, EventKind, EventPlace, EventValue, Fact, Lang, LeaderValue, VisitLevel } from '../types.js';

export interface EventSource {
  doc: string;
  lang: Lang;
  start: number;
  end: number;
  text: string;
}

export interface EventRecord {
  id: string;
  kind: EventKind;
  /** Every kind the sources name, most telling first. */
  kinds: EventKind[];
  status: 'held' | 'planned';
  date: DateValue | null;
  place: EventPlace | null;
  /** A visit's level, as most of its reports give it. */
  level?: VisitLevel;
  participants: LeaderValue[];
  countries: string[];
  documents?: string[];
  count?: number | null;
  sources: EventSource[];
  /** What the sources disagree on; absent when they agree. */
  conflicts?: { date?: string[]; place?: string[] };
}

type EventFact = Extract<Fact, { type: 'event' }>;

/** Which kind names a merged occasion: a visit holds its talks and signings, a summit its meetings. */
const KIND_ORDER: readonly EventKind[] = ['visit', 'summit', 'meeting', 'call', 'signing'];

function family(kind: EventKind): 'occasion' | 'call' | 'signing' {
  return kind === 'call' ? 'call' : kind === 'signing' ? 'signing' : 'occasion';
}

interface Group {
  mentions: EventFact[];
  value: EventValue;
  /** The mentions' dates that have a year. */
  dates: DateValue[];
  /** The mentions' days without a year ("15 ноября" in a report that gives no year). */
  yearless: DateValue[];
  places: EventPlace[];
}

/** The interval [from, to] (ISO prefixes) a date covers, or null. */
function span(d: DateValue | null | undefined): { from: string; to: string } | null {
  if (!d) return null;
  if (d.iso) return { from: d.iso, to: d.iso };
  if (d.startIso && d.endIso) return { from: d.startIso, to: d.endIso };
  return null;
}

/** Does one date lie inside the other ("2025-11" holds "2025-11-20"; a period holds its days)? */
function datesCompatible(a: DateValue, b: DateValue): boolean {
  const x = span(a);
  const y = span(b);
  if (!x || !y) return true;
  const inside = (p: string, s: { from: string; to: string }) =>
    p.slice(0, s.from.length) >= s.from && p.slice(0, s.to.length) <= s.to;
  return inside(x.from, y) || inside(y.from, x) || inside(x.to, y) || inside(y.to, x);
}

/** The city names of a place: "Akorda, Astana" → Astana; "Nur-Sultan (Astana)" → Nur-Sultan and Astana. */
function cityNames(p: EventPlace): string[] {
  const city = p.name.includes(', ') ? p.name.slice(p.name.lastIndexOf(', ') + 2) : p.name;
  const m = /^(.*) \((.*)\)$/.exec(city);
  return m ? [m[1]!, m[2]!] : [city];
}

function placesAgree(a: EventPlace, b: EventPlace): boolean {
  if (a.name.includes(b.name) || b.name.includes(a.name)) return true;
  const x = cityNames(a);
  return cityNames(b).some((c) => x.includes(c));
}

/** How many calendar days a visit may span and still be one visit. */
const VISIT_DAYS = 3;

/** The days (as day numbers) a date names, or null when it is coarser than a day. */
function dayNumbers(d: DateValue): number[] | null {
  const s = span(d);
  if (!s || s.from.length !== 10 || s.to.length !== 10) return null;
  return [Date.parse(s.from) / 86_400_000, Date.parse(s.to) / 86_400_000];
}

/**
 * Is `m` (a visit or talks) one more day of the visit `g` holds? Every day-precise date of both
 * within VISIT_DAYS, every coarser date of the group holding m's date.
 */
function visitDays(g: Group, m: EventValue): boolean {
  if (m.kind !== 'visit' && m.kind !== 'meeting' && m.kind !== 'summit') return false;
  if (!(m.kind === 'visit' || g.mentions.some((x) => x.value.kind === 'visit'))) return false;
  const own = m.date ? dayNumbers(m.date) : null;
  if (!own) return false;
  const days: number[] = [];
  for (const d of g.dates) {
    const n = dayNumbers(d);
    if (n) days.push(...n);
    else if (!datesCompatible(d, m.date!)) return false;
  }
  // A summit (a council of the two leaders) held on one of the visit's days is part of it; on a
  // day after, it is the next occasion of the trip.
  if (m.kind === 'summit') return days.length > 0 && own[0]! >= Math.min(...days) && own[1]! <= Math.max(...days);
  days.push(...own);
  return Math.max(...days) - Math.min(...days) <= VISIT_DAYS - 1;
}


const ids = (ps: readonly LeaderValue[]) => new Set(ps.map((p) => p.id));
const common = (a: readonly LeaderValue[], b: readonly LeaderValue[]) => {
  const x = ids(a);
  return [...ids(b)].filter((id) => x.has(id)).length;
};

/** How the persons of two events relate: `same`, `within` (one set in the other), `shared` (two in common), `one` in common, or `none`. */
function personsRelation(a: readonly LeaderValue[], b: readonly LeaderValue[]): 'same' | 'within' | 'shared' | 'one' | 'none' | 'unknown' {
  const x = ids(a);
  const y = ids(b);
  if (x.size === 0 || y.size === 0) return 'unknown';
  const common = [...x].filter((id) => y.has(id)).length;
  if (common === x.size && common === y.size) return 'same';
  if (common === x.size || common === y.size) return 'within';
  if (common >= 2) return 'shared';
  return common ? 'one' : 'none';
}

const within = (a: readonly string[], b: readonly string[]) => a.length > 0 && b.length > 0 && (a.every((c) => b.includes(c)) || b.every((c) => a.includes(c)));

/** Can mention `m` be one more report of the event `g` holds? And does it then disagree? */
function joins(g: Group, m: EventValue): boolean {
  const v = g.value;
  const famG = new Set(g.mentions.map((x) => family(x.value.kind)));
  const famM = family(m.kind);
  if (famM === 'call' || famG.has('call')) {
    if (!(famM === 'call' && [...famG].every((f) => f === 'call'))) return false;
  }
  const persons = personsRelation(v.participants, m.participants);
  const countries = within(v.countries, m.countries);
  const place = m.place && g.places.length ? g.places.some((p) => placesAgree(p, m.place!)) : null;
  // Persons: one set within the other (or two in common); without persons, the same countries and place.
  const personsAgree = persons === 'same' || persons === 'within' || persons === 'shared' || (persons === 'unknown' && countries && place !== false);
  if (!personsAgree) return false;
  // A signing joins an occasion (or an occasion a signing) only with the same place and a
  // compatible day; once the event holds both, a report of either joins as its family does.
  const mixed = !famG.has(famM);
  if (mixed && place !== true) return false;
  // A summit of three or more states and a visit or talks of two are one occasion only on the same
  // day (a leader arriving for the summit); on the day before, the visit is an occasion of its own.
  if (g.mentions.every((x) => multilateral(x.value)) !== multilateral(m) && !sameDay(g, m)) return false;
  // A tour of several states is not the visit to one of them.
  if (g.mentions.some((x) => tour(x.value)) !== tour(m)) return false;

  const dated = g.dates.length > 0 && m.date && span(m.date);
  const yearless = dated ? null : yearDays(g, m);
  // Without a full date on both sides, a visit of another level (a state visit, a working visit)
  // is another visit: reports of one visit agree on its level, unless one gives its day without
  // the year (a report calling a state visit "ресми сапар", official, on the visit's day).
  const sameDays = !!yearless && /^--\d\d-\d\d/.test(m.date?.yearless ?? '');
  if (!dated && !levelFits(g, m) && !sameDays) return false;
  if (dated) {
    const all = g.dates.every((d) => datesCompatible(d, m.date!));
    if (!all) {
      // Two days a day apart: the same event only when the persons and the place agree fully.
      const close = g.dates.every((d) => datesCompatible(d, m.date!) || (daysApart(d, m.date!) ?? 99) <= 1);
      // Days of one visit: the same persons (or two in common) where the place does not disagree;
      // one person within the other's only in the same city, or, for a report of the visit that
      // names the visitor alone and no place, between two or more of the same states.
      const sameStates = m.kind === 'visit' && m.countries.length >= 2 && within(v.countries, m.countries);
      const visit =
        visitDays(g, m) && place !== false && (persons === 'same' || persons === 'shared' || (persons === 'within' && (place === true || (place === null && sameStates))));
      // (A call has no place: the same two persons a day apart are one call, dated by two reports'
      // days.)
      const calls = famM === 'call' && place === null;
      if (!(visit || (close && persons === 'same' && (place === true || calls)))) return false;
    }
  } else if (yearless !== null) {
    // A year missing on one side: the days of the year must agree (a visit's days, or a day apart).
    if (!yearless) return false;
  } else {
    // A day of the week alone must be one of the event's days.
    if (weekdayFits(g, m) === false) return false;
    // One side undated: the rest must agree strongly.
    // A place is needed: "the coming visit" in a report of a call is not known to be this one.
    // And two persons in common: one name alone ("visited Astana") fits too many events.
    // The place must be the event's, not one of several its reports disagree on.
    // A visit's report may name the visitor alone: one person then, and the visit's city.
    // (Talks naming one person in a city of another state are that person's visit.)
    // So may the event's reports: a visit, or talks abroad, of one person is joined by a report
    // naming the visitor and hosts (persons of the state of the place).
    const hosts = (x: EventValue) => !!x.place?.country && x.participants.every((p) => p.id === v.participants[0]!.id || p.country === x.place!.country);
    const visitor =
      (visitLike(m) && m.participants.length === 1 && m.participants[0]!.country !== m.place?.country && g.mentions.some((x) => visitLike(x.value))) ||
      (v.participants.length === 1 && (m.kind === 'visit' || m.kind === 'meeting') && hosts(m) && g.mentions.every((x) => family(x.value.kind) !== 'occasion' || visitLike(x.value)));
    const enough = common(v.participants, m.participants) >= (visitor ? 1 : 2);
    const strong = enough && place === true && g.places.every((p) => placesAgree(p, m.place!));
    // Or a report of the visit or its talks (naming the visitor alone, or two of its persons) in a
    // city of a state the visit, placed by no report, is to, whose person there hosts it.
    const hosted =
      (m.kind === 'visit' || m.kind === 'meeting') &&
      enough &&
      place === null &&
      !!m.place?.country &&
      v.countries.includes(m.place.country) &&
      v.participants.some((p) => p.country === m.place!.country) &&
      g.mentions.some((x) => visitLike(x.value));
    // A call has no place: an undated one is a call of the same two or more persons (and only
    // when it is the one call of theirs the inputs report: see `bestUndated`).
    const call = famM === 'call' && persons === 'same' && m.participants.length >= 2 && place !== false;
    // So too an occasion no report places: talks of persons the event counts join their one occasion.
    const counted = m.participants.every((p) => v.participants.some((q) => q.id === p.id));
    const unplaced = unplacedOccasion(m) && counted && m.participants.length >= 2;
    // A day of the week that is the event's day bears out a place no report of it gives.
    const weekday = weekdayFits(g, m) === true && persons === 'same' && place === null;
    if (!strong && !call && !unplaced && !weekday && !hosted) return false;
  }
  if (place === false) {
    // Two places: one event only when everything else agrees (same persons, same day).
    const sameDay = dated && g.dates.every((d) => d.iso && d.iso === m.date!.iso && d.iso.length === 10);
    if (!(persons === 'same' && sameDay)) return false;
  }
  return true;
}

/** A visit, or talks in a city of another state than one of their persons' (that person's visit). */
const visitLike = (v: EventValue) =>
  v.kind === 'visit' || (v.kind === 'meeting' && !!v.place?.country && v.participants.some((p) => p.country && p.country !== v.place!.country));
const multilateral = (v: EventValue) => v.kind === 'summit' && v.countries.length >= 3;
/** An occasion (talks, a visit, a summit) its report neither places nor dates to a day. */
const unplacedOccasion = (v: EventValue) => family(v.kind) === 'occasion' && !v.place && !v.date?.yearless;

/** Do the group's dates and the mention's name the same day (with or without its year)? */
function sameDay(g: Group, m: EventValue): boolean {
  const day = (d: DateValue) => (d.iso?.length === 10 ? d.iso.slice(5) : /^--\d\d-\d\d$/.test(d.yearless ?? '') ? d.yearless!.slice(2) : null);
  const own = m.date ? day(m.date) : null;
  const theirs = [...g.dates, ...g.yearless];
  return own !== null && theirs.length > 0 && theirs.every((d) => day(d) === own);
}

/** Does the mention's level of visit, if it gives one, agree with the levels the group's reports give? */
function levelFits(g: Group, m: EventValue): boolean {
  if (!m.level) return true;
  const levels = g.mentions.map((x) => x.value.level).filter((l) => l !== undefined);
  return levels.length === 0 || levels.includes(m.level);
}

/**
 * Where the group's dates or the mention's lack a year: do their days of the year agree, within the
 * days of a visit for a visit or talks joining a visit, else a day apart? null when one side gives
 * no day or month at all.
 */
function yearDays(g: Group, m: EventValue): boolean | null {
  const own = m.date ? daysOfYear(m.date) : null;
  const theirs = [...g.dates, ...g.yearless].map(daysOfYear).filter((d) => d !== null);
  if (!own || theirs.length === 0) return null;
  // A month says nothing of a day: a day without its year is borne out only by a day.
  if (own.from.length === 5 && theirs.every((d) => d.from.length < 5)) return null;
  const visit = (m.kind === 'visit' || m.kind === 'meeting') && (m.kind === 'visit' || g.mentions.some((x) => x.value.kind === 'visit'));
  return theirs.every((d) => daysOfYearMeet(d, own, visit ? VISIT_DAYS - 1 : 1));
}

/**
 * Where the mention gives a day of the week alone ("on Saturday" in a report with no date): is it
 * one of the event's days (within a visit's days for a visit)? null when the event has no day.
 */
function weekdayFits(g: Group, m: EventValue): boolean | null {
  const wd = m.date?.weekday;
  if (!wd || m.date?.iso || m.date?.yearless) return null;
  const days = g.dates.flatMap((d) => dayNumbers(d) ?? []);
  if (!days.length) return null;
  const visit = m.kind === 'visit' || g.mentions.some((x) => x.value.kind === 'visit');
  const from = Math.min(...days);
  const to = Math.max(...days);
  const reach = visit ? Math.max(0, VISIT_DAYS - 1 - (to - from)) : 0;
  for (let d = from - reach; d <= to + reach; d++) if (weekdayOfDay(d) === wd) return true;
  return false;
}

/** The most specific of the dates (a day over a month over a year; a period last). */
function mostSpecific(dates: readonly DateValue[]): DateValue | null {
  let best: DateValue | null = null;
  const rank = (d: DateValue) => (d.iso ? d.iso.length : 0);
  for (const d of dates) if (!best || rank(d) > rank(best)) best = d;
  return best;
}

/**
 * Are two events' dates two occasions: different dates, or where one gives a day without its year,
 * days of the year further apart than a visit's days?
 */
function apart(a: Group, b: Group): boolean {
  const x = mostSpecific(a.dates);
  const y = mostSpecific(b.dates);
  if (x && y) return label(x) !== label(y);
  const dx = daysOfYear(x ?? a.yearless[0]!);
  const dy = daysOfYear(y ?? b.yearless[0]!);
  return !!dx && !!dy && !daysOfYearMeet(dx, dy, VISIT_DAYS - 1);
}

function label(d: DateValue): string {
  return d.iso ?? (d.startIso && d.endIso ? `${d.startIso}/${d.endIso}` : '');
}

function addTo(g: Group, f: EventFact): void {
  const m = f.value;
  g.mentions.push(f);
  const v = g.value;
  for (const p of m.participants) if (!v.participants.some((q) => q.id === p.id)) v.participants.push(p);
  for (const c of m.countries) if (!v.countries.includes(c)) v.countries.push(c);
  if (m.date && span(m.date)) g.dates.push(m.date);
  else if (m.date?.yearless) g.yearless.push(m.date);
  if (m.place) g.places.push(m.place);
  if (m.documents?.length) v.documents = [...(v.documents ?? []), ...m.documents.filter((d) => !v.documents?.includes(d))];
  if (m.count != null) v.count ??= m.count;
  if (m.status === 'held') v.status = 'held';
}

function newGroup(f: EventFact): Group {
  const g: Group = {
    mentions: [],
    value: { kind: f.value.kind, status: f.value.status, participants: [], countries: [], place: null, date: null },
    dates: [],
    yearless: [],
    places: [],
  };
  addTo(g, f);
  return g;
}

/** The most specific place: the longest name that holds the others ("Akorda, Astana" over "Astana"). */
function bestPlace(places: readonly EventPlace[]): { place: EventPlace | null; conflict: string[] } {
  const names: EventPlace[] = [];
  for (const p of places) if (!names.some((q) => q.name === p.name)) names.push(p);
  // Keep only the most specific of each chain of names holding one another (a venue holds its
  // city under any of the city's names: "Akorda, Astana" holds "Nur-Sultan (Astana)").
  const holds = (q: EventPlace, p: EventPlace) =>
    q.name.includes(p.name) || (!p.name.includes(', ') && q.name.includes(', ') && cityNames(q).some((c) => cityNames(p).includes(c)));
  const tops = names.filter((p) => !names.some((q) => q !== p && holds(q, p)));
  const counts = (p: EventPlace) => places.filter((q) => holds(p, q)).length;
  const sorted = [...tops].sort((a, b) => counts(b) - counts(a) || b.name.length - a.name.length);
  return { place: sorted[0] ?? null, conflict: tops.length > 1 ? tops.map((p) => p.name).sort() : [] };
}

const PERSONS_RANK = { same: 3, within: 2, shared: 1, one: 0, none: 0, unknown: 0 } as const;

/**
 * The event an undated mention joins when several fit (two visits of the same persons to the same
 * city): one that counts every person the mention names, for a summit one that holds a summit (a
 * visit of another day to the same city is not it), whose persons agree best, then the one
 * more documents report (an undated report is most likely of the occasion the news covered most);
 * but first the event another mention of the same report joined.
 * A mention naming persons no fitting event counts all of stays apart when several fit: it could
 * be any of them. So does one that two dated events of different days fit as well.
 */
function bestUndated(groups: readonly Group[], f: EventFact, traits: Traits): Group | undefined {
  const m = f.value;
  const fitting = groups.filter((g) => joins(g, m));
  // Calls of the same persons differ by their date alone: an undated one is a call of theirs only
  // when the inputs report one call the two of them took part in (with others or not). So do
  // occasions, for undated talks that name no place.
  if (m.kind === 'call' || unplacedOccasion(m)) {
    // (A visit of another level is another visit, not one more of theirs.)
    const theirs = groups.filter(
      (g) => g.mentions.every((x) => family(x.value.kind) === family(m.kind)) && common(g.value.participants, m.participants) >= 2 && weekdayFits(g, m) !== false && levelFits(g, m),
    );
    return fitting.length === 1 && (m.date?.yearless || theirs.length === 1) ? fitting[0] : byTraits(fitting, f, traits);
  }
  if (fitting.length <= 1) return fitting[0];
  // A report tells of one occasion: talks it does not date are those of the visit it reports.
  const own = fitting.find((g) => g.mentions.some((x) => x.doc === f.doc && family(x.value.kind) === family(m.kind)));
  if (own) return own;
  const key = (g: Group): number[] => {
    const x = ids(g.value.participants);
    const summit = m.kind === 'summit' && g.mentions.some((y) => y.value.kind === 'summit') ? 1 : 0;
    return [m.participants.every((p) => x.has(p.id)) ? 1 : 0, summit, PERSONS_RANK[personsRelation(g.value.participants, m.participants)], new Set(g.mentions.map((y) => y.doc)).size];
  };
  const better = (a: number[], b: number[]) => a[0]! !== b[0]! ? a[0]! > b[0]! : a[1]! !== b[1]! ? a[1]! > b[1]! : a[2]! !== b[2]! ? a[2]! > b[2]! : a[3]! > b[3]!;
  let best = fitting[0]!;
  for (const g of fitting.slice(1)) if (better(key(g), key(best))) best = g;
  // A day of the year that several events share is one event's, reported in parts: the one with
  // the most persons in common, whether or not it counts them all.
  if (m.date?.yearless && !key(best)[0]) {
    const shared = (g: Group) => common(g.value.participants, m.participants);
    for (const g of fitting) if (shared(g) > shared(best) || (shared(g) === shared(best) && key(g)[3]! > key(best)[3]!)) best = g;
    return best;
  }
  // Two dated events that fit as well as each other (two visits of the same persons to one city):
  // the report could be of either.
  const top = key(best);
  // So could it be of an occasion a report dates by a day without its year ("2 ноября"), unless
  // that day is within the other's days.
  const tied = fitting.filter((g) => {
    const k = key(g);
    return k[0] === top[0] && k[1] === top[1] && k[2] === top[2] && (g.dates.length > 0 || (g.yearless.length > 0 && g.mentions.some((x) => family(x.value.kind) === 'occasion')));
  });
  if (tied.some((a, i) => tied.slice(i + 1).some((b) => apart(a, b)))) return byTraits(tied, f, traits);
  return top[0] ? best : byTraits(fitting, f, traits);
}

/** Each document's traits (./traits.ts), by document. */
export type Traits = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * How many more traits than any other event's documents an undated report must share with one
 * event's for it to be that event's: two (another city, another leader), not one, which a source
 * named in passing ("ссылаясь на Акорду") gives.
 */
const TRAIT_MARGIN = 2;

/**
 * Of several events an undated mention fits equally, the one whose other documents name most of
 * what its report names (leaders, places, figures, dates), by at least TRAIT_MARGIN more than any
 * other; else none.
 */
function byTraits(candidates: readonly Group[], f: EventFact, traits: Traits): Group | undefined {
  const mine = traits.get(f.doc);
  if (!mine?.size || candidates.length < 2) return undefined;
  const shared = (g: Group) => {
    const theirs = new Set<string>();
    for (const x of g.mentions) if (x.doc !== f.doc) for (const t of traits.get(x.doc) ?? []) theirs.add(t);
    let n = 0;
    for (const t of mine) if (theirs.has(t)) n++;
    return n;
  };
  const scored = candidates.map((g) => ({ g, n: shared(g) })).sort((a, b) => b.n - a.n);
  return scored[0]!.n >= scored[1]!.n + TRAIT_MARGIN ? scored[0]!.g : undefined;
}

/**
 * One record per real-world event of `facts` (the event facts of any number of documents; other
 * types are ignored), sorted by date (undated last), then by id.
 */
export function eventsAcross(facts: readonly Fact[], traits: Traits = new Map()): EventRecord[] {
  const events = facts.filter((f): f is EventFact => f.type === 'event');
  // Dated, more specific mentions first, then those with a day but no year, so that the ones with
  // less join the event they fit best.
  const rank = (d: DateValue | null) => span(d)?.from.length ?? (d?.yearless ? 1 : 0);
  const order = [...events].sort((a, b) => rank(b.value.date) - rank(a.value.date));
  const groups: Group[] = [];
  let consolidated = false;
  for (const f of order) {
    const dated = !!f.value.date && !!span(f.value.date);
    // Before the mentions with less join them, the dated ones are regrouped once.
    if (!dated && !consolidated) {
      consolidate(groups);
      consolidated = true;
    }
    const g = dated ? groups.find((x) => joins(x, f.value)) : bestUndated(groups, f, traits);
    if (g) addTo(g, f);
    else groups.push(newGroup(f));
  }
  if (!consolidated) consolidate(groups);
  adopt(groups);
  const records = groups.map(toRecord);
  records.sort((a, b) => {
    const x = a.date ? label(a.date) : '\uffff';
    const y = b.date ? label(b.date) : '\uffff';
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const seen = new Map<string, number>();
  for (const r of records) {
    const n = (seen.get(r.id) ?? 0) + 1;
    seen.set(r.id, n);
    if (n > 1) r.id = `${r.id}-${n}`;
  }
  return records;
}

/**
 * Dated mentions grouped before the visit that ties them was known ("talks on the 26th" read before
 * "arrived on the 25th", and grouped with "will fly home on the 27th"): those of a later group that
 * join an earlier one holding a visit (or that a visit of theirs joins) move to it.
 */
function consolidate(groups: Group[]): void {
  for (let j = groups.length - 1; j > 0; j--) {
    const b = groups[j]!;
    if (!b.dates.length) continue;
    const visit = (g: Group) => g.mentions.some((x) => x.value.kind === 'visit');
    const a = groups.slice(0, j).find((g) => g.dates.length > 0 && (visit(g) || visit(b)) && b.mentions.some((x) => joins(g, x.value)));
    if (!a) continue;
    const moved = b.mentions.filter((x) => joins(a, x.value));
    for (const x of moved) addTo(a, x);
    const rest = b.mentions.filter((x) => !moved.includes(x));
    if (rest.length) {
      groups[j] = newGroup(rest[0]!);
      for (const x of rest.slice(1)) addTo(groups[j]!, x);
    } else groups.splice(j, 1);
  }
}

/**
 * An undated occasion that joined no event, told by one report whose other mention of an occasion
 * joined one (the state visit the report names without a place, and the council of the same visit
 * it places): that event, when it counts all its persons and its place does not disagree.
 */
function adopt(groups: Group[]): void {
  for (let j = groups.length - 1; j >= 0; j--) {
    const b = groups[j]!;
    const doc = b.mentions[0]!.doc;
    if (b.dates.length || b.yearless.length || b.mentions.some((x) => x.doc !== doc || family(x.value.kind) !== 'occasion')) continue;
    const homes = groups.filter(
      (g) =>
        g !== b &&
        g.mentions.some((x) => x.doc === doc && family(x.value.kind) === 'occasion') &&
        b.value.participants.every((p) => g.value.participants.some((q) => q.id === p.id)) &&
        b.places.every((p) => g.places.every((q) => placesAgree(p, q))),
    );
    if (homes.length !== 1) continue;
    for (const x of b.mentions) addTo(homes[0]!, x);
    groups.splice(j, 1);
  }
}

function toRecord(g: Group): EventRecord {
  const kinds = KIND_ORDER.filter((k) => g.mentions.some((m) => m.value.kind === k));
  const kind = kinds[0]!;
  const date = mostSpecific(g.dates);
  const dateLabels = [...new Set(g.dates.filter((d) => d.iso && d.iso.length === 10).map(label))].sort();
  const { place, conflict } = bestPlace(g.places);
  const participants = [...g.value.participants];
  const sources = g.mentions
    .map((m) => ({ doc: m.doc, lang: m.lang, start: m.start, end: m.end, text: m.text }))
    .sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start));
  const record: EventRecord = {
    id: [kind, date ? label(date) : 'undated', ...[...ids(participants)].sort()].join('_'),
    kind,
    kinds,
    status: g.value.status,
    date,
    place,
    participants,
    countries: [...g.value.countries],
    sources,
  };
  const level = mostReported(g.mentions.map((m) => m.value.level).filter((l) => l !== undefined));
  if (level) record.level = level;
  if (g.value.documents?.length) record.documents = g.value.documents;
  if (g.value.count != null) record.count = g.value.count;
  const conflicts: NonNullable<EventRecord['conflicts']> = {};
  if (dateLabels.length > 1) conflicts.date = dateLabels;
  if (conflict.length) conflicts.place = conflict;
  if (conflicts.date || conflicts.place) record.conflicts = conflicts;
  return record;
}

/** The value most mentions give (the first given on a tie), or undefined. */
function mostReported<T>(values: readonly T[]): T | undefined {
  let best: T | undefined;
  let most = 0;
  for (const v of values) {
    const n = values.filter((w) => w === v).length;
    if (n > most) [best, most] = [v, n];
  }
  return best;
}

/** Does the record's date fall within [since, until] (YYYY, YYYY-MM or YYYY-MM-DD, both ends included)? Undated: only without bounds. */
export function withinDates(r: EventRecord, since?: string, until?: string): boolean {
  if (!since && !until) return true;
  const s = span(r.date);
  if (!s) return false;
  if (since && s.to.slice(0, since.length) < since) return false;
  if (until && s.from.slice(0, until.length) > until) return false;
  return true;
}
