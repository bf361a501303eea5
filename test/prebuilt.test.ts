// What the build works out once (src/rules/prebuilt.ts): rewritten regex sources and values
// compiled from the rules, looked up by a run only when the file was written by this very code
// and, for a value, only while the rules files it was built from are unchanged.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileLang, planLang } from '../src/extractors/leader/compile.js';
import { loadRules, watchRules } from '../src/rules/load.js';
import { prebuiltStamp, prebuiltValue, recordPrebuilt, usePrebuilt, writePrebuilt, type Prebuilt } from '../src/rules/prebuilt.js';
import { LB, RB } from '../src/rules/regex.js';
import { rewrite } from '../src/rules/unicode.js';
import { ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'diplo-prebuilt-'));
afterAll(() => {
  usePrebuilt(null);
  rmSync(dir, { recursive: true, force: true });
});
const write = (data: Prebuilt, name: string): string => {
  const file = join(dir, `${name}.json`);
  writePrebuilt(file, data);
  return file;
};

describe('prebuilt sources: regexes rewritten at build time', () => {
  const SOURCES: [string, boolean][] = [[`${LB}\\d+\\s+(?:млрд|млн)${RB}`, true], ['\\p{Lu}\\p{Ll}+', false], ['\\w+', true], ['тенге', false]];
  const record = (): Prebuilt => {
    const recorded = recordPrebuilt();
    for (const [source, fold] of SOURCES) rewrite(source, fold);
    return recorded();
  };

  it('records each source it rewrites, as it rewrites it (null: left to the i flag)', () => {
    const data = record();
    usePrebuilt(null);
    expect(data.stamp).toBe(prebuiltStamp());
    // A source with nothing to rewrite ("тенге" without folding) is not worth a line.
    expect(Object.keys(data.sources)).toEqual(SOURCES.slice(0, 3).map(([s, fold]) => `${fold ? 'i' : 'u'}:${s}`).sort());
    for (const [source, fold] of SOURCES.slice(0, 3)) expect(data.sources[`${fold ? 'i' : 'u'}:${source}`]).toBe(rewrite(source, fold));
    expect(data.sources['i:\\w+']).toBeNull();
  });

  it("looks a source up in the file when its stamp is this code's, and rewrites it when not", () => {
    const data = record();
    const [source] = SOURCES[0]!;
    const computed = rewrite(source, true);
    // A file that says otherwise for one source shows which of the two was used.
    const altered = { ...data, sources: { ...data.sources, [`i:${source}`]: 'altered' } };
    expect(usePrebuilt(write(altered, 'altered'))).toBe(true);
    expect(rewrite(source, true)).toBe('altered');
    expect(rewrite(`${source}x`, true)).toBe(`${computed}[Xx]`);
    expect(usePrebuilt(write({ ...altered, stamp: `${data.stamp}0` }, 'stamped'))).toBe(false);
    expect(rewrite(source, true)).toBe(computed);
    expect(usePrebuilt(join(dir, 'missing.json'))).toBe(false);
    expect(rewrite(source, true)).toBe(computed);
    // A file cut short, or written as UTF-8: ignored, never an error.
    writeFileSync(join(dir, 'cut.json'), JSON.stringify(altered).slice(0, 100), 'utf16le');
    writeFileSync(join(dir, 'utf8.json'), JSON.stringify(altered), 'utf8');
    expect(usePrebuilt(join(dir, 'cut.json'))).toBe(false);
    expect(usePrebuilt(join(dir, 'utf8.json'))).toBe(false);
    expect(rewrite(source, true)).toBe(computed);
  });
});

