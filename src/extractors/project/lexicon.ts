// The project lexicon of one language, read from rules/<lang>/project.json and compiled once.
import { loadRules, perLang } from '../../rules/load.js';
import { leadRegex, type LeadRegex } from '../../rules/leads.js';
import { branches, compile, lazyRegex, LB, RB, regex } from '../../rules/regex.js';
import type { ProjectKind, SupportedLang } from '../../types.js';

interface HeadData {
  pattern: string;
  kind: ProjectKind;
  weak?: boolean;
  quotedOnly?: boolean;
  /** A weak head that one concrete complement makes specific when a joint modifier precedes it ("совместное производство трансформаторов"). */
  jointEnough?: boolean;
  /** Only a name makes it a project ("the Caspian Bridge", not "a bridge in Martorell"). */
  named?: boolean;
  /** An institution (a university): a project only while being created (`creationWords` nearby). */
  created?: boolean;
  /** The head names an undertaking by itself, singular ("атомная электростанция" like "АЭС"). */
  alone?: boolean;
}

export interface ProjectRulesData {
  order: 'head-initial' | 'head-final';
  heads: HeadData[];
  modifierKinds?: { pattern: string; kind: ProjectKind; heads?: ProjectKind[] }[];
  modifier: string;
  notModifier?: string;
  notModifierLower?: string;
  notModifierCap?: string;
  headNotEnding?: string;
  skipModifiers?: string;
  complement?: string;
  notComplement?: string;
  notComplementLower?: string;
  ownerWords?: string;
  ownerWordsBefore?: string;
  creationWords?: string;
  measureNouns?: string;
  headCapital?: boolean;
  pluralHead?: string;
  complementPreps?: string[];
  namePreps?: string[];
  locationPreps?: string[];
  locationNouns?: string;
  routePreps?: string[];
  maxLeft?: number;
  maxComplement?: number;
  exclude?: string[];
  excludeCased?: string[];
  extraPatterns?: { rule: string; kind: ProjectKind; pattern: string }[];
  joint?: string;
  genericComplement?: string;
  aside?: string;
  domainNouns?: string;
  placeHeads?: string;
  routeBeforeHead?: boolean;
  articles?: string;
  prepFollow?: boolean;
  processNouns?: string;
  coordinators?: string;
  latinNames?: SupportedLang;
  capitalisedAdjectives?: boolean;
  countryForms?: string[];
  placeWords?: PlaceWordsData;
  gazetteerWords?: GazetteerWordsData;
  idEnding?: string;
}

/** How a word of a country's or place's name takes endings (countries.ts). */
export interface PlaceWordsData {
  maxSuffix: number;
  abbrSuffix?: number;
  indeclinable?: string;
  strip?: string;
  possessive?: string;
}

/** How a word of a known project's name inflects (gazetteer.ts). */
export interface GazetteerWordsData {
  script: string;
  lastOnly?: boolean;
  minLength?: number;
  strip: string;
  minStem?: number;
  voicing?: Record<string, string>;
  voicingMinStem?: number;
  suffix: string;
}

export interface Head {
  kind: ProjectKind;
  weak: boolean;
  named: boolean;
  created: boolean;
  alone: boolean;
  quotedOnly: boolean;
  jointEnough: boolean;
  /** Anchored test of one head word (built on first use). */
  readonly test: RegExp;
  /** Unanchored search: a more specific head inside a complement (built on first use). */
  readonly find: RegExp;
}

