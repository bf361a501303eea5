// The record types of diplo: one place for what a fact is (see ../shared/CONTRACT.md).
import { loadRules } from './rules/load.js';

/**
 * A language diplo has rules for: the name of its folder in rules/ (or in a root added with
 * `addRulesRoot`). What differs between languages is in that folder, never in code.
 */
export type SupportedLang = string;
/** The languages of rules/, in the order an undetermined document tries them (rules/common/languages.json). */
export const LANGS: readonly SupportedLang[] = loadRules<{ languages: string[] }>('common', 'languages').languages;
/** A document's language; `und` when detection is unsure. */
export type Lang = SupportedLang | 'und';

export const FACT_TYPES = ['money', 'percent', 'date', 'leader', 'project', 'quantity', 'event'] as const;
export type FactType = (typeof FACT_TYPES)[number];
/** Types found by an extractor in the text; `event` is built on top of them (src/events/). */
export type ExtractedType = Exclude<FactType, 'event'>;

/** A hedge on an amount: "около" → approx, "более" → over, "менее" → under, "до" → up_to. */
export type Qualifier = 'approx' | 'over' | 'under' | 'up_to' | null;

/** What a figure measures (CONTRACT.md, "Figures in context"). */
export const MEASURES = [
  'trade', 'investment', 'cargo', 'transit', 'export', 'import', 'loan', 'aid', 'budget', 'projects', 'jobs', 'gdp', 'inflation', 'other',
] as const;
export type Measure = (typeof MEASURES)[number];
/** Whether a figure happened: reached, to be reached, announced, or expected. */
export type FigureStatus = 'actual' | 'target' | 'plan' | 'forecast';

/** What money, percent and quantity values carry about their figure, where the text says it (src/context/). */
export interface FigureContext {
  measure?: Measure | null;
  status?: FigureStatus | null;
  /** ISO 3166-1 alpha-2 codes of the states whose measure it is, in order of mention. */
  countries?: string[];
  /** The date the figure refers to (a deadline: `deadline: true`), with that date fact's offsets. */
  period?: (DateValue & { start: number; end: number }) | null;
  /** The figure it goes with: a change and the level it led to ("вырос на 62% и составил 4,5 млн тонн"). */
  relatedTo?: { type: FactType; start: number; end: number } | null;
}

export interface MoneyValue extends FigureContext {
  /** In units of the currency ("3 млрд долларов" → 3000000000). Absent for a range. */
  amount?: number;
  min?: number;
  max?: number;
  /** ISO 4217, or null when the text names none. */
  currency: string | null;
  qualifier: Qualifier;
}

export interface PercentValue extends FigureContext {
  value?: number;
  min?: number;
  max?: number;
  qualifier: Qualifier;
  /** `pp` for percentage points. */
  unit?: 'percent' | 'pp';
  /** Direction when the sentence says it ("вырос на 53%"). */
  change?: 'increase' | 'decrease';
}

export type Granularity = 'year' | 'month' | 'day';

export interface DateValue {
  /** A point in time: YYYY, YYYY-MM or YYYY-MM-DD; null for a relative date with no document date. */
  iso?: string | null;
  granularity?: Granularity;
  /** A period. */
  startIso?: string;
  endIso?: string;
  /** "к 2030 году": a period whose end is a deadline. */
  deadline?: boolean;
  /** A length of time, ISO 8601 ("P20Y"). */
  duration?: string;
  /** The hedge on a length of time ("более 33 лет" → over, "почти 20 лет" → approx). */
  qualifier?: Qualifier;
  /** True when resolved against the document's date. */
  relative?: boolean;
  /**
   * A day or month the text gives without a year when no document date supplies it: "--11-15",
   * "--11", a period "--11-11/--11-12" (ISO 8601's forms without a year); `iso` is then null.
   */
  yearless?: string;
  /** A day of the week the text gives alone when no document date resolves it: 1 (Monday) to 7. */
  weekday?: number;
  /** The holiday the text names ("Christmas", "Nowruz"). */
  holiday?: string;
  /** An age in years ("90 жасқа"): a time expression, not a length of time. */
  age?: number;
  /** An anniversary in years ("30 жылдығы"). */
  anniversary?: number;
}

export interface LeaderValue {
  /** Stable id, e.g. `kassym-jomart-tokayev`. */
  id: string;
  /** Canonical name in English. */
  name: string;
  role?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
  /** The title as written next to the name ("президент Ирана"). */
  title?: string | null;
}

