#!/usr/bin/env node
// npm run bench [-- --size 50MB] [--runs 3] [--jobs 1,2] [--pair] [--fixed] [--no-corpus]
//
// Builds (once, under the system temp dir, outside the repository) a corpus of real news of the
// given size by repeating ../shared/eval-data texts and the seeds as files of realistic size,
// then measures, median of --runs runs:
//   floor       reading the same files and one regular-expression scan for numbers and month names
//   diplo       diplo extract --format jsonl over the corpus, for each --jobs value (in rounds)
// and prints MB/s, documents/s, the ratio to the floor, facts found, peak RSS, whether the output
// bytes are identical across --jobs values, and start-up times, median of 5: diplo --version,
// diplo extract seeds/ (table and JSON Lines), and a fresh process's first library extract().
// With --pair, each round also runs the corpus in two halves, one after the other and then side
// by side as two independent `--jobs 1` processes: the most that any sharing of the work between
// two cores could gain on this machine. With --fixed, each round also runs `--type percent --jobs
// 1`: percentages cost least of the five fact types, so that run is about what every run pays
// besides its extractors (reading, language, document date, sentences, output). Figures go into
// README and closing notes, never into unit tests.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timedRun } from './timing.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// diplo is timed as it runs on users' machines. This build machine sets NODE_EXTRA_CA_CERTS,
// and Node reads that file at every start, before any of diplo's code: it is left out.
const caCerts = process.env.NODE_EXTRA_CA_CERTS;
delete process.env.NODE_EXTRA_CA_CERTS;
const bin = join(root, 'bin', 'diplo.js');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const size = parseSize(opt('--size', '50MB'));
const runs = Number(opt('--runs', '3'));
const jobsList = opt('--jobs', '1,2').split(',').map(Number);
const withCorpus = !args.includes('--no-corpus');
const withPair = args.includes('--pair');
const withFixed = args.includes('--fixed');

function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB)?$/i.exec(s);
  if (!m) throw new Error(`--size: give a size such as 50MB or 1GB, not ${s}`);
  return Math.round(Number(m[1]) * { KB: 1e3, MB: 1e6, GB: 1e9 }[(m[2] ?? 'MB').toUpperCase()]);
}

const mb = (bytes) => bytes / 1e6;

// ---- corpus ----
function sources() {
  const dirs = [join(root, 'seeds')];
  const evalRoot = join(root, '..', 'shared', 'eval-data');
  if (existsSync(evalRoot)) for (const split of readdirSync(evalRoot).sort()) dirs.push(join(evalRoot, split, 'docs'));
  const texts = [];
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.txt')) texts.push(readFileSync(join(d, f)));
  }
  if (!texts.length) throw new Error('no source texts found (seeds/ and ../shared/eval-data)');
  return texts;
}

/** Files of 2-8 KB, as news articles are: short sources are joined, long ones kept whole. */
function buildCorpus(dir) {
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  mkdirSync(dir, { recursive: true });
  const texts = sources();
  let bytes = 0;
  let files = 0;
  let i = 0;
  while (bytes < size) {
    let buf = texts[i++ % texts.length];
    while (buf.length < 2048) buf = Buffer.concat([buf, Buffer.from('\n\n'), texts[i++ % texts.length]]);
    const shard = join(dir, String(Math.floor(files / 1000)).padStart(4, '0'));
    if (files % 1000 === 0) mkdirSync(shard, { recursive: true });
    writeFileSync(join(shard, `${String(files).padStart(7, '0')}.txt`), buf);
    bytes += buf.length;
    files++;
  }
  const info = { bytes, files };
  writeFileSync(marker, JSON.stringify(info));
  return info;
}

function listFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.name.endsWith('.txt')) out.push(p);
  }
  return out.sort();
}

// ---- floor: read + one regex scan ----
const FLOOR = /\d+(?:[.,]\d+)?|(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан|january|february|march|april|may|june|july|august|september|october|november|december)\p{L}*/giu;
function floorRun(files) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  let hits = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    FLOOR.lastIndex = 0;
    while (FLOOR.exec(text)) hits++;
  }
  const c = process.cpuUsage(c0);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6, hits };
}

// ---- diplo over the corpus ----
/** `diplo extract` over `paths` (a directory, or several), with `more` arguments. */
function diploRun(paths, jobs, more = []) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', process.execPath, bin, 'extract', ...[paths].flat(), '--format', 'jsonl', '--jobs', String(jobs), '--quiet', ...more], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const hash = createHash('sha256');
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (b) => {
      hash.update(b);
      for (let i = 0; i < b.length; i++) if (b[i] === 10) lines++;
    });
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const [rssKb, user, sys] = stderr.trim().split('\n').pop().split(' ').map(Number);
      if (code !== 0) return reject(new Error(`diplo exited ${code}: ${stderr.slice(0, 500)}`));
      resolve({ seconds, cpu: user + sys, facts: lines, rssMb: rssKb / 1024, sha: hash.digest('hex') });
    });
  });
}

/**
 * The corpus's shards in two halves, run alone one after the other, then side by side as two
 * processes that share nothing: their seconds in all, and the seconds until both were done.
 */
async function pairRound(dir) {
  const shards = readdirSync(dir).filter((d) => /^\d{4}$/.test(d)).sort().map((d) => join(dir, d));
  if (shards.length < 2) throw new Error('--pair: the corpus has one shard of 1,000 files; give a --size of 10MB or more');
  const halves = [shards.slice(0, Math.ceil(shards.length / 2)), shards.slice(Math.ceil(shards.length / 2))];
  let alone = 0;
  for (const h of halves) alone += (await diploRun(h, 1)).seconds;
  const t0 = process.hrtime.bigint();
  await Promise.all(halves.map((h) => diploRun(h, 1)));
  return { alone, together: Number(process.hrtime.bigint() - t0) / 1e9 };
}

