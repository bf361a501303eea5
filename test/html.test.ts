// News as it arrives: HTML pages read as the text a reader sees, with the page's date; URLs fetched
// (from a server on this machine). A page gives the same facts as its text saved by hand.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToText, isoDay } from '../src/io/html.js';
import { fetchText, urlProblem } from '../src/io/fetch.js';
import { BIN, ROOT, diplo } from './helpers.js';

const PAGES = join(ROOT, 'fixtures', 'pages');
const page = (name: string) => readFileSync(join(PAGES, name), 'utf8');

describe('htmlToText', () => {
  it('keeps the article and drops scripts, styles, navigation, forms, asides and footers', () => {
    const { text } = htmlToText(
      '<html><head><title>T</title><style>p{}</style></head><body><nav>Home · World</nav>' +
        '<header>Site name</header><form><button>Go</button></form><p>First <b>bold</b> words.</p>' +
        '<script>var x = "1 млрд";</script><aside>Related: 5%</aside><noscript>Enable JS</noscript>' +
        '<footer>© 2025</footer></body></html>',
    );
    expect(text).toBe('First bold words.');
  });

  it('drops what the page hides', () => {
    const { text } = htmlToText(
      '<p>Seen.</p><p hidden>Hidden.</p><div aria-hidden="true">Ad</div><p style="color:red; display: none">SEO</p>' +
        '<div role="navigation">Menu</div><p style="visibility:hidden">x</p><p style="color:red">Red.</p>',
    );
    expect(text).toBe('Seen.\n\nRed.');
  });

  it('decodes entities and keeps a page’s own text with markup characters as text', () => {
    const { text } = htmlToText('<p>3&nbsp;млрд &laquo;Север&nbsp;&mdash; Юг&raquo; &amp; &lt;script&gt; &#x20B8; &#8376;</p>');
    expect(text).toBe('3\u00a0млрд «Север\u00a0— Юг» & <script> ₸ ₸');
  });

  it('makes paragraphs, headings and list items paragraphs, <br> a line break, and collapses spaces', () => {
    const { text } = htmlToText('<h1>Title</h1>\n  <p>One\n   two.</p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul><div>c</div><div>d</div>');
    expect(text).toBe('Title\n\nOne two.\n\nThree\nfour\n\na\n\nb\n\nc\nd');
  });

  it('keeps an article’s own header (headline, date) but drops the site’s', () => {
    const { text } = htmlToText('<header>Logo</header><article><header><h1>Talks</h1><time>1 May</time></header><p>Body.</p></article>');
    expect(text).toBe('Talks\n\n1 May\n\nBody.');
  });

  it('takes the title from og:title, else <title>', () => {
    expect(htmlToText('<title> A  page </title><meta property="og:title" content="Story">').title).toBe('Story');
    expect(htmlToText('<title> A \n page </title><p>x</p>').title).toBe('A page');
    expect(htmlToText('<p>x</p>').title).toBeNull();
    expect(htmlToText('<body><svg><title>Search icon</title></svg><p>x</p></body>').title).toBeNull();
  });

  it('takes the publication date from article:published_time, JSON-LD, or <time datetime>', () => {
    const meta = '<meta property="article:published_time" content="2025-12-11T10:00:00+05:00">';
    const ld = '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-02-29T08:00:00Z"}]}</script>';
    const time = '<article><time datetime="2023-07-01">1 July</time></article>';
    expect(htmlToText(meta + ld + time).date).toBe('2025-12-11');
    expect(htmlToText(ld + time).date).toBe('2024-02-29');
    expect(htmlToText(time).date).toBe('2023-07-01');
    expect(htmlToText('<p>Published 3 May 2020</p>').date).toBeNull();
    // a date in a sidebar of other stories is not this page's
    expect(htmlToText('<aside><time datetime="2019-01-01">old</time></aside><p>x</p>').date).toBeNull();
    expect(htmlToText('<script type="application/ld+json">{broken</script>').date).toBeNull();
  });

  it('reads the day of ISO and dotted dates, and refuses impossible ones', () => {
    expect(isoDay('2025-03-14T10:15:00+05:00')).toBe('2025-03-14');
    expect(isoDay('14.3.2025')).toBe('2025-03-14');
    expect(isoDay('2025-13-01')).toBeNull();
    expect(isoDay('yesterday')).toBeNull();
  });
});

