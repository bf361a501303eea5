#!/usr/bin/env node
// node scripts/ab.mjs N <build A> <build B> <diplo arguments…>
//
// Before and after, on a shared machine: runs `diplo <arguments>` from two builds (directories
// holding bin/ and dist/, such as a `git worktree` of the earlier commit, built) one after the
// other, N pairs, from the project root, and prints each build's median time and the median of
// the pairs' differences. Paired runs keep the machine's drift (a quarter or more within an
// hour) out of the difference; two bench runs would not.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timedRun } from './timing.mjs';

const [n, a, b, ...args] = process.argv.slice(2);
if (!Number(n) || !a || !b || !args.length) {
  console.error('usage: node scripts/ab.mjs N <build A> <build B> <diplo arguments…>');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// diplo is timed as it runs on users' machines. This build machine sets NODE_EXTRA_CA_CERTS,
// and Node reads that file at every start, before any of diplo's code: it is left out.
const caCerts = process.env.NODE_EXTRA_CA_CERTS;
delete process.env.NODE_EXTRA_CA_CERTS;
const times = { a: [], b: [] };
for (let i = 0; i < Number(n); i++) {
  for (const [key, build] of [['a', a], ['b', b]]) {
    times[key].push(timedRun(process.execPath, [join(build, 'bin', 'diplo.js'), ...args], root));
  }
}
const diffs = times.a.map((t, i) => t - times.b[i]);
console.log(`A ${a}: median ${median(times.a).toFixed(1)} ms`);
console.log(`B ${b}: median ${median(times.b).toFixed(1)} ms`);
console.log(`A − B, median of ${diffs.length} pairs: ${median(diffs).toFixed(1)} ms; B faster in ${diffs.filter((d) => d > 0).length}`);
