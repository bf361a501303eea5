// What `npm run build` works out once so that a run does not: the rules' regex sources rewritten
// for V8 (see ./unicode.ts) and values compiled from the rules (a language's leader names, titles
// and their leads: see ../extractors/leader/compile.ts), each of which every run would otherwise
// build the same way at start-up.
//
// scripts/prebuild.mjs, run from the bundle (scripts/bundle.mjs), extracts the seeds and every
// language's fixture sentences while recording, and writes PREBUILT_FILE beside the bundle's
// code; a run looks sources and values up there first and builds what it does not find.
// - A source's key is the whole source, so a rule edited since the build is not found.
// - A value's key is its name; with it the file keeps a fingerprint of each rules file its build
//   read (through `loadRules`), and the value is taken only while every one of them is the same.
// - The file is taken only when its stamp is this code's: the text of the modules beside this
//   one (the bundle's three files, or src/rules/ under the tests), the case-variants file and the
//   Unicode version. Read by other code than wrote it, it is ignored, never trusted. A file that
//   does not parse is ignored too: it is a cache, never an error.
// Unbundled (the library's dist/ modules, the tests) there is no file beside: everything is built.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byCodeUnits } from '../text/order.js';
import { rulesPath, watchRules } from './load.js';

/** The build's file, beside this module (in dist/bundle/, where the build writes it). */
export const PREBUILT_FILE = fileURLToPath(new URL('./prebuilt.json', import.meta.url));

/**
 * The file is JSON in UTF-16, read into a string as it stands: decoding its 2 MB as UTF-8
 * (Cyrillic sources and their case variants) took 9–14 ms of the 15–20 that loading it cost.
 */
const ENCODING = 'utf16le';

/** A value and what its build read: `rules` maps "dir/name" to the file's fingerprint. */
export interface PrebuiltValue {
  rules: Record<string, string>;
  value: unknown;
}

/** What the build writes. */
export interface Prebuilt {
  stamp: string;
  /** Each rewritten source by its key (see `rewrite`): null when it cannot be rewritten. */
  sources: Record<string, string | null>;
  values: Record<string, PrebuiltValue>;
}

interface Tables {
  sources: Map<string, string | null>;
  values: Map<string, PrebuiltValue>;
}

/** undefined: not loaded yet; null: none (missing, or stamped by other code). */
let loaded: Tables | null | undefined;
let recording: Tables | null = null;

function tables(): Tables | null {
  if (loaded === undefined) usePrebuilt(PREBUILT_FILE);
  return loaded!;
}

/**
 * Uses what `file` holds (or nothing, with null) from now on; whether it was taken, which it is
 * only when stamped by this code.
 */
export function usePrebuilt(file: string | null): boolean {
  loaded = null;
  if (file === null || recording || !existsSync(file)) return false;
  let data: Prebuilt;
  try {
    data = JSON.parse(readFileSync(file, ENCODING)) as Prebuilt;
  } catch {
    return false;
  }
  if (data?.stamp !== prebuiltStamp() || typeof data.sources !== 'object' || typeof data.values !== 'object') return false;
  loaded = { sources: new Map(Object.entries(data.sources)), values: new Map(Object.entries(data.values)) };
  return true;
}

export function writePrebuilt(file: string, data: Prebuilt): void {
  writeFileSync(file, JSON.stringify(data), ENCODING);
}

/**
 * Starts recording every source rewritten and every value built (nothing is looked up in a file
 * meanwhile); the function it returns stops the recording and gives what was recorded.
 */
export function recordPrebuilt(): () => Prebuilt {
  loaded = null;
  const rec = (recording = { sources: new Map(), values: new Map() });
  const sorted = <T>(m: Map<string, T>): Record<string, T> => Object.fromEntries([...m].sort(([a], [b]) => byCodeUnits(a, b)));
  return () => {
    if (recording === rec) recording = null;
    return { stamp: prebuiltStamp(), sources: sorted(rec.sources), values: sorted(rec.values) };
  };
}

/** A source's rewriting from the file: undefined when it is not there. */
export function prebuiltSource(key: string): string | null | undefined {
  return tables()?.sources.get(key);
}

/** Records a source's rewriting, when recording. */
export function recordSource(key: string, rewritten: string | null): void {
  recording?.sources.set(key, rewritten);
}

/**
 * The value named `name`: from the file when the rules it was built from are unchanged, else
 * built. `build` must be plain data (it goes through JSON) and read the rules files it depends on
 * through `loadRules` (not through another module's memo), so that the build sees which they are.
 * While recording it is built, and what is returned has been through JSON as a run will get it.
 */
export function prebuiltValue<T>(name: string, build: () => T): T {
  if (recording) {
    const rules = new Set<string>();
    const value = watchRules((dir, file) => rules.add(`${dir}/${file}`), build);
    const fingerprints = Object.fromEntries([...rules].sort(byCodeUnits).map((r) => [r, fingerprint(r)]));
    const stored = JSON.parse(JSON.stringify(value)) as T;
    recording.values.set(name, { rules: fingerprints, value: stored });
    return stored;
  }
  const found = tables()?.values.get(name);
  if (found && Object.entries(found.rules).every(([r, f]) => fingerprint(r) === f)) return found.value as T;
  return build();
}

const fingerprints = new Map<string, string>();

/** A rules file's fingerprint ("dir/name"): a hash of its bytes ("missing" when there is none). */
function fingerprint(rulesFile: string): string {
  let f = fingerprints.get(rulesFile);
  if (f === undefined) {
    const slash = rulesFile.indexOf('/');
    const file = rulesPath(rulesFile.slice(0, slash), rulesFile.slice(slash + 1));
    f = existsSync(file) ? digest([readFileSync(file)]) : 'missing';
    fingerprints.set(rulesFile, f);
  }
  return f;
}

/** A hash of what everything in the file depends on besides the rules: this code, the case variants, Unicode. */
export function prebuiltStamp(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const code = readdirSync(here)
    .filter((f) => /\.(?:c?js|ts)$/.test(f))
    .sort(byCodeUnits)
    .map((f) => readFileSync(join(here, f)));
  return digest([...code, readFileSync(rulesPath('common', 'case-variants')), process.versions.unicode ?? '']);
}

/**
 * SHA-1 of the parts, each ended by a NUL, in hex: a fingerprint, not a defence. Hashed natively,
 * the 150 KB of code and the rules read take about a millisecond; in JavaScript, at start-up,
 * before the code is compiled, a 32-bit FNV hash of them took 8–10.
 */
function digest(parts: (string | Buffer)[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}
