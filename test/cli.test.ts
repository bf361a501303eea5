// The command line end to end, as users and scripts call it.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, diplo, hasStackTrace, parseCsv } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'diplo-cli-'));
const good = join(tmp, 'good.txt');
writeFileSync(good, 'Иран вложил 17,8 млн долларов, товарооборот вырос на 40%.\n');

describe('diplo extract', () => {
  it('writes one JSON document on stdout for --format json, and nothing else', () => {
    const r = diplo(['extract', 'seeds', '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.documents.map((d: { doc: string }) => d.doc)).toEqual([
      'seeds/000_ed1c67ee501b6729.txt',
      'seeds/001_fa50bf14b7ffdc3c.txt',
      'seeds/002_b35a34c5191a8ded.txt',
      'seeds/003_bc435e12eb6389dd.txt',
      'seeds/004_cfe22c3e38d54788.txt',
    ]);
    expect(out.documents[3].lang).toBe('kk');
    expect(out.documents[2].date).toEqual({ iso: '2025-10-21', source: 'header' });
    const total = out.documents.reduce((n: number, d: { facts: unknown[] }) => n + d.facts.length, 0);
    expect(out.summary.facts).toBe(total);
  });

  it('writes one fact per line for --format jsonl, with offsets that slice back to the text', () => {
    const r = diplo(['extract', 'seeds', '--format', 'jsonl']);
    expect(r.status).toBe(0);
    const facts = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(facts.length).toBeGreaterThan(20);
    for (const f of facts) {
      const doc = [...readFileSync(join(ROOT, f.doc), 'utf8')];
      expect(doc.slice(f.start, f.end).join('')).toBe(f.text);
      expect(f.sentence).toContain(f.text);
    }
  });

  it('--date dates stdin and undated files: every fact carries it as docDate, relative dates resolve against it', () => {
    const r = diplo(['extract', '-', '--format', 'jsonl', '--date', '2025-11-17'], 'В этом году товарооборот вырос на 40%.\n');
    expect(r.status).toBe(0);
    const facts = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(facts.map((f) => [f.type, f.docDate])).toEqual([
      ['date', '2025-11-17'],
      ['percent', '2025-11-17'],
    ]);
    expect(facts[0].value.iso).toBe('2025');
    // A date header is the document's own date: it wins over --date.
    const h = diplo(['extract', '-', '--format', 'jsonl', '--date', '2025-11-17'], 'date 2024-03-01\nРост на 40%.\n');
    expect(JSON.parse(h.stdout.trim()).docDate).toBe('2024-03-01');
  });

  it('shows in the table what each figure is about, and gives CSV columns to pivot by measure and status', () => {
    const text = 'Товарооборот между Казахстаном и Узбекистаном составил 4,97 млрд долларов. Его намерены довести до 10 млрд долларов к 2030 году.\n';
    const t = diplo(['extract', '-', '--format', 'table', '--date', '2025-11-17'], text);
    expect(t.stdout.replace(/[│\s]+/g, ' ')).toContain('trade, target');
    expect(t.stdout.replace(/[│\s]+/g, ' ')).toContain('KZ–UZ · by 2030');
    const c = diplo(['extract', '-', '--format', 'csv', '--type', 'money'], text);
    const [header, ...rows] = parseCsv(c.stdout.trim());
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[col('measure')], r[col('status')]])).toEqual([
      ['trade', 'actual'],
      ['trade', 'target'],
    ]);
  });

  it('refuses a --date that is not a calendar day, exit 2', () => {
    const r = diplo(['extract', '-', '--date', '2025-13-45'], 'Рост на 40%.\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/YYYY-MM-DD/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('keeps stdout pure JSON when run from a directory with a .env file (no dependency banner)', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'diplo-env-'));
    writeFileSync(join(cwd, '.env'), 'DEBUG=*\nNODE_ENV=development\n');
    const r = spawnSync(process.execPath, [BIN, 'extract', join(ROOT, 'seeds'), '--format', 'json'], { cwd, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.documents).toBe(5);
  });

  it('reads stdin for -, naming the document -', () => {
    const r = diplo(['extract', '-', '--format', 'jsonl'], 'Товарооборот вырос на 40% и достиг 3 млрд долларов.\n');
    expect(r.status).toBe(0);
    const facts = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(facts.map((f) => [f.doc, f.type, f.text])).toEqual([
      ['-', 'percent', '40%'],
      ['-', 'money', '3 млрд долларов'],
    ]);
  });

  // franc is loaded only when a text needs it, with require where Node can require an ES module
  // (20.19 and later) and by import at start-up where it cannot: both must detect English.
  it.each([
    ['require', []],
    ['import', process.features.require_module ? ['--no-experimental-require-module'] : []],
  ])('detects an English text when franc is loaded by %s', (_how, flags) => {
    const r = spawnSync(process.execPath, [...flags, BIN, 'extract', '-', '--format', 'json'], {
      input: 'The presidents of Kazakhstan and Iran met in Akorda on 11 December 2025.\n',
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).documents[0].lang).toBe('en');
  });

  it('keeps only the types asked for with --type', () => {
    const r = diplo(['extract', 'seeds', '--format', 'jsonl', '--type', 'money']);
    const types = new Set(r.stdout.trim().split('\n').map((l) => JSON.parse(l).type));
    expect([...types]).toEqual(['money']);
  });

  it('names a missing file on stderr, still processes the rest, and exits 1', () => {
    const r = diplo(['extract', join(tmp, 'missing.txt'), good, '--format', 'jsonl']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing.txt: no such file or directory');
    expect(r.stdout).toContain('17,8 млн долларов');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('refuses a binary file as not text, exit 1', () => {
    const bin = join(tmp, 'image.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const r = diplo(['extract', bin, good, '--format', 'jsonl']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/image\.txt: not a text file/);
    expect(r.stdout).toContain('17,8 млн долларов');
  });

  it.each([
    [['extract', 'seeds', '--no-such-option'], /unknown option/],
    [['extract', 'seeds', '--format', 'xml'], /xml/],
    [['extract', 'seeds', '--type', 'weather'], /unknown type weather/],
    [['extract', 'seeds', '--lang', 'de'], /de/],
    [['extract'], /missing required argument/],
  ])('exits 2 on bad usage: %j', (args, message) => {
    const r = diplo(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['--type', 'mony'], /unknown type mony; did you mean money\?/],
    [['--type', 'money,lead'], /did you mean leader\?/],
    [['--format', 'jsn'], /unknown format jsn; did you mean json\?/],
    [['--format', 'xml'], /unknown format xml \(choose from table, json, jsonl, csv\)/],
    [['--lang', 'kz'], /unknown language kz; did you mean kk\?/],
    [['--format', 'json', '--bom'], /--bom is for CSV output only \(the format is json\)/],
  ])('names a mistyped choice and suggests the nearest: %j', (args, message) => {
    const r = diplo(['extract', good, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('takes types, languages and formats in any case', () => {
    const r = diplo(['extract', good, '--type', 'MONEY,Percent', '--lang', 'RU', '--format', 'JSONL']);
    expect(r.status, r.stderr).toBe(0);
    const facts = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(facts.length).toBeGreaterThan(0);
    expect(new Set(facts.map((f) => f.type))).toEqual(new Set(['money', 'percent']));
    expect(facts.every((f) => f.lang === 'ru')).toBe(true);
  });

  it('takes the format from the --output file’s extension when --format is not given', () => {
    const csv = join(tmp, 'by-extension.csv');
    expect(diplo(['extract', good, '--output', csv, '--bom']).status).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFFdoc,lang,type,text,start,end')).toBe(true);
    const jsonl = join(tmp, 'by-extension.jsonl');
    expect(diplo(['extract', good, '--output', jsonl]).status).toBe(0);
    expect(JSON.parse(readFileSync(jsonl, 'utf8').split('\n')[0]!).doc).toBe(good);
    // an explicit --format wins
    const named = join(tmp, 'named.csv');
    expect(diplo(['extract', good, '--output', named, '--format', 'json']).status).toBe(0);
    expect(JSON.parse(readFileSync(named, 'utf8')).documents).toHaveLength(1);
  });

  it('writes to --output and keeps stdout empty', () => {
    const out = join(tmp, 'facts.csv');
    const r = diplo(['extract', good, '--format', 'csv', '--bom', '--output', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFdoc,lang,type,text,start,end')).toBe(true);
    expect(csv).toContain('17,8 млн долларов');
    // One line on stderr says what was written; --quiet leaves it out.
    const facts = csv.trim().split('\n').length - 1;
    expect(r.stderr).toBe(`diplo: wrote ${out}: 1 documents, ${facts} facts\n`);
    expect(diplo(['extract', good, '--output', out, '--quiet']).stderr).toBe('');
  });

  it('names an output file it cannot write, exit 2', () => {
    const r = diplo(['extract', good, '--output', join(tmp, 'no', 'such', 'dir', 'x.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write --output .*x\.json/);
  });

  it('prints a table by default, without colour codes when NO_COLOR is set', () => {
    const r = diplo(['extract', good]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('17,8 млн долларов');
    expect(r.stdout).toMatch(/good\.txt\s+·\s+ru/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('ends quietly when the reader closes the pipe early', () => {
    const r = spawnSync('bash', ['-c', `node "${BIN}" extract seeds seeds seeds --format jsonl | head -1`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).doc).toMatch(/^seeds\//);
    expect(r.stderr).toBe('');
  });

  it('ends quietly when the reader of --help is gone before it is written', () => {
    // `true` exits at once, without reading: node's write then fails with EPIPE.
    const r = spawnSync('bash', ['-c', `node "${BIN}" --help | true; echo "exit \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stderr).toBe('exit 0\n');
  });

  it('shows examples in --help, the version with --version', () => {
    const help = diplo(['extract', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('| jq');
    expect(help.stdout).toContain('--format csv');
    const top = diplo(['--help']);
    expect(top.stdout).toContain('Examples:');
    const v = diplo(['--version']);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe.skipIf(process.platform === 'win32')('bin/diplo.js run as a program, as npm links it', () => {
  const run = (command: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 26 });

  it('runs through a relative link as npm makes it, with the output and exit status of node bin/diplo.js', () => {
    // node_modules/.bin/diplo -> ../diplo/bin/diplo.js
    const bin = join(mkdtempSync(join(tmpdir(), 'diplo-link-')), 'node_modules', '.bin');
    mkdirSync(bin, { recursive: true });
    const link = join(bin, 'diplo');
    symlinkSync(relative(bin, BIN), link);
    const direct = diplo(['extract', 'seeds', '--format', 'jsonl']);
    const linked = run(link, ['extract', 'seeds', '--format', 'jsonl']);
    expect(linked.status).toBe(0);
    expect(linked.stdout).toBe(direct.stdout);
    expect(linked.stdout.split('\n').length).toBeGreaterThan(20);
    const usage = run(link, ['extract', 'seeds', '--format', 'xml']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('xml');
  });
});
