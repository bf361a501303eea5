#!/usr/bin/env node
// Part of `npm run build`: works out once what every run would otherwise work out the same way
// at start-up, the rules' regex sources rewritten for V8 and the values compiled from the rules
// that are built through `prebuiltValue` (see src/rules/prebuilt.ts). It runs bundled, as
// dist/bundle/prebuild.cjs (scripts/bundle.mjs), so that the file it writes beside the bundle's
// code is stamped with the code that will read it. What is recorded is what extraction builds:
// every language's rules are built by extracting the seeds and the fixtures' example sentences
// in that language, which also builds the rules made on first use (titles, project heads) that
// those texts reach. Regexes are built on first use, not as their modules load (before recording
// starts). What is not written here is built at run time as before.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../dist/pipeline.js';
import { RULES_DIR } from '../dist/rules/load.js';
import { PREBUILT_FILE, recordPrebuilt, writePrebuilt } from '../dist/rules/prebuilt.js';
import { LANGS } from '../dist/types.js';

const root = join(RULES_DIR, '..');
const recorded = recordPrebuilt();

for (const name of readdirSync(join(root, 'seeds')).sort()) {
  extractDocument(name, readFileSync(join(root, 'seeds', name), 'utf8'));
}
for (const lang of LANGS) {
  const dir = join(root, 'fixtures', 'examples', lang);
  for (const name of readdirSync(dir).sort()) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l.startsWith('{'));
    extractDocument(`${lang}/${name}`, lines.map((l) => JSON.parse(l).text).join('\n\n'), { lang });
  }
}

const result = recorded();
writePrebuilt(PREBUILT_FILE, result);
const chars = Object.values(result.sources).reduce((n, s) => n + (s?.length ?? 0), 0);
console.error(
  `${PREBUILT_FILE}: ${Object.keys(result.sources).length} sources (${chars} characters), values ${Object.keys(result.values).join(', ') || 'none'}`,
);
