// Compiling a language's leader rules once: the gazetteer's full names and surnames, the titles
// with an optional country, and the pieces used to read a name after a title.
import { type LeadPlan, type LeadRegex, leadPlan, leadRegexOf } from '../../rules/leads.js';
import { compiledValue } from '../../rules/compiled.js';
import { LB, RB, branches, captureCount, escapeRe, lazyRegex, patternsAlt, regex, whichBranch } from '../../rules/regex.js';
import type { SupportedLang } from '../../types.js';
import {
  baseForms, countries, leaderRules, leaders, translit,
  type Country, type Leader, type LeaderRules, type TitleRule, type Translit,
} from './data.js';
import { eitherCase, suffixChain, literal, declinedForms, declinedName, declinedTitle, declinedWord, type Case } from './inflect.js';
import { kebabId } from './normalize.js';

/**
 * A name does not end where a word goes on after an apostrophe ("Xi" in "Xi’an", "O" in "O'Brien"),
 * only before a possessive "'s".
 */
const NO_APOSTROPHE_WORD = "(?!['’](?!s(?![\\p{L}\\p{N}_]))\\p{L})";

export interface CompiledTitle {
  rule: TitleRule;
  /** Sticky: tells which title a combined match began with (built on first use). */
  readonly re: RegExp;
  /** The title's first word as written in the rules (to tell the case a declined title is in). */
  head: string;
  /** Its first two letters in lower case: only titles sharing them are tried at a match. */
  prefix: string;
}

/** A country's or organisation's written form, as plain as a name is compared (ё written е), and its code. */
export interface CountryForm {
  form: string;
  plain: string;
  code: string;
  org: boolean;
}

/** A written form of a first name: its nominative and case. */
export interface GivenForm {
  nom: string;
  case: Case;
}

export interface Compiled {
  lang: SupportedLang;
  rules: LeaderRules;
  leaders: Leader[];
  /** Full names; `fullLeader(m)` is the index of the leader a match names. */
  full: LeadRegex;
  fullLeader(m: RegExpExecArray): number;
  /** Surnames alone, optionally after initials (group `init`); `surnameOf(m)` is j of surnameOwners[j]. */
  surname: LeadRegex;
  surnameOf(m: RegExpExecArray): number;
  surnameOwners: number[][];
  /** Per leader with `aloneIfNamed` forms: a regex of them (sticky-free, global), for documents naming the leader in full. */
  aloneIfNamed: Map<number, RegExp>;
  /** Title, optional complement and countries; groups t, c1, c2. */
  title: LeadRegex;
  titles: CompiledTitle[];
  /** The titles by `prefix`, in their order. */
  titlesByPrefix: Map<string, CompiledTitle[]>;
  /**
   * Sticky: the suffix chain of a `suffix-chain` language, matched after a title found by `titles`
   * (null in other languages). Kept out of each title's regex, so that each stays small.
   */
  titleChain: RegExp | null;
  /** The groups of `title` that may hold a country, in order of preference. */
  countryGroups: string[];
  /** A name word must be in this script (`nameScript`), or null. */
  nameScript: RegExp | null;
  /** Sticky: one name word (or a particle before one). */
  nameWord: RegExp;
  /** Sticky: what may sit between a title and a name. */
  skip: RegExp;
  /** The words a title-case line leaves in lower case (`LeaderRules.titleCaseMinor`), or null. */
  titleCaseMinor: Set<string> | null;
  /** Name words right before a title, joined to it by `before` (anchored at the end). */
  nameBefore: RegExp;
  patronymic: RegExp;
  /** Anchored at the end: what makes the title after it a past one, or a relative's; null when the language has none. */
  former: RegExp | null;
  kinBefore: RegExp | null;
  /** Anchored: see `LeaderRules.firstNameBefore`; null when the language has none. */
  firstNameBefore: RegExp | null;
  /** Every word of every title phrase, in lower case. */
  titleWords: Set<string>;
  /** Anchored at the start: what makes the title before it a relative's. */
  kinAfter: RegExp | null;
  notNameStems: string[];
  /** Every capitalised word (for later mentions of a discovered surname). */
  capWord: LeadRegex;
  /** Sticky: an abbreviation (МИД, ООН). */
  abbreviation: RegExp;
  countryForms: CountryForm[];
  orgAfter: RegExp;
  surnameEnding: RegExp;
  givenStems: string[];
  /** Every written form of a first name (ё written е) → its nominative and case; a declining language declines them. */
  givenForms: Map<string, GivenForm>;
  /** A run of capitalised words, optionally after initials ("К.-Ж. Токаев", "Фолькера Буфье"); group `init`. */
  personRun: LeadRegex;
  /** An honorific and a surname (господин Сагитов); group `name`. */
  honorific: LeadRegex | null;
  /** Anchored: a Latin name in parentheses right after a Cyrillic one; group `latin`. */
  latinAfter: RegExp;
  notNames: Set<string>;
  placeBefore: Set<string>;
  particles: Set<string>;
  translit: Translit;
  /** Transliterated keys of gazetteer names, for fuzzy matching of discovered names. */
  /** Gazetteer names as ids, with their letter bags (see `letterBag`) for a cheap bound before Jaro–Winkler. */
  fuzzyKeys: { key: string; index: number; bag: Uint8Array }[];
}

