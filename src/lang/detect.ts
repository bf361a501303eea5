// Language detection: script cues first (Kazakh letters), then franc restricted to the
// languages diplo has rules for. franc alone guesses Macedonian or Bulgarian for short
// Russian sentences, so it is never asked about languages diplo does not support.
import { createRequire } from 'node:module';
import { loadRules } from '../rules/load.js';
import type { Lang, SupportedLang } from '../types.js';

interface LanguageRules {
  franc: Record<string, { lang: Lang; script: 'Cyrillic' | 'Latin' }>;
  scriptCues: { lang: SupportedLang; letters: string; minShare: number }[];
  minLetters: number;
  /** The language a text is taken for when only its script is known. */
  scriptFallback: Partial<Record<'Cyrillic' | 'Latin', SupportedLang>>;
}

const rules = loadRules<LanguageRules>('common', 'languages');
const francCodes = (script: 'Cyrillic' | 'Latin') =>
  Object.entries(rules.franc).filter(([, v]) => v.script === script).map(([code]) => code);
const candidates = { Cyrillic: francCodes('Cyrillic'), Latin: francCodes('Latin') };
const CYRILLIC_FIRST = 0x0400;
const CYRILLIC_LAST = 0x052f;
/** Per Cyrillic code unit, a bit for each script cue whose letters include it (only Cyrillic letters count). */
const cueBits = new Uint8Array(CYRILLIC_LAST - CYRILLIC_FIRST + 1);
rules.scriptCues.forEach((c, k) => {
  for (const ch of c.letters) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= CYRILLIC_FIRST && code <= CYRILLIC_LAST) cueBits[code - CYRILLIC_FIRST]! |= 1 << k;
  }
});

type FrancAll = typeof import('franc').francAll;

/**
 * franc builds the trigram tables of all its languages when it loads, and a text needs it
 * only when script cues leave its language in doubt: it is loaded then, with `require`, where Node
 * can require an ES module (20.19, 22.12 and later). An older Node can only import it, which takes
 * a promise: `prepareLanguageDetection()` does that before the first text there (a no-op where
 * `require` will do); the CLI, its workers and the library call it first.
 */
const REQUIRE_MODULE = (process.features as { require_module?: boolean }).require_module === true;
let francAll: FrancAll | null = null;

export async function prepareLanguageDetection(): Promise<void> {
  if (!REQUIRE_MODULE) francAll ??= (await import('franc')).francAll;
}

function loadFranc(): FrancAll {
  return (francAll ??= (createRequire(import.meta.url)('franc') as typeof import('franc')).francAll);
}

/** How much of the text franc reads: trigram statistics settle within a few thousand characters. */
const FRANC_SAMPLE = 1_000;
/** How much of the text is counted for script cues. */
const SCRIPT_SAMPLE = 20_000;

export function detectLanguage(text: string): Lang {
  const end = Math.min(text.length, SCRIPT_SAMPLE);
  let cyrillic = 0;
  let latin = 0;
  const cueCounts = rules.scriptCues.map(() => 0);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= CYRILLIC_FIRST && c <= CYRILLIC_LAST) {
      cyrillic++;
      const bits = cueBits[c - CYRILLIC_FIRST]!;
      if (bits) for (let k = 0; k < cueCounts.length; k++) if (bits & (1 << k)) cueCounts[k]!++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) latin++;
  }
  if (cyrillic + latin < rules.minLetters) return 'und';
  const script = cyrillic > latin ? 'Cyrillic' : 'Latin';
  if (script === 'Cyrillic') {
    const cue = rules.scriptCues.findIndex((c, i) => cueCounts[i]! / cyrillic >= c.minShare);
    if (cue >= 0) return rules.scriptCues[cue]!.lang;
    // Without a single cue letter (one that only Kazakh writes), franc would say the script's
    // fallback language: it is asked only when a few such letters leave room for doubt.
    const fallback = rules.scriptFallback.Cyrillic;
    if (fallback && cueCounts.every((n) => n === 0)) return fallback;
  }
  const [best] = loadFranc()(text.slice(0, FRANC_SAMPLE), { only: candidates[script], minLength: 1 });
  if (best && best[1] > 0 && best[0] !== 'und') return rules.franc[best[0]]?.lang ?? 'und';
  // franc unsure: fall back on the script alone.
  return rules.scriptFallback[script] ?? 'und';
}
