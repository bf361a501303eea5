// eventsAcross: the merge rules on event facts written for these tests (no extraction), so that
// each rule is seen alone: the days of one visit, places of one city.
import { describe, expect, it } from 'vitest';
import { eventsAcross } from '../src/events/across.js';
import type { EventValue, EventKind, EventPlace, Fact, LeaderValue } from '../src/types.js';

const TOKAYEV: LeaderValue = { id: 'kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev', role: 'President', country: 'KZ' };
const MIRZIYOYEV: LeaderValue = { id: 'shavkat-mirziyoyev', name: 'Shavkat Mirziyoyev', role: 'President', country: 'UZ' };
const JAPAROV: LeaderValue = { id: 'sadyr-japarov', name: 'Sadyr Japarov', role: 'President', country: 'KG' };

const TASHKENT: EventPlace = { name: 'Tashkent', country: 'UZ', text: 'Tashkent' };
const AKORDA: EventPlace = { name: 'Akorda, Astana', country: 'KZ', text: 'Akorda' };
const NUR_SULTAN: EventPlace = { name: 'Nur-Sultan (Astana)', country: 'KZ', text: 'Nur-Sultan' };
const MOSCOW: EventPlace = { name: 'Moscow', country: 'RU', text: 'Moscow' };
const ASTANA: EventPlace = { name: 'Astana', country: 'KZ', text: 'Astana' };
const PUTIN: LeaderValue = { id: 'vladimir-putin', name: 'Vladimir Putin', role: 'President', country: 'RU' };
const ERDOGAN: LeaderValue = { id: 'recep-tayyip-erdogan', name: 'Recep Tayyip Erdogan', role: 'President', country: 'TR' };

let n = 0;
function event(doc: string, kind: EventKind, day: string | null, persons: LeaderValue[], place: EventPlace | null = null): Fact {
  n += 10;
  return {
    doc,
    lang: 'en',
    type: 'event',
    docDate: day,
    text: kind,
    start: n,
    end: n + kind.length,
    sentence: kind,
    value: {
      kind,
      status: 'held',
      participants: persons,
      countries: [...new Set(persons.map((p) => p.country!))],
      place,
      date: day ? { iso: day, granularity: 'day' } : null,
    },
    rule: 'test',
    confidence: 1,
  } as Fact;
}

const docsOf = (r: { sources: { doc: string }[] }) => [...new Set(r.sources.map((s) => s.doc))].sort();