export const PROJECT_KINDS = [
  'corridor', 'railway', 'port', 'plant', 'fund', 'programme', 'centre', 'pipeline', 'cable', 'company', 'other',
] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export interface ProjectValue {
  /** The project's name as written, trimmed. */
  name: string;
  kind: ProjectKind;
  /** Normalised name, shared by repeated mentions in one document. */
  id?: string;
  location?: string | null;
  /** ISO 3166-1 alpha-2 codes of the countries the name refers to (adjectives, routes, places), in order of mention. */
  countries?: string[];
}

/** An amount of something that is not money, in base units ("4,5 млн тонн" → 4500000 t). */
export interface QuantityValue extends FigureContext {
  amount?: number;
  min?: number;
  max?: number;
  /** `t`, `m3`, `bbl`, `kWh`, `MW`, `km`, `wagon`, `container`, `TEU`, `job`, `document`, `project`, `flight`, … */
  unit: string;
  qualifier: Qualifier;
}

export const EVENT_KINDS = ['meeting', 'visit', 'call', 'summit', 'signing'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A place as an event names it: the English name ("Akorda, Astana"), its country, the text as written. */
export interface EventPlace {
  name: string;
  country: string | null;
  text: string;
}

/** A diplomatic event: who met whom, where and when (see ../shared/CONTRACT.md). */
export const VISIT_LEVELS = ['state', 'official', 'working'] as const;
export type VisitLevel = (typeof VISIT_LEVELS)[number];

export interface EventValue {
  kind: EventKind;
  status: 'held' | 'planned';
  /** Persons taking part, as leader values. */
  participants: LeaderValue[];
  /** ISO 3166-1 alpha-2 codes of the states taking part, in order of mention. */
  countries: string[];
  place: EventPlace | null;
  date: DateValue | null;
  /** Visits: the level the text gives the visit (a state, official or working visit). */
  level?: VisitLevel;
  /** Signings: the documents named, as written, and how many when the text says. */
  documents?: string[];
  count?: number | null;
}

export interface ValueByType {
  money: MoneyValue;
  percent: PercentValue;
  date: DateValue;
  leader: LeaderValue;
  project: ProjectValue;
  quantity: QuantityValue;
  event: EventValue;
}

/**
 * What an extractor returns: a span of the text (UTF-16 offsets, as JavaScript indexes strings),
 * its normalised value and the rule that produced it. The pipeline turns matches into facts.
 */
export interface Match<T extends FactType = FactType> {
  type: T;
  start: number;
  end: number;
  value: ValueByType[T];
  rule: string;
  confidence: number;
}

/** One fact as every output format carries it. Offsets are Unicode code points. */
export type Fact = {
  [T in FactType]: {
    doc: string;
    lang: Lang;
    type: T;
    /** The document's date (DocDate.iso), the same on every fact of a document, or null. */
    docDate: string | null;
    text: string;
    start: number;
    end: number;
    sentence: string;
    value: ValueByType[T];
    rule: string;
    confidence: number;
    /** A figure repeating one of the headline or lead: the first one's offsets. */
    repeatOf?: { start: number; end: number };
  };
}[FactType];

/** The date a document was written, used to resolve "этого года", "биыл", "в среду". */
export interface DocDate {
  iso: string; // YYYY-MM-DD
  /** `metadata`: an HTML page's publication date; `option`: given by the user (`--date`, `ExtractOptions.date`) for a document that states none. */
  source: 'header' | 'metadata' | 'dateline' | 'text' | 'option';
}

/** Everything diplo knows about one document. */
export interface DocumentResult {
  doc: string;
  lang: Lang;
  date: DocDate | null;
  /** What the reader should know of the document: a header date that is not a calendar date. */
  warnings?: string[];
  /** A page's title (HTML inputs and URLs). */
  title?: string | null;
  /** The text that offsets count in, when it is not a file's bytes (HTML inputs and URLs). */
  text?: string;
  facts: Fact[];
}

/** What an extractor sees of a document. */
export interface ExtractContext {
  text: string;
  lang: SupportedLang;
  docDate: DocDate | null;
}

/** One fact type's extractor: a pure function of the text. */
export interface Extractor<T extends FactType = FactType> {
  type: T;
  extract(ctx: ExtractContext): Match<T>[];
}
