#!/usr/bin/env node
// node scripts/merge-pairs.mjs SET_DIR GOLD.json [--verbose]
//
// Pairwise precision and recall of `diplo events` merges on a set of documents kept outside the
// repository (news text is not ours to commit): SET_DIR holds the documents (`*.txt`), GOLD.json
// names each document's main real-world event:
//   { "events": { "E01": { "kind": "visit", "date": "2025-11-14/2025-11-15", "place": "Tashkent",
//                          "participants": ["kassym-jomart-tokayev", "shavkat-mirziyoyev"] }, … },
//     "docs":   { "a.txt": { "event": "E01" }, … } }
// (`date` is a day, a month or a period `start/end`; `place` a city or null; `participants` are
// leader ids.) docs/mergesets/*.json are such files for the ten sets measured so far, with the
// address each text was read from (the texts themselves are not in the repository: see
// docs/mergesets/README.md for how they are rebuilt). Reports with no text in SET_DIR are left out.
//
// How a pair is counted. diplo extracts every event a document mentions, the main one and others
// ("the coming visit" in a report of a call); only the main one is judged. A document's main
// mentions are its event facts (from `diplo extract --type event`) that fit its gold event:
// - a kind that can name it: a call for a call; a visit or talks for a visit or talks (the talks
//   of a visit are the visit); a summit for a summit; signings are left out (a summit on the
//   visit's last day, which every report of the visit mentions, is not the visit). Only when a
//   document has no such mention does any occasion (visit, talks, summit) stand for an occasion
//   (a report of a visit that tells only of the council the leaders chaired);
// - a participant of the gold event among the mention's participants, two when it names others
//   too ("Putin's call with Mirziyoyev" in a report of Putin's call with Tokayev is another event),
//   or no participants at all;
// - a date that overlaps the gold date widened by a day on each side (a report published the day
//   after dates what it tells by its own day), or no date;
// - a place in the gold event's city (by diplo's English name: "Akorda, Astana" is in Astana,
//   "Nur-Sultan (Astana)" is Astana), or no place, or no gold place. A story's aside ("Macron's
//   visit to Astana last year" in a report of talks in Paris) is so kept apart from its main event.
// The document's records are the `diplo events` records that hold one of its main mentions (as a
// source: same document, start and end). A pair of documents is merged when their records share
// one; a gold pair is a pair with the same gold event. Precision = merged gold pairs / merged
// pairs, recall = merged gold pairs / gold pairs. A document with no main mention (the extraction
// missed its event) merges with nothing; such documents are listed. The same figures are also
// given over the pairs of documents that both have a date (a `date` header, a dateline or a full
// date in the text, as diplo finds it): a report with no date cannot tell two visits of the same
// persons to the same city apart.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'diplo.js');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const [setDir, goldPath] = args.filter((a) => !a.startsWith('--'));
if (!setDir || !goldPath) {
  process.stderr.write('usage: node scripts/merge-pairs.mjs SET_DIR GOLD.json [--verbose]\n');
  process.exit(2);
}
const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
// Reports whose text could not be rebuilt (the store no longer has the page) are left out.
const present = new Set(readdirSync(setDir));
const absent = Object.keys(gold.docs).filter((d) => !present.has(d));
for (const d of absent) delete gold.docs[d];
if (absent.length) process.stderr.write(`left out, no text in ${setDir}: ${absent.join(', ')}\n`);

