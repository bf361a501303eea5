#!/usr/bin/env node
// Part of `npm run build`, after tsc: bundles the CLI's 60 modules into dist/bundle/, which
// bin/diplo.js loads. Node's ES module loader resolves, reads, compiles and links each module
// apart, and for diplo's that was about 50 ms of every start (and of every worker thread's).
// Three entry points share their code through chunks: the CLI (main.js), its worker thread
// (worker.js, which main.js starts from beside itself) and the build's own step that works out
// the rules' sources and values once (prebuild.js), so that what it writes is stamped with the
// very code that looks it up at run time (see src/rules/prebuilt.ts).
// dist/bundle/ is two folders deep like dist/<folder>/, so paths the modules take from their
// own location (`../../rules`, `../../package.json`) are the same bundled or not. The packages
// are bundled too (commander, chalk, cli-table3 and its width functions, natural's Jaro–Winkler
// module): Node's CommonJS loader found, read and wrapped their 13 files one by one, about 11 ms
// of a start. franc stays outside: it is loaded only when a text's script leaves its language in
// doubt (src/lang/detect.ts), by `require` from node_modules. The CommonJS packages bundled into
// ES modules still `require` Node's own modules, hence the `require` the banner makes.
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
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['franc'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [tableWidth],
  logLevel: 'warning',
});
