// People the gazetteer lacks, by how news writes a personal name: a known first name (in any case)
// followed by one to three name words ("Фолькера Буфье", "Дэйв Бинг", "Доминик де Вильпен"), or
// initials and a surname ("В. Путин", "Д.Петреус", "К.-Ж. Токаев"), with a Latin spelling in
// parentheses after it ("Дэйв Бинг (Dave Bing)"). Whether such a person is a leader is decided by
// the caller (a title next to one of its mentions); surname keys tie the mentions of one person.
import { overlapTest } from '../../refine/overlaps.js';
import { leadMatches } from '../../rules/leads.js';
import type { Compiled } from './compile.js';
import type { Case } from './data.js';
import { isCountry, isNotName } from './match.js';

export interface Person {
  start: number;
  end: number;
  /** Name words as written (initials not included). */
  words: string[];
  /** The first name's nominative and the case it is written in, when the name starts with one. */
  given: { nom: string; case: Case } | null;
  initials: string | null;
  /** The surname's key: lower case, ё as е, one case ending removed. */
  key: string;
  /** Two or three capitalised words with no known first name: a name only right after a title. */
  weak: boolean;
}

/** Case endings removed for a surname key, longest first ("Путиным" → путин, "Меркели" → меркел). */
const KEY_ENDINGS = ['ого', 'ому', 'ыми', 'ой', 'ою', 'ей', 'ею', 'ем', 'ом', 'ым', 'им', 'а', 'у', 'е', 'ы', 'и', 'ю', 'я', 'ь', 'й'];

export function surnameKey(word: string): string {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  for (const e of KEY_ENDINGS) if (w.endsWith(e) && w.length - e.length >= 3) return w.slice(0, w.length - e.length);
  return w;
}

/** Places written like initials and a name ("С.-Петербург", "Н.Новгород"). */
const PLACE_AFTER_INITIAL = ['Петербург', 'Новгород', 'Новгорода', 'Петербурга', 'Петербурге', 'Новгороде'];

const hasCyrillic = (w: string): boolean => {
  for (const ch of w) if (ch >= 'Ѐ' && ch <= 'ӿ') return true;
  return false;
};

/** A country's form, or (where suffixes follow words) its form and suffixes; or a title's word ("Премьер-министрі"). */
function isCountryWord(c: Compiled, word: string): boolean {
  return isCountry(c, word) || c.titleWords.has(word.toLowerCase());
}

function nameWordOk(c: Compiled, word: string, cyr: boolean): boolean {
  return hasCyrillic(word) === cyr && !isNotName(c, word) && !isCountryWord(c, word);
}

/** Whether a country's name of several words begins at words[i] ("Оңтүстік Корея", "Южной Кореи" are places, not people). */
function countryAt(c: Compiled, words: readonly Word[], i: number): boolean {
  const two = words.slice(i, i + 3).map((w) => w.text).join(' ');
  return c.countryForms.some((f) => f.form.includes(' ') && two.startsWith(f.form));
}

export function givenOf(c: Compiled, word: string): { nom: string; case: Case } | null {
  const plain = word.includes('ё') ? word.replace(/ё/g, 'е') : word;
  const whole = c.givenForms.get(plain);
  if (whole) return whole;
  // A compound first name whose first part is known ("Жан-Люк", "Мохаммад-Али").
  const dash = plain.indexOf('-');
  return dash > 0 && c.givenForms.get(plain.slice(0, dash))?.case === 'nom' ? { nom: word, case: 'nom' } : null;
}

type Word = { start: number; end: number; text: string };

/** The words of a run: what lies between spaces, tabs and no-break spaces. */
function wordsOf(run: string, base: number): Word[] {
  const out: Word[] = [];
  let start = -1;
  for (let i = 0; i <= run.length; i++) {
    const c = i < run.length ? run.charCodeAt(i) : 0x20;
    if (c === 0x20 || c === 0x09 || c === 0xa0) {
      if (start >= 0) out.push({ start: base + start, end: base + i, text: run.slice(start, i) });
      start = -1;
    } else if (start < 0) start = i;
  }
  return out;
}

/**
 * Every person is built here, in one shape (V8 recompiled the leader extractor when persons made
 * by spreading another met it). `key` defaults to the last word's.
 */
function person(
  words: Word[], given: Person['given'], initials: { start: number; text: string } | null,
  { weak = false, key }: { weak?: boolean; key?: string } = {},
): Person {
  const last = words[words.length - 1]!;
  return {
    start: initials ? initials.start : words[0]!.start,
    end: last.end,
    words: words.map((w) => w.text),
    given,
    initials: initials?.text.replace(/\s+/g, '') ?? null,
    key: key ?? surnameKey(last.text),
    weak,
  };
}

