// Compiling rules/<lang>/dates.json once per language: the tables (months, weekdays, relative
// words, units) become regex fragments and anchored look-ups, and every rule template becomes
// one regex. A template says {name} to include a fragment and {name:group} to capture it.
import { expandFragments } from '../../rules/fragments.js';
import { loadRules, perLang, RulesError } from '../../rules/load.js';
import { compile, LB, patternsAlt, regex } from '../../rules/regex.js';
import { compileAnchor, type AnchoredRule } from '../../rules/anchor.js';
import { numberLayer } from '../../normalize/number.js';
import type { SupportedLang } from '../../types.js';
import type { CalendarUnit } from '../../normalize/dates.js';

interface Entry {
  pattern: string;
}
export interface ValueEntry extends Entry {
  value: number;
  /** Kazakh ordinals: the cardinal word the ordinal is made from (жиырмасыншы → жиырма). */
  cardinal?: string;
}
export interface OffsetEntry extends Entry {
  offset: number;
}
export interface SeasonEntry extends Entry {
  /** First and last month (winter: 12 → 2). */
  start: number;
  end: number;
}
export interface CalUnitEntry extends Entry {
  unit: CalendarUnit | 'quarter';
}
export interface HolidayEntry extends Entry {
  name: string;
  /** The fixed day of the calendar; absent for a holiday that moves or differs by country. */
  month?: number;
  day?: number;
}
export interface RelativeEntry extends Entry {
  unit: CalendarUnit;
  offset: number;
  /** `toDate`: from the start of the unit to the document's date ("с начала года"). */
  span?: 'toDate';
}
export interface UnitEntry extends Entry {
  unit: 'Y' | 'M' | 'W' | 'D';
  factor: number;
  /** An adjective stem ("летний", "месячный"): read in compound words only, never after a number word. */
  adjective?: boolean;
}
export interface FixedDurationEntry extends Entry {
  duration: string;
  /** May stand without a preposition or hedge ("полгода"; "года" may not). */
  alone?: boolean;
  /** A frequency ("жыл сайын"), not a length. */
  recurring?: boolean;
}

interface NotDuration {
  before?: string;
  after?: string;
  number?: string;
  unit?: string;
  as?: 'age' | 'anniversary';
}

interface DateRulesFile {
  months: ValueEntry[];
  weekdays: ValueEntry[];
  seasons?: SeasonEntry[];
  relAdj: OffsetEntry[];
  calUnits: CalUnitEntry[];
  relatives: RelativeEntry[];
  units: UnitEntry[];
  fixedDurations: FixedDurationEntry[];
  ordinals?: ValueEntry[];
  /** Prepositions that always set a deadline ("к 2030 году", "by 2030"). */
  deadlineWords: string[];
  /** Prepositions that set a deadline only in a clause with a word of aim (`aim`): "до", "until", "дейін". */
  deadlineAimWords?: string[];
  /** Regex source: a verb or noun of aim ("довести", "план", "aim", "жеткізу"), looked for in the clause of the date. */
  aim?: string;
  /**
   * Regex source: a cue that what the clause tells is to come ("will", "is to", "состоится",
   * "болады"), looked for in the clause of the date: a day of the week is then the next one.
   * `said` (a verb of saying in the clause) makes the day the one it was said on.
   */
  ahead?: { cue: string; said?: string };
  /** Holidays ("Christmas", "Nowruz"): a name and, when it is fixed, its month and day. */
  holidays?: HolidayEntry[];
  /**
   * When a "today" word means "nowadays" and names no day (`todayReading`): `always`, a regex the
   * word itself matches ("бүгінде"); `nowadays`, a cue in its clause ("in today's world"); `day`, a
   * cue in its clause that it tells of a dated event (a past tense, a time of day): when `day` is
   * given and no cue of it is found, the word means "nowadays".
   */
  today?: { always?: string; nowadays?: string; day?: string };
  /**
   * Contexts that make a number of some unit not a length of time: money ("£30 млн дня"), an
   * anniversary ("30 жылдығы"), an age ("90 жасқа"). `before`/`after` as in `ages`; `number` and
   * `unit` must match the captured number and unit whole. Every side given must match. `as`: the
   * fact stays, its value saying what it is (`{"anniversary": 30}`, `{"age": 90}`); none: no fact.
   */
  notDurations?: NotDuration[];
  /** Number stems of compound adjectives ("пяти" in "пятилетний"), for durations written as one word. */
  adjNumbers?: ValueEntry[];
  /** A month name alone must be lower case ("Марта Иванова" is a name); with a preposition, day or year it may not. */
  lowerCaseMonthAlone?: boolean;
  /** Decades written as words ("девяностых годов"): the stem and its first year. */
  decades?: ValueEntry[];
  /**
   * Contexts that make a number of years an age, not a length of time ("в 20 лет", "ему было 52
   * года", "Name (43 года)"). Each is a pair of regex sources: `before` must match the text up to
   * the number (its end), `after` the text after the match (its start); a missing side always matches.
   */
  ages?: { before?: string; after?: string; caseSensitive?: boolean }[];
  /** Regex source: what, right before a match, makes it not a date ("в возрасте 80 лет" is an age). */
  notAfter?: string;
  fragments: Record<string, string>;
  /**
   * How far a match may reach from its anchor (src/rules/anchor.ts), in characters: before its
   * first anchor hit, after its last one.
   */
  anchorReach?: { before: number; after: number };
  /**
   * `anchor`: a template every match of the rule contains ("{month}"); none: scan the whole text.
   * `reach`: the rule's own reach, in place of `anchorReach`, for a rule whose reach was measured
   * on enough real text (`scripts/anchor-reach.mjs` says how far matches reach and suggests it).
   */
  rules: { id: string; pattern: string; anchor?: string; caseSensitive?: boolean; reach?: { before: number; after: number } }[];
}