describe('eventsAcross: the days of one visit', () => {
  it('makes one visit of an arrival, the talks of the next day and a departure report of the day after', () => {
    const records = eventsAcross([
      event('arrival', 'visit', '2025-11-14', [TOKAYEV, MIRZIYOYEV], TASHKENT),
      event('talks', 'meeting', '2025-11-15', [TOKAYEV, MIRZIYOYEV]),
      event('ended', 'visit', '2025-11-16', [TOKAYEV], TASHKENT),
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]!.kind).toBe('visit');
    expect(docsOf(records[0]!)).toEqual(['arrival', 'ended', 'talks']);
    expect(records[0]!.conflicts?.date).toEqual(['2025-11-14', '2025-11-15', '2025-11-16']);
  });

  it('takes talks grouped, before the arrival was read, with a day the visit cannot reach into the visit they are a day of', () => {
    const BISHKEK: EventPlace = { name: 'Bishkek', country: 'KG', text: 'Bishkek' };
    const records = eventsAcross([
      event('arrival', 'meeting', '2025-11-24', [PUTIN, JAPAROV], BISHKEK),
      event('talks', 'meeting', '2025-11-26', [PUTIN, JAPAROV]),
      event('talks', 'visit', '2025-11-27', [PUTIN, JAPAROV], BISHKEK),
      event('arrival', 'visit', '2025-11-25', [PUTIN, JAPAROV], BISHKEK),
    ]);
    const visit = records.find((r) => docsOf(r).includes('arrival'))!;
    expect(visit.sources.map((s) => `${s.doc} ${s.text}`).sort()).toEqual(['arrival meeting', 'arrival visit', 'talks meeting']);
  });

  it('makes one call of two reports of the same persons’ call a day apart, and two of calls two days apart', () => {
    const one = eventsAcross([event('a', 'call', '2026-02-10', [TOKAYEV, MIRZIYOYEV]), event('b', 'call', '2026-02-11', [TOKAYEV, MIRZIYOYEV])]);
    expect(one).toHaveLength(1);
    expect(one[0]!.conflicts?.date).toEqual(['2026-02-10', '2026-02-11']);
    const two = eventsAcross([event('a', 'call', '2026-02-10', [TOKAYEV, MIRZIYOYEV]), event('b', 'call', '2026-02-12', [TOKAYEV, MIRZIYOYEV])]);
    expect(two).toHaveLength(2);
  });

  it('keeps visits of the same persons four days apart as two', () => {
    const records = eventsAcross([
      event('a', 'visit', '2025-11-14', [TOKAYEV, MIRZIYOYEV], TASHKENT),
      event('b', 'visit', '2025-11-18', [TOKAYEV, MIRZIYOYEV], TASHKENT),
    ]);
    expect(records).toHaveLength(2);
  });

  it('does not stretch a visit by a summit of the next day, nor a call', () => {
    const records = eventsAcross([
      event('visit', 'visit', '2025-11-14', [TOKAYEV, MIRZIYOYEV], TASHKENT),
      event('summit', 'summit', '2025-11-16', [TOKAYEV, MIRZIYOYEV], TASHKENT),
      event('call', 'call', '2025-11-15', [TOKAYEV, MIRZIYOYEV]),
    ]);
    expect(records).toHaveLength(3);
  });

  it("takes a council of the two leaders held on one of the visit's days into the visit", () => {
    const records = eventsAcross([
      event('arrival', 'visit', '2025-11-14', [TOKAYEV], TASHKENT),
      event('talks', 'visit', '2025-11-15', [TOKAYEV], TASHKENT),
      event('council', 'summit', '2025-11-15', [TOKAYEV, MIRZIYOYEV], TASHKENT),
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]!.kind).toBe('visit');
  });

  it('takes one person alone on another day of the visit only in the same city', () => {
    const elsewhere = eventsAcross([
      event('visit', 'visit', '2025-11-14', [TOKAYEV, MIRZIYOYEV], TASHKENT),
      event('moscow', 'meeting', '2025-11-15', [TOKAYEV], MOSCOW),
      event('unplaced', 'meeting', '2025-11-15', [TOKAYEV]),
    ]);
    expect(docsOf(elsewhere.find((r) => docsOf(r).includes('visit'))!)).toEqual(['visit']);
    const same = eventsAcross([
      event('visit', 'visit', '2025-11-14', [TOKAYEV, MIRZIYOYEV], TASHKENT),
      event('there', 'meeting', '2025-11-15', [TOKAYEV], TASHKENT),
    ]);
    expect(same).toHaveLength(1);
  });

  it('takes a report naming the visitor alone and no place, between the same states, as another day of the visit', () => {
    const visitorAlone = event('visitor', 'visit', '2025-11-15', [TOKAYEV]);
    (visitorAlone.value as EventValue).countries = ['KZ', 'UZ'];
    const records = eventsAcross([event('visit', 'visit', '2025-11-14', [TOKAYEV, MIRZIYOYEV], TASHKENT), visitorAlone]);
    expect(records).toHaveLength(1);
    expect(records[0]!.conflicts?.date).toEqual(['2025-11-14', '2025-11-15']);
  });

  it('takes talks with no place into a visit that already holds its signing', () => {
    const records = eventsAcross([
      event('visit', 'visit', '2024-05-26', [TOKAYEV, MIRZIYOYEV], TASHKENT),
      event('signed', 'signing', '2024-05-26', [TOKAYEV, MIRZIYOYEV], TASHKENT),
      event('talks', 'meeting', '2024-05-26', [TOKAYEV, MIRZIYOYEV]),
    ]);
    expect(records).toHaveLength(1);
    expect(docsOf(records[0]!)).toEqual(['signed', 'talks', 'visit']);
  });
});

describe('eventsAcross: places of one city', () => {
  it('takes a venue and the city under its former name for one place, not a conflict', () => {
    const records = eventsAcross([
      event('venue', 'visit', '2021-03-02', [TOKAYEV, JAPAROV], AKORDA),
      event('city', 'visit', '2021-03-02', [TOKAYEV, JAPAROV], NUR_SULTAN),
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]!.place?.name).toBe('Akorda, Astana');
    expect(records[0]!.conflicts).toBeUndefined();
  });
});

