// Generated text, as an unlucky user or a hostile one might send: figures, currency and title
// words of the three languages, marks, quotes, line breaks and characters outside the BMP, thrown
// together by a seeded generator. Whatever the text, extraction must not throw, every fact's
// offsets must give back its text, numbers must be numbers, the order and the result must be
// the same at every run, and a document read in chunks must give what it gives whole.
// DIPLO_FUZZ_N sets the number of texts (default 2000; `DIPLO_FUZZ_N=100000 npx vitest run
// test/fuzz.test.ts` for a long run), DIPLO_FUZZ_SEED the seed.
import { describe, expect, it } from 'vitest';
import { extract, extractDocument, startDocument, type Fact } from '../src/index.js';
import { SENTENCE_WINDOW } from '../src/text/sentences.js';

const N = Number(process.env.DIPLO_FUZZ_N) || 2000;
const SEED = Number(process.env.DIPLO_FUZZ_SEED) || 20251207;
/** Time allowed: the suite's 30 s, or more for a long run. */
const TIMEOUT = Math.max(30_000, N * 20);

/** mulberry32: a small seeded generator, the same numbers on every machine. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  ru: ['долларов', 'доллара', 'млрд', 'млн', 'тыс.', 'рублей', 'тенге', 'евро', 'процентов', 'процента', 'рост', 'вырос', 'снизился', 'на', 'более', 'около', 'от', 'до', 'года', 'году', 'январе', 'марта', 'Президент', 'президента', 'Казахстана', 'Ирана', 'Касым-Жомарт', 'Токаев', 'Токаева', 'Иван', 'Петров', 'проект', 'порт', 'Актау', 'коридор', 'Транскаспийский', 'программа', 'завод', 'по', 'в', 'и', 'В.', 'г.', 'п.п.', 'миллиарда', 'полтора', 'двух', 'несколько', 'сотен'],
  kk: ['миллиард', 'доллар', 'долларға', 'теңге', 'пайыз', 'пайызға', 'Тоқаев', 'Тоқаевпенің', 'жобасы', 'бағдарламасы', 'жылы', 'қаңтарда', 'мен', 'Президенті', 'мың', 'млрд-қа', 'өсті', 'Қазақстан'],
  en: ['billion', 'million', 'USD', 'percent', 'President', 'Tokayev', 'the', 'of', 'port', 'railway', 'January', 'Ivan', 'Petrov', 'Mr.', 'up', 'to', 'between', 'and', 'Astana', 'Hub'],
};
const MARKS = ['%', '.', '...', '!', '?', ',', '-', '–', '—', '«', '»', '"', '(', ')', ':', ';', '$', '€', '₸', '/', '\u00a0', '\u202f', '…', '’', '“', '”'];
const SPACES = [' ', ' ', ' ', '  ', '\n', '\n\n', '\t', '\r\n'];
// Characters outside the BMP: a flag, an emoji, a mathematical digit, a Deseret capital letter.
// Lone surrogates are left out: how offsets count them is the library's input checking.
const ASTRAL = ['🇰🇿', '😀', '𝟙', '𐐀'];

function number(r: () => number): string {
  const n = Math.floor(r() ** 3 * 1e7);
  switch (Math.floor(r() * 7)) {
    case 0:
      return n.toLocaleString('ru-RU'); // "1 500 000" with no-break spaces
    case 1:
      return `${n % 1000},${Math.floor(r() * 100)}`;
    case 2:
      return `${n % 100}.${Math.floor(r() * 10)}`;
    case 3:
      return String(1900 + (n % 200));
    case 4:
      return `${n % 1000} ${String(n % 1000).padStart(3, '0')}`;
    case 5:
      return `${(n % 31) + 1}.${(n % 12) + 1}.${2000 + (n % 30)}`;
    default:
      return String(n);
  }
}

// Shapes that make facts, filled with any piece: "<number> млрд долларов", "на <number>%", …
const SHAPES = ['# млрд долларов', '$# млн', 'на #%', '# пайызға', '# млрд теңге', '# января # года', 'от # до # млн рублей', '#–#%', 'Президент # Токаев', '«# #» бағдарламасы', 'порт # в #', '# billion USD'];

function piece(r: () => number): string {
  const k = r();
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  if (k < 0.1) return pick(SHAPES).replace(/#/g, () => (r() < 0.8 ? number(r) : piece(r)));
  if (k < 0.25) return number(r);
  if (k < 0.45) return pick(WORDS.ru);
  if (k < 0.55) return pick(WORDS.kk);
  if (k < 0.63) return pick(WORDS.en);
  if (k < 0.8) return pick(MARKS);
  if (k < 0.83) return pick(ASTRAL);
  if (k < 0.86) return pick(MARKS).repeat(1 + Math.floor(r() * 30)); // runs of dots, dashes, quotes
  if (k < 0.9) return String.fromCharCode(0x400 + Math.floor(r() * 0x100)); // any Cyrillic letter
  return String.fromCodePoint(0x20 + Math.floor(r() * 0x2fe0)); // any character of the first blocks
}

function text(r: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += piece(r) + (r() < 0.8 ? SPACES[Math.floor(r() * SPACES.length)] : '');
  return s;
}

const ISO = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** What is wrong with a fact of text `t`, or null. Plain checks: `expect` per field made the run 3× slower. */
function problem(t: string, f: Fact): string | null {
  if ([...t].slice(f.start, f.end).join('') !== f.text) return 'offsets do not give back the text';
  if (!(f.end > f.start)) return 'empty span';
  if (!f.sentence.includes(f.text)) return 'sentence without the fact';
  if (f.sentence.length > Math.max(SENTENCE_WINDOW, f.text.length)) return 'sentence longer than the window';
  if (!Number.isFinite(f.confidence)) return 'confidence not a number';
  const v = f.value as unknown as Record<string, unknown>;
  for (const key of ['amount', 'min', 'max', 'value']) if (key in v && !Number.isFinite(v[key])) return `${key} not a finite number`;
  if (f.type === 'money' && f.value.currency !== null && !/^[A-Z]{3}$/.test(f.value.currency)) return 'currency not an ISO code';
  if (f.type === 'date' && [f.value.iso, f.value.startIso, f.value.endIso].some((iso) => iso && !ISO.test(iso))) return 'not an ISO date';
  if (f.type === 'leader' && !/\S/.test(f.value.id)) return 'empty leader id';
  if (f.type === 'project' && !/\S/.test(f.value.name)) return 'empty project name';
  return null;
}

