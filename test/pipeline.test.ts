// The pipeline's promises: code-point offsets, sentences, overlap removal, the library API.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { SENTENCE_WINDOW, sentenceSpans, sentenceOf } from '../src/text/sentences.js';
import { cyrillicReading } from '../src/text/scripts.js';

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

  it('reads Latin look-alikes inside Cyrillic words as Cyrillic, and keeps the text as written', () => {
    // a Latin "c" in "cәуірде" and a Latin "C" in "Cергей"
    const kk = extract('Президент 2024 жылғы 3 cәуірде Астанада болды.', { types: ['date'] });
    expect(kk[0]).toMatchObject({ text: '2024 жылғы 3 cәуірде', value: { iso: '2024-04-03' } });
    const [lavrov] = extract('Министр Cергей Лавров прибыл в Душанбе.', { types: ['leader'] });
    expect(lavrov).toMatchObject({ text: 'Cергей Лавров', value: { id: 'sergey-lavrov' } });
    // a word with a Latin letter that looks like no Cyrillic one is left as it is
    expect(cyrillicReading('uТ cәуір')).toBe('uТ сәуір');
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

  it('keeps a sentence whose line is wrapped by hand whole, and ends one at a break before a capital', () => {
    const text = 'Бүгін Астанаға ресми сапармен көрші\nелдің президенті келді.\nАқорда қонақты қарсы алды\nКездесу өтті';
    const spans = sentenceSpans(text, new Set());
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Бүгін Астанаға ресми сапармен көрші\nелдің президенті келді.',
      'Ақорда қонақты қарсы алды',
      'Кездесу өтті',
    ]);
    const twice = 'Заголовок без точки\n\nтекст со строчной';
    expect(sentenceSpans(twice, new Set())).toHaveLength(2);
  });

  it('keeps a sentence whole across a break after a word no sentence ends with, or a possessive, not after a name', () => {
    const text = 'The issue was discussed at the meeting between Kazakhstan\u2019s\nPrime Minister Alikhan Smailov and the\nChinese Ambassador.\nThe Fall of Edgar Poe\nThe Mystery Returns';
    const spans = sentenceSpans(text, new Set(), new Set(['the', 'and']));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'The issue was discussed at the meeting between Kazakhstan\u2019s\nPrime Minister Alikhan Smailov and the\nChinese Ambassador.',
      'The Fall of Edgar Poe',
      'The Mystery Returns',
    ]);
    const name = 'Неизвестный поклонник Эдгара По\nПерезахоронение';
    expect(sentenceSpans(name, new Set(), new Set(['по']))).toHaveLength(2);
  });

  it('ends a sentence after a run of marks and closing quotes, and not inside a run that no capital follows', () => {
    const text = 'Рост продолжится?!» Так сказал он... и ушёл.... Цены выросли!!! 5 млн — много';
    const spans = sentenceSpans(text, new Set());
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Рост продолжится?!»',
      'Так сказал он... и ушёл....',
      'Цены выросли!!!',
      '5 млн — много',
    ]);
    const dots = '.'.repeat(5000) + ' и всё';
    expect(sentenceSpans(dots, new Set())).toEqual([{ start: 0, end: dots.length }]);
  });

  it('gives a sentence longer than the window as a window around the fact, cut between words', () => {
    const words = Array.from({ length: 120 }, (_, i) => `слово${i}`);
    const text = `${words.slice(0, 30).join(' ')} вложил 17,8 млн долларов ${words.slice(30).join(' ')}.`;
    const [f] = extract(text, { types: ['money'] });
    expect(f!.sentence.length).toBeLessThanOrEqual(SENTENCE_WINDOW);
    expect(f!.sentence.length).toBeGreaterThan(SENTENCE_WINDOW - 20);
    expect(f!.sentence).toContain('вложил 17,8 млн долларов');
    const at = text.indexOf(f!.sentence);
    expect(text[at - 1]).toBe(' ');
    expect(text[at + f!.sentence.length]).toBe(' ');
    // a fact near the sentence's start takes the room its left side does not need
    const early = extract(`Иран вложил 17,8 млн долларов ${words.join(' ')}.`, { types: ['money'] })[0]!;
    expect(early.sentence.startsWith('Иран вложил 17,8 млн долларов слово0')).toBe(true);
    expect(early.sentence.length).toBeGreaterThan(SENTENCE_WINDOW - 20);
  });

  it('keeps the window of a fact in a long list to its own entry, between the facts of its type', () => {
    const text = Array.from({ length: 200 }, (_, i) => `статья ${i}: рост на ${i},5%`).join(', ') + ', итог.';
    const facts = extract(text, { types: ['percent'] });
    expect(facts).toHaveLength(200);
    expect(facts[0]!.sentence).toBe('статья 0: рост на 0,5%, статья 1: рост на');
    expect(facts[5]!.sentence).toBe('статья 5: рост на 5,5%, статья 6: рост на');
    expect(facts[199]!.sentence).toBe('статья 199: рост на 199,5%, итог.');
  });

  it('keeps the fact whole when no word boundary falls in its window', () => {
    const text = `${'x'.repeat(1000)} 40% ${'y'.repeat(1000)}`;
    expect(extract(text, { types: ['percent'] })[0]!.sentence).toBe('40%');
  });
});

describe('the package', () => {
  it('exports extract by its name, giving the same facts as the CLI does for a file', async () => {
    const { extract: fromPackage } = await import('diplo');
    const facts = fromPackage('Иран вложил 17,8 млн долларов.', { types: ['money'] });
    expect(facts).toMatchObject([{ doc: '-', lang: 'ru', type: 'money', text: '17,8 млн долларов', value: { amount: 17_800_000, currency: 'USD' } }]);
  });
});