/** Median milliseconds of `node bin/diplo.js <cmdArgs>`, n runs. */
function timeStartup(cmdArgs, n = 5) {
  return median(Array.from({ length: n }, () => timedRun(process.execPath, [bin, ...cmdArgs], root)));
}

/** Median milliseconds of a fresh process that imports the library and extracts one seed, n runs. */
function timeLibrary(n = 5) {
  const seed = join(root, 'seeds', readdirSync(join(root, 'seeds')).sort()[0]);
  const code = `const { extract } = await import(${JSON.stringify(join(root, 'dist', 'index.js'))});
extract((await import('node:fs')).readFileSync(${JSON.stringify(seed)}, 'utf8'));`;
  return median(Array.from({ length: n }, () => timedRun(process.execPath, ['--input-type=module', '-e', code], root)));
}

// ---- run ----
const cpu = os.cpus();
console.log(`# diplo bench ${new Date().toISOString().slice(0, 10)}${caCerts ? ' · without NODE_EXTRA_CA_CERTS' : ''} · node ${process.version} · ${cpu.length} × ${cpu[0]?.model?.trim() ?? 'cpu'} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · median of ${runs}`);
const startups = [['--version'], ['extract', 'seeds/'], ['extract', 'seeds/', '--format', 'jsonl']].map((a) => timeStartup(a));
const ms = (t) => `${t.toFixed(0)} ms`;
console.log(
  `start-up, median of 5: diplo --version ${ms(startups[0])} · diplo extract seeds/ ${ms(startups[1])} as a table · with --format jsonl ${ms(startups[2])} · the library's first extract() of a seed ${ms(timeLibrary())}`,
);

if (withCorpus) {
  const dir = join(os.tmpdir(), `diplo-bench-${size}`);
  const info = buildCorpus(dir);
  const files = listFiles(dir);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  console.log(`corpus: ${dir} · ${files.length} files · ${mb(bytes).toFixed(1)} MB`);

  const floors = Array.from({ length: runs }, () => floorRun(files));
  const floorS = median(floors.map((r) => r.seconds));
  const rows = [['floor (read + 1 regex)', floorS, null, null, null, median(floors.map((r) => r.cpu))]];
  const shas = new Set();
  // Rounds, each running every --jobs value once: the machine's speed drifts over minutes, and
  // interleaving keeps that drift out of the ratio between --jobs values.
  const byJobs = new Map(jobsList.map((jobs) => [jobs, []]));
  const pairs = [];
  const fixed = [];
  for (let i = 0; i < runs; i++) {
    for (const jobs of jobsList) byJobs.get(jobs).push(await diploRun(dir, jobs));
    if (withPair) pairs.push(await pairRound(dir));
    if (withFixed) fixed.push(await diploRun(dir, 1, ['--type', 'percent']));
  }
  for (const [jobs, rs] of byJobs) {
    for (const r of rs) shas.add(r.sha);
    const rss = rs.map((r) => r.rssMb);
    rows.push([`diplo --jobs ${jobs}`, median(rs.map((r) => r.seconds)), rs[0].facts, { median: median(rss), max: Math.max(...rss) }, jobs, median(rs.map((r) => r.cpu))]);
  }
  if (fixed.length) {
    const rss = fixed.map((r) => r.rssMb);
    rows.push(['diplo --type percent --jobs 1', median(fixed.map((r) => r.seconds)), fixed[0].facts, { median: median(rss), max: Math.max(...rss) }, null, median(fixed.map((r) => r.cpu))]);
  }
  console.log('');
  // CPU seconds (user + system, every thread of the process) over wall seconds: how many cores a
  // run kept busy. V8's background threads (optimising compilation, garbage collection) count too.
  // Peak RSS varies from run to run with when V8 collects garbage and compiles: the median of
  // the runs' peaks, and the highest of them in parentheses.
  console.log('| run | seconds | MB/s | docs/s | × floor MB/s | facts | peak RSS MB, median (max) | CPU s | cores busy |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [name, s, facts, rss, , cpu] of rows) {
    const rate = mb(bytes) / s;
    console.log(`| ${name} | ${s.toFixed(2)} | ${rate.toFixed(2)} | ${(files.length / s).toFixed(0)} | ${(rate / (mb(bytes) / floorS)).toFixed(3)} | ${facts ?? '–'} | ${rss ? `${rss.median.toFixed(0)} (${rss.max.toFixed(0)})` : '–'} | ${cpu.toFixed(2)} | ${(cpu / s).toFixed(2)} |`);
  }
  const base = rows.find((r) => r[4] === 1);
  for (const r of rows.filter((r) => r[4] && r[4] > 1)) {
    if (!base) continue;
    const rounds = byJobs.get(1).map((one, i) => one.seconds / byJobs.get(r[4])[i].seconds);
    console.log(`speed-up --jobs ${r[4]} over --jobs 1: ${(base[1] / r[1]).toFixed(2)}× (medians); per round ${rounds.map((x) => x.toFixed(2)).join(', ')}`);
  }
  if (pairs.length) {
    const bound = pairs.map((p) => p.alone / p.together);
    console.log(
      `two halves as two independent processes: ${median(pairs.map((p) => p.alone)).toFixed(2)} s one after the other, ` +
        `${median(pairs.map((p) => p.together)).toFixed(2)} s side by side: at most ${median(bound).toFixed(2)}× from two cores ` +
        `(per round ${bound.map((x) => x.toFixed(2)).join(', ')})`,
    );
  }
  console.log(`output bytes identical across --jobs ${jobsList.join(', ')}: ${shas.size === 1 ? 'yes' : 'NO'} (${info.files} files)`);
}
