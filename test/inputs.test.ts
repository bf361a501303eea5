// The command line's paths become inputs in one order on every machine: a directory gives its
// *.txt, *.md, *.html and *.htm files (at any depth) in code-unit order of their full paths. Sizes
// over the limit and devices are problems; a named pipe is an input read as a stream.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths, formatBytes, parseBytes } from '../src/io/inputs.js';

/** A tree where a name-by-name walk and a sort of full paths would disagree if done naively. */
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'diplo-inputs-'));
  const files = ['ab.txt', 'ab/x.txt', 'a-b/y.txt', 'a.txt', 'a b.txt', 'ab.txt.d/z.txt', 'ab/deep/q.txt', 'Б.txt', 'Z.txt'];
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), 'x'.repeat(f.length));
  }
  writeFileSync(join(root, 'ab', 'notes.json'), '{"not": "news"}');
  return root;
}

describe('expandPaths', () => {
  it('lists a directory’s *.txt files at any depth, sorted by full path', () => {
    const root = tree();
    const { inputs, problems } = expandPaths([root]);
    const names = [...inputs].map((i) => i.name);
    expect(problems).toEqual([]);
    expect(names).toHaveLength(9);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // "ab.txt" sorts before "ab/…" ('.' < '/'), and "a b.txt" before "a-b/…" (' ' < '-')
    expect(names.map((n) => n.slice(root.length + 1))).toEqual([
      'Z.txt', 'a b.txt', 'a-b/y.txt', 'a.txt', 'ab.txt', 'ab.txt.d/z.txt', 'ab/deep/q.txt', 'ab/x.txt', 'Б.txt',
    ]);
  });

  it('takes Markdown and HTML pages from a directory too, and nothing else', () => {
    const root = mkdtempSync(join(tmpdir(), 'diplo-inputs-'));
    for (const f of ['a.md', 'b.html', 'c.HTM', 'd.txt', 'e.json', 'f.css', 'g.html.bak']) writeFileSync(join(root, f), 'x');
    const { inputs, problems } = expandPaths([root]);
    expect(problems).toEqual([]);
    expect([...inputs].map((i) => i.name.slice(root.length + 1))).toEqual(['a.md', 'b.html', 'c.HTM', 'd.txt']);
  });

  it('names a directory without documents', () => {
    const root = mkdtempSync(join(tmpdir(), 'diplo-inputs-'));
    writeFileSync(join(root, 'style.css'), 'x');
    expect(expandPaths([root]).problems).toEqual([{ name: root, message: 'no *.txt, *.md or *.html files in this directory' }]);
  });

  it('keeps a URL as an input of its own, in place', () => {
    const { inputs, problems } = expandPaths(['https://news.example/a', '-']);
    expect(problems).toEqual([]);
    expect([...inputs].map((i) => [i.name, i.path])).toEqual([
      ['https://news.example/a', 'https://news.example/a'],
      ['-', null],
    ]);
  });

  it('keeps each file’s path and size, and totals the bytes', () => {
    const root = tree();
    const { inputs } = expandPaths([root]);
    const first = inputs.at(0);
    expect(first).toEqual({ name: join(root, 'Z.txt'), path: join(root, 'Z.txt'), size: 'Z.txt'.length });
    expect(inputs.bytes).toBe([...inputs].reduce((n, i) => n + i.size, 0));
  });

  it('keeps the order of the command line, with stdin and problems in place', () => {
    const root = tree();
    const { inputs, problems } = expandPaths([join(root, 'a.txt'), '-', join(root, 'missing.txt'), join(root, 'ab')]);
    expect([...inputs].map((i) => [i.name, i.path])).toEqual([
      [join(root, 'a.txt'), join(root, 'a.txt')],
      ['-', null],
      [join(root, 'ab', 'deep', 'q.txt'), join(root, 'ab', 'deep', 'q.txt')],
      [join(root, 'ab', 'x.txt'), join(root, 'ab', 'x.txt')],
    ]);
    expect(problems).toEqual([{ name: join(root, 'missing.txt'), message: 'no such file or directory' }]);
  });
});

describe('sizes and special files', () => {
  it.each([
    ['500MB', 500 * 1024 ** 2],
    ['1GB', 1024 ** 3],
    ['1 GiB', 1024 ** 3],
    ['64k', 64 * 1024],
    ['1.5M', 1.5 * 1024 ** 2],
    ['1000', 1000],
    ['10B', 10],
  ])('reads --max-size %s as %d bytes', (text, bytes) => {
    expect(parseBytes(text)).toBe(bytes);
  });

  it.each(['', 'MB', '0', '-1', '5XB', '1e9', '5 ib'])('refuses %j as a size', (text) => {
    expect(parseBytes(text)).toBeNull();
  });

  it('writes sizes in units of 1024', () => {
    expect([10, 2048, 1536, 1024 ** 3, 1.5 * 1024 ** 3].map(formatBytes)).toEqual(['10 B', '2 KB', '1.5 KB', '1 GB', '1.5 GB']);
  });

  it('names a file over the limit as a problem, in a directory and given by name', () => {
    const root = tree();
    writeFileSync(join(root, 'ab', 'big.txt'), 'x'.repeat(100));
    const { inputs, problems } = expandPaths([root, join(root, 'ab', 'big.txt')], 50);
    expect([...inputs].some((i) => i.name.endsWith('big.txt'))).toBe(false);
    expect(inputs).toHaveLength(9);
    expect(problems).toEqual([
      { name: join(root, 'ab', 'big.txt'), message: '100 B, over the size limit of 50 B (--max-size)' },
      { name: join(root, 'ab', 'big.txt'), message: '100 B, over the size limit of 50 B (--max-size)' },
    ]);
  });

  it.skipIf(process.platform === 'win32')('takes a named pipe given by name as a pipe, passes one over in a directory, refuses devices', () => {
    const root = tree();
    expect(spawnSync('mkfifo', [join(root, 'ab', 'pipe.txt')]).status).toBe(0);
    const { inputs, problems } = expandPaths([root, join(root, 'ab', 'pipe.txt'), '/dev/null']);
    const all = [...inputs];
    expect(all).toHaveLength(10);
    expect(all.at(-1)).toEqual({ name: join(root, 'ab', 'pipe.txt'), path: join(root, 'ab', 'pipe.txt'), size: 0, pipe: true });
    expect(all.filter((i) => i.pipe)).toHaveLength(1);
    expect(problems).toEqual([{ name: '/dev/null', message: 'a character device, not a text file' }]);
  });
});

it('reads stdin once, however often - is given', () => {
  const { inputs, problems } = expandPaths(['-', '-']);
  expect([...inputs].map((i) => i.name)).toEqual(['-']);
  expect(problems).toEqual([{ name: '-', message: 'stdin is read once (- was given before)' }]);
});
