#!/usr/bin/env node
// node scripts/diplobench.mjs [SPLIT_DIR] [OUT.jsonl] [-- scorer arguments…]
//
// Runs diplo over a DiploBench split as a user would and scores it: each document whose
// meta.jsonl gives a `published` date is extracted on its own with `--date <published>`, the
// others all in one run without; the JSON Lines are concatenated into OUT.jsonl (default
// /tmp/diplobench.jsonl) and scored with ../shared/tools/score-diplobench.mjs (arguments after
// `--` go to the scorer, e.g. `-- --errors 10`). Defaults: ../shared/eval-data/diplobench-dev.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash < 0 ? argv : argv.slice(0, dash);
const scorerArgs = dash < 0 ? [] : argv.slice(dash + 1);
const split = resolve(own[0] ?? join(root, '..', 'shared', 'eval-data', 'diplobench-dev'));
const out = resolve(own[1] ?? '/tmp/diplobench.jsonl');
const scorer = join(root, '..', 'shared', 'tools', 'score-diplobench.mjs');
const bin = join(root, 'bin', 'diplo.js');

const meta = readFileSync(join(split, 'meta.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const diplo = (args) => {
  const r = spawnSync(process.execPath, [bin, 'extract', ...args, '--format', 'jsonl', '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 3);
  }
  return r.stdout;
};
const dated = meta.filter((m) => m.published).sort((a, b) => (a.doc < b.doc ? -1 : 1));
const undated = meta.filter((m) => !m.published).map((m) => join(split, 'docs', m.doc)).sort();
let jsonl = '';
for (const m of dated) jsonl += diplo([join(split, 'docs', m.doc), '--date', m.published]);
if (undated.length) jsonl += diplo(undated);
writeFileSync(out, jsonl);
console.error(`${dated.length} documents with --date, ${undated.length} without → ${out}`);
if (!existsSync(scorer)) {
  console.error(`no scorer at ${scorer}`);
  process.exit(0);
}
const s = spawnSync(process.execPath, [scorer, split, out, ...scorerArgs], { stdio: 'inherit' });
process.exit(s.status ?? 1);
