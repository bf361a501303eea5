#!/usr/bin/env node
// Writes fixtures/seeds/<seed>.jsonl from what the built pipeline finds in seeds/ now.
// The files are the expected facts test/seeds.test.ts holds the pipeline to: after running
// this, read `git diff fixtures/seeds` line by line against the seed text and commit only
// what a careful reader agrees with.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../dist/index.js';

const root = join(import.meta.dirname, '..');
for (const name of readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort()) {
  const { facts } = extractDocument(`seeds/${name}`, readFileSync(join(root, 'seeds', name), 'utf8'));
  const lines = facts.map(({ type, text, start, end, value }) => JSON.stringify({ type, text, start, end, value }));
  writeFileSync(join(root, 'fixtures', 'seeds', name.replace(/\.txt$/, '.jsonl')), lines.join('\n') + '\n');
  console.error(`${name}: ${facts.length} facts`);
}
