// Examples as tests: every line of fixtures/examples/<lang>/<type>.jsonl is one case,
//   {"text": "...", "facts": [{"text": "...", "value": {...}}], "date": "YYYY-MM-DD"?}
// `facts` lists what the extractor of that type must find in `text` (in order; `value` is
// matched as a subset). An empty list is a negative case: nothing of that type may be found.
// `date` gives the document a `date` header line, for cases that resolve relative dates.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { FACT_TYPES, LANGS, type FactType, type SupportedLang } from '../src/types.js';

interface Example {
  text: string;
  facts: { text: string; value?: Record<string, unknown> }[];
  date?: string;
}

const root = join(import.meta.dirname, '..', 'fixtures', 'examples');

for (const lang of LANGS) {
  const dir = join(root, lang);
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const type = file.replace(/\.jsonl$/, '') as FactType;
    if (!FACT_TYPES.includes(type)) throw new Error(`${lang}/${file}: not a fact type`);
    const cases = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .map((line, i) => [line, i + 1] as const)
      .filter(([line]) => line.trim() && !line.startsWith('//'))
      .map(([line, n]) => ({ n, ex: JSON.parse(line) as Example }));
    describe(`${lang} ${type}`, () => {
      it.each(cases)(`line $n: $ex.text`, ({ ex }) => {
        const text = ex.date ? `date ${ex.date}\n${ex.text}` : ex.text;
        const found = extract(text, { lang: lang as SupportedLang, types: [type] });
        expect(found.map((f) => f.text)).toEqual(ex.facts.map((f) => f.text));
        ex.facts.forEach((want, i) => {
          if (want.value) expect(found[i]!.value).toMatchObject(want.value);
        });
      });
    });
  }
}
