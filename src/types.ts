// The record types of diplo: one place for what a fact is (see ../shared/CONTRACT.md).

/** Languages diplo has rules for. */
export const LANGS = ['ru', 'kk', 'en'] as const;
export type SupportedLang = (typeof LANGS)[number];
/** A document's language; `und` when detection is unsure. */
export type Lang = SupportedLang | 'und';

export const FACT_TYPES = ['money', 'percent', 'date', 'leader', 'project'] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** A hedge on an amount: "около" → approx, "более" → over, "менее" → under, "до" → up_to. */
export type Qualifier = 'approx' | 'over' | 'under' | 'up_to' | null;

export interface MoneyValue {
  /** In units of the currency ("3 млрд долларов" → 3000000000). Absent for a range. */
  amount?: number;
  min?: number;
  max?: number;
  /** ISO 4217, or null when the text names none. */
  currency: string | null;
  qualifier: Qualifier;
}

export interface PercentValue {
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
  /** True when resolved against the document's date. */
  relative?: boolean;
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

export interface ValueByType {
  money: MoneyValue;
  percent: PercentValue;
  date: DateValue;
  leader: LeaderValue;
  project: ProjectValue;
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
    text: string;
    start: number;
    end: number;
    sentence: string;
    value: ValueByType[T];
    rule: string;
    confidence: number;
  };
}[FactType];

/** The date a document was written, used to resolve "этого года", "биыл", "в среду". */
export interface DocDate {
  iso: string; // YYYY-MM-DD
  source: 'header' | 'metadata' | 'dateline' | 'text';
}

/** Everything diplo knows about one document. */
export interface DocumentResult {
  doc: string;
  lang: Lang;
  date: DocDate | null;
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
