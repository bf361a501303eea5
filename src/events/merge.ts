// One event per real-world event per document: a mention of the same kind whose persons, date
// and place do not contradict an event already found completes it ("в ходе переговоров" after
// "провели переговоры"); others are events of their own. A bare noun ("встреча", "talks") with
// nothing around it only completes an event; alone it is no event.
// An event noun (мероприятие, іс-шара: a trigger that `refers`) only ever completes one.
import { daysApart, daysOfYear, daysOfYearMeet } from '../normalize/dates.js';
import type { DateValue, EventKind, EventPlace, EventValue } from '../types.js';
import type { Mention } from './link.js';

/**
 * Kinds a mention may refer back to: talks named after a call or a summit are that call or summit
 * ("в ходе переговоров" after "телефонный разговор"), and "лидеры обсудили" is any talks before.
 */
function kindsReferred(m: Mention): readonly EventKind[] {
  if (m.trigger.refers) return ['meeting', 'call', 'summit', 'visit', 'signing'];
  if (m.trigger.needs === 'two' && m.trigger.weak) return ['meeting', 'call', 'summit', 'visit'];
  if (m.later && m.value.kind === 'meeting') return ['meeting', 'call', 'summit'];
  if (m.value.kind === 'call') return ['call', 'meeting'];
  return [m.value.kind];
}

/**
 * A call named after talks a verb of talking gave ("Путин побеседовал с Токаевым. Телефонный
 * разговор лидеров состоялся в субботу") says how those talks were held: they are that call.
 */
function spokenAs(e: Mention, m: Mention): boolean {
  return e.value.kind === m.value.kind || (m.value.kind === 'call' && e.trigger.needs === 'two');
}

export function mergeMentions(mentions: readonly Mention[], visitHost = true, docDay: DateValue | null = null): Mention[] {
  const events: Mention[] = [];
  // Talks a noun of meeting has named ("Путин и Рахмон обсудили … В Душанбе состоялась встреча"):
  // a call named after them is another event.
  const met = new Set<Mention>();
  for (const m of mentions) {
    const kinds = kindsReferred(m);
    const same = events.filter((e) => kinds.includes(e.value.kind));
    const target = [...same].reverse().find((e) => (m.value.kind !== 'call' || (spokenAs(e, m) && !met.has(e))) && compatible(e, withoutHosts(e, m), docDay));
    if (target) {
      const v = visitHost ? m.value : withoutHosts(target, m).value;
      complete(target.value, nextStop(target, m) ? { ...v, place: null } : v);
      if (m.value.kind === 'call') target.value.kind = 'call';
      else if (m.value.kind === 'meeting' && m.trigger.needs !== 'two') met.add(target);
      continue;
    }
    const v = m.value;
    // A bare noun alone is no event, unless it points back ("в ходе переговоров") to talks the
    // story has not named otherwise.
    if (m.trigger.weak && !m.anchored && !m.later) continue;
    if (m.trigger.refers) continue;
    const participants = v.participants.length ? [...v.participants] : [...m.recent];
    const countries = [...v.countries];
    for (const p of participants) if (p.country && !countries.includes(p.country)) countries.push(p.country);
    events.push({ ...m, value: { ...v, participants, countries } });
  }
  return events;
}

/**
 * A visit the held one will go on to ("is set to visit Samarkand" after "arrived in Uzbekistan"):
 * its place is the trip's next stop, not the visit's. A mention that refers back ("в рамках визита
 * в Ташкенте состоится…") does place it.
 */
function nextStop(e: Mention, m: Mention): boolean {
  return e.value.kind === 'visit' && m.value.kind === 'visit' && e.value.status === 'held' && m.value.status === 'planned' && !m.later && !m.trigger.refers;
}

/**
 * A later mention of a visit naming the host ("Токаев подчеркнул символичность визита") names the
 * same visit: `m` without the persons of the visited side (a state of the visit none of its
 * visitors is of). Such a mention completes the visit with them only where the language counts
 * the host among a visit's persons (rules' visitHost).
 */
function withoutHosts(e: Mention, m: Mention): Mention {
  if (e.value.kind !== 'visit' || !e.value.participants.length) return m;
  const visitors = new Set(e.value.participants.map((p) => p.country));
  const host = (c: string | null | undefined) => !!c && e.value.countries.includes(c) && !visitors.has(c);
  const participants = m.value.participants.filter((p) => !host(p.country));
  return participants.length === m.value.participants.length ? m : { ...m, value: { ...m.value, participants } };
}

/** How far apart an event with no persons and a mention naming some may be and still be one event. */
const ANONYMOUS_REACH = 1500;

/**
 * Can `m` be a later mention of `e`? Dates and places agreeing, and the persons one within the
 * other; a mention that points back ("в ходе переговоров", "this visit") needs no persons. A held
 * event no sentence dates is of the document's day (`docDay`): a later mention dated before that
 * day, not the day before ("your state visit in March this year" in a report of August 17), is
 * another event; one dated after it is the event announced.
 */
