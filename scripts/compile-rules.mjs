#!/usr/bin/env node
// Part of `npm run build`, after tsc: compiles every rule of every language into dist/rules.json,
// which the CLI and the library read at start (see src/rules/compiled.ts).
import { writeFileSync } from 'node:fs';
import { compileAllRules } from '../dist/compile.js';
import { COMPILED_FILE } from '../dist/rules/compiled.js';

writeFileSync(COMPILED_FILE, JSON.stringify(compileAllRules()));
