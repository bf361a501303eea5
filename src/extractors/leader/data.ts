// The leader extractor's data: the gazetteer, the countries and each language's rules, as typed
// records read from rules/ (common/leaders.json, common/countries.json, common/translit.json,
// <lang>/leader.json).
import { byCodeUnits } from '../../text/order.js';
import { loadRules } from '../../rules/load.js';
import type { SupportedLang } from '../../types.js';

export interface Role {
  role: string;
  from: string;
  to: string | null;
}

export interface Leader {
  id: string;
  name: string;
  country: string | null;
  organization?: string;
  roles: Role[];
  /** Base (nominative) name forms by language. */
  names: Record<SupportedLang, string[]>;
  /** Forms that may stand alone (a surname); default: the last word of each base form. */
  alone?: string[];
  /** Forms that stand alone only in a document that names the leader in full (Xi, Си). */
  aloneIfNamed?: string[];
}

export interface Country {
  code: string;
  /** Written forms by form set ("ru", "ru.gen", "en.adj"...). */
  forms: Record<string, string[]>;
}

export type Case = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'pre' | 'fem';

export interface DeclensionClass {
  match: string;
  strip: number;
  lemmatize?: boolean;
  forms: Partial<Record<Case, string[]>>;
  /** Plural endings, for titles only ("кандидат в президенты", "лидеров"). */
  plural?: string[];
}

export interface TitleRule {
  phrase: string;
  role: string;
  /** How many leading words decline (Russian; default 1). */
  inflect?: number;
  /** A bare title word that may take a complement ("министр обороны"). */
  complements?: boolean;
  /** A monarch's title: a one-word name suffices (король Абдалла, Император Акихито). */
  single?: boolean;
}

/** How names and titles take case: declension classes, a suffix chain after the word, or none. */
export type Inflection = 'declension' | 'suffix-chain' | 'none';

export interface LeaderRules {
  /** Absent: none. */
  inflection?: Inflection;
  /** Whose base name forms (`Leader.names`) a text in this language writes, in order (absent: its own). */
  nameForms?: SupportedLang[];
  /** The script a name word must be written in (absent: any). */
  nameScript?: string;
  /** The form sets of `Country.forms` a title's country is written in (absent: none). */
  countryForms?: string[];
  /** A country may stand before a title; up to `after` may follow it, each after `join` (absent: no country). */
  titleCountry?: { before: boolean; after: number; join?: string };
  titles: TitleRule[];
  particles: string[];
  givenNames: string[];
  /** East Asian family names, written first: they start a name like a first name (Ли Пэн). */
  familyFirst?: string[];
  /** Words before a surname that make it a person's (господин, миссис); Russian ones decline. */
  honorifics?: string[];
  notNames: string[];
  surnameEnding: string;
  placeBefore: string[];
  orgAfter: string;
  /** What may sit between a title and a name (a quoted body, an age). */
  skip: string;
  /**
   * Where headlines capitalise every word but these short ones (English title case: "Tokayev Holds
   * Strategic Talks with Macron"), a name next to a title is not read from such a line: its
   * capitals say nothing of names.
   */
  titleCaseMinor?: string[];
  /** What joins a name to a title after it ("Андрей Клишас, глава комитета"). */
  before: string;
  /** A patronymic, the middle word of a three-word name. */
  patronymic: string;
  /**
   * A word that, mid-sentence right before a gazetteer surname on its own, is taken for another
   * person's first name though `givenNames` lacks it (Ivanka Trump); not a title's, a country's
   * or a `notNames` word. Absent: only `givenNames` count.
   */
  firstNameBefore?: string;
  /** What, right before a title (or its country), makes it a past one ("бывший", "former"); absent: none. */
  former?: string;
  /** What, right before a title, makes it a relative's ("дочь действующего"); absent: none. */
  kinBefore?: string;
  /** What, right after a title, makes it a relative's ("президентінің қызы", "President's daughter"); absent: none. */
  kinAfter?: string;
  declension?: DeclensionClass[];
  complements?: string[];
  suffixes?: string[];
  stripSuffixes?: string[];
  maxSuffixes?: number;
}

export const leaders = (): Leader[] => loadRules<{ leaders: Leader[] }>('common', 'leaders').leaders;

export const countries = (): { countries: Country[]; organizations: Country[] } =>
  loadRules<{ countries: Country[]; organizations: Country[] }>('common', 'countries');

export const leaderRules = (lang: SupportedLang): LeaderRules => loadRules<LeaderRules>(lang, 'leader');

/** Cyrillic to Latin: letters, then what context changes (rules/common/translit.json). */
export interface Translit {
  translit: Record<string, string>;
  digraphs?: Record<string, string>;
  /** Letter pairs written otherwise at the end of a word (Дмитрий → Dmitry, Зеленский → Zelensky). */
  final?: Record<string, string>;
  initial?: Record<string, string>;
  afterVowel?: Record<string, string>;
  vowels?: string;
}

/** Cyrillic to Latin, for ids and English names of persons in every language. */
export const translit = (): Translit => loadRules<Translit>('common', 'translit');

/** Base name forms of a leader as a language writes them (Kazakh text also writes names the Russian way). */
export function baseForms(leader: Leader, lang: SupportedLang): string[] {
  return [...new Set((leaderRules(lang).nameForms ?? [lang]).flatMap((l) => leader.names[l] ?? []))];
}

/**
 * The role held on `iso` (YYYY-MM-DD); on a date after every role, the last one, marked `former`;
 * on a date before them all, none. Without a date, the current role, else the latest.
 */
export function roleAt(leader: Leader, iso: string | undefined): (Role & { former?: boolean }) | null {
  const roles = [...leader.roles].sort((a, b) => byCodeUnits(b.from, a.from));
  if (iso) {
    const held = roles.find((r) => r.from <= iso && (r.to === null || iso <= r.to));
    if (held) return held;
    const past = roles.find((r) => r.to !== null && r.to < iso);
    return past ? { ...past, former: true } : null;
  }
  return roles.find((r) => r.to === null) ?? roles[0] ?? null;
}

/** How a past role is reported: "Former President" (a role that says it already is, as is). */
export function formerRole(role: string | null | undefined): string | null {
  if (!role) return null;
  return /^former\b/iu.test(role) ? role : `Former ${role}`;
}

/** Whether the leader held any role on `iso`. */
export function activeAt(leader: Leader, iso: string | undefined): boolean {
  if (!iso) return leader.roles.some((r) => r.to === null);
  return leader.roles.some((r) => r.from <= iso && (r.to === null || iso <= r.to));
}