/** A table entry with its anchored regex, to tell which entry a captured group is. */
export type Lookup<E> = (text: string | undefined) => E | null;

export interface DateRule extends AnchoredRule {
  id: string;
}

export interface DateRules {
  rules: DateRule[];
  /** The rules that can state a day (their pattern has a `d` group): the only ones a full date can come from. */
  dayRules: DateRule[];
  month: Lookup<ValueEntry>;
  weekday: Lookup<ValueEntry>;
  season: Lookup<SeasonEntry>;
  relAdj: Lookup<OffsetEntry>;
  calUnit: Lookup<CalUnitEntry>;
  relative: Lookup<RelativeEntry>;
  unit: Lookup<UnitEntry>;
  fixedDuration: Lookup<FixedDurationEntry>;
  ordinal: Lookup<ValueEntry>;
  adjNumber: Lookup<ValueEntry>;
  decade: Lookup<ValueEntry>;
  holiday: Lookup<HolidayEntry>;
  lowerCaseMonthAlone: boolean;
  deadlineWords: Set<string>;
  deadlineAimWords: Set<string>;
  /** True when the clause around [start, end) has a word of aim. */
  aimed: (text: string, start: number, end: number) => boolean;
  /** True when the clause around [start, end) tells of something to come, and no verb of saying is in it. */
  ahead: (text: string, start: number, end: number) => boolean;
  /** What a "today" word at [start, end) means: the document's day or "nowadays". */
  todayReading: (text: string, start: number, end: number) => 'day' | 'nowadays';
  /**
   * Whether a length of time (its number starting at `numStart`, its match ending at `end`, with the
   * captured number and unit) is not one: null, it is; 'drop', no date; 'age' or 'anniversary'.
   */
  notDuration: (text: string, numStart: number, end: number, n: string, u: string | undefined) => null | 'drop' | 'age' | 'anniversary';
  /** True when the text just before `index` makes a match there not a date. */
  blocked: (text: string, index: number) => boolean;
  /** True when a number of years whose number starts at `numStart` and whose match ends at `end` is an age. */
  isAge: (text: string, numStart: number, end: number) => boolean;
}

