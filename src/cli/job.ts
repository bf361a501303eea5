// One document as a job of `diplo extract`: read, extracted, and its facts written out. The same
// runner works in worker threads and in the main thread, so a document comes out the same
// whichever thread took it.
import { FORMATS, formatFacts, type FormatName, type FormatOptions, type FormattedDocument } from '../format/index.js';
import { readInput, type Input, type InputText } from '../io/inputs.js';
import { extractDocument, type ExtractOptions } from '../pipeline.js';

/** The output format: documents' facts are written out where they are extracted. */
export interface OutputFormat {
  name: FormatName;
  options: FormatOptions;
}

/** What every job of a run shares (a worker's `workerData`). */
export interface JobSetup {
  options: ExtractOptions;
  format: OutputFormat;
}

export interface Job {
  index: number;
  input: Input;
  /** A URL's page, fetched by the main thread. */
  read?: InputText | { problem: string };
}

export type JobResult =
  | { index: number; doc: FormattedDocument; bytes: number }
  | { index: number; problem: string }
  | { index: number; error: string; stack?: string };

/** A function that runs jobs with one formatter of its own (see `formatFacts`). */
export function jobRunner({ options, format }: JobSetup): (job: Job) => JobResult {
  const formatter = FORMATS[format.name](format.options);
  return (job) => {
    try {
      const read: InputText | { problem: string } = job.read ?? readInput(job.input);
      if ('problem' in read) return { index: job.index, problem: read.problem };
      const result = extractDocument(job.input.name, read.text, read.date ? { ...options, docDate: read.date } : options);
      if (read.extracted) Object.assign(result, { title: read.title ?? null, text: read.text });
      const doc = formatFacts(formatter, result);
      return { index: job.index, doc, bytes: Buffer.byteLength(read.text) };
    } catch (e) {
      return { index: job.index, error: (e as Error).message, stack: (e as Error).stack };
    }
  };
}
