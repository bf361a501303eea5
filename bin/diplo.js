#!/usr/bin/env node
// `diplo --version` is answered here, without loading the command-line parser; everything else
// goes to the bundled CLI, loaded with V8's code cache (src/cli/bundle-loader.ts).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // No V8 flags are set here at run time: `--no-regexp-tier-up`, set so until 2026-11-21, made
  // node crash now and then (a null regex code pointer on the main thread, about 1 run in 300
  // with worker threads); see README, Measuring.
  const { loadMain } = await import('../dist/cli/bundle-loader.js');
  await loadMain().main(process.argv);
}
