// The words of context, compiled once per language from rules/<lang>/context.json and
// rules/common/context.json: measure words, status cues, bilateral words, each found in a text in
// one pass as [start, end, label] hits.
import { expandFragments } from '../rules/fragments.js';
import { loadRules, perLang } from '../rules/load.js';
import { LB, RB, branches, patternsAlt } from '../rules/regex.js';
import { leadMatches, leadRegex } from '../rules/leads.js';
import type { Measure, SupportedLang } from '../types.js';
import type { FigureStatus } from '../types.js';

interface LangContext {
  measures: Partial<Record<Measure, string[]>>;
  status: Partial<Record<FigureStatus, string[]>>;
  statusSide?: 'before' | 'after';
}
interface CommonContext {
  unitMeasure: Record<string, Measure>;
  unitFixed: string[];
  national: Measure[];
  routeMeasures: Measure[];
  routes: ({ countries: string[] } & Partial<Record<SupportedLang, string[]>>)[];
  targetAs: Partial<Record<Measure, FigureStatus>>;
}

/** A word of context found in the text. */
export interface Hit<L extends string> {
  start: number;
  end: number;
  label: L;
}

export interface ContextRules {
  measures(text: string): Hit<Measure>[];
  statuses(text: string): Hit<FigureStatus>[];
  /** The states along the transport routes `text` names, in order of mention. */
  routeStates(text: string): string[];
  unitMeasure: Record<string, Measure>;
  /** Where the language puts the verb that gives a figure's status: its cue on that side wins. */
  statusSide: 'before' | 'after' | null;
  unitFixed: Set<string>;
  /** Measures of one state alone (ВВП, инфляция): their countries are not completed. */
  national: Set<Measure>;
  /** Measures whose figures belong to every state along a route the document names. */
  routeMeasures: Set<Measure>;
  /** The status a target cue gives on a measure where a figure to be reached is a plan. */
  targetAs: Partial<Record<Measure, FigureStatus>>;
}

/** A labelled word list as one regex whose branch tells the label. */
function finder<L extends string>(lists: Partial<Record<L, string[]>>, lang: SupportedLang): (text: string) => Hit<L>[] {
  const labels = (Object.keys(lists) as L[]).filter((l) => lists[l]?.length);
  if (!labels.length) return () => [];
  const patterns = labels.map((l) => lists[l]!.map((p) => expandFragments(p, lang)));
  const b = branches(patterns.map(patternsAlt));
  // Every hit starts a word: looked for only where a word starts with a pattern's first letters.
  const re = leadRegex(`${LB}(?:${b.source})${RB}`, patterns.flat(), 'giu');
  return (text) => Array.from(leadMatches(text, re), (m) => ({ start: m.index, end: m.index + m[0].length, label: labels[b.which(m)]! }));
}

export const contextRules = perLang((lang: SupportedLang): ContextRules => {
  const own = loadRules<LangContext>(lang, 'context', { measures: {}, status: {} });
  const common = loadRules<CommonContext>('common', 'context');
  return {
    measures: finder(own.measures, lang),
    statuses: finder(own.status, lang),
    routeStates: (() => {
      const find = finder(Object.fromEntries(common.routes.map((r, i) => [String(i), r[lang] ?? []])), lang);
      return (text: string) => {
        const out: string[] = [];
        for (const h of find(text)) for (const c of common.routes[Number(h.label)]!.countries) if (!out.includes(c)) out.push(c);
        return out;
      };
    })(),
    unitMeasure: common.unitMeasure,
    statusSide: own.statusSide ?? null,
    unitFixed: new Set(common.unitFixed),
    national: new Set(common.national),
    routeMeasures: new Set(common.routeMeasures),
    targetAs: common.targetAs ?? {},
  };
});
