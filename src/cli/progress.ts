// A progress line on stderr for long runs on a terminal: documents done, MB/s, time left.
// Silent when stderr is not a terminal, with --quiet, and for runs shorter than a second.

export interface Progress {
  done(bytes: number): void;
  finish(): void;
}

const SILENT: Progress = { done: () => {}, finish: () => {} };
const DELAY_MS = 1000;
const EVERY_MS = 200;

export function progress(total: number, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return SILENT;
  const started = Date.now();
  let count = 0;
  let bytes = 0;
  let shown = 0;
  let visible = false;
  return {
    done(b) {
      count++;
      bytes += b;
      const now = Date.now();
      if (now - started < DELAY_MS || now - shown < EVERY_MS) return;
      shown = now;
      visible = true;
      const secs = (now - started) / 1000;
      const rate = bytes / 1e6 / secs;
      const left = count < total ? `, ${formatSeconds(((total - count) * secs) / count)} left` : '';
      process.stderr.write(`\r\u001b[2Kdiplo: ${count}/${total} documents, ${rate.toFixed(2)} MB/s${left}`);
    },
    finish() {
      if (visible) process.stderr.write('\r\u001b[2K');
    },
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