describe('prebuilt values: compiled from the rules at build time', () => {
  // A value built from two rules files, one of them missing (a language may omit a topic).
  const build = () => ({
    currencies: Object.keys(loadRules<{ currencies: object }>('ru', 'money').currencies).length,
    missing: loadRules<string[]>('ru', 'no-such-topic', []).length,
  });

  it('records a value as JSON gives it back, with a fingerprint of each rules file its build read', () => {
    const recorded = recordPrebuilt();
    const value = prebuiltValue('test:units', () => ({ ...build(), gone: undefined }));
    const data = recorded();
    usePrebuilt(null);
    expect(value).toEqual(build());
    expect(Object.keys(value)).toEqual(['currencies', 'missing']);
    expect(data.values['test:units']!.value).toEqual(value);
    expect(Object.keys(data.values['test:units']!.rules)).toEqual(['ru/money', 'ru/no-such-topic']);
  });

  it('takes the value from the file while its rules are unchanged, and builds it when one has changed', () => {
    const recorded = recordPrebuilt();
    prebuiltValue('test:units', build);
    const data = recorded();
    const entry = data.values['test:units']!;
    const altered = { ...data, values: { 'test:units': { ...entry, value: 'altered' } } };
    expect(usePrebuilt(write(altered, 'value'))).toBe(true);
    expect(prebuiltValue('test:units', build)).toBe('altered');
    expect(prebuiltValue('test:other', build)).toEqual(build());
    const edited = { ...altered, values: { 'test:units': { ...entry, value: 'altered', rules: { ...entry.rules, 'ru/money': '00000000' } } } };
    expect(usePrebuilt(write(edited, 'edited'))).toBe(true);
    expect(prebuiltValue('test:units', build)).toEqual(build());
  });

  it('sees the rules files read inside a watch, nested watches included', () => {
    const outer: string[] = [];
    const inner: string[] = [];
    watchRules(
      (d, n) => outer.push(`${d}/${n}`),
      () => {
        loadRules('common', 'leaders');
        watchRules((d, n) => inner.push(`${d}/${n}`), () => loadRules('kk', 'leader'));
      },
    );
    loadRules('ru', 'leader');
    expect(outer).toEqual(['common/leaders', 'kk/leader']);
    expect(inner).toEqual(['kk/leader']);
  });
});

describe("the build's file", () => {
  const built = join(ROOT, 'dist', 'bundle', 'prebuilt.json');
  const data = (): Prebuilt => JSON.parse(readFileSync(built, 'utf16le')) as Prebuilt;

  it.skipIf(!existsSync(built))('holds what this code rewrites each source to', () => {
    const { sources } = data();
    usePrebuilt(null);
    const wrong = Object.entries(sources).filter(([key, out]) => rewrite(key.slice(2), key.startsWith('i:')) !== out);
    expect(wrong.map(([key]) => key.slice(0, 80))).toEqual([]);
    expect(Object.keys(sources).length).toBeGreaterThan(500);
  });

  it.skipIf(!existsSync(built))("holds every language's leader rules as this code compiles them", () => {
    const { values } = data();
    usePrebuilt(null);
    for (const lang of ['ru', 'kk', 'en'] as const) {
      expect(values[`leader:${lang}`]!.value, lang).toEqual(JSON.parse(JSON.stringify(planLang(lang))));
      expect(Object.keys(values[`leader:${lang}`]!.rules)).toEqual(expect.arrayContaining(['common/leaders', `${lang}/leader`]));
    }
  });
});

describe('compiled leader rules', () => {
  it('find the same leaders whether compiled from the plan as JSON gave it back or as built', () => {
    const text = 'Президент Казахстана Касым-Жомарт Токаев встретился с Владимиром Путиным; Токаев отметил рост.';
    const recorded = recordPrebuilt();
    const fromJson = compileLang('ru');
    recorded();
    usePrebuilt(null);
    const built = compileLang('ru');
    const names = (c: typeof built) => [...text.matchAll(c.full.re)].map((m) => [m[0], c.fullLeader(m)]);
    expect(names(fromJson)).toEqual(names(built));
    expect(names(built).map(([n]) => n)).toEqual(['Касым-Жомарт Токаев', 'Владимиром Путиным']);
  });

  it('keep every declined first name, by its form with ё written е, as stored and read back', () => {
    const recorded = recordPrebuilt();
    const { givenForms } = compileLang('ru');
    recorded();
    expect(givenForms.get('Владимиром')).toEqual({ nom: 'Владимир', case: 'ins' });
    expect(givenForms.get('Петра')).toEqual({ nom: 'Пётр', case: 'gen' });
    expect(givenForms.get('Петр')).toEqual({ nom: 'Пётр', case: 'nom' });
    expect(givenForms.has('Пётр')).toBe(false);
    expect(givenForms.size).toBeGreaterThan(5000);
  });
});
