// What the measuring scripts (bench.mjs, ab.mjs) share: a median, and one timed run of a command.
import { spawnSync } from 'node:child_process';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Milliseconds one run of `file args…` takes, from `cwd`, its output dropped; throws if it fails. */
export function timedRun(file, args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${[file, ...args].join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
