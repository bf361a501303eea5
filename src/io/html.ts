// A news page as text: what a reader sees of the article, without the site around it. Scripts,
// styles, navigation, forms and asides are dropped, entities decoded, block elements become line
// breaks (a blank line between paragraphs, headings and list items). The page's title and its
// publication date come from its metadata. Pure: a string in, a string and two fields out.
import { Parser } from 'htmlparser2';

export interface HtmlDocument {
  /** The article's text, as diplo reads it: offsets of facts count in this. */
  text: string;
  title: string | null;
  /** The publication date, YYYY-MM-DD, from the page's metadata; null when it gives none. */
  date: string | null;
}

/** Elements whose content is never the article's text. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'aside', 'form', 'iframe', 'svg', 'math', 'canvas',
  'object', 'button', 'select', 'textarea', 'dialog', 'head', 'footer',
]);
/** The site's banner; inside an article a header holds its headline and date, so it is kept there. */
const PAGE_FRAME = new Set(['header']);
const ARTICLE = new Set(['article', 'main']);
/** Roles that mark a site's furniture. */
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar']);
/** Paragraph-like blocks: a blank line around them. */
const PARAGRAPH = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'figure',
  'hr', 'article', 'section', 'main', 'address', 'header', 'footer',
]);
/** Other blocks: a line break around them. */
const LINE = new Set(['div', 'tr', 'dt', 'dd', 'caption', 'figcaption', 'details', 'summary', 'fieldset', 'legend', 'center']);
const CELL = new Set(['td', 'th']);

/** Metadata that states the publication date, best first (property, name or itemprop). */
const DATE_META = [
  'article:published_time',
  'datepublished',
  'og:published_time',
  'published_time',
  'pubdate',
  'publishdate',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'parsely-pub-date',
  'sailthru.date',
];