function compatible(e: Mention, m: Mention, docDay: DateValue | null): boolean {
  // (Signings are left out: one recalled so, "an MoU signed in May", would take the story's persons.)
  const recalled = !e.value.date && e.value.status === 'held' && e.value.kind !== 'signing' && before(m.value.date, docDay) && (daysApart(docDay!, m.value.date!) ?? 2) > 1;
  if (recalled || !sameDate(e.value.date, m.value.date) || !samePlace(e.value.place, m.value.place)) return false;
  if (m.value.place && !placeFitsVisit(e.value, m.value.place)) return false;
  if (m.later || m.trigger.refers || (m.trigger.needs === 'two' && m.trigger.weak)) return true;
  const a = new Set(e.value.participants.map((p) => p.id));
  const b = new Set(m.value.participants.map((p) => p.id));
  if (b.size === 0) return true;
  if (a.size === 0) return m.start - e.start <= ANONYMOUS_REACH;
  // A summit's persons are named a few at a time: talks of several leaders close after it ("X took
  // part in the session. The meeting was attended by Y, Z and W") are that summit, not contradicting it;
  // another summit's own name (a forum after a council) is another event.
  if (e.value.kind === 'summit' && m.value.kind === 'summit' && m.trigger.kind === 'meeting') return m.start - e.start <= ANONYMOUS_REACH;
  return oneWithinOther(a, b);
}

/** Is one set of person ids within the other? */
function oneWithinOther(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return [...a].every((id) => b.has(id)) || [...b].every((id) => a.has(id));
}

/**
 * Is `b` an event `a` already is, to a reader who no longer has their mentions (a document read in
 * chunks: a later chunk's mention of an event an earlier chunk gave)? The same kind, dates and
 * places not disagreeing, and the persons one within the other (or, with no persons on either side,
 * the same countries).
 */
export function sameEvent(a: EventValue, b: EventValue): boolean {
  if (a.kind !== b.kind || !sameDate(a.date, b.date) || !samePlace(a.place, b.place)) return false;
  const x = new Set(a.participants.map((p) => p.id));
  const y = new Set(b.participants.map((p) => p.id));
  if (x.size === 0 && y.size === 0) return a.countries.length > 0 && a.countries.join() === b.countries.join();
  if (x.size === 0 || y.size === 0) return false;
  return oneWithinOther(x, y);
}

/**
 * Can a visit be at this place? Not in the visitors' own country when its mention names another
 * state it goes to ("визит … во Францию" is in France, whatever Astana a later sentence names).
 */
export function placeFitsVisit(v: EventValue, place: EventPlace): boolean {
  if (v.kind !== 'visit' || !place.country) return true;
  const visitors = new Set(v.participants.map((p) => p.country));
  const destinations = v.countries.filter((c) => !visitors.has(c));
  return destinations.length === 0 || destinations.includes(place.country);
}

function isoOf(d: DateValue | null): string | null {
  return d?.iso ?? d?.startIso ?? null;
}

/** Does date `a` end before the day `b` (at `a`'s precision)? */
function before(a: DateValue | null, b: DateValue | null): boolean {
  const x = a?.iso ?? a?.endIso;
  return !!x && !!b?.iso && x < b.iso.slice(0, x.length);
}

/** Can two dates be of one event: one within the other, or either unknown? */
export function sameDate(a: DateValue | null, b: DateValue | null): boolean {
  const x = isoOf(a);
  const y = isoOf(b);
  if (a?.yearless && b?.yearless) return daysOfYearMeet(daysOfYear(a)!, daysOfYear(b)!);
  if (a?.weekday && b?.weekday) return a.weekday === b.weekday;
  return !x || !y || x.startsWith(y) || y.startsWith(x);
}

function samePlace(a: EventPlace | null, b: EventPlace | null): boolean {
  return !a || !b || a.name.includes(b.name) || b.name.includes(a.name);
}

/**
 * A visit of one state's persons to two or more other states ("Юн Сок Ёль посетит Туркменистан,
 * Казахстан и Узбекистан") is a tour: no one city its later mentions or its story name is its
 * place, and it is not the visit to one of them. (A visit naming its host is to the host's state.)
 */
export function tour(v: EventValue): boolean {
  if (v.kind !== 'visit' || !v.participants.length) return false;
  const visitors = new Set(v.participants.map((p) => p.country));
  return visitors.size === 1 && v.countries.filter((c) => !visitors.has(c)).length >= 2;
}

/** Fills what `e` lacks from `m`: persons, countries, place, date, documents. */
function complete(e: EventValue, m: EventValue): void {
  for (const p of m.participants) if (!e.participants.some((q) => q.id === p.id)) e.participants.push(p);
  for (const c of m.countries) if (!e.countries.includes(c)) e.countries.push(c);
  if (!tour(e)) e.place ??= m.place;
  e.date ??= m.date;
  if (m.level) e.level ??= m.level;
  if (m.documents?.length) e.documents = [...(e.documents ?? []), ...m.documents.filter((d) => !e.documents?.includes(d))];
  if (e.kind === 'signing') e.count ??= m.count ?? null;
}