const NAME_WORD = '\\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+)*';

const PERSON_WORD = '\\p{Lu}\\p{Ll}+(?:[-\'’]\\p{Lu}?\\p{Ll}+)*';

const INITIALS = '(?:\\p{Lu}\\.[ \\t]?(?:-?\\p{Lu}\\.[ \\t]?)?)';

/** A name in any case (a suffix chain follows the whole alternation of names). */
function namePattern(rules: LeaderRules, form: string): string {
  return rules.inflection === 'declension' ? declinedName(form, rules.declension ?? []) : literal(form);
}

/**
 * A name's forms and, for each first name, patronymic and surname, the first name and patronymic
 * by which a speaker addresses the person ("Касым-Жомарт Кемелевич", "Serdar Gurbangulyevich").
 */
export function withAddressForms(forms: readonly string[], patronymic: RegExp): string[] {
  const out = [...forms];
  for (const f of forms) {
    const words = f.split(/\s+/);
    // "Ильхам Гейдар оглу Алиев": the patronymic may be a name and a particle.
    if (words.length >= 3 && words.length <= 4 && words.slice(1, -1).some((w) => patronymic.test(w))) out.push(words.slice(0, -1).join(' '));
  }
  return [...new Set(out)];
}

/** Forms of a leader that may stand alone: the `alone` override, else last words of 4+ letters. */
export function aloneForms(leader: Leader, lang: SupportedLang): string[] {
  if (leader.alone) return leader.alone;
  const lasts = baseForms(leader, lang)
    .map((f) => f.split(/\s+/).pop()!)
    .filter((w) => /^\p{Lu}/u.test(w) && [...w].length >= 4);
  return [...new Set(lasts)];
}

/**
 * Groups of alternatives as one alternation (see `branches`): `which(m)` is the index, in
 * `groups`, of the group that matched (-1 if none). Groups without alternatives are left out.
 * `source` and `alt` are plain data; `whichGroup(alt)` is `which` again.
 */
function groupAlt(groups: readonly string[][], groupsBefore = 0): { source: string; alt: GroupAlt } {
  const kept = groups.map((alts, i) => ({ alts, i })).filter((g) => g.alts.length);
  const b = branches(kept.map((g) => patternsAlt(g.alts)), groupsBefore);
  return { source: b.source, alt: { groups: b.groups, ids: kept.map((g) => g.i) } };
}

/** Which group of a `groupAlt` matched: each branch's capturing group, and its index among the groups. */
interface GroupAlt {
  groups: number[];
  ids: number[];
}

function whichGroup({ groups, ids }: GroupAlt): (m: RegExpExecArray) => number {
  const which = whichBranch(groups);
  return (m) => ids[which(m)] ?? -1;
}

function countryList(rules: LeaderRules): CountryForm[] {
  const { countries: cs, organizations: os } = countries();
  const formsOf = (c: Country): string[] => (rules.countryForms ?? []).flatMap((set) => c.forms[set] ?? []);
  const out = [
    ...cs.flatMap((c) => formsOf(c).map((form) => ({ form, plain: form.replace(/ё/g, 'е'), code: c.code, org: false }))),
    ...os.flatMap((c) => formsOf(c).map((form) => ({ form, plain: form.replace(/ё/g, 'е'), code: c.code, org: true }))),
  ];
  return out.sort((a, b) => b.form.length - a.form.length);
}

