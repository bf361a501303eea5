// Normalised project ids: repeated mentions in one document ("Транскаспийский маршрут",
// "Транскаспийского маршрута") share one id. Lower case, ё → е, no quotes, one kind of dash,
// single spaces, and each word cut to a stem so that case endings do not matter.
import { loadRules, perLang } from '../../rules/load.js';
import { regex } from '../../rules/regex.js';
import type { SupportedLang } from '../../types.js';
import type { ProjectRulesData } from './lexicon.js';

/** The language's case endings (`idEnding` in rules/<lang>/project.json), or null. */
const ending = perLang((lang: SupportedLang): RegExp | null => {
  const src = loadRules<ProjectRulesData>(lang, 'project').idEnding;
  return src ? regex(src, 'u') : null;
});

export function stemWord(word: string, lang: SupportedLang): string {
  const re = ending(lang);
  if (!re || word.length <= 4 || /\p{N}/u.test(word)) return word;
  const s = word.replace(re, '');
  return s.length >= 3 ? s : word;
}

export function projectId(name: string, lang: SupportedLang): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„']/g, ' ')
    .replace(/\s*[-–—‒‐]\s*/g, '-')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.split('-').map((p) => stemWord(p, lang)).join('-'))
    .join(' ');
}
