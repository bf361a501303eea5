// `diplo extract`: documents are read and extracted one by one (or by worker threads, --jobs)
// and each is written as soon as it is its turn, so memory stays flat however large the run.
// A bad input is named on stderr and skipped; the rest still goes out.
import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_BYTES, expandPaths, fetchUrls } from '../io/inputs.js';
import { prepareLanguageDetection } from '../lang/detect.js';
import { FORMATS, type FormatName, type Summary } from '../format/index.js';
import { FACT_TYPES, type Fact, type FactType, type SupportedLang } from '../types.js';
import { documents, type ChunkedDocument } from './documents.js';
import { NotTextError } from '../io/chunks.js';
import type { Formatter } from '../format/index.js';
import type { DocumentMeta } from '../pipeline.js';
import type { Sink } from './output.js';
import type { Progress } from './progress.js';
import { EXIT, say } from './errors.js';
import { openSink, refuseInputAsOutput } from './output.js';
import { progress } from './progress.js';

export interface ExtractCliOptions {
  format: FormatName;
  output?: string;
  type?: FactType[];
  lang?: SupportedLang;
  /** The date of documents that state none (YYYY-MM-DD). */
  date?: string;
  bom?: boolean;
  /** Worker threads; default: the number of cores. */
  jobs?: number;
  quiet?: boolean;
  /** No input is read past this many bytes (--max-size; default 1 GB). */
  maxSize?: number;
}

export async function runExtract(paths: string[], opts: ExtractCliOptions): Promise<number> {
  await prepareLanguageDetection();
  const maxBytes = opts.maxSize ?? DEFAULT_MAX_BYTES;
  const { inputs, problems } = expandPaths(paths, maxBytes);
  await fetchUrls(inputs);
  const errors: Summary['errors'] = [];
  const report = (doc: string, message: string) => {
    errors.push({ doc, message });
    say(`${doc}: ${message}`);
    // Set now, so that a run ended early by a closed pipe still exits with it.
    process.exitCode = EXIT.inputs;
  };
  if (opts.output) refuseInputAsOutput(opts.output, inputs);
  for (const p of problems) report(p.name, p.message);

  const sink = await openSink(opts.output);
  const color = !opts.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const format = { name: opts.format, options: { color, width: process.stdout.columns ?? 120, bom: opts.bom ?? false } };
  const formatter = FORMATS[format.name](format.options);
  const byType = Object.fromEntries(FACT_TYPES.map((t) => [t, 0])) as Summary['byType'];
  const shown = progress(inputs.length, !opts.quiet);
  let count = 0;
  let facts = 0;

  // DIPLO_CORES stands in for the machine's count, for tests of several threads on any machine.
  const cores = Number(process.env.DIPLO_CORES) || availableParallelism();
  let jobs = opts.jobs ?? cores;
  if (jobs > cores) {
    // More threads than cores only share them, each with its own copy of the rules.
    say(`note: --jobs ${jobs} lowered to ${cores}, the number of cores`);
    jobs = cores;
  }

  await sink.write(formatter.begin());
  for await (const outcome of documents(inputs, { lang: opts.lang, types: opts.type, date: opts.date }, format, jobs, maxBytes)) {
    if ('problem' in outcome) {
      report(outcome.input.name, outcome.problem);
      continue;
    }
    if ('stream' in outcome) {
      const n = await writeChunked(outcome.stream, formatter, sink, (message) => report(outcome.input.name, message), shown);
      if (n !== null) warn(outcome.input.name, await outcome.stream.meta);
      if (n === null) continue;
      count++;
      facts += n.total;
      for (const [t, k] of Object.entries(n.byType)) byType[t as FactType] += k;
      continue;
    }
    const { doc } = outcome;
    warn(outcome.input.name, doc.meta);
    count++;
    facts += doc.count;
    for (const [t, k] of Object.entries(doc.byType)) byType[t as FactType] += k;
    await sink.write(formatter.documentStart(doc.meta));
    await sink.write(doc.text);
    await sink.write(formatter.documentEnd(doc.meta, doc.count));
    shown.done(outcome.bytes);
  }
  shown.finish();
  await sink.write(formatter.end({ documents: count, facts, byType, errors }));
  await sink.close();
  if (opts.output && !opts.quiet) say(`wrote ${opts.output}: ${count} documents, ${facts} facts`);
  return errors.length ? EXIT.inputs : EXIT.ok;
}

/** A document's warnings on stderr; they do not change the exit code. */
function warn(name: string, meta: DocumentMeta): void {
  for (const w of meta.warnings ?? []) say(`${name}: warning: ${w}`);
}

/**
 * Writes a very large document chunk by chunk. Null when its first chunk could not be read
 * (nothing was written); a problem later ends the document where it stopped and is reported.
 */
async function writeChunked(
  stream: ChunkedDocument,
  formatter: Formatter,
  sink: Sink,
  report: (message: string) => void,
  shown: Progress,
): Promise<{ total: number; byType: Partial<Record<FactType, number>> } | null> {
  const iterator = stream.chunks[Symbol.asyncIterator]();
  let first: IteratorResult<{ facts: Fact[]; bytes: number }>;
  try {
    first = await iterator.next();
  } catch (e) {
    if (e instanceof NotTextError) return report(e.message), null;
    throw e;
  }
  const meta = await stream.meta;
  const byType: Partial<Record<FactType, number>> = {};
  let total = 0;
  await sink.write(formatter.documentStart(meta));
  try {
    for (let step = first; !step.done; step = await iterator.next()) {
      total += step.value.facts.length;
      for (const f of step.value.facts) byType[f.type] = (byType[f.type] ?? 0) + 1;
      await sink.write(formatter.facts(step.value.facts));
      shown.done(step.value.bytes);
    }
  } catch (e) {
    if (!(e instanceof NotTextError)) throw e;
    report(`${e.message} (facts up to there were written)`);
  }
  await sink.write(formatter.documentEnd(meta, total));
  return { total, byType };
}