/** A title phrase, its first letter either case (a suffix chain follows the whole alternation of titles). */
function titlePattern(rules: LeaderRules, t: TitleRule): string {
  if (rules.inflection === 'declension') return declinedTitle(t.phrase, t.inflect ?? 1, rules.declension ?? []);
  return t.phrase.split(/\s+/).map((w, i) => (i === 0 ? eitherCase(w, literal(w)) : literal(w))).join('\\s+');
}

const NO_COUNTRY: NonNullable<LeaderRules['titleCountry']> = { before: false, after: 0 };

/**
 * Titles with their countries where the language puts them (`titleCountry`): before the title
 * ("Иран президенті", "Iranian President"), after it ("президента Ирана", "President of Iran"),
 * or both; a complement may follow the title ("министр обороны"). Groups t, compl, c1, c2...
 */
function titlePlan(rules: LeaderRules, titles: string[], country: string[], tail: string, complements: string): LeadPlan {
  const sep = '[ \\t\\u00a0]+';
  // A suffix chain is the same for every form, so it follows each alternation once.
  const countryAlt = patternsAlt(country) + tail;
  const titleAlt = patternsAlt(titles) + tail;
  const { before, join = '' } = rules.titleCountry ?? NO_COUNTRY;
  const groups = countryGroups(rules);
  const first = before ? `(?:(?<${groups[0]}>${countryAlt})${sep})?` : '';
  const compl = complements ? `(?:${sep}(?<compl>${complements}))?` : '';
  let rest = '';
  for (const g of groups.slice(before ? 1 : 0).reverse()) rest = `(?:${sep}${join}(?<${g}>${countryAlt})${RB}${rest})?`;
  // A match begins with the title, or with the country before it.
  return leadPlan(`${LB}${first}(?<t>${titleAlt})${RB}${compl}${rest}`, before ? [...titles, ...country] : titles, 'gud');
}

/** The names of the country groups of a title match: c1, c2... */
function countryGroups(rules: LeaderRules): string[] {
  const { before, after } = rules.titleCountry ?? NO_COUNTRY;
  const n = (before ? 1 : 0) + after;
  return Array.from({ length: n }, (_, i) => `c${i + 1}`);
}

function honorificPlan(honorifics: string[]): LeadPlan {
  return leadPlan(`${LB}${patternsAlt(honorifics)}[ \\t\\u00a0]+(?<name>${PERSON_WORD})${RB}`, honorifics);
}

/** First names and their forms: declined by the ending classes in a declining language, else as written. */
function givenFormsOf(rules: LeaderRules, names: readonly string[], family: readonly string[]): Map<string, GivenForm> {
  const decl = rules.declension ?? [];
  const out = new Map<string, GivenForm>(family.map((f) => [f, { nom: f, case: 'nom' }]));
  for (const nom of names) {
    const key = (w: string) => w.replace(/ё/g, 'е');
    if (rules.inflection !== 'declension') {
      out.set(key(nom), { nom, case: 'nom' });
      continue;
    }
    for (const [form, c] of declinedForms(nom, decl)) if (!out.has(key(form))) out.set(key(form), { nom, case: c });
  }
  return out;
}

/**
 * First names' forms as plain data: a line per nominative, then each form after a tab, as its
 * case alone (the nominative as written) or `case:form`.
 */
function packGivenForms(forms: Map<string, GivenForm>): string {
  const byNom = new Map<string, string[]>();
  for (const [form, { nom, case: c }] of forms) {
    const line = byNom.get(nom) ?? byNom.set(nom, []).get(nom)!;
    line.push(form === nom ? c : `${c}:${form}`);
  }
  return [...byNom].map(([nom, tokens]) => `${nom}\t${tokens.join('\t')}`).join('\n');
}

function unpackGivenForms(packed: string): Map<string, GivenForm> {
  const out = new Map<string, GivenForm>();
  if (!packed) return out;
  for (const line of packed.split('\n')) {
    const tokens = line.split('\t');
    const nom = tokens[0]!;
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i]!;
      const colon = t.indexOf(':');
      if (colon < 0) out.set(nom, { nom, case: t as Case });
      else out.set(t.slice(colon + 1), { nom, case: t.slice(0, colon) as Case });
    }
  }
  return out;
}

/**
 * What compiling a language's leader rules works out that is plain data, a pure function of the
 * rules: the regex sources with their leads, and the forms of names, titles and countries.
 */
