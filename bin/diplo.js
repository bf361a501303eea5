#!/usr/bin/env node
// `diplo --version` is answered here, without loading the command-line parser; everything else
// goes to the built CLI.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // Compile regular expressions to machine code at once. By default V8 first interprets a
  // regex and compiles it after some runs; with diplo's hundreds of large rules that tiering
  // kept many of them interpreted and made extraction up to 2× slower (see README, Performance).
  // The flag is read when a regex is compiled, so it holds for everything imported below and for
  // worker threads.
  (await import('node:v8')).setFlagsFromString('--no-regexp-tier-up');
  const { main } = await import('../dist/cli/main.js');
  await main(process.argv);
}
