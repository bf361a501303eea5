#!/usr/bin/env node
// node scripts/anchor-reach.mjs [dir …]   (after npm run build)
//
// For every anchored rule (src/rules/anchor.ts), scans texts whole and reports, per rule: its
// matches, the matches that contain no anchor hit (each one would be lost), and the farthest a
// match starts before its first anchor hit and ends after its last one, next to the reach the
// rules allow. Run it on real news after changing a rule or an anchor; default texts: seeds/ and
// ../shared/eval-data/*/docs.
//
// It also suggests a rule's own reach (a date rule's "reach" in rules/<lang>/dates.json) when the
// texts hold at least MIN_MATCHES of its matches: twice the farthest seen, or 10 more, whichever
// is more, and never under 30 before and 20 after. A smaller window costs less to scan; a match
// that starts farther before its anchor than `before` would be lost, so that side keeps a margin
// (a match that ends past `after` is only rescanned whole, never lost).
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

const MIN_MATCHES = 30;
const up5 = (n) => Math.ceil(n / 5) * 5;
const suggest = (matches, before, after) =>
  matches < MIN_MATCHES ? '–' : `${up5(Math.max(2 * before, before + 10, 30))}/${up5(Math.max(2 * after, after + 10, 20))}`;

let bad = 0;
for (const lang of ['ru', 'kk', 'en']) {
  const docs = texts.filter((t) => detectLanguage(t) === lang);
  if (!docs.length) continue;
  console.log(`# ${lang}: ${docs.length} texts`);
  console.log('rule | matches | no anchor | before (max/allowed) | after (max/allowed) | suggested before/after');
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
    console.log(`${rule.id} | ${matches} | ${lost} | ${before}/${rule.before} | ${after}/${rule.after} | ${suggest(matches, before, after)}${flag}`);
  }
}
process.exitCode = bad ? 1 : 0;