/** The group that holds a day of the month (see `calendar` in ./resolve.ts). */
const DAY_GROUP = /\(\?<d>/;

const PLACEHOLDER = /(?<!\\[pP])\{([A-Za-z]\w*)(?::(\w+))?\}/g; // not \\p{L}

/** Replaces {name} and {name:group} with fragments, recursively. */
function expandTemplate(pattern: string, frags: Record<string, string>, lang: string, depth = 0): string {
  if (depth > 10) throw new RulesError(`date fragments nest too deep in rules/${lang}: ${pattern}`);
  return pattern.replace(PLACEHOLDER, (_, name: string, group: string | undefined) => {
    const frag = frags[name];
    if (frag === undefined) throw new RulesError(`unknown date fragment {${name}} in rules/${lang}/dates.json`);
    const body = expandTemplate(frag, frags, lang, depth + 1);
    return group ? `(?<${group}>${body})` : `(?:${body})`;
  });
}

function lookup<E extends Entry>(entries: readonly E[], frags: Record<string, string>, lang: string): Lookup<E> {
  const source = (e: E) => expandFragments(expandTemplate(e.pattern, frags, lang), lang);
  const compiled = entries.map((e) => ({ e, re: regex(`^(?:${source(e)})$`, 'iu') }));
  return (text) => {
    if (text === undefined) return null;
    const t = text.trim().replace(/\s+/g, ' ');
    return compiled.find((c) => c.re.test(t))?.e ?? null;
  };
}

/** A table as one alternation that starts at a word's start. */
const alt = (entries: readonly Entry[]): string => `${LB}${patternsAlt(entries.map((e) => e.pattern))}`;

export const dateRules = perLang((lang: SupportedLang): DateRules => {
  const file = loadRules<DateRulesFile>(lang, 'dates');
  const ordinals = file.ordinals ?? [];
  const frags: Record<string, string> = {
    ...file.fragments,
    month: alt(file.months),
    weekday: alt(file.weekdays),
    season: file.seasons?.length ? alt(file.seasons) : '(?!)',
    relAdj: alt(file.relAdj),
    calUnit: alt(file.calUnits),
    rel: alt(file.relatives),
    unit: alt(file.units.filter((u) => !u.adjective)),
    fixedDur: alt(file.fixedDurations),
    fixedDurAlone: alt(file.fixedDurations.filter((e) => e.alone)),
    roman: '(?<![\\p{L}\\p{N}])[IVXLХІ]{1,7}(?![\\p{L}\\p{N}])', // Cyrillic Х stands in for X
    num: numberLayer(lang).quantity,
    ordinal: ordinals.length ? alt(ordinals) : '(?!)',
    adjNum: file.adjNumbers?.length ? alt(file.adjNumbers) : '(?!)',
    decadeWord: file.decades?.length ? alt(file.decades) : '(?!)',
    holiday: file.holidays?.length ? alt(file.holidays) : '(?!)',
  };
  const reach = file.anchorReach ?? { before: 0, after: 0 };
  const anchors = new Map<string, RegExp>(); // rules with the same anchor share its hits
  const anchorOf = (template: string): RegExp => {
    const source = expandFragments(expandTemplate(template, frags, lang), lang);
    if (!anchors.has(source)) anchors.set(source, compileAnchor(source));
    return anchors.get(source)!;
  };
  const dayRules: DateRule[] = [];
  const rules = file.rules.map((r): DateRule => {
    const source = expandFragments(expandTemplate(r.pattern, frags, lang), lang);
    const id = `date.${lang}.${r.id}`;
    let rule: DateRule;
    try {
      const ignoreCase = !r.caseSensitive;
      const anchor = r.anchor ? anchorOf(r.anchor) : null;
      rule = { id, re: compile(source, { ignoreCase }), anchor, ...(r.reach ?? reach) };
    } catch (e) {
      throw new RulesError(`date rule ${r.id} in rules/${lang}/dates.json does not compile: ${(e as Error).message}`);
    }
    if (DAY_GROUP.test(source)) dayRules.push(rule);
    return rule;
  });
  return {
    rules,
    dayRules,
    month: lookup(file.months, frags, lang),
    weekday: lookup(file.weekdays, frags, lang),
    season: lookup(file.seasons ?? [], frags, lang),
    relAdj: lookup(file.relAdj, frags, lang),
    calUnit: lookup(file.calUnits, frags, lang),
    relative: lookup(file.relatives, frags, lang),
    unit: lookup(file.units, frags, lang),
    fixedDuration: lookup(file.fixedDurations, frags, lang),
    ordinal: lookup(ordinals, frags, lang),
    adjNumber: lookup(file.adjNumbers ?? [], frags, lang),
    decade: lookup(file.decades ?? [], frags, lang),
    holiday: lookup(file.holidays ?? [], frags, lang),
    lowerCaseMonthAlone: file.lowerCaseMonthAlone === true,
    deadlineWords: new Set(file.deadlineWords.map((w) => w.toLowerCase())),
    deadlineAimWords: new Set((file.deadlineAimWords ?? []).map((w) => w.toLowerCase())),
    aimed: clauseTest(file.aim, frags, lang),
    ahead: aheadTest(file.ahead, frags, lang),
    todayReading: todayTest(file.today, frags, lang),
    blocked: blocker(file.notAfter, lang),
    isAge: ageTest(file.ages ?? [], frags, lang),
    notDuration: notDurationTest(file.notDurations ?? [], frags, lang),
  };
});

function blocker(source: string | undefined, lang: string): (text: string, index: number) => boolean {
  if (!source) return () => false;
  const re = regex(`(?:${expandFragments(source, lang)})$`, 'iu');
  return (text, index) => re.test(text.slice(Math.max(0, index - 40), index));
}

/** The clause around [start, end): from the last sentence or clause break before to the next after, within 150 characters. */
export function clauseAround(text: string, start: number, end: number, reach = 150): string {
  const from = Math.max(0, start - reach);
  const before = text.slice(from, start);
  const cut = Math.max(before.search(/[^.!?;\n]*$/u), 0);
  const after = text.slice(end, end + reach);
  const stop = after.search(/[.!?;\n](?:\s|$)/u);
  return before.slice(cut) + text.slice(start, end) + (stop < 0 ? after : after.slice(0, stop));
}

function clauseTest(source: string | undefined, frags: Record<string, string>, lang: string) {
  if (!source) return () => false;
  const re = regex(expandFragments(expandTemplate(source, frags, lang), lang), 'iu');
  return (text: string, start: number, end: number): boolean => re.test(clauseAround(text, start, end));
}

/** How far around a date a cue of what is to come counts. */
const AHEAD_REACH = 80;

function aheadTest(spec: DateRulesFile['ahead'], frags: Record<string, string>, lang: string) {
  if (!spec) return () => false;
  const src = (s: string) => expandFragments(expandTemplate(s, frags, lang), lang);
  const cue = regex(src(spec.cue), 'iu');
  const said = spec.said ? regex(src(spec.said), 'iu') : null;
  return (text: string, start: number, end: number): boolean => {
    const clause = clauseAround(text, start, end, AHEAD_REACH);
    return cue.test(clause) && !said?.test(clause);
  };
}

/** How far around a "today" word its cues are looked for: its own few words, not the whole sentence. */
const TODAY_REACH = 60;

function todayTest(spec: DateRulesFile['today'], frags: Record<string, string>, lang: string) {
  if (!spec) return () => 'day' as const;
  const src = (s: string) => expandFragments(expandTemplate(s, frags, lang), lang);
  const always = spec.always ? regex(`^(?:${src(spec.always)})$`, 'iu') : null;
  const nowadays = spec.nowadays ? regex(src(spec.nowadays), 'iu') : null;
  const day = spec.day ? regex(src(spec.day), 'iu') : null;
  return (text: string, start: number, end: number): 'day' | 'nowadays' => {
    if (always?.test(text.slice(start, end).trim().replace(/\s+/g, ' '))) return 'nowadays';
    const clause = clauseAround(text, start, end, TODAY_REACH);
    if (nowadays?.test(clause)) return 'nowadays';
    if (day && !day.test(clause)) return 'nowadays';
    return 'day';
  };
}

function notDurationTest(entries: NotDuration[], frags: Record<string, string>, lang: string) {
  const src = (s: string) => expandFragments(expandTemplate(s, frags, lang), lang);
  const tests = entries.map((e) => ({
    before: e.before === undefined ? null : regex(`(?:${src(e.before)})$`, 'iu'),
    after: e.after === undefined ? null : regex(`^(?:${src(e.after)})`, 'iu'),
    number: e.number === undefined ? null : regex(`^(?:${src(e.number)})$`, 'iu'),
    unit: e.unit === undefined ? null : regex(`^(?:${src(e.unit)})$`, 'iu'),
    as: e.as ?? ('drop' as const),
  }));
  return (text: string, numStart: number, end: number, n: string, u: string | undefined) => {
    const before = text.slice(Math.max(0, numStart - 60), numStart);
    const after = text.slice(end, end + 40);
    const hit = tests.find(
      (t) =>
        (!t.before || t.before.test(before)) &&
        (!t.after || t.after.test(after)) &&
        (!t.number || t.number.test(n.trim().replace(/\s+/g, ' '))) &&
        (!t.unit || (u !== undefined && t.unit.test(u.trim()))),
    );
    return hit ? hit.as : null;
  };
}

function ageTest(pairs: NonNullable<DateRulesFile['ages']>, frags: Record<string, string>, lang: string) {
  const src = (s: string) => expandFragments(expandTemplate(s, frags, lang), lang);
  const tests = pairs.map((p) => {
    const flags = p.caseSensitive ? 'u' : 'iu';
    return {
      before: p.before === undefined ? null : regex(`(?:${src(p.before)})$`, flags),
      after: p.after === undefined ? null : regex(`^(?:${src(p.after)})`, flags),
    };
  });
  return (text: string, numStart: number, end: number): boolean => {
    if (!tests.length) return false;
    const before = text.slice(Math.max(0, numStart - 60), numStart);
    const after = text.slice(end, end + 40);
    return tests.some((t) => (!t.before || t.before.test(before)) && (!t.after || t.after.test(after)));
  };
}
