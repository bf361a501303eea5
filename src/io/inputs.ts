// Reading inputs: files, directories (every *.txt below, sorted by path) and `-` for stdin.
// A bad input is reported as an `InputProblem` naming the path, never thrown, so the other
// inputs are still processed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Input {
  /** The document's name as facts carry it: the path as given (joined for directory members), or `-`. */
  name: string;
  path: string | null; // null for stdin
  /** Bytes, when known before reading (files); decides threads and chunking. */
  size: number;
}

export interface InputProblem {
  name: string;
  message: string;
}

/** Expands the command line's paths into inputs, in order; directories give their *.txt files sorted. */
export function expandPaths(paths: readonly string[]): { inputs: Input[]; problems: InputProblem[] } {
  const inputs: Input[] = [];
  const problems: InputProblem[] = [];
  for (const p of paths) {
    if (p === '-') {
      inputs.push({ name: '-', path: null, size: 0 });
      continue;
    }
    let stat;
    try {
      stat = statSync(p);
    } catch (e) {
      problems.push({ name: p, message: describe(e) });
      continue;
    }
    if (stat.isDirectory()) {
      const files = listTextFiles(p, problems);
      if (files.length === 0) problems.push({ name: p, message: 'no *.txt files in this directory' });
      for (const f of files) inputs.push(f);
    } else inputs.push({ name: p, path: p, size: stat.size });
  }
  return { inputs, problems };
}

function listTextFiles(dir: string, problems: InputProblem[]): Input[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ name: dir, message: describe(e) });
    return [];
  }
  const out: Input[] = [];
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...listTextFiles(full, problems));
    else if (e.name.endsWith('.txt')) out.push({ name: full, path: full, size: sizeOf(full) });
  }
  return out.sort((a, b) => comparePaths(a.name, b.name));
}

/** A file's size, or 0 when it cannot be read (the read reports why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Plain code-unit order: the same on every machine, whatever the locale. */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 text, or says why they are not text. */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes.includes(0)) return { problem: 'not a text file (it contains NUL bytes)' };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { problem: 'not UTF-8 text' };
  }
}

/** Reads one input's text, or the problem that kept it from being read. */
export function readInput(input: Input, stdin: () => Uint8Array): { text: string } | { problem: string } {
  let bytes: Uint8Array;
  try {
    bytes = input.path === null ? stdin() : readFileSync(input.path);
  } catch (e) {
    return { problem: describe(e) };
  }
  return decodeText(bytes);
}

/** A file-system error in words, without Node's stack. */
export function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (e as Error)?.message ?? String(e);
  }
}
