// The seeds: every fact a careful reader finds in them, as fixtures/seeds/<seed>.jsonl
// (type, text, offsets, value), checked by hand. The pipeline must find exactly these.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/index.js';
import { ROOT } from './helpers.js';

const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();

describe.each(seeds)('seed %s', (name) => {
  const text = readFileSync(join(ROOT, 'seeds', name), 'utf8');
  const expected = readFileSync(join(ROOT, 'fixtures', 'seeds', name.replace(/\.txt$/, '.jsonl')), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const { facts } = extractDocument(`seeds/${name}`, text);

  it('gives the expected facts, with their offsets and values', () => {
    expect(facts.map(({ type, text, start, end, value }) => ({ type, text, start, end, value }))).toEqual(expected);
  });

  it('gives offsets that slice back to the text', () => {
    const cps = [...text.replace(/^\uFEFF/, '')];
    for (const f of facts) expect(cps.slice(f.start, f.end).join('')).toBe(f.text);
  });
});

describe('the seeds as a whole', () => {
  const all = seeds.flatMap((name) => extractDocument(name, readFileSync(join(ROOT, 'seeds', name), 'utf8')).facts);

  it('give every form of a leader one id: six people, six ids', () => {
    const ids = new Set(all.filter((f) => f.type === 'leader').map((f) => (f.value as { id: string }).id));
    expect([...ids].sort()).toEqual([
      'donald-trump', 'ebrahim-raisi', 'ilham-aliyev', 'kassym-jomart-tokayev', 'masoud-pezeshkian', 'shavkat-mirziyoyev',
    ]);
    const tokayev = all.filter((f) => f.type === 'leader' && (f.value as { id: string }).id === 'kassym-jomart-tokayev');
    expect(new Set(tokayev.map((f) => f.text))).toEqual(
      new Set(['Касым-Жомарта Токаева', 'Касым-Жомарт Токаев', 'Токаев', 'Қасым-Жомарт Тоқаевпен', 'Қасым-Жомарт Тоқаев']),
    );
  });

  it('resolve "15 марта этого года" against the header date', () => {
    const d = all.find((f) => f.text === '15 марта этого года');
    expect(d?.value).toMatchObject({ iso: '2025-03-15', granularity: 'day', relative: true });
  });
});