const diplo = (cmd, format) => {
  const r = spawnSync(process.execPath, [bin, cmd, resolve(setDir), '--format', format, '--quiet', ...(cmd === 'extract' ? ['--type', 'event'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 3);
  }
  return r.stdout;
};

const facts = diplo('extract', 'jsonl').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const records = JSON.parse(diplo('events', 'json')).events;

const names = (gold, k) => (gold === 'call' || gold === 'summit' ? k === gold : k === 'visit' || k === 'meeting');
const occasion = (k) => k === 'visit' || k === 'meeting' || k === 'summit';
const namesLoosely = (gold, k) => (gold === 'call' ? k === 'call' : occasion(k));
const span = (d) => {
  if (!d) return null;
  if (typeof d === 'string') {
    const [from, to] = d.split('/');
    return { from, to: to ?? from };
  }
  if (d.iso) return { from: d.iso, to: d.iso };
  if (d.startIso && d.endIso) return { from: d.startIso, to: d.endIso };
  return null;
};
// Overlap of two ISO spans of any precision: compare on the shorter prefix.
const overlaps = (a, b) => {
  const le = (x, y) => x.slice(0, Math.min(x.length, y.length)) <= y.slice(0, Math.min(x.length, y.length));
  return le(a.from, b.to) && le(b.from, a.to);
};

const DAY = 86_400_000;
const shift = (iso, days) => (iso.length === 10 ? new Date(Date.parse(iso) + days * DAY).toISOString().slice(0, 10) : iso);
const widen = (s) => s && { from: shift(s.from, -1), to: shift(s.to, 1) };
// The city names of a place: "Akorda, Astana" → Astana; "Nur-Sultan (Astana)" → Nur-Sultan, Astana.
const cities = (name) => {
  const city = name.includes(', ') ? name.slice(name.lastIndexOf(', ') + 2) : name;
  const m = /^(.*) \((.*)\)$/.exec(city);
  return m ? [m[1], m[2]] : [city];
};
const inCity = (place, city) => !place || !city || cities(place.name).some((c) => cities(city).includes(c));

const docs = Object.keys(gold.docs).sort();
const key = (doc, start, end) => `${basename(doc)}:${start}:${end}`;
const recordOf = new Map();
records.forEach((r, i) => {
  for (const s of r.sources) recordOf.set(key(s.doc, s.start, s.end), i);
});

const docRecords = new Map();
const missed = [];
for (const doc of docs) {
  const ev = gold.events[gold.docs[doc].event];
  const g = widen(span(ev.date));
  const fits = (kinds) => (f) => {
    if (basename(f.doc) !== doc) return false;
    const v = f.value;
    if (!kinds(ev.kind, v.kind)) return false;
    const ids = v.participants.map((p) => p.id);
    const inside = ids.filter((id) => ev.participants.includes(id)).length;
    if (ids.length && (inside === 0 || (inside < 2 && ids.length > inside))) return false;
    const d = span(v.date);
    if (d && g && !overlaps(d, g)) return false;
    return inCity(v.place, ev.place);
  };
  let main = facts.filter(fits(names));
  if (main.length === 0) main = facts.filter(fits(namesLoosely));
  const recs = new Set(main.map((f) => recordOf.get(key(f.doc, f.start, f.end))).filter((i) => i !== undefined));
  if (recs.size === 0) missed.push(doc);
  docRecords.set(doc, recs);
}

const dated = new Set(facts.filter((f) => f.docDate).map((f) => basename(f.doc)));
const errors = [];
function score(only) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = docs[i];
      const b = docs[j];
      if (only && !(only.has(a) && only.has(b))) continue;
      const same = gold.docs[a].event === gold.docs[b].event;
      const ra = docRecords.get(a);
      const merged = [...docRecords.get(b)].some((x) => ra.has(x));
      if (same && merged) tp++;
      else if (merged) {
        fp++;
        if (!only) errors.push(`false merge  ${a} (${gold.docs[a].event}) + ${b} (${gold.docs[b].event})`);
      } else if (same) {
        fn++;
        if (!only) errors.push(`missed merge ${a} + ${b} (${gold.docs[a].event})`);
      }
    }
  }
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
const { tp, fp, fn, p, r, f1 } = score(null);
const d = score(dated);
const events = new Set(docs.map((d) => gold.docs[d].event));
const multi = [...events].filter((e) => docs.filter((d) => gold.docs[d].event === e).length > 1);
const langs = {};
for (const d of docs) langs[gold.docs[d].lang ?? '?'] = (langs[gold.docs[d].lang ?? '?'] ?? 0) + 1;
console.log(`documents ${docs.length} (${Object.entries(langs).map(([l, n]) => `${l} ${n}`).join(', ')}), gold events ${events.size} (${multi.length} reported more than once), records ${records.length}`);
console.log(`pairs: gold ${tp + fn}, merged ${tp + fp}, correct ${tp}`);
console.log(`pairwise precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f1.toFixed(3)}`);
console.log(
  `dated documents only (${docs.filter((x) => dated.has(x)).length} of ${docs.length}): gold ${d.tp + d.fn}, merged ${d.tp + d.fp}, correct ${d.tp}; precision ${d.p.toFixed(3)}  recall ${d.r.toFixed(3)}`,
);
if (missed.length) console.log(`documents whose main event was not found: ${missed.join(', ')}`);
if (verbose) for (const e of errors) console.log(e);
