// Loading rules/ data: one JSON file per language and topic, read once per process.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** rules/ sits beside src/ and dist/ at the package root. */
export const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');

const cache = new Map<string, unknown>();

/** Language folders found under roots added by `addRulesRoot`: folder name → its root. */
const extraRoots = new Map<string, string>();

/**
 * Adds the language folders under `root` (`root/<lang>/*.json`) to those of rules/: a language
 * diplo ships no rules for, or a replacement of one it does. Returns the languages found.
 */
export function addRulesRoot(root: string): string[] {
  const dir = resolve(root);
  const langs = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  for (const lang of langs) extraRoots.set(lang, dir);
  return langs;
}

/** Whether `lang` is a language of a root added by `addRulesRoot`. */
export const isAddedLanguage = (lang: string): boolean => extraRoots.has(lang);

/** Where `rules/<dir>/<name>.json` is. */
export const rulesPath = (dir: string, name: string): string => join(extraRoots.get(dir) ?? RULES_DIR, dir, `${name}.json`);

/** Thrown when a rules file is missing or malformed: a packaging or editing mistake, never the user's. */
export class RulesError extends Error {}

/**
 * Reads `rules/<dir>/<name>.json` (dir is a language code or `common`).
 * Returns `fallback` when the file does not exist, so a language may omit a topic.
 */
export function loadRules<T>(dir: string, name: string, fallback?: T): T {
  const file = rulesPath(dir, name);
  if (cache.has(file)) return cache.get(file) as T;
  if (!existsSync(file)) {
    if (fallback !== undefined) return fallback;
    throw new RulesError(`rules file missing: ${file}`);
  }
  let data: T;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (e) {
    throw new RulesError(`rules file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  cache.set(file, data);
  return data;
}

/**
 * Memoises a per-language compilation step (regexes built from rules data),
 * so rules are compiled once per process and language.
 */
export function perLang<L extends string, R>(build: (lang: L) => R): (lang: L) => R {
  const compiled = new Map<L, R>();
  const memo = (lang: L) => {
    let r = compiled.get(lang);
    if (r === undefined) {
      r = build(lang);
      compiled.set(lang, r);
    }
    return r;
  };
  builders.push(memo as (lang: string) => unknown);
  return memo;
}

/** Every per-language builder made by `perLang` so far. */
const builders: ((lang: string) => unknown)[] = [];

/**
 * Runs every per-language builder for each of `langs`: builds all the rules of those languages
 * (what ./compiled.ts compiles). Builders that declare others on their first run are run too.
 */
export function buildAllRules(langs: readonly string[]): void {
  for (let i = 0; i < builders.length; i++) for (const lang of langs) builders[i]!(lang);
}
