// Adding a language is a rules folder: fixtures/languages/uz/ holds a few Uzbek (Latin script)
// number, money, date and leader rules, and nothing in src/ knows the language. Its rules root is added
// to the loader, and the engine reads the folder as it reads rules/ru/ or rules/en/.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { addRulesRoot } from '../src/rules/load.js';
import { LANGS } from '../src/types.js';

const found = addRulesRoot(join(import.meta.dirname, '..', 'fixtures', 'languages'));

describe('a language from a rules folder outside rules/', () => {
  it('is found under the added root, beside the languages of rules/', () => {
    expect(found).toEqual(['uz']);
    expect(LANGS).not.toContain('uz');
  });

  it('extracts a money figure with its decimal comma, scale word and suffixed currency name', () => {
    const facts = extract('Loyihaning umumiy qiymati 2,5 mlrd dollarni tashkil etadi.', { lang: 'uz', types: ['money'] });
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({
      lang: 'uz',
      text: '2,5 mlrd dollarni',
      value: { amount: 2_500_000_000, currency: 'USD' },
      rule: 'money.uz.amount-currency',
    });
  });

  it('extracts a date written the Uzbek way, year first and a case suffix on the month', () => {
    const facts = extract('Shartnoma 2024-yil 15-martda Toshkentda imzolandi.', { lang: 'uz', types: ['date'] });
    expect(facts.map((f) => [f.text, f.value, f.rule])).toEqual([
      ['2024-yil 15-martda', { iso: '2024-03-15', granularity: 'day' }, 'date.uz.year-day-month'],
    ]);
  });

  it('reads leader names in the forms its grammar borrows, with its own suffix chain after them', () => {
    const facts = (text: string) => extract(text, { lang: 'uz', types: ['leader'] }).map((f) => [f.text, f.value.id, f.rule]);
    // The gazetteer has no Uzbek forms: `nameForms` reads the English ones, and "-ning" follows.
    expect(facts('Shavkat Mirziyoyevning Qozog‘istonga tashrifi boshlandi.')).toEqual([
      ['Shavkat Mirziyoyevning', 'shavkat-mirziyoyev', 'leader.uz.gazetteer'],
    ]);
    // A title takes the chain too (Prezident-i), and the name after it is titled.
    expect(facts('Prezidenti Shavkat Mirziyoyev nutq so‘zladi.')).toEqual([
      ['Shavkat Mirziyoyev', 'shavkat-mirziyoyev', 'leader.uz.gazetteer-title'],
    ]);
    expect(facts('Toshkent shahrida uchrashuv bo‘ldi.')).toEqual([]);
  });

  it('reads a year alone by its own rule, and no month inside a name', () => {
    expect(extract('Loyiha 2024-yil boshlandi va 2,5 mlrd dollarni tashkil etadi.', { lang: 'uz', types: ['money', 'date'] })
      .map((f) => f.text)).toEqual(['2024-yil', '2,5 mlrd dollarni']);
    expect(extract('Martin keldi.', { lang: 'uz', types: ['date'] })).toEqual([]);
  });
});