interface Plan {
  full: LeadPlan;
  fullAlt: GroupAlt;
  surname: LeadPlan;
  surnameAlt: GroupAlt;
  surnameOwners: number[][];
  title: LeadPlan;
  /** Each title rule's own pattern, in the rules' order. */
  titleSources: string[];
  titleChain: string;
  countryForms: CountryForm[];
  /** See `packGivenForms`. */
  givenForms: string;
  honorific: LeadPlan | null;
  capWord: LeadPlan;
  personRun: LeadPlan;
  particleAlt: string;
  fuzzyKeys: { key: string; index: number }[];
}

export function planLang(lang: SupportedLang): Plan {
  const rules = leaderRules(lang);
  const list = leaders();
  // A suffix chain follows names, titles and countries.
  const tail = rules.inflection === 'suffix-chain' ? suffixChain(rules.suffixes ?? [], rules.maxSuffixes ?? 3) : '';

  const patronymic = regex(rules.patronymic, 'u');
  const fullNames = list.map((l) => withAddressForms(baseForms(l, lang), patronymic).map((f) => namePattern(rules, f)));
  const fullAlt = groupAlt(fullNames);

  const owners = new Map<string, number[]>();
  list.forEach((l, i) => {
    for (const s of aloneForms(l, lang)) owners.set(s, [...(owners.get(s) ?? []), i]);
  });
  const surnames = [...owners.keys()];
  const init = `(?<init>${INITIALS})`;
  const surnamePatterns = surnames.map((s) => namePattern(rules, s));
  const surnameAlt = groupAlt(surnamePatterns.map((p) => [p]), captureCount(init));

  const countryForms = countryList(rules);
  const titleSources = rules.titles.map((rule) => titlePattern(rules, rule));
  const complements = rules.complements?.length ? patternsAlt(rules.complements.map(literal)) : '';
  const particles = rules.particles;
  const particleAlt = particles.length ? `(?:(?:${particles.map(escapeRe).join('|')})(?:-|[ \\t]+))?` : '';
  const table = translit();
  return {
    full: leadPlan(`${LB}(?:${fullAlt.source})${tail}${RB}${NO_APOSTROPHE_WORD}`, fullNames.flat()),
    fullAlt: fullAlt.alt,
    // A match begins with a surname or with an initial ("В. Путин").
    surname: leadPlan(`${LB}${init}?(?:${surnameAlt.source})${tail}${RB}${NO_APOSTROPHE_WORD}`, [...surnamePatterns, '\\p{Lu}\\.']),
    surnameAlt: surnameAlt.alt,
    surnameOwners: surnames.map((s) => owners.get(s)!),
    title: titlePlan(rules, titleSources, countryForms.map((c) => literal(c.form)), tail, complements),
    titleSources,
    titleChain: tail,
    countryForms,
    givenForms: packGivenForms(givenFormsOf(rules, rules.givenNames, rules.familyFirst ?? [])),
    honorific: rules.honorifics?.length
      ? honorificPlan(rules.honorifics.map((h) => eitherCase(h, rules.inflection === 'declension' ? declinedWord(h, rules.declension ?? []) : literal(h))))
      : null,
    capWord: leadPlan(`${LB}${NAME_WORD}${RB}`, [NAME_WORD]),
    // Every run begins with a capital: an initial's or the first word's.
    personRun: leadPlan(
      `${LB}(?<init>(?:(?:\\p{Lu}|Дж)\\.[ \\t\\u00a0]?-?){1,2})?(?<words>${PERSON_WORD}(?:[ \\t\\u00a0]+${particleAlt}${PERSON_WORD}){0,4})${RB}`,
      ['\\p{Lu}'],
    ),
    particleAlt,
    fuzzyKeys: list.flatMap((l, index) => baseForms(l, lang).map((f) => ({ key: kebabId(f, table), index }))),
  };
}

