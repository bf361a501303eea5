// Finding leaders in a text: gazetteer full names, gazetteer surnames alone, titles, and people
// the gazetteer lacks, read from the capitalised words after a title.
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { leadMatches } from '../../rules/leads.js';
import { letterBag, type Compiled } from './compile.js';
import { activeAt } from './data.js';
import { caseOf } from './inflect.js';
import { kebabId, latinName, unsuffixedNominative, declinedNominative } from './normalize.js';

export interface Span {
  start: number;
  end: number;
}

export interface GazetteerHit extends Span {
  index: number;
  kind: 'gazetteer' | 'surname';
}

export interface TitleHit extends Span {
  /** End of the title proper, before any country. */
  role: string;
  country: string | null;
  /** The title's head word as written (to tell the case a declined title is in). */
  headWritten: string;
  head: string;
  /** A monarch's title, which a one-word name may follow. */
  single: boolean;
  /** Said to be past ("бывший президент", "former President"). */
  former: boolean;
  /** After a kinship word ("дочь президента"): see `kinAgrees`. */
  kin: boolean;
}

/**
 * Whether a name after a title may hold it: after a kinship word, only a name in the title's case
 * (its first word with an ending of that case) is the title's; otherwise it is the relative's.
 */
export function kinAgrees(c: Compiled, t: TitleHit, firstWord: string): boolean {
  if (!t.kin) return true;
  const table = c.rules.declension ?? [];
  if (!table.length) return false;
  const cs = caseOf(t.headWritten, t.head, table);
  if (cs === 'nom') return true;
  const word = firstWord.toLowerCase();
  return table.some((cls) => (cls.forms[cs] ?? []).some((e) => e !== '' && word.endsWith(e)));
}

