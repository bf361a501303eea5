#!/bin/sh
":" //; unset NODE_EXTRA_CA_CERTS; exec node "$0" "$@"
// The `diplo` command, read twice. Run as a program (npm's link to it, or `bin/diplo.js …`), the
// shell reads the line above: it drops NODE_EXTRA_CA_CERTS and runs this file with node, which
// reads it as JavaScript (the line above is a string and a comment there). `node bin/diplo.js …`
// comes straight here, on any system.
//
// Node 20 loads the file NODE_EXTRA_CA_CERTS names, and with it its own ~140 root certificates,
// when the process starts, not when a TLS connection first needs them (nodejs/node#40524): with
// the system's bundle there, as on machines behind a TLS-inspecting proxy and on the machine this
// project is built on, about 40 ms of every start (`node -e 0`: 68 ms against 28 here). diplo
// opens no connection and starts no other program, so the variable has nothing to do in its
// process.
//
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
