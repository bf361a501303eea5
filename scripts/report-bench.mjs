#!/usr/bin/env node
// node scripts/report-bench.mjs [--docs 1000] [--runs 3]
//
// How a large report fares: the seeds copied to --docs documents (under the system temp dir),
// `diplo report` over them (time, size of the HTML), then the page opened in headless Chromium
// (Debian's /usr/bin/chromium, or CHROMIUM_PATH), median of --runs fresh tabs: time from the
// start of navigation to the load event, and to the first frame painted after it; marks counted
// against the facts. Figures go into README and closing notes, never into unit tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const count = opt('--docs', 1000);
const runs = opt('--runs', 3);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`report-bench: no browser at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(2);
}

const work = mkdtempSync(join(os.tmpdir(), 'diplo-report-bench-'));
const corpus = join(work, 'docs');
mkdirSync(corpus);
const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
for (let i = 0; i < count; i++) {
  const seed = seeds[i % seeds.length];
  writeFileSync(join(corpus, `${String(i).padStart(5, '0')}_${seed}`), readFileSync(join(root, 'seeds', seed)));
}

const out = join(work, 'report.html');
const t0 = performance.now();
const made = spawnSync(process.execPath, [join(root, 'bin', 'diplo.js'), 'report', corpus, '-o', out, '-q'], { encoding: 'utf8' });
const makeMs = performance.now() - t0;
if (made.status !== 0) {
  console.error(made.stderr);
  process.exit(1);
}
const facts = spawnSync(process.execPath, [join(root, 'bin', 'diplo.js'), 'extract', corpus, '--format', 'jsonl', '-q'], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
}).stdout.split('\n').filter(Boolean).length;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${join(work, 'profile')}`],
});
const loads = [];
const paints = [];
let marks = 0;
let errors = [];
const metrics = [];
try {
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const start = performance.now();
    await page.goto(`file://${out}`, { waitUntil: 'load', timeout: 60_000 });
    loads.push(performance.now() - start);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    paints.push(performance.now() - start);
    marks = await page.evaluate(() => document.querySelectorAll('mark[data-type]').length);
    const m = await page.metrics();
    metrics.push(m);
    await page.close();
  }
} finally {
  await browser.close();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n) => (n / 1024 / 1024).toFixed(2);
console.log(`documents            ${count} (the ${seeds.length} seeds repeated)`);
console.log(`diplo report         ${(makeMs / 1000).toFixed(2)} s`);
console.log(`report size          ${mb(statSync(out).size)} MB (${statSync(out).size} bytes)`);
console.log(`marks / facts        ${marks} / ${facts}${marks === facts ? '' : '  MISMATCH'}`);
console.log(`open to load event   ${(median(loads) / 1000).toFixed(2)} s (median of ${runs}: ${loads.map((x) => (x / 1000).toFixed(2)).join(', ')})`);
console.log(`open to first frame  ${(median(paints) / 1000).toFixed(2)} s (median of ${runs})`);
const last = metrics[metrics.length - 1];
const secs = (k) => `${k.replace('Duration', '')} ${last[k].toFixed(2)} s`;
console.log(`renderer, last run   ${['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'].map(secs).join(', ')}`);
console.log(`machine load         ${os.loadavg()[0].toFixed(1)} (1-minute load average, ${os.cpus().length} cores)`);
console.log(`script errors        ${errors.length ? errors.join('; ') : 'none'}`);
