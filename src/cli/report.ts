// `diplo report`: the inputs' facts (as `diplo extract` finds them) and texts, written as one
// self-contained HTML page (../report/html.ts). The whole report is held in memory: it is for a
// person to read, so hundreds or a few thousand documents, not a year of news.
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeText, describe, expandPaths, fetchUrls, readInput, type InputText } from '../io/inputs.js';
import { htmlToText } from '../io/html.js';
import { prepareLanguageDetection } from '../lang/detect.js';
import { extractDocument } from '../pipeline.js';
import { renderReport, type ReportDocument } from '../report/html.js';
import { stripBom } from '../text/offsets.js';
import type { FactType, SupportedLang } from '../types.js';
import { EXIT, UsageError } from './errors.js';
import { progress } from './progress.js';

export interface ReportCliOptions {
  output: string;
  type?: FactType[];
  lang?: SupportedLang;
  quiet?: boolean;
  /** Shown in the report ("diplo 0.1.0"). */
  generator?: string;
}

export async function runReport(paths: string[], opts: ReportCliOptions): Promise<number> {
  await prepareLanguageDetection();
  const { inputs, problems } = expandPaths(paths);
  let failed = 0;
  const report = (doc: string, message: string) => {
    failed++;
    console.error(`diplo: ${doc}: ${message}`);
  };
  for (const p of problems) report(p.name, p.message);
  await fetchUrls(inputs);

  const shown = progress(inputs.length, !opts.quiet);
  const docs: ReportDocument[] = [];
  let facts = 0;
  for (const input of inputs) {
    const read: InputText | { problem: string } = input.path === null ? stdinPage() : readInput(input);
    if ('problem' in read) {
      report(input.name, read.problem);
      continue;
    }
    const options = { lang: opts.lang, types: opts.type, docDate: read.date ?? null };
    const result = extractDocument(input.name, read.text, options);
    docs.push({ ...result, title: read.title ?? null, text: stripBom(read.text) });
    facts += result.facts.length;
    shown.done(Buffer.byteLength(read.text));
  }
  shown.finish();

  const html = renderReport(docs, { generator: opts.generator });
  try {
    writeFileSync(opts.output, html);
  } catch (e) {
    throw new UsageError(`cannot write --output ${opts.output}: ${describe(e)}`);
  }
  if (!opts.quiet) {
    const kb = Math.round(Buffer.byteLength(html) / 1024);
    console.error(`diplo: wrote ${opts.output}: ${docs.length} documents, ${facts} facts, ${kb} KB`);
  }
  return failed ? EXIT.inputs : EXIT.ok;
}

/** Stdin read whole (a report holds every text anyway); a page piped in is read as its text. */
function stdinPage(): InputText | { problem: string } {
  let read;
  try {
    read = decodeText(readFileSync(0));
  } catch (e) {
    return { problem: describe(e) };
  }
  if ('problem' in read) return read;
  return /^\uFEFF?\s*<(?:!doctype\s+html|html[\s>])/i.test(read.text) ? { ...htmlToText(read.text), extracted: true } : read;
}