export interface NameHit extends Span {
  words: string[];
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** The word before `pos` on the same line, if any. */
function wordBefore(text: string, pos: number): string | null {
  const m = /([\p{L}.]+)[ \t\u00a0]+$/u.exec(text.slice(Math.max(0, pos - 40), pos));
  return m ? m[1]! : null;
}

/** A first name: by its declined forms in a declining language, else by stem (suffixes may follow). */
export function isGivenName(c: Compiled, word: string): boolean {
  if (c.rules.inflection === 'declension') return c.givenForms.has(word.replace(/ё/g, 'е')) || c.givenForms.has(word.split('-')[0]!.replace(/ё/g, 'е'));
  return c.givenStems.some((g) => word.startsWith(g));
}

const NEXT_NAME = /^[ \t\u00a0]+\p{Lu}\p{Ll}/u;

/** A name that is really a place, an institution or a different person with the same surname. */
export function blocked(c: Compiled, text: string, hit: Span, surnameOnly: boolean): boolean {
  if (c.orgAfter.test(text.slice(hit.end, hit.end + 40))) return true;
  const before = wordBefore(text, hit.start);
  if (before && c.placeBefore.has(before)) return true;
  if (!surnameOnly) return false;
  // Another person's first name before it ("Брэндоном Джонсоном"), or it is a first name itself ("Мишель Ву").
  if (before !== null && /^\p{Lu}\p{Ll}/u.test(before) && isGivenName(c, before)) return true;
  if (before !== null && unknownFirstName(c, text, hit.start, before)) return true;
  return isGivenName(c, text.slice(hit.start, hit.end)) && NEXT_NAME.test(text.slice(hit.end, hit.end + 4));
}

/** A capitalised word mid-sentence right before a surname, which is no title, country or known non-name. */
function unknownFirstName(c: Compiled, text: string, pos: number, word: string): boolean {
  if (!c.firstNameBefore?.test(word) || c.titleWords.has(word.toLowerCase()) || isNotName(c, word) || isCountry(c, word)) return false;
  const lead = text.slice(Math.max(0, pos - 60), pos).trimEnd().slice(0, -word.length).trimEnd();
  return lead !== '' && !/[.!?:;"“«(\n]$/u.test(lead);
}

/** Chooses among leaders who share a surname: one named in full in the document, else one in office. */
function resolveOwner(c: Compiled, owners: number[], seen: ReadonlySet<number>, iso: string | undefined): number {
  return (
    owners.find((i) => seen.has(i)) ??
    owners.find((i) => activeAt(c.leaders[i]!, iso)) ??
    owners[0]!
  );
}

export function findGazetteer(c: Compiled, text: string, iso: string | undefined): GazetteerHit[] {
  const hits: GazetteerHit[] = [];
  for (const m of leadMatches(text, c.full)) {
    const hit = { start: m.index, end: m.index + m[0].length, index: c.fullLeader(m), kind: 'gazetteer' as const };
    if (hit.index >= 0 && !blocked(c, text, hit, false)) hits.push(hit);
  }
  const seen = new Set(hits.map((h) => h.index));
  // Full names are in text order and do not overlap, nor do surnames: one walk finds the full
  // name a surname may overlap.
  const full = hits.length;
  let f = 0;
  for (const m of leadMatches(text, c.surname)) {
    const j = c.surnameOf(m);
    const hit = { start: m.index, end: m.index + m[0].length, index: -1, kind: 'surname' as const };
    while (f < full && hits[f]!.end <= hit.start) f++;
    if (j < 0 || (f < full && overlaps(hits[f]!, hit)) || blocked(c, text, hit, !m.groups?.init)) continue;
    hits.push({ ...hit, index: resolveOwner(c, c.surnameOwners[j]!, seen, iso) });
  }
  // Short forms that stand alone only where the leader is named in full ("Xi" after "Xi Jinping").
  for (const i of seen) {
    const re = c.aloneIfNamed.get(i);
    if (!re) continue;
    for (const m of text.matchAll(re)) {
      const hit = { start: m.index, end: m.index + m[0].length, index: i, kind: 'surname' as const };
      if (!hits.some((h) => overlaps(h, hit)) && !blocked(c, text, hit, false)) hits.push(hit);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function countryOf(c: Compiled, written: string | undefined): string | null {
  if (!written) return null;
  const plain = written.replace(/ё/g, 'е');
  const hit = c.countryForms.find((f) => written.startsWith(f.form) || plain.startsWith(f.plain));
  return hit && !hit.org ? hit.code : null;
}

const HEAD_WORD = /^[^\s]*/u;

/** The first country group of a title match that names a country. */
function titleCountry(c: Compiled, m: RegExpExecArray): string | null {
  for (const g of c.countryGroups) {
    const code = countryOf(c, m.groups![g]);
    if (code) return code;
  }
  return null;
}

export function findTitles(c: Compiled, text: string): TitleHit[] {
  const out: TitleHit[] = [];
  for (const m of leadMatches(text, c.title)) {
    const [ts] = m.indices!.groups!.t!;
    let best: { role: string; head: string; len: number; single: boolean } | null = null;
    for (const t of c.titlesByPrefix.get(text.slice(ts, ts + 2).toLowerCase()) ?? []) {
      t.re.lastIndex = ts;
      const tm = t.re.exec(text);
      if (!tm) continue;
      const chain = c.titleChain ? stickyAt(c.titleChain, text, ts + tm[0].length) : null;
      const len = tm[0].length + (chain ? chain.end - chain.start : 0);
      if (!best || len > best.len) best = { role: t.rule.role, head: t.head, len, single: !!t.rule.single };
    }
    if (!best) continue;
    const end = m.index + m[0].length;
    // A relative's title ("президентінің қызы Иванка") names no one's office; after a kinship word
    // ("брата президента Джона Кеннеди", "дочь президента Иванку Трамп") only a name in the title's case is the title's.
    if (c.kinAfter?.test(text.slice(end, end + 40))) continue;
    const kin = !!c.kinBefore?.test(text.slice(Math.max(0, m.index - 60), m.index));
    const before = (pos: number) => text.slice(Math.max(0, pos - 40), pos);
    const former = !!c.former && (c.former.test(before(m.index)) || c.former.test(before(ts)));
    const headWritten = HEAD_WORD.exec(text.slice(ts, ts + 40))?.[0] ?? '';
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      role: best.role,
      country: titleCountry(c, m),
      headWritten,
      head: best.head,
      single: best.single,
      former,
      kin,
    });
  }
  return out;
}

type Token = { start: number; end: number; text: string };

function stickyAt(re: RegExp, text: string, pos: number): Token | null {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? { start: pos, end: pos + m[0].length, text: m[0] } : null;
}

/** A country's form, or (where suffixes follow words) a form of 4+ letters and its suffixes. */
export function isCountry(c: Compiled, word: string): boolean {
  const suffixed = c.rules.inflection === 'suffix-chain';
  return c.countryForms.some((f) => word === f.form || (suffixed && word.startsWith(f.form) && f.form.length >= 4));
}

/** Skips a separator of spaces and commas on one line. */
function skipSpace(text: string, pos: number, commas: boolean): number {
  const re = commas ? /[ \t\u00a0,]/ : /[ \t\u00a0]/;
  while (pos < text.length && re.test(text[pos]!)) pos++;
  return pos;
}

export function isNotName(c: Compiled, word: string): boolean {
  return c.notNames.has(word) || c.notNameStems.some((n) => word.startsWith(n));
}

/** A word that may be part of a person's name in this language (in its `nameScript`, if it has one): no title ("Президент Президент"). */
function nameLike(c: Compiled, word: string): boolean {
  return !isNotName(c, word) && !isCountry(c, word) && !c.titleWords.has(word.toLowerCase()) && (!c.nameScript || c.nameScript.test(word));
}

/** Keeps the words that form the name: from a known first name on; a non-name before two words is dropped. */
function trimName(c: Compiled, words: Token[]): Token[] {
  const anchor = words.findIndex((w, i) => i > 0 && isGivenName(c, w.text) && !isGivenName(c, words[0]!.text));
  if (anchor > 0) return words.slice(anchor);
  if (words.length === 3 && !isGivenName(c, words[0]!.text) && !c.patronymic.test(words[1]!.text)) return words.slice(1);
  return words;
}

function acceptName(c: Compiled, words: Token[], single: boolean): NameHit | null {
  const kept = trimName(c, words);
  if (!kept.length) return null;
  if (kept.length === 1 && !single && !c.surnameEnding.test(kept[0]!.text)) return null;
  return { start: kept[0]!.start, end: kept[kept.length - 1]!.end, words: kept.map((w) => w.text) };
}

/**
 * Reads capitalised name words at `pos` (after a title): first up to two things that are not names
 * (an abbreviation, a body, a country, a quoted name, an age), then 1–3 name words.
 */
export function readName(c: Compiled, text: string, pos: number, single: boolean): NameHit | null {
  let p = skipSpace(text, pos, true);
  for (let skipped = 0; skipped < 2; skipped++) {
    const skip = stickyAt(c.skip, text, p);
    const tok = skip ?? stickyAt(c.abbreviation, text, p) ?? stickyAt(c.nameWord, text, p);
    if (!tok || !(skip || isNotName(c, tok.text) || isCountry(c, tok.text) || /^\p{Lu}+$/u.test(tok.text))) break;
    p = skipSpace(text, tok.end, false);
  }
  const words: Token[] = [];
  while (words.length < 3) {
    const at = words.length ? skipSpace(text, p, false) : p;
    if (words.length && at === p) break;
    const tok = stickyAt(c.nameWord, text, at);
    if (!tok || !nameLike(c, tok.text)) break;
    words.push(tok);
    p = tok.end;
  }
  const roman = single && words.length ? /^[ \t]+[IVX]+(?![\p{L}\p{N}])/u.exec(text.slice(p, p + 8)) : null;
  const hit = acceptName(c, words, single);
  return hit && roman && hit.end === p ? { ...hit, end: p + roman[0].length } : hit;
}

/** Reads the name right before a title ("Андрей Клишас, глава комитета"): two or three words. */
export function readNameBefore(c: Compiled, text: string, titleStart: number): NameHit | null {
  const from = Math.max(0, titleStart - 120);
  const m = c.nameBefore.exec(text.slice(from, titleStart));
  if (!m?.groups?.name) return null;
  const base = from + m.index;
  const words: Token[] = [];
  for (const w of m.groups.name.matchAll(/\S+/gu)) {
    words.push({ start: base + w.index!, end: base + w.index! + w[0].length, text: w[0] });
  }
  const first = words.findIndex((w) => nameLike(c, w.text));
  const kept = first < 0 ? [] : words.slice(first);
  if (kept.length < 2 || !kept.every((w) => nameLike(c, w.text))) return null;
  // A venue, not a person ("At the Aksaray Palace, President …", "в резиденции Кохи Сомон, президент").
  const before = wordBefore(text, kept[0]!.start);
  if (before && c.placeBefore.has(before)) return null;
  return acceptName(c, kept, false);
}

/** The nominative-ish words of a discovered name, for its id and display name. */
export function nominative(c: Compiled, name: NameHit, title: TitleHit): string[] {
  const { inflection, declension = [], stripSuffixes = [] } = c.rules;
  if (inflection === 'suffix-chain') return unsuffixedNominative(name.words, stripSuffixes);
  if (inflection !== 'declension') return name.words;
  // A name after a title is in the title's case ("президента Ирана Ибрахима Раиси").
  return declinedNominative(name.words, caseOf(title.headWritten, title.head, declension), declension);
}

const fuzzyMemo = new Map<string, number>();

/**
 * A gazetteer leader whose name is close to a discovered one (Jaro–Winkler ≥ 0.95), or -1.
 * Jaro–Winkler ≥ t needs Jaro ≥ (t − 0.4) / 0.6 (0.9167 for 0.95), and Jaro is at most
 * (s/|a| + s/|b| + 1) / 3 when the strings share s letters: keys whose length or letters put them
 * below that are not compared. Answers are memoised per id, as the same names recur across a corpus.
 */
export function fuzzyLeader(c: Compiled, id: string, threshold = 0.95): number {
  const memoKey = `${c.lang}\u0000${threshold}\u0000${id}`;
  const known = fuzzyMemo.get(memoKey);
  if (known !== undefined) return known;
  let best = -1;
  let score = threshold;
  const n = id.length;
  const minJaro = (threshold - 0.4) / 0.6;
  const bag = letterBag(id);
  for (const k of c.fuzzyKeys) {
    const m = k.key.length;
    if (m < n * 0.75 || n < m * 0.75) continue;
    let shared = 0;
    for (let i = 0; i < 64; i++) shared += Math.min(bag[i]!, k.bag[i]!);
    if ((shared / n + shared / m + 1) / 3 < minJaro) continue;
    const s = JaroWinklerDistance(id, k.key);
    if (s >= score) {
      score = s;
      best = k.index;
    }
  }
  if (fuzzyMemo.size > 50_000) fuzzyMemo.clear();
  fuzzyMemo.set(memoKey, best);
  return best;
}

/**
 * Whether a first name (or initial) may be the same person's as a known name's first word: no
 * merging of "Елена Малашенко" with "Igor Malashenko". Compared in Latin letters; an initial
 * compares its letter.
 */
export function sameFirstName(c: Compiled, first: string | null, knownName: string): boolean {
  if (!first) return true;
  const a = latinName(first, c.translit).toLowerCase().replace(/[^\p{L}]/gu, '');
  const b = latinName(knownName.split(/\s+/)[0] ?? '', c.translit).toLowerCase().replace(/[^\p{L}]/gu, '');
  if (!a || !b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return JaroWinklerDistance(a, b) >= 0.8;
}

/** A gazetteer leader whose first name begins with the initial and whose surname is close (Jaro–Winkler ≥ 0.92), or -1. */
export function initialLeader(c: Compiled, initial: string, surname: string): number {
  const letter = kebabId(initial, c.translit)[0];
  const key = kebabId(surname, c.translit);
  let best = -1;
  let score = 0.92;
  c.leaders.forEach((l, i) => {
    if (l.name.toLowerCase()[0] !== letter) return;
    const last = kebabId(l.name.split(/\s+/).at(-1)!, c.translit);
    const s = JaroWinklerDistance(key, last);
    if (s >= score) {
      score = s;
      best = i;
    }
  });
  return best;
}

export function idOf(c: Compiled, words: readonly string[]): string {
  return kebabId(words.join(' '), c.translit);
}
