// Compiling the rules: every rule of every language built once, as plain data (see
// ./rules/compiled.ts). `npm run build` writes it beside the code (scripts/compile-rules.mjs).
import './pipeline.js'; // every extractor, with the per-language builders they declare
import { compileRules, type CompiledRules } from './rules/compiled.js';
import { buildAllRules } from './rules/load.js';
import { declaredRegexes, regex } from './rules/regex.js';
import { LANGS } from './types.js';

/** The compiled form of every rule of `langs`. */
export function compileAllRules(langs: readonly string[] = LANGS): CompiledRules {
  return compileRules(() => {
    buildAllRules(langs);
    for (let i = 0; i < declaredRegexes.length; i++) regex(...declaredRegexes[i]!);
  });
}