/** Every personal name in the text by first name or initials (before any notion of leader). */
export function findPersons(c: Compiled, text: string, taken: readonly { start: number; end: number }[]): Person[] {
  const out: Person[] = [];
  if (!c.givenForms.size) return out;
  const isTaken = overlapTest(taken);
  const free = (w: { start: number; end: number }) => !isTaken(w);
  for (const m of leadMatches(text, c.personRun)) {
    const wordsStart = m.index + (m.groups!.init?.length ?? 0);
    const all = wordsOf(m.groups!.words!, wordsStart).filter((w) => !c.particles.has(w.text));
    // A name already found (the gazetteer's) splits the run: "Билла Клинтона Джо Локхарту".
    const cut = all.findIndex((w) => !free(w));
    const init = cut === 0 ? undefined : m.groups!.init;
    for (const segment of cut < 0 ? [all] : splitTaken(all, free)) {
      out.push(...segmentPeople(c, segment, init && segment[0] === all[0] ? { start: m.index, text: init } : null));
    }
  }
  if (c.honorific) {
    const isPerson = overlapTest(out);
    for (const m of leadMatches(text, c.honorific)) {
      const name = m.groups!.name!;
      const start = m.index + m[0].length - name.length;
      const w = { start, end: start + name.length, text: name };
      if (free(w) && nameWordOk(c, name, hasCyrillic(name)) && !isPerson(w)) out.push(person([w], null, null));
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

function splitTaken(words: Word[], free: (w: Word) => boolean): Word[][] {
  const out: Word[][] = [[]];
  for (const w of words) {
    if (free(w)) out[out.length - 1]!.push(w);
    else if (out[out.length - 1]!.length) out.push([]);
  }
  return out.filter((s) => s.length);
}

/** The people in one run of capitalised words (after initials, if any). */
function segmentPeople(c: Compiled, words: Word[], initials: { start: number; text: string } | null): Person[] {
  const out: Person[] = [];
  let i = 0;
  let done = 0;
  if (initials && words.length) {
    const first = words[0]!;
    if (nameWordOk(c, first.text, hasCyrillic(first.text)) && !PLACE_AFTER_INITIAL.includes(first.text) && [...first.text].length >= 2) {
      out.push(person([first], null, initials));
    }
    i = done = 1;
  }
  while (i < words.length) {
    const given = givenOf(c, words[i]!.text);
    if (!given) {
      i++;
      continue;
    }
    const cyr = hasCyrillic(words[i]!.text);
    let j = i + 1;
    while (j < words.length && j <= i + 3 && nameWordOk(c, words[j]!.text, cyr) && !startsName(c, words, i, j)) j++;
    if (j === i + 1) {
      i++;
      continue;
    }
    // "Орлова Игоря Анатольевича": surname, first name, patronymic.
    const surnameFirst = j === i + 2 && i > done && c.patronymic.test(words[i + 1]!.text) && nameWordOk(c, words[i - 1]!.text, cyr);
    if (surnameFirst) out.push(person(words.slice(i - 1, j), given, null, { key: surnameKey(words[i - 1]!.text) }));
    else {
      if (i - done >= 2) out.push(...weakPeople(c, words.slice(done, i)));
      out.push(person(words.slice(i, j), given, null));
    }
    i = done = j;
  }
  if (words.length - done >= 2) out.push(...weakPeople(c, words.slice(done)));
  return out;
}

/** Whether words[j] begins the next person's name: a first name, two words on from the last one, with a word after it. */
function startsName(c: Compiled, words: Word[], i: number, j: number): boolean {
  return j >= i + 2 && j + 1 < words.length && givenOf(c, words[j]!.text) !== null;
}

/** Adjective endings: a capitalised adjective starts a place or a body, not a name ("Южной Кореи"). */
const ADJECTIVE = /(?:ый|ой|ая|ое|ые|ого|ому|ым|ыми|ых|ую|ский|ская|ского|ской|скому|ском|ским|ских|цкий|цкой|ний|няя|нее|него|нему|ней|нюю)$/u;

/** Two or three name-like Cyrillic words in a row ("Хакубун Симомура", "Йост де Ягер"). */
function weakPeople(c: Compiled, words: Word[]): Person[] {
  const ok = words.map((w) => hasCyrillic(w.text) && nameWordOk(c, w.text, true));
  for (let i = 0; i + 1 < words.length; i++) {
    if (!ok[i] || !ok[i + 1] || ADJECTIVE.test(words[i]!.text) || countryAt(c, words, i)) continue;
    const j = i + 2 < words.length && ok[i + 2] && words.length - i === 3 ? i + 3 : i + 2;
    return [person(words.slice(i, j), null, null, { weak: true })];
  }
  return [];
}
