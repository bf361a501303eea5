// Normalised project ids: repeated mentions in one document ("Транскаспийский маршрут",
// "Транскаспийского маршрута") share one id. Lower case, ё → е, no quotes, one kind of dash,
// single spaces, and each word cut to a stem so that case endings do not matter.
import type { SupportedLang } from '../../types.js';

const ENDINGS: Record<SupportedLang, RegExp> = {
  // Russian case endings of nouns and adjectives, longest first.
  ru: /(?:ыми|ими|ого|его|ому|ему|ой|ей|ый|ий|ая|яя|ое|ее|ые|ие|ых|их|ым|им|ую|юю|ам|ям|ах|ях|ов|ев|ом|ем|а|я|ы|и|у|ю|е|о|ь|й)$/u,
  // Kazakh: case and possessive suffixes on the last part of a word.
  kk: /(?:ындағы|індегі|ының|інің|ынан|інен|ында|інде|ына|іне|дың|дің|тың|тің|нің|ның|дан|ден|тан|тен|нан|нен|да|де|та|те|ға|ге|қа|ке|ды|ді|ты|ті|ны|ні|мен|пен|бен|ын|ін|сы|сі|ы|і)$/u,
  en: /(?:'s|s)$/u,
};

export function stemWord(word: string, lang: SupportedLang): string {
  if (word.length <= 4 || /\p{N}/u.test(word)) return word;
  const s = word.replace(ENDINGS[lang], '');
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