/** Converts an HTML page to its text, title and publication date. */
export function htmlToText(html: string): HtmlDocument {
  let out = '';
  /** A break waiting for the next text: 0 none, 1 a line, 2 a paragraph. */
  let pendingBreak = 0;
  let pendingSpace = false;
  /** Open elements: whether each one drops its content, is an article, or is preformatted. */
  const stack: { name: string; drops: boolean; article: boolean; pre: boolean }[] = [];
  let dropDepth = 0;
  let articleDepth = 0;
  let preDepth = 0;

  let titleText: string | null = null;
  let inTitle = false;
  let h1: string | null = null;
  let h1Text: string | null = null;
  const metas = new Map<string, string>();
  let ldScript: string | null = null;
  const ldDates: string[] = [];
  let articleTime: string | null = null;
  let anyTime: string | null = null;
  let itempropDate: string | null = null;

  function breakAt(level: number): void {
    pendingBreak = Math.max(pendingBreak, level);
    pendingSpace = false;
  }

  function write(raw: string): void {
    if (preDepth > 0) {
      if (!raw) return;
      if (out) out += pendingBreak === 2 ? '\n\n' : pendingBreak === 1 ? '\n' : pendingSpace ? ' ' : '';
      pendingBreak = 0;
      pendingSpace = false;
      out += raw;
      return;
    }
    const collapsed = raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (collapsed === '') return;
    if (collapsed === ' ') {
      pendingSpace = true;
      return;
    }
    let body = collapsed;
    if (body.startsWith(' ')) {
      pendingSpace = true;
      body = body.slice(1);
    }
    const trailing = body.endsWith(' ');
    if (trailing) body = body.slice(0, -1);
    if (out) out += pendingBreak === 2 ? '\n\n' : pendingBreak === 1 ? '\n' : pendingSpace ? ' ' : '';
    pendingBreak = 0;
    pendingSpace = trailing;
    out += body;
  }

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'meta') {
          const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase();
          if (key && attribs.content !== undefined && !metas.has(key)) metas.set(key, attribs.content);
        }
        // the page's <title>, not an SVG icon's
        if (name === 'title' && titleText === null && !stack.some((e) => e.name === 'svg')) inTitle = true;
        if (name === 'script' && (attribs.type ?? '').toLowerCase() === 'application/ld+json') ldScript = '';
        const role = (attribs.role ?? '').toLowerCase();
        const drops =
          DROPPED.has(name) ||
          (PAGE_FRAME.has(name) && articleDepth === 0) ||
          DROPPED_ROLES.has(role) ||
          attribs.hidden !== undefined ||
          attribs['aria-hidden'] === 'true' ||
          /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attribs.style ?? '');
        const article = ARTICLE.has(name) || role === 'main' || role === 'article';
        const pre = name === 'pre' || name === 'textarea';
        stack.push({ name, drops, article, pre });
        if (drops) dropDepth++;
        if (article) articleDepth++;
        if (pre) preDepth++;
        if (dropDepth > 0) return;
        if (name === 'time' && attribs.datetime) {
          const d = isoDay(attribs.datetime);
          if (d && (attribs.itemprop ?? '').toLowerCase() === 'datepublished') itempropDate ??= d;
          if (d && (attribs.pubdate !== undefined || articleDepth > 0)) articleTime ??= d;
          if (d) anyTime ??= d;
        }
        if (name === 'h1' && h1 === null) h1Text = '';
        if (name === 'br') pendingBreak = Math.min(2, pendingBreak + 1);
        else if (PARAGRAPH.has(name)) breakAt(2);
        else if (LINE.has(name)) breakAt(1);
        else if (CELL.has(name)) pendingSpace = out !== '';
      },
      ontext(data) {
        if (inTitle) titleText = (titleText ?? '') + data;
        if (ldScript !== null) ldScript += data;
        if (dropDepth > 0) return;
        if (h1Text !== null) h1Text += data;
        write(data);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'script' && ldScript !== null) {
          ldDates.push(...jsonLdDates(ldScript));
          ldScript = null;
        }
        // htmlparser2 closes every element it opened (implied ends too), so the stack balances.
        const top = stack.pop();
        if (!top) return;
        const wasDropping = dropDepth > 0;
        if (top.drops) dropDepth--;
        if (top.article) articleDepth--;
        if (top.pre) preDepth--;
        if (wasDropping) return;
        if (name === 'h1' && h1Text !== null) {
          h1 = collapse(h1Text);
          h1Text = null;
        }
        if (PARAGRAPH.has(name)) breakAt(2);
        else if (LINE.has(name)) breakAt(1);
        else if (CELL.has(name)) pendingSpace = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const title = nonEmpty(metas.get('og:title')) ?? nonEmpty(titleText === null ? null : collapse(titleText)) ?? nonEmpty(h1);
  const published = metas.get('article:published_time');
  const date =
    (published ? isoDay(published) : null) ??
    ldDates[0] ??
    itempropDate ??
    articleTime ??
    anyTime ??
    DATE_META.map((k) => metas.get(k)).map((v) => (v ? isoDay(v) : null)).find((d) => d !== null) ??
    null;
  return { text: out, title, date };
}

function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

function nonEmpty(s: string | null | undefined): string | null {
  return s ? s : null;
}

/** The day of a date as pages write it in metadata: ISO 8601 (a time may follow), or DD.MM.YYYY. */
export function isoDay(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(t);
  let y: string, mo: string, d: string;
  if (m) [, y, mo, d] = m as unknown as [string, string, string, string];
  else if ((m = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(t))) [, y, mo, d] = m as unknown as [string, string, string, string];
  else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])/.exec(t))) {
    [, d, mo, y] = m as unknown as [string, string, string, string];
    d = d.padStart(2, '0');
    mo = mo.padStart(2, '0');
  } else return null;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${mo}-${d}`;
}

/** `datePublished` of a JSON-LD block (an object, a list, or a `@graph`), as days, in order. */
function jsonLdDates(source: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return [];
  }
  const found: string[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    if (typeof o.datePublished === 'string') {
      const d = isoDay(o.datePublished);
      if (d) found.push(d);
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'datePublished') visit(x, depth + 1);
  };
  visit(data, 0);
  return found;
}

/** Whether a path names an HTML page by its extension. */
export function isHtmlPath(path: string): boolean {
  return /\.html?$/i.test(path);
}

/** The charset a page declares in its first bytes (`<meta charset>` or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null;
}
