// What an event's own mentions do not state, from the story around it. A news story reports one
// occasion: an event that no sentence places or dates took place where and when the event of the
// same status (held, planned) before it did, of the same persons first; a held one, else on the
// document's date (the news of the day) and, in the lead, at the dateline, else where the first
// held event after it did.
// Documents are signed at the talks or visit named before: a signing takes their
// countries. A visit's place is in a country taking part, and not at a dateline in another country
// than those its sentence names.
import type { DateValue, DocDate, EventKind, EventPlace, EventValue } from '../types.js';
import { multilateral, type Mention } from './link.js';
import { placeFitsVisit, tour } from './merge.js';

export function fromContext(
  events: readonly Mention[],
  docDate: DocDate | null,
  dateline: EventPlace | null,
  storyPersons: readonly EventKind[] = [],
  leadDay: DateValue | null = null,
  datelineDay: DateValue | null = null,
): Mention[] {
  const out: Mention[] = [];
  // A report of a visit abroad is filed at home: its dateline places none of its events.
  const home = dateline?.country;
  const abroad = !!home && events.some((e) => e.destination && e.destination !== home);
  for (const e of events) {
    const v = { ...e.value, countries: [...e.value.countries] };
    if (abroad && e.atDateline && v.place?.country === home) v.place = null;
    const before = [...out].reverse();
    // Of those, first the latest of the same persons: talks of Putin and Tokayev after a sentence
    // recalling Tokayev's meeting with Trump in Washington are where Putin and Tokayev met before.
    const status = before.filter((m) => m.value.status === v.status);
    const same = [...status.filter((m) => samePersons(m.value, v)), ...status];
    // A call is held from two capitals: it has no place, whatever its sentence names ("the Akorda
    // press service", a dateline where the report was filed).
    const call = v.kind === 'call';
    if (call) v.place = null;
    // Nor has a tour (a visit to several states) one place.
    const placeless = call || tour(v);
    if (!placeless) v.place ??= same.find((m) => m.value.place && fits(e, v, m.value.place))?.value.place ?? null;
    // A call is dated by a call before it, not by the occasion the story told of before.
    v.date ??= same.find((m) => precise(m.value.date) && (!call || m.value.kind === 'call'))?.value.date ?? null;
    if (v.status === 'held') {
      // A visit whose sentence names the countries it is in is not at a dateline elsewhere
      // ("MOSCOW (AP) — Putin arrives in Uzbekistan").
      const away = abroad || (v.kind === 'visit' && e.named.length > 0 && !!dateline?.country && !e.named.includes(dateline.country));
      if (!placeless) v.place ??= e.lead && !away && dateline && fits(e, v, dateline) ? dateline : null;
      v.date ??= docDate ? { iso: docDate.iso, granularity: 'day' } : e.lead ? leadDay : null;
      // A day of the week alone in a report whose dateline gives the day but not the year ("MOSCOW,
      // November 28. On Monday, …") is of the days just before it: the dateline's day says more.
      if (datelineDay && v.date?.weekday && !v.date.iso && !v.date.yearless && !v.date.startIso) v.date = { ...datelineDay, weekday: v.date.weekday };
    }
    // Where the language's wires write it so ("a number of documents were signed", "your visit to our
    // country"), an event naming nobody is the persons' of the talks before it.
    if (!v.participants.length && storyPersons.includes(v.kind) && !e.bodies) {
      const talks = before.find((m) => m.value.participants.length >= 2);
      if (talks) {
        v.participants = [...talks.value.participants];
        addCountries(v, v.participants.map((p) => p.country));
      }
    }
    if (v.kind === 'signing' && v.countries.length < 2) {
      const talks = before.find((m) => m.value.kind !== 'signing' && m.value.countries.length);
      addCountries(v, talks?.value.countries ?? []);
    }
    if (v.kind === 'visit') addCountries(v, [v.place?.country]);
    out.push({ ...e, value: v });
  }
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!.value;
    if (v.status !== 'held') continue;
    const after = out.slice(i + 1).filter((m) => m.value.status === 'held');
    // A held event placed by no sentence before it is placed by the first held one after it of
    // the same date (not by a visit the story recalls, "during his visit to Ankara in May").
    if (!v.place && v.kind !== 'call' && !tour(v)) {
      v.place = after.find((m) => m.value.place && equalDates(m.value.date, v.date) && fits(out[i]!, v, m.value.place))?.value.place ?? null;
      if (v.kind === 'visit') addCountries(v, [v.place?.country]);
    }
    // Talks naming one person, where and when a visit of another is held ("Орбан прибыл с
    // официальным визитом … Токаев проводит переговоры"), are talks with the visitor.
    if (v.kind === 'meeting' && v.participants.length === 1 && v.place) {
      const visit = out.find((m) => m.value.kind === 'visit' && m.value.status === 'held' && m.value.place?.name === v.place!.name && equalDates(m.value.date, v.date) && !m.value.participants.some((p) => p.id === v.participants[0]!.id));
      if (visit?.value.participants.length) {
        // The visitors, not the host the language may count among the visit's persons.
        const visitors = visit.value.participants.filter((p) => p.country !== visit.value.place?.country);
        for (const p of visitors) if (!v.participants.some((q) => q.id === p.id)) v.participants.push(p);
        addCountries(v, v.participants.map((p) => p.country));
      }
    }
    // A visit naming nobody ("Бакуге сапар – нәтижелі сапар болды") is that of the persons of the
    // talks told after it in its place.
    if (v.kind === 'visit' && !v.participants.length && v.place) {
      const talks = after.find((m) => m.value.kind !== 'signing' && m.value.participants.length >= 2 && m.value.place?.name === v.place!.name);
      if (talks) {
        v.participants = [...talks.value.participants];
        addCountries(v, v.participants.map((p) => p.country));
      }
    }
  }
  // Talks whose persons, completed from the story, are of three or more states are a summit.
  for (const e of out) e.value.kind = multilateral(e.value.kind, e.value.participants);
  return out;
}

