#!/usr/bin/env node
// The last step of `npm run build`: V8's code cache of the bundled CLI (see
// src/cli/bundle-loader.ts). Loads dist/bundle/main.cjs as bin/diplo.js does, extracts the seeds
// once in every format (to a file in the temp dir, not to the terminal), so that the code a run
// uses is compiled, and writes the cache of it beside the bundle.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE, CODE_CACHE, loadMain } from '../dist/cli/bundle-loader.js';
import { FORMAT_NAMES } from '../dist/format/names.js';

const root = join(BUNDLE, '..', '..', '..');
const { main, script } = loadMain();
if (script === null) {
  console.error(`${CODE_CACHE}: not written (this Node loads the bundle without a cache)`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'diplo-code-cache-'));
  for (const format of FORMAT_NAMES) {
    await main([process.execPath, 'diplo', 'extract', join(root, 'seeds'), '--format', format, '--output', join(dir, format), '--jobs', '1']);
  }
  rmSync(dir, { recursive: true, force: true });
  if (process.exitCode) throw new Error(`extracting the seeds failed (exit ${process.exitCode})`);
  const cache = script.createCachedData();
  writeFileSync(CODE_CACHE, cache);
  console.error(`${CODE_CACHE}: ${cache.length} bytes`);
}
