#!/usr/bin/env node
// node scripts/diplobench-dated.mjs [PREFIX] [--nodate] > out.jsonl   (after npm run build)
//
// Runs the diplobench-dev documents whose name starts with PREFIX (default "en-") one at a time,
// each with its publication date from meta.jsonl as a `date YYYY-MM-DD` header line (unless the
// document opens with one already), and writes diplo's JSON Lines with the offsets shifted back
// to the document as stored. For a CLI without --date; score the output with
// ../shared/tools/score-diplobench.mjs against a gold folder that holds only those documents.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { extract } = await import(path.join(root, 'dist', 'index.js'));
const args = process.argv.slice(2);
const prefix = args.find((a) => !a.startsWith('--')) ?? 'en-';
const dated = !args.includes('--nodate');
const dir = path.join(root, '..', 'shared', 'eval-data', 'diplobench-dev');
const meta = new Map(
  fs.readFileSync(path.join(dir, 'meta.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((m) => [m.doc, m.published]),
);
for (const f of fs.readdirSync(path.join(dir, 'docs')).filter((f) => f.startsWith(prefix)).sort()) {
  const text = fs.readFileSync(path.join(dir, 'docs', f), 'utf8');
  const published = dated && !/^\s*date\s+\d{4}-/.test(text) ? meta.get(f) : null;
  const head = published ? `date ${published}\n` : '';
  const shift = [...head].length;
  for (const fact of extract(head + text, { doc: f })) {
    process.stdout.write(JSON.stringify({ ...fact, start: fact.start - shift, end: fact.end - shift }) + '\n');
  }
}
