#!/usr/bin/env node
// node scripts/anchor-reach.mjs [dir …]   (after npm run build)
//
// For every anchored rule (src/rules/anchor.ts), scans texts whole and reports, per rule: its
// matches, the matches that contain no anchor hit (each one would be lost), and the farthest a
// match starts before its first anchor hit and ends after its last one, next to the reach the
// rules allow. Run it on real news after changing a rule or an anchor; default texts: seeds/ and
// ../shared/eval-data/*/docs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { anchoredRules } = await import(join(root, 'dist', 'extractors', 'index.js'));
const { detectLanguage } = await import(join(root, 'dist', 'lang', 'detect.js'));
const { matchAll } = await import(join(root, 'dist', 'rules', 'regex.js'));

const evalRoot = join(root, '..', 'shared', 'eval-data');
const dirs = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [join(root, 'seeds'), ...(existsSync(evalRoot) ? readdirSync(evalRoot).map((s) => join(evalRoot, s, 'docs')) : [])];
const texts = [];
for (const d of dirs) if (existsSync(d)) for (const f of readdirSync(d).sort()) if (f.endsWith('.txt')) texts.push(readFileSync(join(d, f), 'utf8'));

let bad = 0;
for (const lang of ['ru', 'kk', 'en']) {
  const docs = texts.filter((t) => detectLanguage(t) === lang);
  if (!docs.length) continue;
  console.log(`# ${lang}: ${docs.length} texts`);
  console.log('rule | matches | no anchor | before (max/allowed) | after (max/allowed)');
  for (const rule of anchoredRules(lang)) {
    let matches = 0, lost = 0, before = 0, after = 0;
    for (const text of docs) {
      const hits = matchAll(rule.anchor, text).map((h) => [h.index, h.index + h[0].length]);
      for (const m of matchAll(rule.re, text)) {
        matches++;
        const s = m.index, e = s + m[0].length;
        const inside = hits.filter(([hs, he]) => hs >= s && he <= e);
        if (!inside.length) { lost++; continue; }
        before = Math.max(before, inside[0][0] - s);
        after = Math.max(after, e - inside[inside.length - 1][1]);
      }
    }
    const flag = lost || before > rule.before ? '  <-- matches lost' : after > rule.after ? '  (whole-text rescans)' : '';
    if (lost || before > rule.before) bad++;
    console.log(`${rule.id} | ${matches} | ${lost} | ${before}/${rule.before} | ${after}/${rule.after}${flag}`);
  }
}
process.exitCode = bad ? 1 : 0;
