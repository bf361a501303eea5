// The report of the seeds opened in a real browser (headless Chromium): one mark per fact of
// `extract`, no script error, nothing loaded from elsewhere, the tooltip on focus, the filters,
// the print view. Skipped where /usr/bin/chromium is absent (.ci/run installs it).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch } from './browser.js';
import { diplo } from './helpers.js';

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

describe.skipIf(!hasChromium)('the report in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplo-report-browser-'));
  let browser: Browser;

  async function open(file: string): Promise<Opened> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 800 });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warn') && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  const seeds = join(dir, 'seeds.html');
  beforeAll(async () => {
    expect(diplo(['report', 'seeds', '-o', seeds, '-q']).status).toBe(0);
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('shows one mark per fact of extract, with no script error and nothing loaded from elsewhere', async () => {
    const file = seeds;
    const extracted = JSON.parse(diplo(['extract', 'seeds', '--format', 'json', '-q']).stdout).documents as {
      doc: string;
      facts: { type: string; start: number; end: number; text: string }[];
    }[];
    const { page, errors, requests } = await open(file);
    const marks = await page.$$eval('mark[data-type]', (ms) =>
      ms.map((m) => ({
        doc: m.closest('article')!.querySelector('h3')!.textContent,
        type: m.getAttribute('data-type'),
        start: Number(m.getAttribute('data-start')),
        end: Number(m.getAttribute('data-end')),
        text: m.textContent,
        cut: m.classList.contains('cut'),
      })),
    );
    const key = (d: string, f: { type: string | null; start: number; end: number }) => `${d} ${f.type} ${f.start} ${f.end}`;
    const expected = extracted.flatMap((d) => d.facts.map((f) => key(d.doc, f)));
    expect(marks.length).toBe(expected.length);
    expect(marks.map((m) => key(m.doc!, m)).sort()).toEqual(expected.sort());
    // each mark holds its fact's text, as the browser reads the page
    const texts = new Map(extracted.flatMap((d) => d.facts.map((f) => [key(d.doc, f), f.text])));
    for (const m of marks.filter((x) => !x.cut)) expect(m.text).toBe(texts.get(key(m.doc!, m)));
    // the document's text comes back whole
    const first = await page.$eval('#doc-0 .text', (e) => e.textContent);
    expect(first).toBe(readFileSync(extracted[0]!.doc, 'utf8').replace(/^\uFEFF/, ''));
    expect(errors).toEqual([]);
    expect(requests).toEqual([`file://${file}`]);
    await page.close();
  });

  it('shows a fact’s value, rule and confidence when its mark has the keyboard focus', async () => {
    const { page } = await open(seeds);
    const mark = await page.$('#doc-0 mark[data-type="money"]');
    expect(mark).not.toBeNull();
    await mark!.focus();
    const tip = await page.$eval('#tip', (t) => ({ hidden: (t as HTMLElement).hidden, text: t.textContent }));
    const rule = await mark!.evaluate((m) => m.getAttribute('data-rule'));
    expect(tip.hidden).toBe(false);
    expect(await mark!.evaluate((m) => m.getAttribute('aria-describedby'))).toBe('tip');
    expect(tip.text).toContain(rule!);
    expect(tip.text).toMatch(/money.*USD.*confidence \d\.\d\d/s);
    await page.keyboard.press('Escape');
    expect(await page.$eval('#tip', (t) => (t as HTMLElement).hidden)).toBe(true);
    // the marks are reached with Tab
    expect(await page.$$eval('mark[data-type]', (ms) => ms.every((m) => (m as HTMLElement).tabIndex === 0))).toBe(true);
    await page.close();
  });

  it('filters by type and language, with the keyboard too', async () => {
    const { page } = await open(seeds);
    const background = () => page.$eval('#doc-0 mark[data-type="money"]', (m) => getComputedStyle(m).backgroundColor);
    expect(await background()).not.toBe('rgba(0, 0, 0, 0)');
    await page.focus('input[data-filter="t"][value="money"]');
    await page.keyboard.press('Space');
    expect(await background()).toBe('rgba(0, 0, 0, 0)');
    const shownRows = () => page.$$eval('#figures tbody tr', (rs) => rs.filter((r) => (r as HTMLElement).offsetParent !== null).length);
    expect(await page.$$eval('#figures tr.t-money', (rs) => rs.every((r) => (r as HTMLElement).offsetParent === null))).toBe(true);
    const rowsWithoutMoney = await shownRows();
    await page.click('input[data-filter="t"][value="money"]');
    expect(await shownRows()).toBeGreaterThan(rowsWithoutMoney);
    const kk = () => page.$$eval('article.doc.l-kk', (as) => as.map((a) => getComputedStyle(a).display));
    expect(await kk()).not.toContain('none');
    await page.click('input[data-filter="l"][value="kk"]');
    expect(new Set(await kk())).toEqual(new Set(['none']));
    await page.close();
  });

  it('prints without the filters and with the marks’ colours', async () => {
    const { page } = await open(seeds);
    await page.emulateMediaType('print');
    expect(await page.$eval('form.filters', (f) => getComputedStyle(f).display)).toBe('none');
    expect(await page.$eval('mark[data-type]', (m) => getComputedStyle(m).printColorAdjust)).toBe('exact');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.close();
  });

  it('shows markup in a document as text', async () => {
    const evil = join(dir, 'evil.txt');
    writeFileSync(evil, 'Токаев: <script>window.hacked = 1</script> "onmouseover=window.hacked=2 x=" <img src=x onerror="window.hacked=3">');
    const file = join(dir, 'evil.html');
    expect(diplo(['report', evil, '-o', file, '-q']).status).toBe(0);
    const { page, errors } = await open(file);
    await page.hover('.text');
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    expect(await page.$$eval('script', (s) => s.length)).toBe(1);
    expect(await page.$$eval('img', (s) => s.length)).toBe(0);
    expect(await page.$eval('.text', (e) => e.textContent)).toBe(readFileSync(evil, 'utf8'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a screenshot of a document with its marks', async () => {
    const { page } = await open(seeds);
    await page.setViewport({ width: 1000, height: 640 });
    await page.focus('#doc-0 mark[data-type="leader"]');
    // the document's heading under the page's header, the tooltip in view
    await page.$eval('#doc-0', (d) => window.scrollTo(0, d.getBoundingClientRect().top + window.scrollY - 170));
    const png = await page.screenshot({ path: process.env.DIPLO_SCREENSHOT ?? join(dir, 'report.png') });
    expect(Buffer.from(png).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });
});
