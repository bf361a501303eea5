// `diplo report`: documents and their facts as one self-contained HTML page to read and check.
// No network: inline CSS and a small inline script, no fonts or images from elsewhere. At the top
// the events' timeline, views by country and by leader, and a table of figures; then each
// document's text with every fact as one <mark> (data-type, data-start, data-end in code points),
// coloured and labelled by type, its value, rule and confidence shown on hover or focus.
// Pure: documents in, one string out; every character that comes from a document is escaped.
import { countryName, dateText, factCountries, valueOf, valueText, type ReportDocument, type ReportFact } from './values.js';

export type { ReportDocument, ReportFact } from './values.js';

export interface ReportOptions {
  /** The page's heading. */
  title?: string;
  /** Who made it, shown small under the heading (e.g. "diplo 0.1.0"). */
  generator?: string;
}

/** The fact types in the order the report lists them; others follow in order of appearance. */
const TYPE_ORDER = ['event', 'money', 'percent', 'quantity', 'date', 'leader', 'project'];
const FIGURES = new Set(['money', 'percent', 'quantity']);
const COLOURS: Record<string, [string, string]> = {
  money: ['#c9f0c4', '#2e7d32'],
  percent: ['#c4eef5', '#00838f'],
  quantity: ['#ffdcb8', '#b35400'],
  date: ['#fff0a8', '#8d7500'],
  leader: ['#f5cdef', '#8e24aa'],
  project: ['#cdd9f7', '#1e4fb3'],
  event: ['#ffcdcd', '#c62828'],
};
const OTHER_COLOUR: [string, string] = ['#e4e4e4', '#555555'];
/** Rows of the country and leader views that list their documents, at most. */
const DOC_LINKS = 12;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for an element's content or a quoted attribute: nothing in it is markup. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A class-name-safe form of a type or language code. */
const token = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]/g, '_');

export function renderReport(docs: readonly ReportDocument[], options: ReportOptions = {}): string {
  const title = options.title ?? 'diplo report';
  const typesSeen: string[] = [];
  const typeCount = new Map<string, number>();
  const langCount = new Map<string, number>();
  let facts = 0;
  for (const d of docs) {
    langCount.set(d.lang, (langCount.get(d.lang) ?? 0) + 1);
    for (const f of d.facts) {
      facts++;
      if (!typeCount.has(f.type)) typesSeen.push(f.type);
      typeCount.set(f.type, (typeCount.get(f.type) ?? 0) + 1);
    }
  }
  const types = [...TYPE_ORDER.filter((t) => typeCount.has(t)), ...typesSeen.filter((t) => !TYPE_ORDER.includes(t))];
  const langs = [...langCount.keys()].sort();

  const parts: string[] = [];
  parts.push(
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">\n`,
    `<title>${esc(title)}</title>\n<style>\n${css(types, langs)}</style>\n</head>\n<body>\n`,
    '<a class="skip" href="#documents">Skip to the documents</a>\n<header>\n',
    `<h1>${esc(title)}</h1>\n<p class="counts">${plural(docs.length, 'document')} · ${plural(facts, 'fact')}`,
    options.generator ? ` · made by ${esc(options.generator)}` : '',
    '</p>\n',
    filters(types, typeCount, langs, langCount),
    '<nav class="toc" aria-label="Sections"><a href="#timeline">Timeline</a> <a href="#countries">Countries</a> ',
    '<a href="#leaders">Leaders</a> <a href="#figures">Figures</a> <a href="#documents">Documents</a></nav>\n',
    '</header>\n<main>\n',
  );
  parts.push(timeline(docs), countries(docs), leaders(docs), figures(docs));
  parts.push(`<section id="documents" aria-labelledby="h-documents"><h2 id="h-documents">Documents</h2>\n`);
  docs.forEach((d, i) => parts.push(documentSection(d, i)));
  parts.push('</section>\n</main>\n<div id="tip" role="tooltip" hidden></div>\n');
  parts.push(`<script>\n${SCRIPT}</script>\n</body>\n</html>\n`);
  return parts.join('');
}

/** Rows of a table laid out at a time: a chunk off screen costs nothing until it scrolls into view. */
const TABLE_CHUNK = 100;

/**
 * A table of many rows as tables of at most TABLE_CHUNK rows with the same fixed column widths, each
 * rendered only when near the screen (content-visibility): a browser lays out one table's every
 * cell before it shows any, which for thousands of figures took longer than all the texts.
 */
