// Reading inputs: files, directories (every regular *.txt, *.md, *.html and *.htm below, sorted
// by path), `https://` URLs, named pipes and `-` for stdin. An HTML page is read as its text (./html.ts).
// A bad input is reported as an `InputProblem` naming the path, never thrown, so the other
// inputs are still processed.
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { byCodeUnits } from '../text/order.js';
import { fetchText, isUrl, type FetchedText } from './fetch.js';
import { declaredCharset, htmlToText, isHtmlPath } from './html.js';

/** The files a directory is read for. */
const DOCUMENT_FILE = /\.(?:txt|md|html?)$/i;

/** A document's text as read, with what its source said of it (an HTML page's title and date). */
export interface InputText {
  text: string;
  title?: string | null;
  /** The publication date from the page's metadata, YYYY-MM-DD. */
  date?: string | null;
  /** The text was taken out of markup or fetched, so it is not a file's bytes: outputs carry it. */
  extracted?: boolean;
}

export interface Input {
  /** The document's name as facts carry it: the path as given (joined for directory members), or `-`. */
  name: string;
  path: string | null; // null for stdin
  /** Bytes, when known before reading (files); decides threads and chunking. */
  size: number;
  /** A named pipe (a FIFO, `<(command)`): read as a stream, never waited on for a writer. */
  pipe?: boolean;
}

export interface InputProblem {
  name: string;
  message: string;
}

/**
 * Inputs in order, held compactly: a directory's files keep their directory's path once and their
 * own names, so the list of a year of news (hundreds of thousands of files) stays small; the
 * `Input` of one is made when it is asked for.
 */
export class InputList implements Iterable<Input> {
  private readonly dirs: string[] = [];
  /** A directory member's file name, or a whole name (`dirOf` -1). */
  private readonly names: string[] = [];
  private readonly dirOf: number[] = [];
  private readonly sizes: number[] = [];
  private readonly pipes = new Set<number>();
  /** Total bytes of the inputs whose size is known. */
  bytes = 0;

  get length(): number {
    return this.names.length;
  }

  /** A file given by name, or `-` for stdin. */
  addFile(name: string, size: number): void {
    this.push(-1, name, size);
  }

  /** A named pipe given by name. */
  addPipe(name: string): void {
    this.pipes.add(this.length);
    this.push(-1, name, 0);
  }

  /** A directory whose files follow (`addMember`); returns its number. */
  addDir(path: string): number {
    return this.dirs.push(path) - 1;
  }

  addMember(dir: number, file: string, size: number): void {
    this.push(dir, file, size);
  }

  at(i: number): Input {
    const d = this.dirOf[i]!;
    const name = d < 0 ? this.names[i]! : join(this.dirs[d]!, this.names[i]!);
    const input: Input = { name, path: name === '-' && d < 0 ? null : name, size: this.sizes[i]! };
    if (this.pipes.has(i)) input.pipe = true;
    return input;
  }

  *[Symbol.iterator](): Iterator<Input> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  private push(dir: number, name: string, size: number): void {
    this.dirOf.push(dir);
    this.names.push(name);
    this.sizes.push(size);
    this.bytes += size;
  }
}

/** No input is read past this many bytes unless --max-size says otherwise. */
export const DEFAULT_MAX_BYTES = 1024 ** 3;

/**
 * Expands the command line's paths into inputs, in order; directories give their regular *.txt
 * files sorted. A file over `maxBytes`, a device or a socket is a problem, not an input: reading
 * /dev/zero would never end. A named pipe is an input, read as a stream.
 */
export function expandPaths(
  paths: readonly string[],
  maxBytes = DEFAULT_MAX_BYTES,
): { inputs: InputList; problems: InputProblem[] } {
  const inputs = new InputList();
  const problems: InputProblem[] = [];
  let stdin = false;
  for (const p of paths) {
    if (isUrl(p)) {
      inputs.addFile(p, 0);
      continue;
    }
    if (p === '-') {
      if (stdin) problems.push({ name: p, message: 'stdin is read once (- was given before)' });
      else inputs.addFile('-', 0);
      stdin = true;
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
      const before = inputs.length;
      addTextFiles(p, inputs, problems, maxBytes);
      if (inputs.length === before) problems.push({ name: p, message: 'no *.txt, *.md or *.html files in this directory' });
    } else if (stat.isFIFO()) inputs.addPipe(p);
    else if (!stat.isFile()) problems.push({ name: p, message: `${kindOf(stat)}, not a text file` });
    else if (stat.size > maxBytes) problems.push({ name: p, message: tooLarge(stat.size, maxBytes) });
    else inputs.addFile(p, stat.size);
  }
  return { inputs, problems };
}

