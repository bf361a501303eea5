// Loads the bundled CLI, dist/bundle/main.cjs (scripts/bundle.mjs), with V8's code cache.
//
// Compiling the bundle's 380 KB, and later each function the run calls for the first time, was
// about 25 ms of a start. V8 can skip that work for code it has compiled before, given the cache
// it made then: scripts/code-cache.mjs, at the end of the build, loads the bundle here, runs the
// seeds through it in every format and writes the cache of all the code that ran beside the
// bundle (CODE_CACHE). V8 takes a cache only for the same source and the same V8 and flags; any
// other (a changed bundle, another Node, `--cpu-prof`) it rejects, and the bundle is compiled as
// if there were none. Node 20 keeps no such cache for ES modules, hence a CommonJS bundle, which
// this module compiles as Node's own loader would: wrapped in a function of exports, require,
// module, __filename and __dirname.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { REQUIRE_MODULE } from '../runtime.js';

export const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '..', 'bundle', 'main.cjs');
export const CODE_CACHE = join(dirname(BUNDLE), 'main.cache');

export type Main = (argv: string[]) => Promise<void>;

/** The bundle's `main`, and the compiled script (null when the bundle was loaded by `require`). */
export function loadMain(): { main: Main; script: Script | null } {
  const require = createRequire(BUNDLE);
  // Where Node cannot require an ES module (before 20.19) the bundle imports franc, and a script
  // compiled by node:vm cannot import: Node's own loader loads it then, without a cache.
  if (!REQUIRE_MODULE) {
    return { main: (require(BUNDLE) as { main: Main }).main, script: null };
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(CODE_CACHE);
  } catch {
    cachedData = undefined; // no cache (a build without its last step): compile
  }
  const source = readFileSync(BUNDLE, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const module = { exports: {} as { main: Main } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, BUNDLE, dirname(BUNDLE));
  return { main: module.exports.main, script };
}
