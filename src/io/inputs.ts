// Reading inputs: files, directories (every *.txt, *.md, *.html and *.htm below, sorted by
// path), `https://` URLs and `-` for stdin. An HTML page is read as its text (./html.ts).
// A bad input is reported as an `InputProblem` naming the path, never thrown, so the other
// inputs are still processed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  /** Total bytes of the inputs whose size is known. */
  bytes = 0;

  get length(): number {
    return this.names.length;
  }

  /** A file given by name, or `-` for stdin. */
  addFile(name: string, size: number): void {
    this.push(-1, name, size);
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
    return { name, path: name === '-' && d < 0 ? null : name, size: this.sizes[i]! };
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

/** Expands the command line's paths into inputs, in order; directories give their *.txt files sorted. */
export function expandPaths(paths: readonly string[]): { inputs: InputList; problems: InputProblem[] } {
  const inputs = new InputList();
  const problems: InputProblem[] = [];
  for (const p of paths) {
    if (p === '-' || isUrl(p)) {
      inputs.addFile(p, 0);
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
      addTextFiles(p, inputs, problems);
      if (inputs.length === before) problems.push({ name: p, message: 'no *.txt, *.md or *.html files in this directory' });
    } else inputs.addFile(p, stat.size);
  }
  return { inputs, problems };
}

/**
 * Adds every document file (*.txt, *.md, *.html, *.htm) below `dir`, in code-unit order of their paths. Entries are visited sorted
 * by name, a directory's name taken with its `/`: that depth-first order is the order of the full
 * paths, without holding them all to sort.
 */
function addTextFiles(dir: string, inputs: InputList, problems: InputProblem[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ name: dir, message: describe(e) });
    return;
  }
  const kept = entries
    .filter((e) => e.isDirectory() || DOCUMENT_FILE.test(e.name))
    .map((e) => ({ name: e.name, isDir: e.isDirectory(), key: e.isDirectory() ? `${e.name}/` : e.name }))
    .sort((a, b) => byCodeUnits(a.key, b.key));
  let d = -1;
  for (const e of kept) {
    if (e.isDir) {
      addTextFiles(join(dir, e.name), inputs, problems);
      continue;
    }
    if (d < 0) d = inputs.addDir(dir);
    inputs.addMember(d, e.name, sizeOf(join(dir, e.name)));
  }
}

/** A file's size, or 0 when it cannot be read (the read reports why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
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

/** Stdin's text; a page piped in (`curl -s URL | diplo extract -`) is read as its text. */
export function stdinText(raw: string): InputText {
  return /^\uFEFF?\s*<(?:!doctype\s+html|html[\s>])/i.test(raw) ? { ...htmlToText(raw), extracted: true } : { text: raw };
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

/** Reads one input's text, or the problem that kept it from being read. */
export function readInput(input: Input, stdin: () => Uint8Array): InputText | { problem: string } {
  if (input.path !== null && isUrl(input.path)) {
    return fetched.get(input.path) ?? { problem: 'not fetched (fetchUrls was not called)' };
  }
  let bytes: Uint8Array;
  try {
    bytes = input.path === null ? stdin() : readFileSync(input.path);
  } catch (e) {
    return { problem: describe(e) };
  }
  if (input.path === null) {
    const read = decodeText(bytes);
    return 'problem' in read ? read : stdinText(read.text);
  }
  if (!isHtmlPath(input.path)) return decodeText(bytes);
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
    default:
      return (e as Error)?.message ?? String(e);
  }
}
