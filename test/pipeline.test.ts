// The pipeline's promises: code-point offsets, sentences, overlap removal, the library API.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { sentenceSpans, sentenceOf } from '../src/text/sentences.js';

describe('extract', () => {
  it('counts offsets in code points, so an emoji before a fact does not shift it', () => {
    const text = '🇰🇿🤝🇮🇷 Товарооборот вырос на 40% и достиг 3 млрд долларов.';
    for (const f of extract(text)) {
      expect([...text].slice(f.start, f.end).join('')).toBe(f.text);
    }
    expect(extract(text, { types: ['percent'] })[0]).toMatchObject({ start: 28, end: 31, text: '40%' });
  });

  it('counts offsets after a leading byte-order mark is removed', () => {
    const [f] = extract('\uFEFFИран вложил 17,8 млн долларов.', { types: ['money'] });
    expect(f).toMatchObject({ start: 12, text: '17,8 млн долларов' });
  });

  it('gives each fact its sentence and the rule that produced it', () => {
    const [f] = extract('Переговоры прошли в Астане. Иран вложил 17,8 млн долларов. Лидеры довольны.', { types: ['money'] });
    expect(f!.sentence).toBe('Иран вложил 17,8 млн долларов.');
    expect(f!.rule).toBe('money.ru.amount-currency');
  });

  it('keeps the longer of two overlapping facts of one type', () => {
    const facts = extract('Штраф составит от 3 тыс. до 5 тыс. рублей.', { types: ['money'] });
    expect(facts.map((f) => f.text)).toEqual(['от 3 тыс. до 5 тыс. рублей']);
  });
});

describe('sentences', () => {
  it('does not end a sentence at an initial or an abbreviation', () => {
    const text = 'Встреча В. Путина и К.-Ж. Токаева прошла в 2025 г. в Москве. Стороны подписали договор.';
    const spans = sentenceSpans(text, new Set(['г']));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Встреча В. Путина и К.-Ж. Токаева прошла в 2025 г. в Москве.',
      'Стороны подписали договор.',
    ]);
    expect(sentenceOf(text, spans, 62, 69)).toBe('Стороны подписали договор.');
  });
});

describe('the package', () => {
  it('exports extract by its name, giving the same facts as the CLI does for a file', async () => {
    const { extract: fromPackage } = await import('diplo');
    const facts = fromPackage('Иран вложил 17,8 млн долларов.', { types: ['money'] });
    expect(facts).toMatchObject([{ doc: '-', lang: 'ru', type: 'money', text: '17,8 млн долларов', value: { amount: 17_800_000, currency: 'USD' } }]);
  });
});
