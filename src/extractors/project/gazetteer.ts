// Well-known undertakings by name (rules/common/projects.json): one regex per language,
// built once. Names take the language's inflection (`gazetteerWords` in rules/<lang>/project.json):
// Russian words by stem, Kazakh by a suffix chain on the last word ("Рухани жаңғырудың", "Ұлттық
// қордан"), English as written.
import { loadRules, perLang } from '../../rules/load.js';
import { branches, escapeRe, LB, RB, regex } from '../../rules/regex.js';
import { type LeadRegex, leadMatches, leadRegex } from '../../rules/leads.js';
import type { ProjectKind, SupportedLang } from '../../types.js';
import type { GazetteerWordsData, ProjectRulesData } from './lexicon.js';

interface Entry {
  id: string;
  kind: ProjectKind;
  names: Record<SupportedLang, string[]>;
  quotedOnly?: SupportedLang[];
  ci?: boolean;
  /** Countries a route name or acronym stands for (TAPI: TM, AF, PK, IN). */
  countries?: string[];
}

export interface GazetteerHit {
  start: number;
  end: number;
  id: string;
  kind: ProjectKind;
  countries?: string[];
}

const DASH = '\\s*[-–—‒]\\s*';

/** `gazetteerWords`, its patterns compiled. */
type WordRule = Omit<GazetteerWordsData, 'script' | 'strip'> & { script: RegExp; strip: RegExp };

const wordRule = perLang((lang: SupportedLang): WordRule | null => {
  const d = loadRules<ProjectRulesData>(lang, 'project').gazetteerWords;
  return d ? { ...d, script: regex(`\\p{Script=${d.script}}`, 'u'), strip: regex(d.strip, 'u') } : null;
});

/**
 * One word of a name in any of its forms: a stem and endings (Russian words lose their final
 * vowels; the last Kazakh word drops a possessive -ы/-і, and a final voiceless consonant voices
 * before a vowel: көмек → көмегі). Numbers, abbreviations and words in another script stay as written.
 */
function wordPattern(word: string, rule: WordRule | null, last: boolean): string {
  if (!rule || (rule.lastOnly && !last) || word.length < (rule.minLength ?? 0)) return escapeRe(word);
  if (!rule.script.test(word) || /\p{N}/u.test(word) || word === word.toUpperCase()) return escapeRe(word);
  let stem = word.replace(rule.strip, '');
  if (stem.length < (rule.minStem ?? 0)) return escapeRe(word);
  const voiced = rule.voicing?.[stem.at(-1) ?? ''];
  let tail = '';
  if (voiced && stem.length >= (rule.voicingMinStem ?? 0)) {
    stem = stem.slice(0, -1);
    tail = voiced;
  }
  return `${escapeRe(stem)}${tail}${rule.suffix}`;
}

export function namePattern(name: string, lang: SupportedLang, ci: boolean): string {
  const rule = wordRule(lang);
  const parts = name.replace(/[«»"“”„]/g, '').trim().split(/\s*([-–—‒])\s*|\s+/u).filter((p) => p !== undefined && p !== '');
  const words = parts.filter((p) => !/^[-–—‒]$/.test(p));
  let wi = 0;
  let out = '';
  let prevDash = true;
  for (const p of parts) {
    if (/^[-–—‒]$/.test(p)) { out += DASH; prevDash = true; continue; }
    if (!prevDash) out += ',?\\s+';
    wi++;
    const hyph = p.split('-').map((s, i, arr) => wordPattern(s, rule, wi === words.length && i === arr.length - 1)).join('[-‐–]');
    out += hyph;
    prevDash = false;
  }
  if (ci) out = out.replace(/^(\p{L})/u, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
  return out;
}

interface Compiled {
  scan: LeadRegex;
  /** The entry a match is. */
  entryOf(m: RegExpExecArray): number;
  entries: Entry[];
}

export const gazetteer = perLang((lang: SupportedLang): Compiled => {
  const { entries } = loadRules<{ entries: Entry[] }>('common', 'projects');
  const patterns = entries.map((e) => {
    const names = new Set(Object.values(e.names).flat());
    return [...names].map((n) => namePattern(n, lang, e.ci ?? false)).sort((a, b) => b.length - a.length);
  });
  const b = branches(patterns.map((p) => p.join('|')));
  return { scan: leadRegex(`${LB}(?:${b.source})${RB}`, patterns.flat()), entryOf: b.which, entries };
});

const OPEN_QUOTE = /[«"“„]\s*$/u;

export function findGazetteer(text: string, lang: SupportedLang): GazetteerHit[] {
  const { scan, entryOf, entries } = gazetteer(lang);
  const out: GazetteerHit[] = [];
  for (const m of leadMatches(text, scan)) {
    const i = entryOf(m);
    if (i < 0) continue;
    const e = entries[i]!;
    if (e.quotedOnly?.includes(lang) && !OPEN_QUOTE.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, id: e.id, kind: e.kind, countries: e.countries });
  }
  return out;
}
