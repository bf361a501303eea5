// The rules' compiled form: what building a language's rules makes from rules/ before anything can
// match, as plain data. That is every regex source rewritten by ./unicode.ts (keyed by the source
// as written), and the values built through `compiledValue` (a language's leader names and titles).
//
// `compileRules()` builds every rule of every language: it runs each per-language builder
// (`perLang` in ./load.ts) for each language and rewrites every regex declared meanwhile or
// before (`regex`, `lazyRegex`). `npm run build` writes the result to COMPILED_FILE
// (scripts/compile-rules.mjs). The CLI and the library alike read it on first need, and take it
// only while its hash of rules/ is the hash of the rules/ they read; without it (tests run from
// source, rules/ edited since the build) the same sources and values are built in memory when
// first asked for. The result is the same either way.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byCodeUnits } from '../text/order.js';
import { RULES_DIR } from './load.js';

/** Where the build writes the compiled rules: dist/rules.json. */
export const COMPILED_FILE = fileURLToPath(new URL('../rules.json', import.meta.url));

export interface CompiledRules {
  /** `rulesHash()` of the rules/ it was compiled from. */
  hash: string;
  /** Each rewritten source by its key (see `rewrite` in ./unicode.ts): null when it cannot be rewritten. */
  sources: Record<string, string | null>;
  /** Each value built through `compiledValue`, by name. */
  values: Record<string, unknown>;
}

interface Tables {
  sources: Map<string, string | null>;
  values: Map<string, unknown>;
}

/** What the compiled file gave (undefined: not read yet); what has been built in this process. */
let fromFile: Tables | null | undefined;
const built: Tables = { sources: new Map(), values: new Map() };

/** Uses `compiled` from now on, or none (null); whether it was taken (its hash is that of rules/). */
export function useCompiled(compiled: CompiledRules | null): boolean {
  fromFile = null;
  if (!compiled || compiled.hash !== rulesHash()) return false;
  fromFile = { sources: new Map(Object.entries(compiled.sources)), values: new Map(Object.entries(compiled.values)) };
  return true;
}

function tables(): Tables | null {
  if (fromFile === undefined) {
    let compiled: CompiledRules | null = null;
    try {
      compiled = JSON.parse(readFileSync(COMPILED_FILE, 'utf8')) as CompiledRules;
    } catch {
      compiled = null; // not built: everything is built in memory
    }
    useCompiled(compiled);
  }
  return fromFile!;
}

/** A regex source's compiled form, built by `make` the first time it is asked for and not compiled. */
export function compiledSource(key: string, make: () => string | null): string | null {
  const found = tables()?.sources.get(key);
  if (found !== undefined) return found;
  let out = built.sources.get(key);
  if (out === undefined) built.sources.set(key, (out = make()));
  return out;
}

/** The value named `name`: compiled, or built by `build` (which must give plain, JSON-able data). */
export function compiledValue<T>(name: string, build: () => T): T {
  const found = tables()?.values.get(name);
  if (found !== undefined) return found as T;
  let out = built.values.get(name) as T | undefined;
  if (out === undefined) built.values.set(name, (out = build()));
  return out;
}

/**
 * Builds every rule of `langs` and returns what was built, as the compiled file holds it. `build`
 * runs the builders (see `buildAllRules` in ./load.ts) and declares every regex; the compiled file
 * is set aside meanwhile so that everything is built here.
 */
export function compileRules(build: () => void): CompiledRules {
  const before = fromFile;
  fromFile = null;
  try {
    build();
  } finally {
    fromFile = before;
  }
  const sorted = <T>(m: Map<string, T>): Record<string, T> => Object.fromEntries([...m].sort(([a], [b]) => byCodeUnits(a, b)));
  return { hash: rulesHash(), sources: sorted(built.sources), values: JSON.parse(JSON.stringify(sorted(built.values))) };
}

let hash: string | undefined;

/** A hash of every file under rules/ (its path and bytes): what the compiled form was made from. */
export function rulesHash(): string {
  if (hash !== undefined) return hash;
  const h = createHash('sha256');
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => byCodeUnits(a.name, b.name))) {
      const path = join(dir, entry.name);
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path, name);
      else h.update(name).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(RULES_DIR, '');
  return (hash = h.digest('hex'));
}