describe('eventsAcross: an undated report that fits several events', () => {
  it('keeps an undated report apart when it fits two visits of the same persons on different days as well', () => {
    const records = eventsAcross([
      event('2021-a', 'visit', '2021-03-02', [TOKAYEV, JAPAROV], AKORDA),
      event('2021-b', 'visit', '2021-03-02', [TOKAYEV, JAPAROV], ASTANA),
      event('2024', 'visit', '2024-04-19', [TOKAYEV, JAPAROV], ASTANA),
      event('undated', 'visit', null, [TOKAYEV, JAPAROV], ASTANA),
    ]);
    expect(records).toHaveLength(3);
    expect(docsOf(records.find((r) => docsOf(r).includes('undated'))!)).toEqual(['undated']);
  });

  it('joins an undated summit report to the event with a summit, when it fits that and a visit of another day', () => {
    const records = eventsAcross([
      event('visit', 'visit', '2024-11-20', [TOKAYEV, ERDOGAN], ASTANA),
      event('summit', 'summit', '2025-05-21', [TOKAYEV, ERDOGAN], ASTANA),
      event('summit', 'visit', '2025-05-20', [TOKAYEV, ERDOGAN], ASTANA),
      event('undated', 'summit', null, [TOKAYEV, ERDOGAN], ASTANA),
    ]);
    expect(docsOf(records.find((r) => docsOf(r).includes('undated'))!)).toEqual(['summit', 'undated']);
  });

  it('joins the visit whose persons agree better, when it fits two', () => {
    const records = eventsAcross([
      event('both', 'visit', '2021-03-02', [TOKAYEV, JAPAROV], ASTANA),
      event('more', 'visit', '2024-04-19', [TOKAYEV, JAPAROV, MIRZIYOYEV], ASTANA),
      event('undated', 'visit', null, [TOKAYEV, JAPAROV], ASTANA),
    ]);
    expect(docsOf(records.find((r) => docsOf(r).includes('undated'))!)).toEqual(['both', 'undated']);
  });

  it('joins none when no fitting event has all the persons it names', () => {
    const records = eventsAcross([
      event('putin', 'visit', '2024-11-27', [PUTIN, TOKAYEV], ASTANA),
      event('erdogan', 'visit', '2022-10-12', [ERDOGAN, TOKAYEV], ASTANA),
      event('undated', 'visit', null, [ERDOGAN, PUTIN, TOKAYEV], ASTANA),
    ]);
    expect(records).toHaveLength(3);
  });
});

describe('eventsAcross: what the reports name besides the event', () => {
  const calls = () => [
    event('august', 'call', '2025-08-10', [TOKAYEV, MIRZIYOYEV]),
    event('december', 'call', '2025-12-30', [TOKAYEV, MIRZIYOYEV]),
    event('undated', 'call', null, [TOKAYEV, MIRZIYOYEV]),
  ];
  const traits = (undated: string[]) =>
    new Map([
      ['august', new Set(['leader:donald-trump', 'place:Washington', 'money:USD:1000000000'])],
      ['december', new Set(['leader:sergey-lavrov', 'place:Kyiv', 'percent:5'])],
      ['undated', new Set(undated)],
    ]);

  it('joins an undated call to the one of two calls of the same persons whose report names two more of what it names', () => {
    const records = eventsAcross(calls(), traits(['leader:sergey-lavrov', 'place:Kyiv']));
    expect(docsOf(records.find((r) => docsOf(r).includes('undated'))!)).toEqual(['december', 'undated']);
  });

  it('keeps it apart when the one report shares only one more, or both as many', () => {
    for (const named of [['place:Kyiv'], ['place:Kyiv', 'leader:sergey-lavrov', 'place:Washington', 'leader:donald-trump']]) {
      const records = eventsAcross(calls(), traits(named));
      expect(docsOf(records.find((r) => docsOf(r).includes('undated'))!)).toEqual(['undated']);
    }
  });
});

