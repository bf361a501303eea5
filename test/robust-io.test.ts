// The bad-input matrix of the command line: outputs that are inputs, interrupted runs, special
// files, sizes, write errors, closed pipes, too many jobs, control characters. Each case: the exit
// code, the message on stderr, and what is left on disk.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, formatDocument } from '../src/format/index.js';
import { tableFormatter } from '../src/format/table.js';
import { extract, extractDocument, type Fact } from '../src/index.js';
import { BIN, diplo, hasStackTrace } from './helpers.js';

const TEXT = 'Объём торговли вырос на 17,8% и составил 5 млн долларов.\n';
const posix = process.platform !== 'win32';
let tmp: string;

/** A fresh directory with one news file, `a.txt`. */
function dir(): string {
  const d = mkdtempSync(join(tmp, 'case-'));
  writeFileSync(join(d, 'a.txt'), TEXT);
  return d;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'diplo-robust-'));
});

describe('--output never destroys an input', () => {
  it.each([
    ['the same path', (d: string) => ['extract', join(d, 'a.txt'), '--output', join(d, 'a.txt')]],
    ['another input first', (d: string) => ['extract', join(d, 'b.txt'), join(d, 'a.txt'), '-o', join(d, 'a.txt')]],
    ['the directory it is in', (d: string) => ['extract', d, '--format', 'csv', '-o', join(d, 'a.txt')]],
  ])('refuses an output that is an input (%s), exit 2, the file named and left whole', (_, args) => {
    const d = dir();
    writeFileSync(join(d, 'b.txt'), TEXT);
    const r = diplo(args(d));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`diplo: ${join(d, 'a.txt')}: --output is also an input; nothing was written, write the output elsewhere\n`);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(d, 'a.txt'), 'utf8')).toBe(TEXT);
    expect(readdirSync(d).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it.skipIf(!posix)('sees the same file through a symbolic link, a hard link and stdin', () => {
    const d = dir();
    symlinkSync(join(d, 'a.txt'), join(d, 'link.txt'));
    linkSync(join(d, 'a.txt'), join(d, 'hard.txt'));
    for (const [input, as] of [['link.txt', 'link.txt'], ['hard.txt', 'hard.txt']]) {
      const r = diplo(['extract', join(d, input!), '-o', join(d, 'a.txt')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`(as ${join(d, as!)})`);
    }
    const viaStdin = spawnSync('sh', ['-c', `node "${BIN}" extract - -o a.txt < a.txt`], { cwd: d, encoding: 'utf8' });
    expect(viaStdin.status).toBe(2);
    expect(viaStdin.stderr).toBe('diplo: a.txt: --output is also an input (as stdin); nothing was written, write the output elsewhere\n');
    expect(readFileSync(join(d, 'a.txt'), 'utf8')).toBe(TEXT);
  });

  it('replaces the old output only when the new one is complete, and leaves no temporary file', () => {
    const d = dir();
    writeFileSync(join(d, 'out.json'), 'old');
    const r = diplo(['extract', join(d, 'a.txt'), '--format', 'json', '-o', join(d, 'out.json')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 'out.json'), 'utf8')).summary.facts).toBe(2);
    expect(readdirSync(d).sort()).toEqual(['a.txt', 'out.json']);
  });

  it('keeps the old output and removes its temporary file when the run fails', () => {
    const d = dir();
    writeFileSync(join(d, 'out.json'), 'old');
    // every input missing: exit 1, but what was read (nothing) is still written
    const r = diplo(['extract', join(d, 'missing.txt'), '--format', 'jsonl', '-o', join(d, 'out.json')]);
    expect(r.status).toBe(1);
    expect(readFileSync(join(d, 'out.json'), 'utf8')).toBe('');
    expect(readdirSync(d).sort()).toEqual(['a.txt', 'out.json']);
  });

  it.skipIf(!posix).each(['SIGINT', 'SIGTERM'] as const)(
    'on %s removes the temporary file and leaves the old output as it was',
    async (signal) => {
      const d = dir();
      writeFileSync(join(d, 'out.csv'), 'old');
      // stdin held open: the run waits for the rest of its input, its output half written
      const child = spawn(process.execPath, [BIN, 'extract', '-', '--format', 'csv', '-o', join(d, 'out.csv')], {
        env: { ...process.env, NO_COLOR: '1' },
      });
      child.stdin.write(TEXT);
      const exited = new Promise<[number | null, string | null]>((res) => child.on('exit', (code, sig) => res([code, sig])));
      for (let i = 0; i < 400 && !readdirSync(d).some((f) => f.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 25));
      expect(readdirSync(d).some((f) => f.endsWith('.tmp'))).toBe(true);
      child.kill(signal);
      const [code, sig] = await exited;
      expect(sig ?? code).toBe(signal);
      expect(readFileSync(join(d, 'out.csv'), 'utf8')).toBe('old');
      expect(readdirSync(d).sort()).toEqual(['a.txt', 'out.csv']);
    },
    20_000,
  );
});

