// The command line's paths become inputs in one order on every machine: a directory gives its
// *.txt, *.md, *.html and *.htm files (at any depth) in code-unit order of their full paths.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../src/io/inputs.js';

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
