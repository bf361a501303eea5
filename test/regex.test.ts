// Alternations told apart by numbered groups (src/rules/regex.ts `branches`): the gazetteers and
// the project heads find which name or head matched without building an object of hundreds of
// named groups at every match.
import { describe, expect, it } from 'vitest';
import { branches, captureCount } from '../src/rules/regex.js';

describe('captureCount', () => {
  it('counts numbered and named groups, not (?:…) or look-arounds', () => {
    expect(captureCount('a(?:b)(?<=c)')).toBe(0);
    expect(captureCount('(a)(?<n>b(c))')).toBe(3);
  });
});

describe('branches', () => {
  const names = branches(['Тока[её]в(?:ым|а)?', '(Назарба)[её]в', 'Путин(а|ым)?', 'Ердоган']);

  it('tells which branch matched, whatever groups the branches have of their own', () => {
    const re = new RegExp(names.source, 'gu');
    const found = [...'Путиным, Токаевым, Назарбаев и Ердоган'.matchAll(re)].map((m) => [m[0], names.which(m)]);
    expect(found).toEqual([['Путиным', 2], ['Токаевым', 0], ['Назарбаев', 1], ['Ердоган', 3]]);
  });

  it('counts the groups that come before the alternation', () => {
    const init = '(?<init>\\p{Lu}\\.\\s?)';
    const after = branches(['Токаев', 'Путин'], captureCount(init));
    const m = new RegExp(`${init}?(?:${after.source})`, 'u').exec('В. Путин')!;
    expect(m.groups!.init).toBe('В. ');
    expect(after.which(m)).toBe(1);
  });

  it('says -1 when none of its branches took part in the match', () => {
    const b = branches(['x', 'y']);
    expect(b.which(new RegExp(`(?:${b.source})|z`, 'u').exec('z')!)).toBe(-1);
  });
});
