// `diplo report`: the inputs' facts (as `diplo extract` finds them) and texts, written as one
// self-contained HTML page (../report/html.ts). The whole report is held in memory: it is for a
// person to read, so hundreds or a few thousand documents, not a year of news.
import { writeFileSync } from 'node:fs';
import { describe } from '../io/inputs.js';
import { extractDocument } from '../pipeline.js';
import { renderReport, type ReportDocument } from '../report/html.js';
import { stripBom } from '../text/offsets.js';
import type { FactType, SupportedLang } from '../types.js';
import { EXIT, UsageError, say } from './errors.js';
import { forEachWhole } from './whole.js';

export interface ReportCliOptions {
  output: string;
  type?: FactType[];
  lang?: SupportedLang;
  quiet?: boolean;
  /** Shown in the report ("diplo 0.1.0"). */
  generator?: string;
}

export async function runReport(paths: string[], opts: ReportCliOptions): Promise<number> {
  const docs: ReportDocument[] = [];
  let facts = 0;
  const run = await forEachWhole(paths, opts.quiet, (name, read) => {
    const result = extractDocument(name, read.text, { lang: opts.lang, types: opts.type, docDate: read.date ?? null });
    docs.push({ ...result, title: read.title ?? null, text: stripBom(read.text) });
    facts += result.facts.length;
  });

  const html = renderReport(docs, { generator: opts.generator });
  try {
    writeFileSync(opts.output, html);
  } catch (e) {
    throw new UsageError(`cannot write --output ${opts.output}: ${describe(e)}`);
  }
  if (!opts.quiet) {
    const kb = Math.round(Buffer.byteLength(html) / 1024);
    say(`wrote ${opts.output}: ${docs.length} documents, ${facts} facts, ${kb} KB`);
  }
  return run.failed ? EXIT.inputs : EXIT.ok;
}