describe('eventsAcross: an undated occasion of a report whose other occasion joined an event', () => {
  const ALIYEV: LeaderValue = { id: 'ilham-aliyev', name: 'Ilham Aliyev', role: 'President', country: 'AZ' };
  it('joins the state visit a report names without a place to the event its council in the city joined', () => {
    const records = eventsAcross([
      event('dated', 'visit', '2024-08-22', [ALIYEV, MIRZIYOYEV], TASHKENT),
      event('report', 'visit', null, [ALIYEV]),
      event('report', 'summit', null, [ALIYEV, MIRZIYOYEV], TASHKENT),
    ]);
    expect(records.map(docsOf)).toEqual([['dated', 'report']]);
  });

  it('leaves it apart when the report has two such events, or its place disagrees', () => {
    const two = eventsAcross([
      event('dated', 'visit', '2024-08-22', [ALIYEV, MIRZIYOYEV], TASHKENT),
      event('other', 'visit', '2023-05-02', [ALIYEV, MIRZIYOYEV], TASHKENT),
      event('report', 'visit', null, [ALIYEV]),
      event('report', 'summit', '2024-08-22', [ALIYEV, MIRZIYOYEV], TASHKENT),
      event('report', 'meeting', '2023-05-02', [ALIYEV, MIRZIYOYEV], TASHKENT),
    ]);
    expect(two.find((r) => r.sources.some((s) => s.doc === 'report' && s.text === 'visit'))!.sources).toHaveLength(1);
    const elsewhere = eventsAcross([
      event('dated', 'visit', '2024-08-22', [ALIYEV, MIRZIYOYEV], TASHKENT),
      event('report', 'visit', null, [ALIYEV], MOSCOW),
      event('report', 'summit', null, [ALIYEV, MIRZIYOYEV], TASHKENT),
    ]);
    expect(elsewhere).toHaveLength(2);
  });
});

