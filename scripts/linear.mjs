#!/usr/bin/env node
// node scripts/linear.mjs [--sizes 100KB,1MB,10MB] [--patterns dots,news,…] [--timeout 600]
//
// Whether diplo's time, memory and output grow in step with its input, for texts made to find
// the places where they might not: one document (read whole up to 256 KiB, in chunks above) made of one
// short piece repeated ("Иван " a million times, a run of dots, a run of figures), and ordinary
// news (the seeds/ texts, repeated) for comparison. For each pattern and size: the time of
// `diplo extract FILE --format jsonl --quiet`, its peak RSS, and its output bytes. It prints,
// per pattern, the time ratio between sizes (10× the input should take about 10× the time),
// the time against news of the same size, and output bytes ÷ input bytes.
// The targets of issue 23: the 1 MB ÷ 100 KB time ratio ≤ 15, no pattern slower than 3× news,
// output ≤ 50× input. A run that passes --timeout seconds is stopped and shown as "> N s".
// Inputs and outputs are written under the system temp dir, never into the repository.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'diplo.js');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

/** Each pattern: a piece repeated to the size. */
const PATTERNS = {
  dots: '.',
  bangs: '!',
  dollars: '$1 ',
  percents: 'на 17,8%, ',
  names: 'Иван ',
  projects: '«Проект ',
  titles: 'Президент ',
  kazakh: 'Тоқаевпенің ',
  talks: 'Токаев провел переговоры с Мирзиёевым, ', // events, one "sentence"
  news: null, // the seeds, joined by blank lines
};

const sizes = opt('--sizes', '100KB,1MB,10MB').split(',').map(parseSize);
const names = opt('--patterns', Object.keys(PATTERNS).join(',')).split(',');
for (const n of names) if (!(n in PATTERNS)) throw new Error(`--patterns: unknown pattern ${n} (known: ${Object.keys(PATTERNS).join(', ')})`);
const timeoutS = Number(opt('--timeout', '600'));
const dir = join(os.tmpdir(), 'diplo-linear');
mkdirSync(dir, { recursive: true });

function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB)?$/i.exec(s);
  if (!m) throw new Error(`--sizes: give sizes such as 100KB,1MB, not ${s}`);
  return Math.round(Number(m[1]) * { KB: 1e3, MB: 1e6, GB: 1e9 }[(m[2] ?? 'MB').toUpperCase()]);
}

function label(bytes) {
  return bytes >= 1e6 ? `${bytes / 1e6} MB` : `${bytes / 1e3} KB`;
}

function news() {
  const d = join(root, 'seeds');
  return readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(d, f), 'utf8').trim()).join('\n\n') + '\n\n';
}

/** The input file of `bytes` UTF-8 bytes (cut at a character), made once. */
function input(name, bytes) {
  const file = join(dir, `${name}-${bytes}.txt`);
  if (existsSync(file) && statSync(file).size <= bytes && statSync(file).size > bytes - 8) return file;
  const piece = Buffer.from(PATTERNS[name] ?? news());
  const buf = Buffer.alloc(bytes + piece.length);
  for (let at = 0; at < bytes; at += piece.length) piece.copy(buf, at);
  let end = bytes;
  while (end > 0 && (buf[end] & 0xc0) === 0x80) end--; // buf[end], the first byte left out, starts a character
  writeFileSync(file, buf.subarray(0, end));
  return file;
}

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** The run under way, stopped with this script (it runs in a process group of its own). */
let current = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) process.kill(-current.pid, 'SIGKILL');
    process.exit(130);
  });
}

