// documentTraits: what a report names besides its event, written the same in every language.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/pipeline.js';
import { documentTraits } from '../src/events/traits.js';

const traitsOf = (name: string, text: string) => {
  const r = extractDocument(name, text);
  return documentTraits(r.facts, text, r.lang === 'und' ? null : r.lang);
};

describe('documentTraits', () => {
  it('gives a Russian and a Kazakh report of one call the same leaders, places and figures', () => {
    const ru = traitsOf('ru.txt', 'Владимир Путин и Шавкат Мирзиёев провели телефонный разговор. Сергей Лавров рассказал об атаке на резиденцию под Новгородом. Товарооборот вырос на 12% и достиг 15 млрд долларов.');
    const kk = traitsOf('kk.txt', 'Владимир Путин мен Шавкат Мирзиёев телефон арқылы сөйлесті. Сергей Лавров Новгород маңындағы резиденцияға шабуыл туралы айтты. Тауар айналымы 12%-ға өсіп, 15 млрд долларға жетті.');
    const shared = [...ru].filter((t) => kk.has(t)).sort();
    expect(shared).toEqual(expect.arrayContaining(['leader:sergey-lavrov', 'leader:shavkat-mirziyoyev', 'leader:vladimir-putin', 'money:USD:15000000000', 'percent:12']));
  });

  it('leaves out dates told relative to the story’s day, which reports of one event write differently', () => {
    const t = traitsOf('en.txt', 'date 2025-03-14\nYesterday Kassym-Jomart Tokayev recalled the talks of March 2022.');
    expect([...t].filter((x) => x.startsWith('date:'))).toEqual(['date:2022-03']);
  });
});
