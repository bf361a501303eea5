// The rules' compiled form (src/rules/compiled.ts): every rule of every language built once as
// plain data, taken by a run only while it was compiled from the rules/ beside it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileAllRules } from '../src/compile.js';
import { compileLang } from '../src/extractors/leader/compile.js';
import { extractDocument } from '../src/pipeline.js';
import { compileRules, rulesHash, useCompiled, type CompiledRules } from '../src/rules/compiled.js';
import { LANGS } from '../src/types.js';
import { ROOT } from './helpers.js';

afterAll(() => useCompiled(null));

const compiled: CompiledRules = compileAllRules();

describe('compileAllRules', () => {
  it('compiles every language: rewritten sources and the leader rules of each', () => {
    expect(compiled.hash).toBe(rulesHash());
    expect(Object.keys(compiled.sources).length).toBeGreaterThan(500);
    for (const lang of LANGS) expect(Object.keys(compiled.values)).toContain(`leader:${lang}`);
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
  });

  it('holds every regex that extracting the seeds and every example sentence builds', () => {
    for (const name of readdirSync(join(ROOT, 'seeds')).sort()) {
      extractDocument(name, readFileSync(join(ROOT, 'seeds', name), 'utf8'));
    }
    for (const lang of LANGS) {
      const dir = join(ROOT, 'fixtures', 'examples', lang);
      for (const name of readdirSync(dir)) {
        const lines = readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l.startsWith('{'));
        extractDocument(name, lines.map((l) => JSON.parse(l).text).join('\n\n'), { lang });
      }
    }
    // Everything built in this process so far: nothing beyond what compiling built.
    const after = compileRules(() => {});
    expect(Object.keys(after.sources).filter((k) => !(k in compiled.sources))).toEqual([]);
    expect(Object.keys(after.values)).toEqual(Object.keys(compiled.values));
  });
});

describe('useCompiled', () => {
  it('takes a compiled form only when its hash is that of rules/', () => {
    expect(useCompiled({ ...compiled, hash: 'not-these-rules' })).toBe(false);
    expect(useCompiled(compiled)).toBe(true);
  });

  it('gives the same leader rules from the compiled form as built in memory', () => {
    const text = 'Президент Казахстана Касым-Жомарт Токаев встретился с Владимиром Путиным; Токаев отметил рост.';
    useCompiled(JSON.parse(JSON.stringify(compiled)) as CompiledRules);
    const fromJson = compileLang('ru');
    useCompiled(null);
    const built = compileLang('ru');
    const names = (c: typeof built) => [...text.matchAll(c.full.re)].map((m) => [m[0], c.fullLeader(m)]);
    expect(names(fromJson)).toEqual(names(built));
    expect(names(built).map(([n]) => n)).toEqual(['Касым-Жомарт Токаев', 'Владимиром Путиным']);
    expect(fromJson.givenForms.get('Владимиром')).toEqual({ nom: 'Владимир', case: 'ins' });
    expect(fromJson.givenForms.get('Петра')).toEqual({ nom: 'Пётр', case: 'gen' });
    expect(fromJson.givenForms.size).toBeGreaterThan(5000);
  });
});

describe("the build's dist/rules.json", () => {
  const built = join(ROOT, 'dist', 'rules.json');
  it.skipIf(!existsSync(built))('is what this code compiles from this rules/', () => {
    const file = JSON.parse(readFileSync(built, 'utf8')) as CompiledRules;
    expect(file.hash).toBe(compiled.hash);
    expect(file.values).toEqual(compiled.values);
    expect(file.sources).toEqual(compiled.sources);
  });
});