/**
 * Adds every document file (*.txt, *.md, *.html, *.htm) below `dir`, in code-unit order of their paths. Entries are visited sorted
 * by name, a directory's name taken with its `/`: that depth-first order is the order of the full
 * paths, without holding them all to sort.
 */
function addTextFiles(dir: string, inputs: InputList, problems: InputProblem[], maxBytes: number): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ name: dir, message: describe(e) });
    return;
  }
  const kept = entries
    // A FIFO, a device or a socket named *.txt is passed over: only files are read from a directory.
    .filter((e) => e.isDirectory() || (DOCUMENT_FILE.test(e.name) && (e.isFile() || e.isSymbolicLink())))
    .map((e) => ({ name: e.name, isDir: e.isDirectory(), key: e.isDirectory() ? `${e.name}/` : e.name }))
    .sort((a, b) => byCodeUnits(a.key, b.key));
  let d = -1;
  for (const e of kept) {
    if (e.isDir) {
      addTextFiles(join(dir, e.name), inputs, problems, maxBytes);
      continue;
    }
    const path = join(dir, e.name);
    let size = 0; // when the file cannot be stated, its read reports why
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue; // a link to something else than a file
      size = stat.size;
    } catch {
      // reported when read
    }
    if (size > maxBytes) {
      problems.push({ name: path, message: tooLarge(size, maxBytes) });
      continue;
    }
    if (d < 0) d = inputs.addDir(dir);
    inputs.addMember(d, e.name, size);
  }
}

function kindOf(stat: Stats): string {
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Why an input over the size limit is not read. */
export function tooLarge(bytes: number | null, maxBytes: number): string {
  const size = bytes === null ? 'more than' : `${formatBytes(bytes)}, over`;
  return `${size} the size limit of ${formatBytes(maxBytes)} (--max-size)`;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Bytes as the size limit is written: 1 GB, 500 MB, 1.5 KB (units of 1024). */
export function formatBytes(n: number): string {
  let u = 0;
  while (n >= 1024 && u < UNITS.length - 1) (n /= 1024), u++;
  return `${Number(n.toFixed(1))} ${UNITS[u]}`;
}

/** `500MB`, `1GB`, `64k`, `1000` (bytes) as bytes, units of 1024; null when it is not a size. */
export function parseBytes(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?\s*$/i.exec(text);
  if (!m || (m[3] && !m[2] && m[3].length > 1)) return null;
  const n = Number(m[1]) * 1024 ** ' kmgt'.indexOf(m[2]!.toLowerCase() || ' ');
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : null;
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

/** A page's bytes as text: UTF-8, or the charset the page declares (windows-1251 and the like). */
function decodeHtml(bytes: Uint8Array): { text: string } | { problem: string } {
  const charset = declaredCharset(bytes);
  if (!charset || /^utf-?8$/.test(charset)) return decodeText(bytes);
  try {
    return { text: new TextDecoder(charset, { fatal: true }).decode(bytes) };
  } catch (e) {
    return { problem: e instanceof RangeError ? `unknown charset ${charset}` : `not ${charset} text` };
  }
}

/** Reads one file's or URL's text, or the problem that kept it from being read (stdin and pipes are streamed). */
export function readInput(input: Input): InputText | { problem: string } {
  if (input.path !== null && isUrl(input.path)) {
    return fetched.get(input.path) ?? { problem: 'not fetched (fetchUrls was not called)' };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(input.path!);
  } catch (e) {
    return { problem: describe(e) };
  }
  if (!isHtmlPath(input.path!)) return decodeText(bytes);
  const read = decodeHtml(bytes);
  return 'problem' in read ? read : { ...htmlToText(read.text), extracted: true };
}

/** URLs' pages, fetched before the run (this thread's; jobs carry them to worker threads). */
const fetched = new Map<string, FetchedText | { problem: string }>();

/** Fetches every URL among the inputs, one after another, so that `readInput` can read them. */
export async function fetchUrls(inputs: InputList): Promise<void> {
  for (const input of inputs) {
    if (input.path !== null && isUrl(input.path) && !fetched.has(input.path)) {
      fetched.set(input.path, await fetchText(input.path));
    }
  }
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
    default: {
      const message = (e as Error)?.message ?? String(e);
      // Node's "ENOSPC: no space left on device, write" as "no space left on device"
      return typeof code === 'string' ? message.replace(/^E[A-Z]+: /, '').replace(/, \w+(?: '.*')?$/s, '') : message;
    }
  }
}
