// Events in text that is not written in sentences (a list, a table, text without full stops):
// a trigger is linked to what stands near it, not to everything in a "sentence" of a whole page.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { EventValue } from '../src/types.js';

const events = (text: string) => extract(text, { lang: 'ru', types: ['event'] }).map((f) => f.value as EventValue);

describe('events in a sentence longer than any a story writes', () => {
  it('links a trigger to the persons near it, not to one named pages before in the same run of text', () => {
    const filler = 'и так далее, '.repeat(300);
    const [talks, ...rest] = events(`Путин, ${filler}Токаев провел переговоры с Мирзиёевым`);
    expect(rest).toEqual([]);
    expect(talks!.participants.map((p) => p.id).sort()).toEqual(['kassym-jomart-tokayev', 'shavkat-mirziyoyev']);
  });

  it('still reads a short sentence whole', () => {
    const [talks] = events('Путин, как сообщается, провел переговоры с Токаевым в Астане 5 марта 2025 года.');
    expect(talks!.participants.map((p) => p.id).sort()).toEqual(['kassym-jomart-tokayev', 'vladimir-putin']);
    expect(talks!.place?.name).toBe('Astana');
  });

  it('makes one event of the same talks repeated through a long run of text', () => {
    const found = events('Токаев провел переговоры с Мирзиёевым, '.repeat(500));
    expect(found).toHaveLength(1);
    expect(found[0]!.participants.map((p) => p.id).sort()).toEqual(['kassym-jomart-tokayev', 'shavkat-mirziyoyev']);
  });
});
