#!/usr/bin/env node
// Part of `npm run build`, after tsc: bundles the CLI's 60 modules and the packages it uses into
// dist/bundle/, one CommonJS file per entry point: the CLI (main.cjs, which bin/diplo.js loads
// through src/cli/bundle-loader.ts), its worker thread (worker.cjs, which main.cjs starts from
// beside itself) and the build's own step that works out the rules' sources and values once
// (prebuild.cjs), so that what it writes is stamped with the very code that looks it up at run
// time (see src/rules/prebuilt.ts).
// - Why a bundle: Node's ES module loader resolves, reads, compiles and links each module apart,
//   about 50 ms of every start for diplo's 60, and its CommonJS loader found, read and wrapped the
//   packages' 13 files one by one, about 11 ms more.
// - Why CommonJS: a CommonJS file can be compiled with V8's code cache (node:vm's `cachedData`;
//   Node 20 has no cache for ES modules), which scripts/code-cache.mjs writes at the end of the
//   build; and Node's ES module loader itself need not load.
// dist/bundle/ is two folders deep like dist/<folder>/, so paths the modules take from their own
// location (`../../rules`, `../../package.json`) are the same bundled or not; `import.meta.url`
// is the bundle file's URL. franc stays outside: it is loaded only when a text's script leaves
// its language in doubt (src/lang/detect.ts), by `require` from node_modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

// cli-table3 measures widths with src/format/width.ts, which leaves to its own string-width
// only the texts it cannot measure by their length (see there).
const tableWidth = {
  name: 'table-width',
  setup(esbuild) {
    const cliTable = createRequire(join(root, 'package.json')).resolve('cli-table3');
    const stringWidth = createRequire(cliTable).resolve('string-width');
    const ours = join(root, 'dist', 'format', 'width.js');
    esbuild.onResolve({ filter: /^string-width$/ }, ({ importer }) =>
      importer.includes(`${sep}cli-table3${sep}`) ? { path: 'string-width', namespace: 'table-width' } : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'table-width' }, () => ({
      contents: `const measure = require(${JSON.stringify(stringWidth)});
const { displayWidth } = require(${JSON.stringify(ours)});
module.exports = (text) => displayWidth(text, measure);`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    main: join(root, 'dist', 'cli', 'main.js'),
    worker: join(root, 'dist', 'cli', 'worker.js'),
    prebuild: join(root, 'scripts', 'prebuild.mjs'),
  },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['franc'],
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [tableWidth],
  logLevel: 'warning',
});