export function compileLang(lang: SupportedLang): Compiled {
  const plan = compiledValue(`leader:${lang}`, () => planLang(lang));
  const rules = leaderRules(lang);
  // Tried only at a combined match that begins with the title's first letters: built on first use.
  const titles = rules.titles.map((rule, i): CompiledTitle => {
    const re = lazyRegex(plan.titleSources[i]!, 'uy');
    return {
      rule,
      get re() {
        return re();
      },
      head: rule.phrase.split(/\s+/)[0]!,
      prefix: rule.phrase.slice(0, 2).toLowerCase(),
    };
  });
  return {
    lang,
    rules,
    leaders: leaders(),
    full: leadRegexOf(plan.full),
    fullLeader: whichGroup(plan.fullAlt),
    surname: leadRegexOf(plan.surname),
    surnameOf: whichGroup(plan.surnameAlt),
    surnameOwners: plan.surnameOwners,
    aloneIfNamed: new Map(
      leaders().flatMap((l, i) => (l.aloneIfNamed?.length
        ? [[i, regex(`${LB}(?:${patternsAlt(l.aloneIfNamed.map((f) => namePattern(rules, f)))})${plan.titleChain}${RB}${NO_APOSTROPHE_WORD}`, 'gu')] as const]
        : [])),
    ),
    title: leadRegexOf(plan.title),
    titles,
    titlesByPrefix: groupBy(titles, (t) => t.prefix),
    titleChain: plan.titleChain ? regex(plan.titleChain, 'uy') : null,
    countryGroups: countryGroups(rules),
    nameScript: rules.nameScript ? regex(`\\p{Script=${rules.nameScript}}`, 'u') : null,
    skip: regex(rules.skip.replaceAll('{notNames}', `(?:${rules.notNames.map(escapeRe).join('|')})`), 'uy'),
    titleCaseMinor: rules.titleCaseMinor ? new Set(rules.titleCaseMinor) : null,
    capWord: leadRegexOf(plan.capWord),
    nameBefore: regex(`${LB}(?<name>(?:${NAME_WORD}[ \\t]+){0,2}${NAME_WORD})${rules.before}$`, 'u'),
    patronymic: regex(rules.patronymic, 'u'),
    former: rules.former ? regex(`${LB}(?:${rules.former})[ \\t\\u00a0]*$`, 'iu') : null,
    kinBefore: rules.kinBefore ? regex(`${LB}(?:${rules.kinBefore})[ \\t\\u00a0]+(?:\\p{Ll}+[ \\t\\u00a0]+){0,2}$`, 'iu') : null,
    firstNameBefore: rules.firstNameBefore ? regex(`^(?:${rules.firstNameBefore})$`, 'u') : null,
    titleWords: new Set(rules.titles.flatMap((t) => t.phrase.toLowerCase().split(/\s+/))),
    kinAfter: rules.kinAfter ? regex(`^(?:${rules.kinAfter})${RB}`, 'iu') : null,
    notNameStems: rules.notNames
      .filter((n) => [...n].length >= 5)
      .map((n) => n.replace(/[аяыиеоуьйі]+$/u, ''))
      .filter((n) => [...n].length >= 4),
    // A word goes on after a hyphen or an apostrophe ("O'Brien"), not into a possessive ("Orbán's").
    nameWord: regex(`${plan.particleAlt}\\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+|['’](?!s(?!\\p{L}))\\p{Lu}?\\p{Ll}+)*${RB}`, 'uy'),
    abbreviation: regex(`\\p{Lu}{2,}${RB}`, 'uy'),
    countryForms: plan.countryForms,
    orgAfter: regex(`^[ \\t]+${rules.orgAfter}`, 'u'),
    surnameEnding: regex(`${rules.surnameEnding}$`, 'u'),
    givenStems: rules.givenNames.map((g) => (g.length > 4 ? g.slice(0, -1) : g)),
    givenForms: unpackGivenForms(plan.givenForms),
    honorific: plan.honorific && leadRegexOf(plan.honorific),
    personRun: leadRegexOf(plan.personRun),
    latinAfter: /^[ \t\u00a0]*\((?<latin>\p{Lu}[\p{Ll}'’]+(?:[ -](?:(?:de|van|von|der|da|di|la|le|al|bin)[ -])?\p{Lu}[\p{Ll}'’.]*){1,3})\)/u,
    notNames: new Set(rules.notNames),
    placeBefore: new Set(rules.placeBefore),
    particles: new Set(rules.particles),
    translit: translit(),
    fuzzyKeys: plan.fuzzyKeys.map(({ key, index }) => ({ key, index, bag: letterBag(key) })),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Letters counted in 64 buckets (by code unit, modulo 64). Two strings share at most
 * Σ min(a[i], b[i]) letters: an upper bound on the matches Jaro counts, collisions only raise it.
 */
export function letterBag(s: string): Uint8Array {
  const bag = new Uint8Array(64);
  for (let i = 0; i < s.length; i++) {
    const b = s.charCodeAt(i) & 63;
    if (bag[b]! < 255) bag[b]!++;
  }
  return bag;
}