function table(columns: [string, number][], rows: string[]): string {
  const cols = `<colgroup>${columns.map(([, w]) => `<col style="width:${w}%">`).join('')}</colgroup>`;
  const head = `<tr>${columns.map(([name]) => `<th scope="col">${esc(name)}</th>`).join('')}</tr>`;
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += TABLE_CHUNK) {
    chunks.push(
      `<div class="rows"><table>${cols}<thead${i ? ' class="again"' : ''}>${head}</thead>` +
        `<tbody>\n${rows.slice(i, i + TABLE_CHUNK).join('\n')}\n</tbody></table></div>`,
    );
  }
  return chunks.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const factId = (doc: number, fact: number) => `f-${doc}-${fact}`;
const docLink = (docs: readonly ReportDocument[], i: number) => `<a href="#doc-${i}">${esc(docs[i]!.doc)}</a>`;

function filters(types: string[], typeCount: Map<string, number>, langs: string[], langCount: Map<string, number>): string {
  const box = (kind: 't' | 'l', value: string, label: string, n: number) =>
    `<label class="chip ${kind}-${token(value)}"><input type="checkbox" checked data-filter="${kind}" value="${esc(token(value))}"> ` +
    `<span class="swatch" aria-hidden="true"></span>${esc(label)} <span class="n">${n}</span></label>`;
  return (
    '<form class="filters" aria-label="Filters" onsubmit="return false">\n' +
    `<fieldset><legend>Types</legend>${types.map((t) => box('t', t, t, typeCount.get(t)!)).join(' ')}</fieldset>\n` +
    `<fieldset><legend>Languages</legend>${langs.map((l) => box('l', l, l, langCount.get(l)!)).join(' ')}</fieldset>\n` +
    '</form>\n'
  );
}

function timeline(docs: readonly ReportDocument[]): string {
  const events: { f: ReportFact; d: number; i: number }[] = [];
  docs.forEach((doc, d) => doc.facts.forEach((f, i) => f.type === 'event' && events.push({ f, d, i })));
  const head = '<section id="timeline" aria-labelledby="h-timeline"><h2 id="h-timeline">Timeline of events</h2>\n';
  if (!events.length) return `${head}<p class="none">No events in these documents.</p></section>\n`;
  const key = (e: (typeof events)[number]) => dateText(valueOf(e.f).date) || '\uffff';
  events.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.d - b.d || a.i - b.i));
  const items = events.map(({ f, d, i }) => {
    const when = dateText(valueOf(f).date) || 'date unknown';
    return (
      `<li class="t-event l-${token(docs[d]!.lang)}"><time>${esc(when)}</time> <span class="what">${esc(valueText(f))}</span> ` +
      `<span class="src">— <a href="#${factId(d, i)}">“${esc(f.text)}”</a> in ${docLink(docs, d)} (${esc(docs[d]!.lang)})</span></li>`
    );
  });
  return `${head}<ol class="timeline">\n${items.join('\n')}\n</ol></section>\n`;
}

function countries(docs: readonly ReportDocument[]): string {
  const rows = new Map<string, { leaders: Set<string>; figures: number; facts: number; docs: number[] }>();
  docs.forEach((doc, d) => {
    for (const f of doc.facts) {
      for (const c of factCountries(f)) {
        let r = rows.get(c);
        if (!r) rows.set(c, (r = { leaders: new Set(), figures: 0, facts: 0, docs: [] }));
        r.facts++;
        if (FIGURES.has(f.type)) r.figures++;
        const v = valueOf(f);
        if (f.type === 'leader' && typeof v.name === 'string' && v.country === c) r.leaders.add(v.name);
        if (r.docs[r.docs.length - 1] !== d) r.docs.push(d);
      }
    }
  });
  const head = '<section id="countries" aria-labelledby="h-countries"><h2 id="h-countries">By country</h2>\n';
  if (!rows.size) return `${head}<p class="none">No countries named.</p></section>\n`;
  const sorted = [...rows].sort((a, b) => b[1].docs.length - a[1].docs.length || b[1].facts - a[1].facts || (a[0] < b[0] ? -1 : 1));
  const body = sorted.map(
    ([c, r]) =>
      `<tr><th scope="row">${esc(countryName(c))} <span class="code">${esc(c)}</span></th><td>${esc([...r.leaders].sort().join(', '))}</td>` +
      `<td class="num">${r.figures}</td><td class="num">${r.facts}</td><td>${docList(docs, r.docs)}</td></tr>`,
  );
  const columns: [string, number][] = [['Country', 17], ['Leaders', 23], ['Figures', 8], ['Facts', 7], ['Documents', 45]];
  return `${head}${table(columns, body)}</section>\n`;
}

