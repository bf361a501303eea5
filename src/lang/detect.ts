// Language detection: script cues first (Kazakh letters), then franc restricted to the
// languages diplo has rules for. franc alone guesses Macedonian or Bulgarian for short
// Russian sentences, so it is never asked about languages diplo does not support.
import { francAll } from 'franc';
import { loadRules } from '../rules/load.js';
import type { Lang, SupportedLang } from '../types.js';

interface LanguageRules {
  franc: Record<string, { lang: Lang; script: 'Cyrillic' | 'Latin' }>;
  scriptCues: { lang: SupportedLang; letters: string; minShare: number }[];
  minLetters: number;
}

const rules = loadRules<LanguageRules>('common', 'languages');
const francCodes = (script: 'Cyrillic' | 'Latin') =>
  Object.entries(rules.franc).filter(([, v]) => v.script === script).map(([code]) => code);
const candidates = { Cyrillic: francCodes('Cyrillic'), Latin: francCodes('Latin') };
const cueSets = rules.scriptCues.map((c) => ({ ...c, set: new Set(c.letters) }));

/** How much of the text is read for detection: enough to decide, bounded for huge inputs. */
const SAMPLE = 20_000;

export function detectLanguage(text: string): Lang {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let cyrillic = 0;
  let latin = 0;
  const cueCounts = cueSets.map(() => 0);
  for (const ch of sample) {
    if (/\p{Script=Cyrillic}/u.test(ch)) {
      cyrillic++;
      cueSets.forEach((c, i) => {
        if (c.set.has(ch)) cueCounts[i]!++;
      });
    } else if (/\p{Script=Latin}/u.test(ch)) latin++;
  }
  if (cyrillic + latin < rules.minLetters) return 'und';
  if (cyrillic > 0) {
    const cue = cueSets.findIndex((c, i) => cueCounts[i]! / cyrillic >= c.minShare);
    if (cue >= 0 && cyrillic >= latin) return cueSets[cue]!.lang;
  }
  const script = cyrillic > latin ? 'Cyrillic' : 'Latin';
  const [best] = francAll(sample, { only: candidates[script], minLength: 1 });
  if (best && best[1] > 0 && best[0] !== 'und') return rules.franc[best[0]]?.lang ?? 'und';
  // franc unsure: fall back on the script alone.
  if (cyrillic > latin) return 'ru';
  return 'und';
}
