// The leader extractor: gazetteer names (every inflected form → one id), surnames alone, and
// titled people the gazetteer lacks. The span is the name as written; an adjacent title goes
// into value.title. See rules/common/leaders.json and rules/<lang>/leader.json.
import { perLang } from '../../rules/load.js';
import { leadMatches } from '../../rules/leads.js';
import type { ExtractContext, Extractor, LeaderValue, Match, SupportedLang } from '../../types.js';
import { CoveredSpans } from '../../refine/overlaps.js';
import { firstNotBefore } from '../../text/bisect.js';
import { compileLang, type Compiled } from './compile.js';
import { formerRole, roleAt } from './data.js';
import {
  blocked, findGazetteer, findTitles, fuzzyLeader, idOf, isCountry, initialLeader, isNotName, kinAgrees, nominative, readName, readNameBefore, sameFirstName,
  type GazetteerHit, type NameHit, type Span, type TitleHit,
} from './match.js';
import { findPersons, givenOf, surnameKey, type Person } from './persons.js';
import { declinedNominative, latinName, unsuffixedNominative } from './normalize.js';

const compiled = perLang((lang: SupportedLang) => compileLang(lang));

const CONFIDENCE = { gazetteer: 0.9, surname: 0.8, fuzzy: 0.75, discovered: 0.6, mention: 0.5 } as const;

/** A gazetteer leader's value: the role held on the document's date, or a past one ("Former President"). */
function gazetteerValue(c: Compiled, hit: GazetteerHit, iso: string | undefined, t: TitleHit | undefined, text: string): LeaderValue {
  const leader = c.leaders[hit.index]!;
  const held = roleAt(leader, iso);
  const role = held?.former || t?.former ? formerRole(held?.role) : held?.role ?? null;
  return { id: leader.id, name: leader.name, role, country: leader.country, title: t ? text.slice(t.start, t.end) : null };
}

/** The first title whose name starts at each offset (only spaces, commas and skipped words between them). */
function titlesByNameStart(titles: readonly TitleHit[], names: ReadonlyMap<TitleHit, NameHit | null>): Map<number, TitleHit> {
  const out = new Map<number, TitleHit>();
  for (const t of titles) {
    const start = names.get(t)?.start;
    if (start !== undefined && t.end <= start && !out.has(start)) out.set(start, t);
  }
  return out;
}

const LETTER = /\p{L}/u;

/**
 * Is the span in a line written in title case (a headline: "President Tokayev Holds Strategic
 * Talks with Macron"): four to twenty words of four letters or more, every one capitalised but the
 * `minor` ones?
 */