/** One run: seconds, peak RSS in MB (null when /usr/bin/time is missing), output bytes, exit status. */
function run(file) {
  const out = `${file}.out`;
  const rss = `${file}.rss`;
  const fd = openSync(out, 'w');
  const cmd = [process.execPath, bin, 'extract', file, '--format', 'jsonl', '--quiet'];
  const argv = timeBin ? [timeBin, '-f', '%M', '-o', rss, ...cmd] : cmd;
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', fd, 'pipe'], detached: true });
    current = child;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid, 'SIGKILL');
    }, timeoutS * 1000);
    child.on('close', (status) => {
      current = null;
      clearTimeout(timer);
      closeSync(fd);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const peak = timeBin && !timedOut && existsSync(rss) ? Number(readFileSync(rss, 'utf8').trim().split('\n').pop()) / 1024 : null;
      resolve({ seconds, timedOut, peak, outBytes: statSync(out).size, status, stderr: stderr.trim().split('\n').slice(-2).join(' ') });
    });
  });
}

const results = {};
for (const name of names) {
  results[name] = {};
  for (const bytes of sizes) {
    const file = input(name, bytes);
    const inBytes = statSync(file).size;
    const r = await run(file);
    results[name][bytes] = { ...r, inBytes };
    const t = r.timedOut ? `> ${timeoutS} s` : `${r.seconds.toFixed(2)} s`;
    const status = r.timedOut ? '' : r.status === 0 ? '' : ` exit ${r.status}: ${r.stderr}`;
    console.error(`${name.padEnd(9)} ${label(bytes).padStart(7)}  ${t.padStart(10)}  ${r.peak === null ? '' : `${r.peak.toFixed(0)} MB`}${status}`);
  }
}

// ---- the table ----
const rows = [];
const head = ['pattern', ...sizes.map((b) => `time ${label(b)}`)];
for (let k = 1; k < sizes.length; k++) head.push(`×${label(sizes[k])}/${label(sizes[k - 1])}`);
head.push(...sizes.map((b) => `÷news ${label(b)}`), ...sizes.map((b) => `RSS ${label(b)}`), ...sizes.map((b) => `out/in ${label(b)}`));
rows.push(head);
const fmtT = (r) => (r.timedOut ? `>${timeoutS}` : r.seconds.toFixed(2));
let failed = [];
for (const name of names) {
  const row = [name];
  const rs = sizes.map((b) => results[name][b]);
  row.push(...rs.map(fmtT));
  for (let k = 1; k < sizes.length; k++) {
    const ratio = rs[k].seconds / rs[k - 1].seconds;
    row.push(rs[k].timedOut || rs[k - 1].timedOut ? '?' : ratio.toFixed(1));
    if (!rs[k].timedOut && !rs[k - 1].timedOut && ratio > 15) failed.push(`${name} ×${label(sizes[k])}/${label(sizes[k - 1])} = ${ratio.toFixed(1)}`);
    if (rs[k].timedOut) failed.push(`${name} ${label(sizes[k])} timed out`);
  }
  for (const [k, b] of sizes.entries()) {
    const n = results.news?.[b];
    const vs = n && !rs[k].timedOut ? rs[k].seconds / n.seconds : null;
    row.push(vs === null ? '-' : vs.toFixed(1));
    if (vs !== null && vs > 3) failed.push(`${name} ${label(b)} is ${vs.toFixed(1)}× news`);
  }
  row.push(...rs.map((r) => (r.peak === null ? '-' : `${r.peak.toFixed(0)}M`)));
  for (const r of rs) {
    const ratio = r.outBytes / r.inBytes;
    row.push(r.timedOut ? '-' : r.status !== 0 ? `exit ${r.status}` : ratio.toFixed(2));
    if (!r.timedOut && ratio > 50) failed.push(`${name} ${label(r.inBytes)} output ${ratio.toFixed(1)}× input`);
    if (!r.timedOut && r.status !== 0) failed.push(`${name} ${label(r.inBytes)} exit ${r.status}`);
  }
  rows.push(row);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
console.log(rows.map((r) => `| ${r.map((x, c) => String(x).padEnd(widths[c])).join(' | ')} |`).join('\n'));
console.log(failed.length ? `\nmissed targets:\n  ${failed.join('\n  ')}` : '\nevery target met');
process.exitCode = failed.length ? 1 : 0;
