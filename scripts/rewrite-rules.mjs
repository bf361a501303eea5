#!/usr/bin/env node
// Part of `npm run build`: rewrites the rules' regex sources once (what every run otherwise
// does at start-up, 50–70 ms; see "Rewritten at build time" in src/rules/unicode.ts). It runs
// bundled, as dist/bundle/rewrite-rules.js (scripts/bundle.mjs), so that it shares the chunk
// that rewrites and looks sources up with the CLI: the file it writes beside that chunk is
// stamped with it. The sources are the ones extraction builds: every language's rules are built
// by extracting the seeds and the fixtures' example sentences in that language, which also
// builds the rules made on first use (titles, project heads) that those texts reach. Regexes are
// built on first use, not as their modules load (before recording starts). A source not written
// here is rewritten at run time as before.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../dist/pipeline.js';
import { RULES_DIR } from '../dist/rules/load.js';
import { recordRewrites, REWRITTEN_FILE, writePrebuilt } from '../dist/rules/unicode.js';
import { LANGS } from '../dist/types.js';

const root = join(RULES_DIR, '..');
const recorded = recordRewrites();

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
writePrebuilt(REWRITTEN_FILE, result);
const chars = Object.values(result.sources).reduce((n, s) => n + (s?.length ?? 0), 0);
console.error(`${REWRITTEN_FILE}: ${Object.keys(result.sources).length} sources, ${chars} characters`);
