// Very large documents are read and extracted in chunks that end at paragraph breaks; the facts
// must be the same as for the whole text, offsets included.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphCut, readChunks } from '../src/io/chunks.js';
import { extractDocument, startDocument } from '../src/pipeline.js';
import { ROOT, diplo } from './helpers.js';
import type { Fact } from '../src/types.js';

const seeds = readdirSync(join(ROOT, 'seeds')).sort().filter((f) => !f.startsWith('003')); // one language
const text = seeds.map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8').replace(/^ date \S+/, '')).join('\n\n') + '\n\n🇰🇿 Ещё 5 млн долларов.\n';

function split(s: string, size: number): string[] {
  const out: string[] = [];
  while (s.length > 2 * size) {
    const cut = paragraphCut(s, size);
    out.push(s.slice(0, cut));
    s = s.slice(cut);
  }
  return [...out, s];
}

describe('chunked extraction', () => {
  it('cuts at paragraph breaks and loses no character', () => {
    const parts = split(text, 2000);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.join('')).toBe(text);
    for (const p of parts.slice(0, -1)) expect(p.endsWith('\n')).toBe(true);
  });

  // Events link the mentions of a document, and a chunk cannot complete an event written out with
  // an earlier chunk: events are linked within a chunk (megabytes in real runs), and left out here.
  const noEvents = (facts: Fact[]) => facts.filter((f) => f.type !== 'event');

  it('gives the same facts, with the same offsets, as the whole text', () => {
    const whole = noEvents(extractDocument('big.txt', text).facts);
    const run = startDocument('big.txt', text.slice(0, 2000));
    const chunked = noEvents([...split(text, 2000).flatMap((p) => run.chunk(p)), ...run.end()]);
    expect(chunked).toEqual(whole);
    expect(whole.some((f) => f.text === '5 млн долларов')).toBe(true);
  });

  it('cuts a line with no break after a sentence, else between words, never inside one', () => {
    const line = 'Экспорт вырос на 5%. Импорт вырос на 7% за год';
    expect(line.slice(0, paragraphCut(line, 16))).toBe('Экспорт вырос на 5%. ');
    const words = 'один два три четыре пять шесть';
    const cut = paragraphCut(words, 8);
    expect(words[cut - 1]).toBe(' ');
    expect(words.slice(0, cut)).toBe('один два три ');
  });

  it('finds a fact across a cut once and whole, with what comes before it', () => {
    for (const fact of ['более 1 500 млн долларов', '3 млрд долларов США', 'на 17,8 процента']) {
      const doc = `${'Стороны обсудили сотрудничество, '.repeat(40)}объём составил ${fact} по итогам года, ${'и это не всё, '.repeat(40)}`;
      const whole = extractDocument('d.txt', doc).facts;
      expect(whole.map((f) => f.text)).toContain(fact.replace('на ', ''));
      const at = doc.indexOf(fact);
      // chunks cut at every character of the fact, and a few chunk sizes
      for (let cut = at; cut <= at + fact.length; cut++) {
        const run = startDocument('d.txt', doc.slice(0, cut));
        expect([...run.chunk(doc.slice(0, cut)), ...run.chunk(doc.slice(cut)), ...run.end()]).toEqual(whole);
      }
      for (const size of [7, 50, 333]) {
        const run = startDocument('d.txt', doc);
        const parts = doc.match(new RegExp(`[^]{1,${size}}`, 'gu'))!;
        expect([...parts.flatMap((p) => run.chunk(p)), ...run.end()]).toEqual(whole);
      }
    }
  });

  it('reads a file as chunks that join back to its text', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'diplo-chunks-')), 'big.txt');
    writeFileSync(file, text.repeat(3));
    const parts: string[] = [];
    for await (const p of readChunks(file, 4000)) parts.push(p);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('')).toBe(text.repeat(3));
  });

  it('writes the same bytes from the command line when a chunk would end inside a fact', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'diplo-chunks-')), 'line.txt');
    // one long line: no paragraph or line break for a cut
    const doc = Array.from({ length: 60 }, (_, i) => `В ${2000 + (i % 20)} году вложено 1 500 млн долларов, рост на ${i},5%,`).join(' ');
    writeFileSync(file, doc);
    const whole = diplo(['extract', file, '--format', 'jsonl']);
    const chunked = diplo(['extract', file, '--format', 'jsonl'], undefined, { DIPLO_CHUNKED_FILE_BYTES: '100', DIPLO_CHUNK_CHARS: '500' });
    expect(whole.status).toBe(0);
    expect(chunked.stdout).toBe(whole.stdout);
    expect(whole.stdout.match(/"text":"1 500 млн долларов"/g)).toHaveLength(60);
  });

  it('writes the same bytes from the command line whether a file is chunked or not', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'diplo-chunks-')), 'big.txt');
    writeFileSync(file, text.repeat(4));
    const types = ['--type', 'money,percent,date,leader,project'];
    const whole = diplo(['extract', file, '--format', 'jsonl', ...types]);
    const chunked = diplo(['extract', file, '--format', 'jsonl', ...types], undefined, { DIPLO_CHUNKED_FILE_BYTES: '1000', DIPLO_CHUNK_CHARS: '3000' });
    expect(whole.status).toBe(0);
    expect(chunked.status).toBe(0);
    expect(chunked.stdout).toBe(whole.stdout);
    const json = diplo(['extract', file, '--format', 'json', ...types], undefined, { DIPLO_CHUNKED_FILE_BYTES: '1000', DIPLO_CHUNK_CHARS: '3000' });
    expect(JSON.parse(json.stdout).documents[0].facts.length).toBe(whole.stdout.trim().split('\n').length);
  });
});