function inTitleCaseLine(text: string, span: Span, minor: ReadonlySet<string>): boolean {
  const from = text.lastIndexOf('\n', span.start) + 1;
  const to = text.indexOf('\n', span.end);
  const words = text.slice(from, to < 0 ? text.length : to).match(/\p{L}[\p{L}'’-]{3,}/gu) ?? [];
  return words.length >= 4 && words.length <= 20 && words.every((w) => /^\p{Lu}/u.test(w) || minor.has(w));
}

/** Every leader match is built here, in one shape. */
function leaderMatch(start: number, end: number, value: LeaderValue, rule: string, confidence: number): Match<'leader'> {
  return { type: 'leader', start, end, value, rule, confidence };
}

function extract(ctx: ExtractContext): Match<'leader'>[] {
  const c = compiled(ctx.lang);
  const { text } = ctx;
  const iso = ctx.docDate?.iso;
  const hits = findGazetteer(c, text, iso);
  const titles = findTitles(c, text);
  const names = new Map(titles.map((t) => {
    const name = readName(c, text, t.end, t.single);
    return [t, name && kinAgrees(c, t, name.words[0]!) ? name : null] as const;
  }));
  const titleOfName = titlesByNameStart(titles, names);
  const out: Match<'leader'>[] = [];
  // What `out` covers, asked in time proportional to a name's length, not to the facts found.
  const covered = new CoveredSpans(text.length);
  const push = (m: Match<'leader'>) => {
    out.push(m);
    covered.add(m);
  };
  for (const hit of hits) {
    const t = titleOfName.get(hit.start);
    const value = gazetteerValue(c, hit, iso, t, text);
    push(leaderMatch(hit.start, hit.end, value, `leader.${c.lang}.${hit.kind}${t ? '-title' : ''}`, CONFIDENCE[hit.kind]));
  }

  const taken = (s: Span) => covered.overlaps(s);
  /** Surname key → the fact that names the person first (its value is shared by later mentions). */
  const people = new Map<string, Match<'leader'>>();
  for (const t of titles) {
    for (const [name, rule] of [[names.get(t), 'title-name'], [readNameBefore(c, text, t.start), 'name-title']] as const) {
      if (!name || taken(name) || (c.titleCaseMinor && inTitleCaseLine(text, name, c.titleCaseMinor))) continue;
      const m = discovered(c, ctx, name, t, rule);
      push(m);
      if ((name.words.length > 1 || c.surnameEnding.test(name.words[0]!)) && m.rule.endsWith(rule)) {
        const key = surnameKey(nominative(c, name, t).at(-1)!);
        if (!people.has(key)) people.set(key, m);
      }
    }
  }

  // Named people (first name or initials) next to a title, then every other mention of them.
  const persons = findPersons(c, text, out).filter((p) => !taken(p));
  // People who share a surname but not a first name are different people ("Елена" and "Игорь Малашенко").
  const keys = personKeys(c, persons, people);
  const keyOf = (p: Person) => keys.get(p)!;
  const byKey = new Map<string, Person[]>();
  for (const p of persons) {
    const same = byKey.get(keyOf(p));
    if (same) same.push(p);
    else byKey.set(keyOf(p), [p]);
  }
  for (const p of persons) {
    const key = keyOf(p);
    if (people.has(key)) continue;
    const t = titleNear(text, titles, p);
    if (!t || (p.weak && !titleJustBefore(c, text, titles, p)) || (t.end <= p.start && !kinAgrees(c, t, p.words[0]!))) continue;
    const m = titledPerson(c, ctx, byKey.get(key)!, t);
    people.set(key, m);
  }
  for (const p of persons) {
    const owner = people.get(keyOf(p));
    if (!owner || taken(p) || (p.weak && !titleJustBefore(c, text, titles, p))) continue;
    const t = titleNear(text, titles, p);
    push(leaderMatch(
      p.start, p.end,
      { ...owner.value, title: t && adjacent(text, t, p) ? text.slice(t.start, t.end) : null },
      `leader.${c.lang}.${t ? 'titled-person' : 'person-mention'}`,
      t ? CONFIDENCE.discovered : CONFIDENCE.mention,
    ));
  }
  if (people.size) {
    // The same full name written again ("… Muratbek Azymbakiev noted"), as first written: one
    // scan for all of them, longest first. Built per document, so not through the rules' regex().
    const byWritten = new Map<string, Match<'leader'>>();
    for (const owner of people.values()) {
      const written = text.slice(owner.start, owner.end);
      if (/\s/u.test(written) && !byWritten.has(written)) byWritten.set(written, owner);
    }
    if (byWritten.size) {
      // A plain alternation (no Unicode classes to compile for each document); word edges checked after.
      const alts = [...byWritten.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
      for (const m of text.matchAll(new RegExp(alts.join('|'), 'g'))) {
        const span = { start: m.index, end: m.index + m[0].length };
        if (LETTER.test(text[span.start - 1] ?? '') || LETTER.test(text[span.end] ?? '') || taken(span)) continue;
        const owner = byWritten.get(m[0])!;
        push(leaderMatch(span.start, span.end, { ...owner.value, title: null }, `leader.${c.lang}.person-mention`, CONFIDENCE.mention));
      }
    }
    for (const m of leadMatches(text, c.capWord)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if ([...m[0]].length < 4 || taken(span) || isNotName(c, m[0])) continue;
      const owner = people.get(surnameKey(m[0]));
      // A word that may be a first name counts only as the surname its owner was first written with ("Мурси").
      if (!owner || (givenOf(c, m[0]) && text.slice(owner.start, owner.end).split(/\s+/).at(-1) !== m[0]) || blocked(c, text, span, true)) continue;
      push(leaderMatch(span.start, span.end, { ...owner.value, title: null }, `leader.${c.lang}.surname-mention`, CONFIDENCE.mention));
    }
  }
  // A gazetteer leader named in full may be called by first name alone ("рад за Бориса и Кэрри"),
  // when no other person found in the document shares that first name.
  const named = new Map<string, Match<'leader'>>();
  for (const o of out) {
    if (!o.rule.includes('.gazetteer') || !/\s/u.test(text.slice(o.start, o.end))) continue;
    const first = givenOf(c, text.slice(o.start, o.end).split(/\s+/)[0]!)?.nom;
    if (!first) continue;
    const owner = named.get(first);
    if (owner && owner.value.id !== o.value.id) named.set(first, { ...owner, value: { ...owner.value, id: '' } });
    else named.set(first, o);
  }
  if (named.size) {
    for (const m of leadMatches(text, c.capWord)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const first = givenOf(c, m[0])?.nom;
      const owner = first ? named.get(first) : undefined;
      if (!owner?.value.id || taken(span) || /^[ \t\u00a0]+\p{Lu}/u.test(text.slice(span.end, span.end + 3))) continue;
      push(leaderMatch(span.start, span.end, { ...owner.value, title: null }, `leader.${c.lang}.first-name-mention`, CONFIDENCE.mention));
    }
  }
  // A Latin spelling in parentheses right after a name ("Дэйв Бинг (Dave Bing)") is the same person.
  for (const o of [...out]) {
    const m = c.latinAfter.exec(text.slice(o.end, o.end + 80));
    if (!m?.groups?.latin) continue;
    const start = o.end + m.index + m[0].indexOf('(') + 1;
    const span = { start, end: start + m.groups.latin.length };
    if (!taken(span)) push(leaderMatch(span.start, span.end, { ...o.value, title: null }, `leader.${c.lang}.latin-spelling`, CONFIDENCE.mention));
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Each person's key: its surname's, unless a person of that surname with another first name owns
 * it (found by title, or earlier in the text); then the surname's and the first name's.
 */
function personKeys(c: Compiled, persons: readonly Person[], people: ReadonlyMap<string, Match<'leader'>>): Map<Person, string> {
  const clusters = new Map<string, { key: string; first: string | null }[]>();
  const out = new Map<Person, string>();
  for (const p of persons) {
    const first = p.given?.nom ?? p.initials;
    let list = clusters.get(p.key);
    if (!list) {
      const owner = people.get(p.key);
      list = owner ? [{ key: p.key, first: owner.value.name }] : [];
      clusters.set(p.key, list);
    }
    const same = list.find((r) => r.first === null || !first || sameFirstName(c, first, r.first));
    if (same) {
      if (same.first === null) same.first = first;
      out.set(p, same.key);
      continue;
    }
    const key = list.length ? `${p.key}\u0000${first}` : p.key;
    list.push({ key, first });
    out.set(p, key);
  }
  return out;
}

/**
 * How far (in characters, on one line) a name may sit after a title's end, or before its start.
 * A title's complement may be long ("главы Администрации Советского района Уфы"), so a name with a
 * first name or initials may sit further than a weak one.
 */
const AFTER = 60;
const AFTER_NAMED = 100;
const BEFORE = 30;

/**
 * A title on the same line shortly before or after a span: the nearest before it, else the
 * nearest after it. Titles are in text order and do not overlap, so these are found by binary
 * search: a title further away is further still and has at least the same text in between.
 */
function titleNear(text: string, titles: readonly TitleHit[], p: Span & { weak?: boolean }): TitleHit | undefined {
  const after = p.weak ? AFTER : AFTER_NAMED;
  const k = titlesEndingBy(titles, p.start);
  const t = titles[k - 1];
  if (t && p.start - t.end <= after && !text.slice(t.end, p.start).includes('\n')) return t;
  const u = titles[firstStartingFrom(titles, p.end)];
  if (u && u.start - p.end <= BEFORE && !text.slice(p.end, u.start).includes('\n')) return u;
  return undefined;
}

/** How many titles end by `pos` (titles are in text order and do not overlap, so their ends are too). */
function titlesEndingBy(titles: readonly TitleHit[], pos: number): number {
  return firstNotBefore(titles, (t) => t.end <= pos);
}

/** The index of the first title that starts at `pos` or later. */
function firstStartingFrom(titles: readonly TitleHit[], pos: number): number {
  return firstNotBefore(titles, (t) => t.start < pos);
}

/**
 * A weak name counts only a few words after a title: between them only lower-case words, a country,
 * an abbreviation, a quoted name or an age ("спикер парламента Грузии Шалва Папуашвили").
 */
function titleJustBefore(c: Compiled, text: string, titles: readonly TitleHit[], p: Span): boolean {
  const near: TitleHit[] = [];
  for (let k = titlesEndingBy(titles, p.start) - 1; k >= 0 && p.start - titles[k]!.end <= AFTER; k--) near.push(titles[k]!);
  return near.some((t) => {
    const between = text.slice(t.end, p.start).match(/«[^»]*»|[^\s,—–]+/gu) ?? [];
    return between.length <= 6 && between.every((w) => BETWEEN.test(w) || isCountry(c, w));
  });
}

const BETWEEN = /^(?:\p{Ll}[\p{Ll}-]*|\d+-\p{Ll}+|\p{Lu}{2,}\p{Ll}?|«[^»]*»|[()])$/u;

/** Only spaces, commas, dashes or a country between a title and a name: the title is the name's own. */
function adjacent(text: string, t: TitleHit, p: Span): boolean {
  const between = t.end <= p.start ? text.slice(t.end, p.start) : text.slice(p.end, t.start);
  return /^[\s,—–-]*$/u.test(between);
}

/** A person first seen next to a title: id and display name from its most nominative mention. */
function titledPerson(c: Compiled, ctx: ExtractContext, mentions: readonly Person[], t: TitleHit): Match<'leader'> {
  const best =
    mentions.find((p) => p.given?.case === 'nom') ??
    mentions.find((p) => p.given) ??
    mentions[0]!;
  // A declined first name tells the case of the words after it ("Фолькера Буфье").
  // A suffix chain follows the last word ("Абдул Ғани Барадармен").
  const written = c.rules.inflection === 'suffix-chain' ? unsuffixedNominative(best.words, c.rules.stripSuffixes ?? []) : best.words;
  const words = c.rules.inflection === 'declension' && best.given && best.given.case !== 'nom'
    ? [best.given.nom, ...declinedNominative(best.words.slice(1), best.given.case, c.rules.declension ?? [])]
    : best.initials ? [best.initials, ...written] : written;
  const name: NameHit = { start: best.start, end: best.end, words };
  // With no first name to tell its case, a name after a title is in the title's case ("послом Каземом Джалали").
  const inTitleCase = !best.given && !best.initials && c.rules.inflection === 'declension' && t.end <= best.start;
  return discovered(c, ctx, name, t, 'titled-person', !inTitleCase);
}

/**
 * A gazetteer leader a discovered name may be: by the whole name (another spelling), by its last two
 * words ("Мохаммад Ашраф Ғани" for "Ашраф Ғани"), or by an initial and a close surname ("А. Лукошенко").
 */
function knownLeader(c: Compiled, words: readonly string[], id: string): number {
  // Never someone whose first name differs ("Елена Малашенко" is not "Igor Malashenko").
  const same = (i: number) => i >= 0 && sameFirstName(c, words[0]!, c.leaders[i]!.name);
  const whole = fuzzyLeader(c, id);
  if (same(whole)) return whole;
  if (words.length >= 3) {
    const tail = fuzzyLeader(c, idOf(c, words.slice(-2)));
    if (tail >= 0 && sameFirstName(c, words.at(-2)!, c.leaders[tail]!.name)) return tail;
  }
  if (words.length === 2 && /^\p{Lu}\.(?:-?\p{Lu}\.)?$/u.test(words[0]!)) return initialLeader(c, words[0]!, words[1]!);
  return -1;
}

/** A titled person: a gazetteer leader under another spelling, or someone the gazetteer lacks. */
function discovered(c: Compiled, ctx: ExtractContext, name: NameHit, t: TitleHit, rule: string, lemmatized = false): Match<'leader'> {
  const words = lemmatized ? name.words : nominative(c, name, t);
  const id = idOf(c, words);
  const known = words.length > 1 ? knownLeader(c, words, id) : -1;
  const title = ctx.text.slice(t.start, t.end);
  const value: LeaderValue =
    known >= 0
      ? gazetteerValue(c, { start: name.start, end: name.end, index: known, kind: 'gazetteer' }, ctx.docDate?.iso, t, ctx.text)
      : { id, name: latinName(words.join(' '), c.translit), role: t.former ? formerRole(t.role) : t.role, country: t.country, title };
  return leaderMatch(name.start, name.end, value, `leader.${c.lang}.${rule}${known >= 0 ? '-fuzzy' : ''}`, known >= 0 ? CONFIDENCE.fuzzy : CONFIDENCE.discovered);
}

export const leaderExtractor: Extractor<'leader'> = { type: 'leader', extract };
