// Named, composable regex fragments (after Recognizers-Text): a pattern in rules/ may say
// `{@name}` to include the fragment `name` of rules/<lang>/fragments.json, or of
// rules/common/fragments.json. Expansion is recursive and happens once, when rules compile.
import { loadRules, RulesError } from './load.js';

const REF = /\{@([\w-]+)\}/g;

export function expandFragments(pattern: string, lang: string, depth = 0): string {
  if (depth > 10) throw new RulesError(`fragment references nest too deep in ${lang}: ${pattern}`);
  const own = loadRules<Record<string, string>>(lang, 'fragments', {});
  const common = loadRules<Record<string, string>>('common', 'fragments', {});
  return pattern.replace(REF, (_, name: string) => {
    const frag = own[name] ?? common[name];
    if (frag === undefined) throw new RulesError(`unknown fragment {@${name}} in rules/${lang}`);
    return `(?:${expandFragments(frag, lang, depth + 1)})`;
  });
}