function docList(docs: readonly ReportDocument[], list: number[]): string {
  const shown = list.slice(0, DOC_LINKS).map((d) => docLink(docs, d));
  const more = list.length > DOC_LINKS ? ` and ${list.length - DOC_LINKS} more` : '';
  return `${list.length}: ${shown.join(', ')}${more}`;
}

function leaders(docs: readonly ReportDocument[]): string {
  const rows = new Map<string, { name: string; role: string; country: string; mentions: number; docs: number[]; first: string }>();
  docs.forEach((doc, d) =>
    doc.facts.forEach((f, i) => {
      if (f.type !== 'leader') return;
      const v = valueOf(f);
      const id = typeof v.id === 'string' ? v.id : f.text;
      let r = rows.get(id);
      if (!r) {
        const name = typeof v.name === 'string' ? v.name : f.text;
        const role = typeof v.role === 'string' ? v.role : '';
        const country = typeof v.country === 'string' ? v.country : '';
        rows.set(id, (r = { name, role, country, mentions: 0, docs: [], first: factId(d, i) }));
      }
      r.mentions++;
      if (r.docs[r.docs.length - 1] !== d) r.docs.push(d);
    }),
  );
  const head = '<section id="leaders" aria-labelledby="h-leaders"><h2 id="h-leaders">By leader</h2>\n';
  if (!rows.size) return `${head}<p class="none">No leaders named.</p></section>\n`;
  const sorted = [...rows.values()].sort((a, b) => b.docs.length - a.docs.length || b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
  const body = sorted.map(
    (r) =>
      `<tr class="t-leader"><th scope="row"><a href="#${r.first}">${esc(r.name)}</a></th><td>${esc(r.role)}</td>` +
      `<td>${r.country ? `${esc(countryName(r.country))} <span class="code">${esc(r.country)}</span>` : ''}</td>` +
      `<td class="num">${r.mentions}</td><td>${docList(docs, r.docs)}</td></tr>`,
  );
  const columns: [string, number][] = [['Leader', 20], ['Role', 13], ['Country', 14], ['Mentions', 9], ['Documents', 44]];
  return `${head}${table(columns, body)}</section>\n`;
}

function figures(docs: readonly ReportDocument[]): string {
  const rows: string[] = [];
  docs.forEach((doc, d) =>
    doc.facts.forEach((f, i) => {
      if (!FIGURES.has(f.type)) return;
      const v = valueOf(f);
      const cell = (x: unknown) => `<td>${typeof x === 'string' ? esc(x) : ''}</td>`;
      const countries = factCountries(f).join(', ');
      rows.push(
        `<tr class="t-${token(f.type)} l-${token(doc.lang)}"><td><span class="tag">${esc(f.type)}</span></td>` +
          `<td class="num">${esc(valueText(f))}</td>${cell(v.measure)}${cell(v.status)}<td>${esc(dateText(v.period))}</td>` +
          `<td>${esc(countries)}</td><td><a href="#${factId(d, i)}">“${esc(f.text)}”</a> in ${docLink(docs, d)}</td></tr>`,
      );
    }),
  );
  const head = '<section id="figures" aria-labelledby="h-figures"><h2 id="h-figures">Figures</h2>\n';
  if (!rows.length) return `${head}<p class="none">No figures in these documents.</p></section>\n`;
  const columns: [string, number][] = [
    ['Type', 9], ['Value', 18], ['Measure', 10], ['Status', 8], ['Period', 12], ['Countries', 10], ['Source', 33],
  ];
  return `${head}${table(columns, rows)}</section>\n`;
}

function documentSection(d: ReportDocument, index: number): string {
  const date = d.date ? `${d.date.iso} (${d.date.source})` : 'date unknown';
  const count = plural(d.facts.length, 'fact');
  return (
    `<article class="doc l-${token(d.lang)}" id="doc-${index}" data-lang="${esc(d.lang)}" aria-labelledby="h-doc-${index}">\n` +
    `<h3 id="h-doc-${index}">${esc(d.doc)}</h3>\n` +
    `<p class="meta">${esc(d.lang)} · ${esc(date)} · ${count}${d.title ? ` · <cite>${esc(d.title)}</cite>` : ''}</p>\n` +
    `<div class="text" lang="${esc(d.lang === 'und' ? '' : d.lang)}">${markedText(d.text, d.facts, index)}</div>\n</article>\n`
  );
}

/**
 * The text with each fact as one <mark>. Facts inside another are nested in its mark; a fact that
 * starts inside one and ends beyond it is shown up to that one's end (its data-end is still its
 * own), so that every fact has exactly one mark and the marks nest as HTML requires.
 */
export function markedText(text: string, facts: readonly ReportFact[], doc: number): string {
  const cps = Array.from(text);
  const order = facts
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.start >= 0 && f.end > f.start && f.start < cps.length)
    .sort((a, b) => a.f.start - b.f.start || b.f.end - a.f.end || a.i - b.i);
  const out: string[] = [];
  const open: number[] = []; // visible ends of the open marks
  let pos = 0;
  const textTo = (end: number) => {
    if (end > pos) out.push(esc(cps.slice(pos, end).join('')));
    pos = Math.max(pos, end);
  };
  for (const { f, i } of order) {
    while (open.length && open[open.length - 1]! <= f.start) {
      textTo(open.pop()!);
      out.push('</mark>');
    }
    textTo(f.start);
    const limit = open.length ? open[open.length - 1]! : cps.length;
    open.push(Math.min(f.end, limit));
    out.push(markTag(f, doc, i, f.end > limit));
  }
  while (open.length) {
    textTo(open.pop()!);
    out.push('</mark>');
  }
  textTo(cps.length);
  return out.join('');
}

