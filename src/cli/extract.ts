// `diplo extract`: read inputs one by one, extract, write each document's facts as soon as
// it is done. A bad input is named on stderr and skipped; the rest still goes out.
import { readFileSync } from 'node:fs';
import { extractDocument } from '../pipeline.js';
import { expandPaths, readInput } from '../io/inputs.js';
import { FORMATS, type FormatName, type Summary } from '../format/index.js';
import { FACT_TYPES, type FactType, type SupportedLang } from '../types.js';
import { EXIT } from './errors.js';
import { openSink } from './output.js';

export interface ExtractCliOptions {
  format: FormatName;
  output?: string;
  type?: FactType[];
  lang?: SupportedLang;
  bom?: boolean;
}

export async function runExtract(paths: string[], opts: ExtractCliOptions): Promise<number> {
  const { inputs, problems } = expandPaths(paths);
  const errors: Summary['errors'] = [];
  const report = (doc: string, message: string) => {
    errors.push({ doc, message });
    console.error(`diplo: ${doc}: ${message}`);
  };
  for (const p of problems) report(p.name, p.message);

  const sink = await openSink(opts.output);
  const color = !opts.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const formatter = FORMATS[opts.format]({ color, width: process.stdout.columns ?? 120, bom: opts.bom ?? false });
  const byType = Object.fromEntries(FACT_TYPES.map((t) => [t, 0])) as Summary['byType'];
  let documents = 0;
  let facts = 0;

  await sink.write(formatter.begin());
  for (const input of inputs) {
    const read = readInput(input, () => readFileSync(0));
    if ('problem' in read) {
      report(input.name, read.problem);
      continue;
    }
    const result = extractDocument(input.name, read.text, { lang: opts.lang, types: opts.type });
    documents++;
    facts += result.facts.length;
    for (const f of result.facts) byType[f.type]++;
    await sink.write(formatter.document(result));
  }
  await sink.write(formatter.end({ documents, facts, byType, errors }));
  await sink.close();
  return errors.length ? EXIT.inputs : EXIT.ok;
}