describe('eventsAcross: reports without a year or a date', () => {
  const yearless = (f: Fact, days: string): Fact => Object.assign(f, { value: { ...f.value, date: { relative: true, iso: null, yearless: days } } });
  const BAKU: EventPlace = { name: 'Baku', country: 'AZ', text: 'Baku' };

  it('joins a report giving the day without its year to the event of that day, not to one of another day', () => {
    const records = eventsAcross([
      event('2025', 'visit', '2025-11-14', [TOKAYEV, MIRZIYOYEV], TASHKENT),
      event('2022', 'visit', '2022-12-21', [TOKAYEV, MIRZIYOYEV], TASHKENT),
      yearless(event('nov', 'visit', null, [TOKAYEV, MIRZIYOYEV], TASHKENT), '--11-14/--11-15'),
      yearless(event('dec', 'meeting', null, [TOKAYEV, MIRZIYOYEV], TASHKENT), '--12-21'),
    ]);
    expect(records.map(docsOf).sort()).toEqual([['2022', 'dec'], ['2025', 'nov']]);
  });

  it('keeps an undated report apart when a report dates another visit of the same persons to that city by a day without its year', () => {
    const records = eventsAcross([
      event('2019', 'visit', '2019-04-24', [TOKAYEV, ERDOGAN], ASTANA),
      yearless(event('nov', 'visit', null, [TOKAYEV, ERDOGAN], ASTANA), '--11-02'),
      event('undated', 'visit', null, [TOKAYEV, ERDOGAN], AKORDA),
    ]);
    expect(records.map(docsOf).sort()).toEqual([['2019'], ['nov'], ['undated']]);
  });

  it('joins an undated report to the dated visit when the day without its year is one of its days', () => {
    const records = eventsAcross([
      event('2025', 'visit', '2025-03-14', [TOKAYEV, ERDOGAN], ASTANA),
      yearless(event('mar', 'signing', null, [TOKAYEV, ERDOGAN], ASTANA), '--03-12'),
      event('undated', 'visit', null, [TOKAYEV, ERDOGAN], ASTANA),
    ]);
    expect(docsOf(records.find((r) => docsOf(r).includes('undated'))!)).toContain('2025');
  });

  it('joins a report of a day without its year to the event of that day with most of its persons, though none has them all', () => {
    const records = eventsAcross([
      event('visit-a', 'visit', '2021-03-02', [TOKAYEV, JAPAROV], ASTANA),
      event('visit-b', 'visit', '2021-03-02', [JAPAROV, TOKAYEV], ASTANA),
      event('aside', 'meeting', '2021-03-02', [JAPAROV, PUTIN], ASTANA),
      yearless(event('announced', 'visit', null, [JAPAROV, TOKAYEV, PUTIN], ASTANA), '--03-02/--03-03'),
    ]);
    expect(docsOf(records.find((r) => docsOf(r).includes('announced'))!)).toEqual(['announced', 'visit-a', 'visit-b']);
  });

  it('does not join an undated visit to a visit of another level of the same persons and city, but to one of its level', () => {
    const level = (f: Fact, l: 'state' | 'official' | 'working'): Fact => Object.assign(f, { value: { ...f.value, level: l } });
    const records = eventsAcross([
      level(event('state', 'visit', '2023-11-24', [TOKAYEV, ERDOGAN], BAKU), 'state'),
      level(event('undated', 'visit', null, [TOKAYEV, ERDOGAN], BAKU), 'working'),
    ]);
    expect(records).toHaveLength(2);
    expect(records.find((r) => docsOf(r).includes('state'))!.level).toBe('state');
    const working = eventsAcross([
      level(event('state', 'visit', '2022-08-24', [TOKAYEV, ERDOGAN], BAKU), 'state'),
      level(event('working', 'visit', '2023-11-24', [TOKAYEV, ERDOGAN], BAKU), 'working'),
      level(event('undated', 'visit', null, [TOKAYEV, ERDOGAN], BAKU), 'working'),
    ]);
    expect(docsOf(working.find((r) => docsOf(r).includes('undated'))!)).toEqual(['undated', 'working']);
  });

  it('joins a visit of another level to the visit whose day it gives without the year', () => {
    const level = (f: Fact, l: 'state' | 'official' | 'working'): Fact => Object.assign(f, { value: { ...f.value, level: l } });
    const records = eventsAcross([
      level(event('state', 'visit', '2024-04-18', [TOKAYEV, ERDOGAN], BAKU), 'state'),
      level(yearless(event('official', 'visit', null, [TOKAYEV, ERDOGAN], BAKU), '--04-19'), 'official'),
    ]);
    expect(records.map(docsOf)).toEqual([['official', 'state']]);
  });

  it('joins an undated visit no report places to the one visit of its level of the same persons, though they had another of another level', () => {
    const level = (f: Fact, l: 'state' | 'official' | 'working'): Fact => Object.assign(f, { value: { ...f.value, level: l } });
    const records = eventsAcross([
      level(event('state', 'visit', '2021-03-02', [TOKAYEV, JAPAROV]), 'state'),
      level(event('working', 'visit', '2023-10-12', [TOKAYEV, JAPAROV]), 'working'),
      level(event('undated', 'visit', null, [TOKAYEV, JAPAROV]), 'state'),
    ]);
    expect(docsOf(records.find((r) => docsOf(r).includes('undated'))!)).toEqual(['state', 'undated']);
  });

  it("joins an undated report's talks to the visit its other mention joined, whichever visit more reports tell of", () => {
    const visit = event('one', 'visit', null, [TOKAYEV, ERDOGAN], BAKU);
    const talks = event('one', 'meeting', null, [TOKAYEV, ERDOGAN], BAKU);
    const records = eventsAcross([
      event('2022-a', 'visit', '2022-08-24', [TOKAYEV, ERDOGAN], BAKU),
      event('2022-b', 'visit', '2022-08-24', [TOKAYEV, ERDOGAN], BAKU),
      event('2023', 'visit', '2023-11-24', [TOKAYEV, ERDOGAN], BAKU),
      Object.assign(visit, { value: { ...visit.value, date: { relative: true, iso: null, yearless: '--11-24' } } }),
      talks,
    ]);
    const of = (s: number) => records.find((r) => r.sources.some((x) => x.doc === 'one' && x.start === s))!;
    expect(of(talks.start).id).toBe(of(visit.start).id);
    expect(docsOf(of(talks.start)).sort()).toEqual(['2023', 'one']);
  });

  it('does not take a month for a day: a day without its year is borne out only by a day', () => {
    const month = event('month', 'visit', null, [TOKAYEV, MIRZIYOYEV], TASHKENT);
    Object.assign(month.value, { date: { iso: '2023-09', granularity: 'month' } });
    const records = eventsAcross([month, yearless(event('day', 'meeting', null, [TOKAYEV]), '--09-14')]);
    expect(records).toHaveLength(2);
  });

  it('keeps a visit of two states apart from a summit of more on the next day, and joins it on the same day', () => {
    const summit = (doc: string, day: string) => event(doc, 'summit', day, [TOKAYEV, MIRZIYOYEV, JAPAROV], ASTANA);
    const before = eventsAcross([summit('summit', '2024-09-17'), yearless(event('visit', 'visit', null, [TOKAYEV, MIRZIYOYEV], ASTANA), '--09-16')]);
    expect(before).toHaveLength(2);
    const same = eventsAcross([summit('summit', '2024-09-17'), yearless(event('visit', 'visit', null, [TOKAYEV, MIRZIYOYEV], ASTANA), '--09-17')]);
    expect(same).toHaveLength(1);
  });

  it('joins undated talks no report places to the one occasion of the same persons, and to none when they had two', () => {
    const one = eventsAcross([event('dated', 'visit', '2024-10-29', [TOKAYEV, PUTIN], MOSCOW), event('undated', 'meeting', null, [PUTIN, TOKAYEV])]);
    expect(one).toHaveLength(1);
    const two = eventsAcross([
      event('2024', 'visit', '2024-10-29', [TOKAYEV, PUTIN], MOSCOW),
      event('2025', 'visit', '2025-11-12', [TOKAYEV, PUTIN], MOSCOW),
      event('undated', 'meeting', null, [PUTIN, TOKAYEV]),
    ]);
    expect(docsOf(two.find((r) => docsOf(r).includes('undated'))!)).toEqual(['undated']);
  });

  it("joins a report giving a day of the week that is the event's day, where no report of the event gives a place", () => {
    const weekday = (f: Fact, wd: number): Fact => Object.assign(f, { value: { ...f.value, date: { relative: true, iso: null, weekday: wd } } });
    // 2024-06-12 was a Wednesday (3).
    const fits = eventsAcross([event('dated', 'visit', '2024-06-12', [TOKAYEV, PUTIN]), weekday(event('wednesday', 'visit', null, [PUTIN, TOKAYEV], ASTANA), 3)]);
    expect(fits).toHaveLength(1);
    const other = eventsAcross([event('dated', 'visit', '2024-06-12', [TOKAYEV, PUTIN]), weekday(event('sunday', 'visit', null, [PUTIN, TOKAYEV], ASTANA), 7)]);
    expect(other).toHaveLength(2);
  });

  it('keeps apart two reports of the same persons on different days of an unknown year', () => {
    const records = eventsAcross([
      yearless(event('may', 'call', null, [TOKAYEV, PUTIN]), '--05-15'),
      yearless(event('dec', 'call', null, [TOKAYEV, PUTIN]), '--12-29'),
    ]);
    expect(records).toHaveLength(2);
  });

  it('does not join an undated report to an event whose reports disagree on the place it names', () => {
    const records = eventsAcross([
      event('astana', 'meeting', '2022-10-13', [TOKAYEV, ERDOGAN], ASTANA),
      event('aside', 'visit', '2022-10-13', [TOKAYEV, ERDOGAN], BAKU),
      event('undated', 'meeting', null, [TOKAYEV, ERDOGAN], BAKU),
    ]);
    expect(docsOf(records.find((r) => docsOf(r).includes('undated'))!)).toEqual(['undated']);
  });

  it('joins an undated call to the one call of the same persons, and to none when they had two', () => {
    const one = eventsAcross([event('dated', 'call', '2025-12-30', [TOKAYEV, PUTIN]), event('undated', 'call', null, [PUTIN, TOKAYEV])]);
    expect(one).toHaveLength(1);
    const two = eventsAcross([
      event('may', 'call', '2024-05-17', [TOKAYEV, ERDOGAN]),
      event('feb', 'call', '2024-02-26', [TOKAYEV, ERDOGAN]),
      event('undated', 'call', null, [ERDOGAN, TOKAYEV]),
    ]);
    expect(two).toHaveLength(3);
    const another = eventsAcross([event('dated', 'call', '2025-12-30', [TOKAYEV, PUTIN]), event('undated', 'call', null, [PUTIN, MIRZIYOYEV])]);
    expect(another).toHaveLength(2);
    // a call of theirs that names a third person too is still a call of theirs
    const third = eventsAcross([
      event('august', 'call', '2025-08-10', [TOKAYEV, PUTIN, ERDOGAN]),
      event('december', 'call', '2025-12-06', [TOKAYEV, PUTIN]),
      event('undated', 'call', null, [PUTIN, TOKAYEV]),
    ]);
    expect(third).toHaveLength(3);
  });

  it('joins an undated report naming the visitor alone to the visit of that person in that city', () => {
    const records = eventsAcross([
      event('dated', 'visit', '2024-08-22', [TOKAYEV, MIRZIYOYEV], TASHKENT),
      event('visitor', 'visit', null, [TOKAYEV], TASHKENT),
      event('elsewhere', 'visit', null, [TOKAYEV], MOSCOW),
    ]);
    expect(docsOf(records.find((r) => docsOf(r).includes('dated'))!)).toEqual(['dated', 'visitor']);
  });

  it('joins the visitor alone in a city to the visit no report places, when it is to that city’s state', () => {
    const records = eventsAcross([
      event('dated', 'visit', '2024-08-22', [TOKAYEV, MIRZIYOYEV]),
      event('visitor', 'visit', null, [TOKAYEV], TASHKENT),
      event('elsewhere', 'visit', null, [TOKAYEV], MOSCOW),
    ]);
    expect(docsOf(records.find((r) => docsOf(r).includes('dated'))!)).toEqual(['dated', 'visitor']);
    expect(docsOf(records.find((r) => docsOf(r).includes('elsewhere'))!)).toEqual(['elsewhere']);
  });

  it('joins undated talks of the two persons in a city of the host’s state to the visit no report places, not a summit there', () => {
    const AZ_BAKU: EventPlace = { name: 'Baku', country: 'AZ', text: 'Baku' };
    const ALIYEV: LeaderValue = { id: 'ilham-aliyev', name: 'Ilham Aliyev', role: 'President', country: 'AZ' };
    const talks = eventsAcross([event('dated', 'visit', '2022-08-24', [TOKAYEV, ALIYEV]), event('talks', 'meeting', null, [TOKAYEV, ALIYEV], AZ_BAKU)]);
    expect(talks.map(docsOf)).toEqual([['dated', 'talks']]);
    const summit = eventsAcross([event('dated', 'visit', '2022-08-24', [TOKAYEV, ALIYEV]), event('summit', 'summit', null, [TOKAYEV, ALIYEV], AZ_BAKU)]);
    expect(summit.map(docsOf).sort()).toEqual([['dated'], ['summit']]);
  });

  it('takes undated talks naming one person in a city of another state for that person’s visit', () => {
    const records = eventsAcross([
      event('dated', 'visit', '2024-08-22', [TOKAYEV, MIRZIYOYEV], TASHKENT),
      event('abroad', 'meeting', null, [TOKAYEV], TASHKENT),
      event('home', 'meeting', null, [MIRZIYOYEV], TASHKENT),
    ]);
    expect(docsOf(records.find((r) => docsOf(r).includes('dated'))!)).toEqual(['abroad', 'dated']);
  });

  it('joins an undated report of the visitor and the host to the visit its other reports name the visitor alone in', () => {
    const records = eventsAcross([
      event('alone', 'visit', null, [PUTIN], ASTANA),
      event('both', 'visit', null, [PUTIN, TOKAYEV], AKORDA),
      event('others', 'visit', null, [PUTIN, ERDOGAN], ASTANA),
    ]);
    expect(records.map(docsOf).sort()).toEqual([['alone', 'both'], ['others']]);
  });

  it('takes talks of a guest and a host in the host’s city for the guest’s visit, joined by a report naming the visitor alone', () => {
    const records = eventsAcross([
      event('talks', 'meeting', null, [PUTIN, MIRZIYOYEV], TASHKENT),
      event('arrival', 'visit', null, [PUTIN], TASHKENT),
      event('home', 'visit', null, [MIRZIYOYEV], TASHKENT),
    ]);
    expect(records.map(docsOf).sort()).toEqual([['arrival', 'talks'], ['home']]);
  });

  it('keeps a tour of several states apart from the visit to one of them', () => {
    const tour = event('tour', 'visit', '2024-08-22', [PUTIN]);
    Object.assign(tour.value, { countries: ['RU', 'KZ', 'UZ'] });
    const records = eventsAcross([event('visit', 'visit', '2024-08-22', [PUTIN, TOKAYEV], AKORDA), tour]);
    expect(records.map(docsOf).sort()).toEqual([['tour'], ['visit']]);
  });

  it('joins a report giving only the day of the week to the event on that day, not to one on another day', () => {
    const weekday = (f: Fact, wd: number): Fact => Object.assign(f, { value: { ...f.value, date: { relative: true, iso: null, weekday: wd } } });
    const records = eventsAcross([
      event('saturday', 'call', '2025-05-17', [TOKAYEV, ERDOGAN]), // a Saturday
      event('monday', 'call', '2024-02-26', [TOKAYEV, ERDOGAN]), // a Monday
      weekday(event('undated', 'call', null, [ERDOGAN, TOKAYEV]), 6),
    ]);
    expect(docsOf(records.find((r) => docsOf(r).includes('undated'))!)).toEqual(['saturday', 'undated']);
  });
});