describe('events of a document read in chunks', () => {
  const talks = 'Президент Казахстана Касым-Жомарт Токаев 14 ноября 2025 года провел переговоры с Президентом Узбекистана Шавкатом Мирзиёевым в Ташкенте.';
  const filler = Array.from({ length: 150 }, (_, i) => `Товарооборот за ${i + 1} месяцев вырос на ${i + 2}%.`).join('\n\n');
  const call = 'Касым-Жомарт Токаев 3 декабря 2025 года провел телефонный разговор с Шавкатом Мирзиёвым.';
  const events = (env: Record<string, string>) => {
    const file = join(mkdtempSync(join(tmpdir(), 'diplo-chunks-')), 'story.txt');
    writeFileSync(file, [talks, filler, talks, filler, call].join('\n\n'));
    const r = diplo(['extract', file, '--format', 'jsonl', '--type', 'event'], undefined, env);
    expect(r.status).toBe(0);
    return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Fact);
  };

  it('gives an event a later chunk mentions again once, as a whole reading does', () => {
    const chunked = events({ DIPLO_CHUNKED_FILE_BYTES: '1000', DIPLO_CHUNK_CHARS: '1500' });
    const whole = events({});
    const kinds = (fs: Fact[]) => fs.map((f) => `${f.start} ${(f.value as { kind: string }).kind}`);
    expect(kinds(chunked)).toEqual(kinds(whole));
    expect(kinds(chunked).map((k) => k.split(' ')[1])).toEqual(['meeting', 'call']);
  });
});

describe('--jobs', () => {
  const corpus = () => {
    const dir = mkdtempSync(join(tmpdir(), 'diplo-jobs-'));
    const paragraphs = text.split('\n\n');
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `doc-${String(i).padStart(2, '0')}.txt`), paragraphs.slice(i % 5, (i % 5) + 3).join('\n\n'));
    writeFileSync(join(dir, 'doc-05-broken.txt'), Buffer.from([0xff, 0xfe, 0x00]));
    return dir;
  };
  // workers even for this little text, and three threads on a machine of any size
  const env = { DIPLO_PARALLEL_MIN_BYTES: '1', DIPLO_CORES: '4' };

  it('writes the same bytes with 1 and 2 worker threads', () => {
    const dir = corpus();
    const one = diplo(['extract', dir, '--format', 'jsonl', '--jobs', '1'], undefined, env);
    const two = diplo(['extract', dir, '--format', 'jsonl', '--jobs', '2'], undefined, env);
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stderr).toMatch(/doc-05-broken\.txt: not a text file/);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.length).toBeGreaterThan(1000);
  });

  // Workers write out their documents' facts; the main thread writes the framing (JSON's commas
  // between documents and facts, the CSV header, the table's headings) and extracts some itself.
  it.each(['json', 'csv', 'table'])('writes the same %s with 1 and 3 threads', (format) => {
    const dir = corpus();
    const one = diplo(['extract', dir, '--format', format, '--jobs', '1'], undefined, env);
    const three = diplo(['extract', dir, '--format', format, '--jobs', '3'], undefined, env);
    expect(three.stderr).toBe(one.stderr); // first: if the run failed, its message shows
    expect(three.stdout).toBe(one.stdout);
    if (format === 'json') expect(JSON.parse(three.stdout).documents.length).toBe(12);
  });
});