describe('write errors', () => {
  it.skipIf(!existsSync('/dev/full'))('reports a full disk on stdout in one line, exit 4', () => {
    const r = spawnSync('sh', ['-c', `node "${BIN}" extract - --format jsonl > /dev/full`], { input: TEXT, encoding: 'utf8' });
    expect(r.status).toBe(4);
    expect(r.stderr).toBe('diplo: cannot write stdout: no space left on device\n');
  });

  it.skipIf(!existsSync('/dev/full'))('reports a full disk on --output in one line, exit 4', () => {
    const r = diplo(['extract', '-', '--format', 'jsonl', '--output', '/dev/full'], TEXT);
    expect(r.status).toBe(4);
    expect(r.stderr).toBe('diplo: cannot write /dev/full: no space left on device\n');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it.skipIf(!posix)('keeps the exit code of an unreadable input when the reader closes the pipe early', () => {
    const d = dir();
    const many = Array.from({ length: 50 }, () => join(d, 'a.txt'));
    const r = spawnSync('bash', ['-c', `node "${BIN}" extract missing.txt ${many.join(' ')} --format jsonl | head -1; exit \${PIPESTATUS[0]}`], {
      cwd: d,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stderr).toBe('diplo: missing.txt: no such file or directory\n');
  });

  it('documents exit code 4 in --help', () => {
    expect(diplo(['extract', '--help']).stdout).toMatch(/4 the output could not be written/);
  });
});

describe('special files and sizes', () => {
  it.skipIf(!existsSync('/dev/zero'))('refuses devices by name, at once, and reads the other inputs', () => {
    const d = dir();
    const r = diplo(['extract', '/dev/zero', '/dev/urandom', join(d, 'a.txt'), '--format', 'jsonl']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('diplo: /dev/zero: a character device, not a text file\ndiplo: /dev/urandom: a character device, not a text file\n');
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });

  it.skipIf(!posix)('does not wait for a writer of a named pipe given by name', () => {
    const d = dir();
    expect(spawnSync('mkfifo', [join(d, 'pipe')]).status).toBe(0);
    const r = diplo(['extract', join(d, 'pipe'), join(d, 'a.txt'), '--format', 'jsonl']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`diplo: ${join(d, 'pipe')}: a named pipe with no writer\n`);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });

  it.skipIf(!posix)('reads a named pipe that has a writer, as a stream (<(command))', () => {
    const d = dir();
    const r = spawnSync('bash', ['-c', `node "${BIN}" extract <(cat a.txt; sleep 0.2; cat a.txt) --format jsonl`], { cwd: d, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const facts = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(facts.map((f) => f.text)).toEqual(['17,8%', '5 млн долларов', '17,8%', '5 млн долларов']);
  });

  it.skipIf(!posix)('passes over a named pipe called *.txt inside a directory', () => {
    const d = dir();
    expect(spawnSync('mkfifo', [join(d, 'pipe.txt')]).status).toBe(0);
    const r = diplo(['extract', d, '--format', 'jsonl']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(new Set(r.stdout.trim().split('\n').map((l) => JSON.parse(l).doc))).toEqual(new Set([join(d, 'a.txt')]));
  });

  it('refuses a file over --max-size by name, before reading it', () => {
    const d = dir();
    const r = diplo(['extract', join(d, 'a.txt'), '--max-size', '64', '--format', 'jsonl']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`diplo: ${join(d, 'a.txt')}: ${Buffer.byteLength(TEXT)} B, over the size limit of 64 B (--max-size)\n`);
    expect(r.stdout).toBe('');
    expect(diplo(['extract', join(d, 'a.txt'), '--max-size', '1K', '--format', 'jsonl']).status).toBe(0);
  });

  it('stops reading stdin at --max-size, keeping the facts read up to there', () => {
    const r = diplo(['extract', '-', '--max-size', '2KB', '--format', 'jsonl'], TEXT.repeat(200), { DIPLO_CHUNK_CHARS: '300' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('diplo: -: more than the size limit of 2 KB (--max-size) (facts up to there were written)\n');
    const facts = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(facts.length).toBeGreaterThan(4);
    expect(facts.length).toBeLessThan(2 * 200);
  });

  it.each(['10XB', '0', '-5', 'MB', '1.5.5G'])('refuses --max-size %s, exit 2', (size) => {
    const r = diplo(['extract', '-', '--max-size', size], TEXT);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--max-size .*give a size such as 500MB/);
  });

  it('reads stdin chunk by chunk: its facts are those of the same text as a file', () => {
    const d = dir();
    const text = `Первый абзац: рост на 3%.\n\n${TEXT}`.repeat(40);
    writeFileSync(join(d, 'long.txt'), text);
    const env = { DIPLO_CHUNK_CHARS: '500' };
    const strip = (s: string) => s.replace(/"doc":"[^"]*"/g, '');
    const asFile = diplo(['extract', join(d, 'long.txt'), '--format', 'jsonl'], undefined, env);
    const asStdin = diplo(['extract', '-', '--format', 'jsonl'], text, env);
    expect(asStdin.status).toBe(0);
    expect(strip(asStdin.stdout)).toBe(strip(asFile.stdout));
    expect(asStdin.stdout.trim().split('\n')).toHaveLength(120);
  });
});

describe('--jobs', () => {
  it('lowers a request for more threads than cores, with a note, and no listener warning', () => {
    const d = dir();
    const r = diplo(['extract', d, d, d, '--jobs', '256', '--format', 'jsonl'], undefined, { DIPLO_CORES: '2', DIPLO_PARALLEL_MIN_BYTES: '1' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('diplo: note: --jobs 256 lowered to 2, the number of cores\n');
    expect(r.stdout.trim().split('\n')).toHaveLength(6);
  });
});

describe('control characters reach the terminal escaped', () => {
  it.skipIf(!posix)('in the table’s document header and in messages; json keeps the name exact', () => {
    const d = dir();
    const evil = join(d, 'e\u001b]0;owned\u0007vil.txt');
    writeFileSync(evil, TEXT);
    const table = diplo(['extract', evil, join(d, 'no\u001b[2Jsuch.txt')]);
    expect(table.status).toBe(1);
    expect(table.stdout).toContain('e\\x1b]0;owned\\x07vil.txt');
    expect(table.stderr).toBe(`diplo: ${join(d, 'no\\x1b[2Jsuch.txt')}: no such file or directory\n`);
    expect(table.stdout + table.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const json = diplo(['extract', evil, '--format', 'json']);
    expect(JSON.parse(json.stdout).documents[0].doc).toBe(evil);
  });

  it('in commander’s own messages', () => {
    const r = diplo(['extract', '-', '--format', 'x\u001b[2J'], TEXT);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("'x\\x1b[2J'");
    expect(r.stderr).not.toContain('\u001b');
  });
});

describe('a date header that is no day of the calendar', () => {
  it.each(['2025-13-45', '9999-99-99', '2025-02-30', '2023-02-29', '0000-01-01'])('is not the document date: %s', (iso) => {
    const r = extractDocument('d.txt', `date ${iso}\n\nАстана, 12 марта 2025 года. Рост на 5%.`, { lang: 'ru' });
    expect(r.date).toEqual({ iso: '2025-03-12', source: 'dateline' });
    expect(r.warnings).toEqual([`date header ${iso} is not a calendar date; the date is taken from the text`]);
    expect(r.facts.map((f) => f.text)).toEqual(['12 марта 2025 года', '5%']);
  });

  it('is a day when the calendar has it (a leap day)', () => {
    const r = extractDocument('d.txt', 'date 2024-02-29\nРост на 5%.', { lang: 'ru' });
    expect(r.date).toEqual({ iso: '2024-02-29', source: 'header' });
    expect(r.warnings).toBeUndefined();
  });

  it('is named in a warning on stderr; the run still exits 0 and the date comes from the text', () => {
    const r = diplo(['extract', '-', '--format', 'json'], 'date 2025-13-45\nРост на 5% в этом году.');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('diplo: -: warning: date header 2025-13-45 is not a calendar date; the date is taken from the text\n');
    const doc = JSON.parse(r.stdout).documents[0];
    expect(doc.date).toBeNull();
    expect(Object.keys(doc)).toEqual(['doc', 'lang', 'date', 'facts']);
  });
});

describe('the library checks its arguments', () => {
  it.each([
    [() => extract(42 as unknown as string), TypeError, 'diplo: the text must be a string, not number'],
    [() => extract(null as unknown as string), TypeError, 'diplo: the text must be a string, not null'],
    [() => extract('x', null as unknown as object), TypeError, 'diplo: options must be an object, not null'],
    [() => extract('x', { lang: '../../../etc' as 'ru' }), RangeError, 'diplo: unknown lang "../../../etc"; choose from ru, kk, en'],
    [() => extract('x', { types: ['money', 'weather' as 'money'] }), RangeError, 'diplo: unknown type "weather"; choose from money, percent, date, leader, project'],
    [() => extract('x', { types: 'money' as unknown as ['money'] }), TypeError, 'diplo: types must be an array of fact types, not string'],
  ])('%#: a clear error', (call, kind, message) => {
    expect(call).toThrow(kind);
    expect(call).toThrow(message);
  });

  it.each([
    ['a lone high surrogate', '\uD800 Рост на 5%, объём 3 млн долларов.'],
    ['a lone low surrogate', 'Рост \uDC00\uDC00 на 5%, объём 3 млн долларов.'],
    ['a high surrogate before a pair', 'Рост \uD83D\uD83D\uDE00 на 5%, объём 3 млн долларов \uD800'],
    ['a pair', 'Рост 😀 на 5%, объём 3 млн долларов.'],
  ])('counts offsets in code points as [...text] does, with %s', (_, text) => {
    const points = [...text];
    const facts = extract(text, { lang: 'ru' });
    expect(facts.map((f) => f.type)).toEqual(['percent', 'money']);
    for (const f of facts) expect(points.slice(f.start, f.end).join('')).toBe(f.text);
  });
});

describe('the table shows control characters escaped; data formats keep them', () => {
  const fact = {
    doc: 'd\u001b[2J.txt', lang: 'ru', type: 'project', text: 'проект «A\u001b]0;t\u0007B\u009b»', start: 0, end: 10,
    sentence: 's', value: { kind: 'program', name: 'A\u001b]0;t\u0007B\u202eC' }, rule: 'r', confidence: 1,
  } as unknown as Fact;
  const result = { doc: fact.doc, lang: 'ru' as const, date: null, facts: [fact] };

  it('in the table: header, text and value', () => {
    const out = formatDocument(tableFormatter({ color: false, width: 200 }), result);
    expect(out).toContain('d\\x1b[2J.txt');
    expect(out).toContain('A\\x1b]0;t\\x07B\\x9b');
    expect(out).toContain('B\\u202eC');
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  });

  it.each(['json', 'jsonl', 'csv'] as const)('exact in %s', (name) => {
    const out = formatDocument(FORMATS[name]({ color: false, width: 80, bom: false }), result);
    expect(out).toContain(name === 'csv' ? fact.text : JSON.stringify(fact.text).slice(1, -1));
  });
});