function markTag(f: ReportFact, doc: number, i: number, cut: boolean): string {
  const t = token(f.type);
  const conf = typeof f.confidence === 'number' ? f.confidence.toFixed(2) : '';
  return (
    `<mark id="${factId(doc, i)}" class="t-${t}${cut ? ' cut' : ''}" tabindex="0" data-type="${esc(f.type)}" ` +
    `data-start="${f.start}" data-end="${f.end}" data-value="${esc(valueText(f))}" data-rule="${esc(f.rule)}" ` +
    `data-confidence="${conf}">`
  );
}

function css(types: string[], langs: string[]): string {
  const perType = types
    .map((t) => {
      const [bg, fg] = COLOURS[t] ?? OTHER_COLOUR;
      const c = `t-${token(t)}`;
      return (
        `mark.${c}{background:${bg};border-color:${fg}} mark.${c}::after{background:${fg}}\n` +
        `.chip.${c} .swatch{background:${bg};border-color:${fg}} tr.${c} .tag{background:${bg};border-color:${fg}}\n` +
        `body.hide-${c} mark.${c}{background:none;border-color:transparent;padding:0} body.hide-${c} mark.${c}::after{display:none}\n` +
        `body.hide-${c} tr.${c},body.hide-${c} li.${c}{display:none}\n`
      );
    })
    .join('');
  const perLang = langs.map((l) => `body.hide-l-${token(l)} .l-${token(l)}{display:none}\n`).join('');
  return BASE_CSS + perType + perLang;
}