export interface Lexicon {
  lang: SupportedLang;
  order: ProjectRulesData['order'];
  heads: Head[];
  /** All heads as one global regex; `headOf` tells which head a match is. */
  headRe: LeadRegex;
  headOf(m: RegExpExecArray): number;
  /**
   * The specific heads (not weak, not "other"), as one regex: `word` is a whole word that is one of
   * them, `within` finds one anywhere in a text. One regex, not one per head, is tried.
   */
  specificHead: { word: RegExp; within: RegExp };
  /** `heads`: the head kinds the modifier refines (all when absent): "oil" makes a corridor a pipeline, not a refinery. */
  modifierKinds: { re: RegExp; kind: ProjectKind; heads: ProjectKind[] | null }[];
  modifier: RegExp;
  notModifier: RegExp | null;
  notModifierLower: RegExp | null;
  notModifierCap: RegExp | null;
  /** Head forms that modify a following noun (kk "портындағы") and so are not heads. */
  headNotEnding: RegExp | null;
  skipModifier: RegExp | null;
  complement: RegExp | null;
  notComplement: RegExp | null;
  /** Case-sensitive: a lower-case word never opening a complement after a preposition (en gerunds: "a hub for transporting"). */
  notComplementLower: RegExp | null;
  /**
   * A word right after a head or a name that makes it part of another thing's name: an event
   * ("Belt and Road Forum"), an institution ("National Park Service"), a place ("Railway Station").
   */
  ownerWord: RegExp | null;
  /** The same, right before a name: ru "форум «Один пояс, один путь»". */
  ownerWordBefore: RegExp | null;
  /** Words of creation, searched in the sentence around a `created` head's phrase. */
  creationWord: RegExp | null;
  /** "мощностью", "стоимостью": a measure after the head, a sign that it is a particular one, outside the name. */
  measureNoun: RegExp | null;
  /** A capitalised head mid-sentence is a sign of a name (ru "Программа"); off where a capitalised head without modifiers refers back to an institution (en "the Fund"). */
  headCapital: boolean;
  /** A plural head form ("routes", "projects"): a class of things, a project only when named. */
  pluralHead: RegExp | null;
  complementPreps: Set<string>;
  /** Complement prepositions that, right after the head, open a complement only with a name or a process noun (en "of"). */
  namePreps: Set<string>;
  locationPreps: Set<string>;
  locationNoun: RegExp | null;
  routePreps: Set<string>;
  maxLeft: number;
  maxComplement: number;
  exclude: RegExp[];
  extra: { rule: string; kind: ProjectKind; re: RegExp }[];
  /** "совместный": a modifier that makes a `jointEnough` head an undertaking of the sides. */
  joint: RegExp | null;
  /** Complements too generic for the joint rule ("совместное производство продукции"). */
  genericComplement: RegExp | null;
  /** A parenthetical aside between a head and its complement, sticky at a comma: ", как сейчас принято говорить, ". */
  aside: RegExp | null;
  /** "в промышленной сфере": the noun of a domain phrase that continues a complement (not a location). */
  domainNoun: RegExp | null;
  /** Heads whose directly following names are places ("в портах Актау и Курык"). */
  placeHead: RegExp | null;
  /** English: a route of places may stand before the head ("the Kazakhstan–Turkmenistan–Iran railway"). */
  routeBeforeHead: boolean;
  /** Articles skipped after a complement preposition (en). */
  article: RegExp | null;
  /** The noun after a complement preposition takes one more word, whatever its ending (ru "по переработке шкур"). */
  prepFollow: boolean;
  /** Nouns of a process after "for the" (en: production, construction...). */
  processNoun: RegExp | null;
  /** "и", "and", kk "мен", "және": joins two names under one head. */
  coordinator: RegExp | null;
  /** The language whose lexicon reads Latin-script names in this language's text (ru, kk: en); null in that language. */
  latinNames: SupportedLang | null;
  /** Nationality adjectives are capitalised (en "Kazakh-Chinese projects"): such a capital is no sign of a name. */
  capitalisedAdjectives: boolean;
}

/** A head that names a particular kind of undertaking: not weak, not "other". */
export const isSpecific = (h: { weak?: boolean; kind: ProjectKind }): boolean => !h.weak && h.kind !== 'other';

const anchored = (src: string | undefined, flags = 'u'): RegExp | null => (src ? regex(src, flags) : null);