describe('a saved news page gives the same facts as its text', () => {
  for (const lang of ['ru', 'kk', 'en']) {
    it(lang, () => {
      const facts = (file: string) => {
        const r = diplo(['extract', join(PAGES, file), '--format', 'json', '--quiet']);
        expect(r.status, r.stderr).toBe(0);
        return JSON.parse(r.stdout).documents[0];
      };
      const html = facts(`${lang}.html`);
      const txt = facts(`${lang}.txt`);
      // &nbsp; stays a no-break space in the page's text; otherwise the texts are the same
      const plain = (s: string) => s.replace(/\u00a0/g, ' ');
      const key = (f: { type: string; text: string; start: number; end: number; value: unknown; rule: string }) =>
        JSON.stringify([f.type, plain(f.text), f.start, f.end, f.value, f.rule]);
      expect(html.facts.length).toBeGreaterThanOrEqual(5);
      expect(new Set(html.facts.map((f: { type: string }) => f.type)).size).toBeGreaterThanOrEqual(4);
      expect(html.facts.map(key)).toEqual(txt.facts.map(key));
      // the page's date is the document's date; its text is given, and offsets count in it
      expect(html.date).toEqual({ iso: txt.date.iso, source: 'metadata' });
      expect(plain(html.text)).toBe(page(`${lang}.txt`).trimEnd());
      expect(html.title).toBeTruthy();
      for (const f of html.facts) expect([...html.text].slice(f.start, f.end).join('')).toBe(f.text);
      // nothing from scripts, navigation or asides
      expect(html.text).not.toMatch(/999|99%|Подписаться|Most read|Көп оқылған/);
      expect(txt.text).toBeUndefined();
    });
  }

  it('resolves a relative date against the page’s date', () => {
    const text = 'Биыл тауар айналымы 5 пайызға өсті.';
    const plain = diplo(['extract', '-', '--format', 'jsonl', '--type', 'date'], text);
    expect(JSON.parse(plain.stdout.split('\n')[0]!).value).toMatchObject({ relative: true, iso: null });
    const dir = mkdtempSync(join(tmpdir(), 'diplo-html-'));
    writeFileSync(join(dir, 'p.htm'), `<meta property="article:published_time" content="2024-05-20"><p>${text}</p>`);
    const r = diplo(['extract', join(dir, 'p.htm'), '--format', 'jsonl', '--type', 'date']);
    expect(JSON.parse(r.stdout.split('\n')[0]!).value).toMatchObject({ relative: true, iso: '2024' });
  });

  it('reads a page in the charset it declares', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diplo-html-'));
    const cp1251 = (s: string) =>
      Buffer.from([...s].map((c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : c.charCodeAt(0) - 0x410 + 0xc0)));
    const head = Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>');
    writeFileSync(join(dir, 'old.html'), Buffer.concat([head, cp1251('Инвестиции составили 5 млрд долларов.'), Buffer.from('</p></body></html>')]));
    const r = diplo(['extract', join(dir, 'old.html'), '--format', 'json', '-q']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout).documents[0];
    expect(doc.text).toBe('Инвестиции составили 5 млрд долларов.');
    expect(doc.facts.map((f: { text: string }) => f.text)).toContain('5 млрд долларов');
  });

  it('reads the pages of a directory with its text files', () => {
    const r = diplo(['extract', PAGES, '--format', 'json', '--quiet']);
    const docs = JSON.parse(r.stdout).documents as { doc: string }[];
    expect(docs.map((d) => d.doc.slice(PAGES.length + 1))).toEqual(['en.html', 'en.txt', 'kk.html', 'kk.txt', 'ru.html', 'ru.txt']);
  });
});

describe('URLs', () => {
  let server: Server;
  let base: string;
  const run = promisify(execFile);

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/news/1') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('kk.html'));
      } else if (req.url === '/old') {
        res.writeHead(301, { location: '/news/1' });
        res.end();
      } else if (req.url === '/plain') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=windows-1251' });
        res.end(Buffer.from([0xc8, 0xf0, 0xe0, 0xed])); // "Иран"
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(5000));
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 2000).unref();
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fetches a page, follows redirects and reads it as its text, with its date', async () => {
    const r = await fetchText(`${base}/old`);
    expect(r).toMatchObject({ title: expect.stringContaining('Қазақстан'), date: '2025-05-20', extracted: true });
    expect('text' in r && r.text.replace(/\u00a0/g, ' ')).toBe(page('kk.txt').trimEnd());
  });

  it('decodes the charset the server declares', async () => {
    expect(await fetchText(`${base}/plain`)).toMatchObject({ text: 'Иран' });
  });

  it('says what went wrong: the status, the size limit, the time limit, the scheme', async () => {
    expect(await fetchText(`${base}/missing`)).toEqual({ problem: 'HTTP 404 Not Found' });
    expect(await fetchText(`${base}/big`, { maxBytes: 1000 })).toEqual({ problem: expect.stringMatching(/limit of 1000 bytes/) });
    expect(await fetchText(`${base}/slow`, { timeoutMs: 200 })).toEqual({ problem: 'no complete answer within 0.2 s' });
    expect(urlProblem('http://news.example/a')).toMatch(/only https:\/\//);
    expect(urlProblem('https://news.example/a')).toBeNull();
    expect(urlProblem('http://localhost:8080/a')).toBeNull();
  });

  it('extracts from a URL on the command line, naming a failing one and its status', async () => {
    const r = await run(process.execPath, [BIN, 'extract', `${base}/news/1`, `${base}/missing`, '--format', 'json', '-q'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in r ? r.code : 0).toBe(1);
    expect(r.stderr).toBe(`diplo: ${base}/missing: HTTP 404 Not Found\n`);
    const docs = JSON.parse(r.stdout).documents;
    expect(docs).toHaveLength(1);
    expect(docs[0].doc).toBe(`${base}/news/1`);
    expect(docs[0].date).toEqual({ iso: '2025-05-20', source: 'metadata' });
    expect(docs[0].facts.map((f: { type: string }) => f.type)).toContain('money');
  });
});