/** Can the event be at this place: a visit in a state it goes to ("state visit to Kazakhstan" is not in Beijing)? */
function fits(e: Mention, v: EventValue, place: EventPlace): boolean {
  // Nor is a visit of persons all of one state ("Xi Jinping's state visit last September") paid to
  // a city of theirs that the story names for another event.
  const home = v.kind === 'visit' && !!place.country && v.participants.length > 0 && v.participants.every((p) => p.country === place.country);
  return !home && placeFitsVisit(v, place) && (!e.destination || !place.country || place.country === e.destination);
}

/** Adds the countries (codes) the event does not list yet, in order. */
function addCountries(v: EventValue, codes: readonly (string | null | undefined)[]): void {
  for (const c of codes) if (c && !v.countries.includes(c)) v.countries.push(c);
}

/** Do two events name the same persons (at least one)? */
function samePersons(a: { participants: readonly { id: string }[] }, b: { participants: readonly { id: string }[] }): boolean {
  return a.participants.length > 0 && a.participants.length === b.participants.length && a.participants.every((p) => b.participants.some((q) => q.id === p.id));
}

/** Do two dates name the same day or period, with or without the year (both unknown counts as the same)? */
function equalDates(a: DateValue | null, b: DateValue | null): boolean {
  const key = (d: DateValue | null) => (d ? `${d.iso ?? ''}|${d.startIso ?? ''}|${d.endIso ?? ''}|${d.yearless ?? ''}` : '');
  return key(a) === key(b);
}

/** A day, a month or a period within a year (with or without the year): when an occasion was, not a year it was in. */
function precise(d: DateValue | null): boolean {
  if (!d) return false;
  if (d.yearless || d.weekday) return true;
  if (d.startIso) return d.startIso.length >= 7 || d.startIso === d.endIso;
  return (d.iso?.length ?? 0) >= 7;
}