export const projectLexicon = perLang((lang: SupportedLang): Lexicon => {
  const d = loadRules<ProjectRulesData>(lang, 'project');
  // Hundreds of heads, two regexes each, most never needed in a run: built on first use.
  const heads = d.heads.map((h): Head => {
    const test = lazyRegex(`^(?:${h.pattern})$`, 'iu');
    const find = lazyRegex(`${LB}(?:${h.pattern.replace(/ /g, '\\s+')})${RB}`, 'iu');
    return {
      kind: h.kind,
      weak: h.weak ?? false,
      named: h.named ?? false,
      created: h.created ?? false,
      alone: h.alone ?? false,
      quotedOnly: h.quotedOnly ?? false,
      jointEnough: h.jointEnough ?? false,
      get test() {
        return test();
      },
      get find() {
        return find();
      },
    };
  });
  const headPatterns = d.heads.map((h) => h.pattern.replace(/ /g, '\\s+'));
  const headBranches = branches(headPatterns);
  const specific = d.heads.filter(isSpecific).map((h) => `(?:${h.pattern})`);
  const specificAlt = specific.length ? specific.join('|') : '(?!)';
  return {
    lang,
    order: d.order,
    heads,
    headRe: leadRegex(`${LB}(?:${headBranches.source})${RB}`, headPatterns, 'giu'),
    headOf: headBranches.which,
    specificHead: {
      word: regex(`^(?:${specificAlt})$`, 'iu'),
      within: regex(`${LB}(?:${specificAlt.replace(/ /g, '\\s+')})${RB}`, 'iu'),
    },
    modifierKinds: (d.modifierKinds ?? []).map((m) => ({ re: regex(m.pattern, 'iu'), kind: m.kind, heads: m.heads ?? null })),
    modifier: regex(d.modifier, 'u'),
    notModifier: anchored(d.notModifier, 'iu'),
    notModifierLower: anchored(d.notModifierLower),
    notModifierCap: anchored(d.notModifierCap),
    headNotEnding: anchored(d.headNotEnding, 'iu'),
    skipModifier: anchored(d.skipModifiers, 'iu'),
    complement: anchored(d.complement),
    notComplement: anchored(d.notComplement, 'iu'),
    notComplementLower: anchored(d.notComplementLower),
    ownerWord: anchored(d.ownerWords, 'iu'),
    ownerWordBefore: anchored(d.ownerWordsBefore, 'iu'),
    measureNoun: anchored(d.measureNouns, 'iu'),
    headCapital: d.headCapital ?? true,
    creationWord: d.creationWords ? regex(`${LB}(?:${d.creationWords})${RB}`, 'iu') : null,
    pluralHead: anchored(d.pluralHead, 'iu'),
    complementPreps: new Set(d.complementPreps ?? []),
    namePreps: new Set(d.namePreps ?? []),
    locationPreps: new Set(d.locationPreps ?? []),
    locationNoun: anchored(d.locationNouns, 'iu'),
    routePreps: new Set(d.routePreps ?? []),
    maxLeft: d.maxLeft ?? 4,
    maxComplement: d.maxComplement ?? 4,
    // `excludeCased`: exclusions that tell a name by its capital ("центра Киева", not "центра обработки").
    exclude: [...(d.exclude ?? []).map((e) => compile(e, { ignoreCase: true })), ...(d.excludeCased ?? []).map((e) => compile(e))],
    extra: (d.extraPatterns ?? []).map((p) => ({ rule: p.rule, kind: p.kind, re: compile(p.pattern) })),
    joint: anchored(d.joint, 'iu'),
    genericComplement: anchored(d.genericComplement, 'iu'),
    aside: d.aside ? compile(d.aside, { sticky: true, ignoreCase: true }) : null,
    domainNoun: anchored(d.domainNouns, 'iu'),
    placeHead: anchored(d.placeHeads, 'iu'),
    routeBeforeHead: d.routeBeforeHead ?? false,
    article: anchored(d.articles, 'iu'),
    prepFollow: d.prepFollow ?? true,
    processNoun: anchored(d.processNouns, 'iu'),
    coordinator: anchored(d.coordinators, 'iu'),
    latinNames: d.latinNames ?? null,
    capitalisedAdjectives: d.capitalisedAdjectives ?? false,
  };
});