function inOrder(facts: readonly Fact[]): boolean {
  return facts.every((f, i) => i === 0 || facts[i - 1]!.start < f.start || (facts[i - 1]!.start === f.start && facts[i - 1]!.end <= f.end));
}

describe(`fuzz (${N} texts, seed ${SEED})`, () => {
  it('never throws; offsets give back the text; values are numbers; order and result are stable', () => {
    const r = generator(SEED);
    let facts = 0;
    for (let i = 0; i < N; i++) {
      const t = text(r, Math.floor(r() * 40));
      const lang = i % 4 === 0 ? (['ru', 'kk', 'en'] as const)[i % 3] : undefined;
      let got: Fact[];
      try {
        got = extract(t, { lang });
      } catch (e) {
        throw new Error(`text ${i} (seed ${SEED}) threw ${e}: ${JSON.stringify(t)}`);
      }
      for (const f of got) {
        const p = problem(t, f);
        if (p) expect.fail(`text ${i} (seed ${SEED}): ${p}: ${JSON.stringify(f)} in ${JSON.stringify(t)}`);
      }
      if (!inOrder(got)) expect.fail(`text ${i} (seed ${SEED}): facts out of order in ${JSON.stringify(t)}`);
      if (i % 10 === 0) expect(extract(t, { lang })).toEqual(got);
      facts += got.length;
    }
    console.log(`fuzz: ${N} texts (seed ${SEED}), ${facts} facts checked`);
    expect(facts).toBeGreaterThan(N / 4); // the texts do hold facts
  }, TIMEOUT);

  // Leaders are left out: a surname alone is a leader when the document named the person in full
  // before, and a chunk knows the text of the chunk before it only OVERLAP characters back.
  it('gives the same facts for a long text read in chunks as for the whole', () => {
    const r = generator(SEED + 1);
    const texts = Math.max(5, Math.floor(N / 100));
    const types = ['money', 'percent', 'date', 'project'] as const;
    for (let i = 0; i < texts; i++) {
      const t = text(r, 600 + Math.floor(r() * 600));
      const whole = extractDocument('f.txt', t, { types }).facts;
      const run = startDocument('f.txt', t, { types });
      const chunked: Fact[] = [];
      for (let at = 0; at < t.length; ) {
        const size = 1 + Math.floor(r() * 1500);
        chunked.push(...run.chunk(t.slice(at, at + size)));
        at += size;
      }
      chunked.push(...run.end());
      expect(chunked, `text ${i} (seed ${SEED + 1})`).toEqual(whole);
    }
  }, TIMEOUT);
});
