// Language detection: franc limited to diplo's languages, with Kazakh letters as a cue.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/lang/detect.js';
import { ROOT } from './helpers.js';

describe('detectLanguage', () => {
  it('reads the Kazakh seed as kk and the others as ru', () => {
    const dir = join(ROOT, 'seeds');
    const langs = readdirSync(dir).sort().map((f) => [f.slice(0, 3), detectLanguage(readFileSync(join(dir, f), 'utf8'))]);
    expect(langs).toEqual([['000', 'ru'], ['001', 'ru'], ['002', 'ru'], ['003', 'kk'], ['004', 'ru']]);
  });

  it.each([
    ['Товарооборот вырос на 40% и достиг 3 млрд долларов.', 'ru'], // franc alone says Bulgarian or Macedonian here
    ['Президенты обсудили перспективы сотрудничества.', 'ru'],
    ['Иран вложил 17,8 млн долларов.', 'ru'],
    ['Иран президенті тауар айналымы биыл 40 пайызға өскенін атап өтті.', 'kk'],
    ['The presidents of Kazakhstan and Iran met in Akorda on 11 December 2025.', 'en'],
    ['Die Präsidenten trafen sich gestern in Astana und sprachen über den Handel.', 'und'],
    ['40% $3', 'und'],
    // one Kazakh letter in a long Russian text leaves the decision to franc, which says Russian
    ['Президент Казахстана Қасым-Жомарт Токаев провёл переговоры с президентом Ирана, стороны обсудили торговлю, транспорт, энергетику и культурное сотрудничество двух стран на ближайшие годы, а также подписали ряд соглашений о сотрудничестве в сфере логистики, сельского хозяйства, медицины и образования.', 'ru'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