const BASE_CSS = `:root{color-scheme:light;--fg:#1d1d1f;--muted:#5f6368;--line:#d9d9de}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:0 1.25rem 4rem;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:#fff}
h1{font-size:1.6rem;margin:1.2rem 0 .2rem} h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem} h3{font-size:1.05rem;margin:0;word-break:break-all}
a{color:#0b57d0} a:focus-visible,mark:focus-visible,input:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.skip{position:absolute;left:-999px} .skip:focus{left:1rem;top:.5rem;background:#fff;padding:.3rem .6rem;z-index:3}
.counts,.meta,.none{color:var(--muted);margin:.2rem 0}
html{scroll-padding-top:10rem}
header{position:sticky;top:0;background:#fff;z-index:2;padding-bottom:.4rem;border-bottom:1px solid var(--line)}
.filters{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;margin:.4rem 0} fieldset{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.3rem .6rem;align-items:center}
legend{float:left;margin-right:.5rem;font-weight:600;color:var(--muted);font-size:.9rem}
.chip{display:inline-flex;align-items:center;gap:.3rem;font-size:.9rem;cursor:pointer} .chip .n{color:var(--muted);font-size:.8rem}
.swatch{display:inline-block;width:.9rem;height:.9rem;border:2px solid;border-radius:3px}
.toc{font-size:.9rem} .toc a{margin-right:.8rem}
table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:.9rem} .rows{content-visibility:auto;contain-intrinsic-size:auto 40rem}
thead.again tr{visibility:collapse} td{overflow-wrap:anywhere} th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f4f4f6} td.num{overflow-wrap:normal;font-variant-numeric:tabular-nums}
.code{color:var(--muted);font-size:.8em} .tag{border:1px solid;border-radius:3px;padding:0 .3rem;font-size:.8em}
.timeline{list-style:none;padding:0;margin:0} .timeline li{padding:.3rem 0 .3rem .8rem;border-left:3px solid #c62828;margin-left:.3rem}
.timeline time{font-weight:600;font-variant-numeric:tabular-nums} .timeline .src{color:var(--muted)}
article.doc{border-top:1px solid var(--line);padding:1rem 0;content-visibility:auto;contain-intrinsic-size:auto 40rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.1}
mark{color:inherit;border:1px solid;border-radius:.3rem;padding:.1em .25em;box-decoration-break:clone;-webkit-box-decoration-break:clone;cursor:help}
mark::after{content:attr(data-type);color:#fff;font-size:.6em;font-weight:700;text-transform:uppercase;letter-spacing:.03em;border-radius:.25rem;padding:.05em .3em;margin-left:.3em;vertical-align:middle;line-height:1}
mark mark{padding:0 .15em} mark.cut{border-right-style:dashed}
#tip{position:absolute;z-index:5;max-width:28rem;background:#1d1d1f;color:#fff;border-radius:.4rem;padding:.45rem .6rem;font-size:.85rem;line-height:1.4;box-shadow:0 4px 16px rgba(0,0,0,.25);pointer-events:none}
#tip b{color:#ffd54f} #tip div{margin-top:.15rem}
@media print{
  html{scroll-padding-top:0} header{position:static;border:0} .filters,.toc,.skip,#tip{display:none!important}
  body{max-width:none;padding:0;font-size:11pt} a{color:inherit;text-decoration:none}
  mark,mark::after,.tag,.swatch{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  article.doc,.rows{content-visibility:visible} tr,li,h2,h3{break-inside:avoid} h2,h3{break-after:avoid} thead.again tr{visibility:visible}
  .text{line-height:1.9}
}
@media (prefers-reduced-motion:reduce){html{scroll-behavior:auto}}
`;

/**
 * The page's behaviour: filters (type and language), and one tooltip for the mark under the pointer
 * or with the focus. It reads the marks' data attributes and writes with textContent only.
 */
const SCRIPT = `(function () {
  'use strict';
  var body = document.body;
  var form = document.querySelector('form.filters');
  if (form) form.addEventListener('change', function (e) {
    var box = e.target;
    if (!box || !box.dataset || !box.dataset.filter) return;
    body.classList.toggle('hide-' + box.dataset.filter + '-' + box.value, !box.checked);
  });
  var tip = document.getElementById('tip');
  var current = null;
  function line(label, value) {
    var div = document.createElement('div');
    var b = document.createElement('b');
    b.textContent = label + ' ';
    div.appendChild(b);
    div.appendChild(document.createTextNode(value));
    return div;
  }
  function show(mark) {
    if (!mark || !tip) return;
    if (current && current !== mark) current.removeAttribute('aria-describedby');
    current = mark;
    tip.replaceChildren(
      line(mark.dataset.type, mark.dataset.value || ''),
      line('rule', mark.dataset.rule || ''),
      line('confidence', mark.dataset.confidence || ''),
      line('offsets', mark.dataset.start + '\\u2013' + mark.dataset.end)
    );
    tip.hidden = false;
    mark.setAttribute('aria-describedby', 'tip');
    var r = mark.getBoundingClientRect();
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + 'px';
    tip.style.top = (window.scrollY + r.bottom + 6) + 'px';
  }
  function hide() {
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    if (tip) tip.hidden = true;
  }
  function markOf(node) {
    return node && node.closest ? node.closest('mark[data-type]') : null;
  }
  document.addEventListener('mouseover', function (e) {
    var m = markOf(e.target);
    if (m && m !== current) show(m);
    else if (!m && current && document.activeElement !== current) hide();
  });
  document.addEventListener('focusin', function (e) {
    var m = markOf(e.target);
    if (m) show(m); else hide();
  });
  document.addEventListener('focusout', function (e) {
    if (markOf(e.target) === current) hide();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') hide();
  });
  window.addEventListener('beforeprint', hide);
})();
`;
