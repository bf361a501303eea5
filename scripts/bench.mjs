#!/usr/bin/env node
// npm run bench: wall times of the built CLI, median of N runs (default 5).
//   diplo --version              start-up
//   diplo extract seeds/         the main job on the seeds (jsonl to /dev/null)
// Figures go into the README and closing notes, never into unit tests.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'diplo.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`diplo ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    times.push(ms);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const rows = [
  ['diplo --version', time(['--version'])],
  ['diplo extract seeds/ --format jsonl', time(['extract', 'seeds', '--format', 'jsonl'])],
];
console.log(`${new Date().toISOString().slice(0, 10)}  node ${process.version}  ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}  (median of ${runs})`);
for (const [name, t] of rows) {
  console.log(`${name.padEnd(40)} ${t.median.toFixed(0).padStart(6)} ms   (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)})`);
}
