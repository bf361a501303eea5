// Documents through the pipeline, in input order: in this thread, or shared between this thread
// and worker threads (`--jobs N`). Either way the results come out in the order of the inputs, so
// the output bytes are the same for any number of jobs.
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { decodeText, describe, readInput, type Input, type InputList } from '../io/inputs.js';
import { isUrl } from '../io/fetch.js';
import { isHtmlPath } from '../io/html.js';
import { CHUNKED_FILE_BYTES, readChunks } from '../io/chunks.js';
import type { FormattedDocument } from '../format/index.js';
import type { DocumentMeta, ExtractOptions } from '../pipeline.js';
import type { Fact } from '../types.js';
import type { Job, JobResult, JobSetup, OutputFormat } from './job.js';

/**
 * A document's facts, written out (with the size of its text, for progress); a very large file's
 * facts as a stream of chunks; or why an input could not be read.
 */
export type Outcome =
  | { input: Input; doc: FormattedDocument; chars: number }
  | { input: Input; stream: ChunkedDocument }
  | { input: Input; problem: string };

export interface ChunkedDocument {
  meta: Promise<DocumentMeta>;
  /** Each chunk's facts and size; throws NotTextError when the file turns out not to be text. */
  chunks: AsyncIterable<{ facts: Fact[]; chars: number }>;
}

/** The worker thread's script, beside this module. */
const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Jobs a worker holds at once, so that it starts its next document without waiting for this
 * thread, which may be extracting a document itself, to take its reply and send another.
 */
const IN_FLIGHT = 3;

/**
 * Below this much input, starting workers (each loads and compiles the rules) costs more than it
 * saves (DIPLO_PARALLEL_MIN_BYTES overrides it, for tests).
 */
const PARALLEL_MIN_BYTES = Number(process.env.DIPLO_PARALLEL_MIN_BYTES) || 2 * 1024 * 1024;

export function documents(inputs: InputList, options: ExtractOptions, format: OutputFormat, jobs: number): AsyncIterable<Outcome> {
  const parallel = jobs > 1 && inputs.length > 1 && inputs.bytes >= PARALLEL_MIN_BYTES;
  const setup = { options, format };
  return parallel ? inThreads(inputs, setup, Math.min(jobs, inputs.length)) : inThisThread(inputs, setup);
}

/** A file too large to hold whole: read and extracted chunk by chunk, in this thread. */
function isLarge(input: Input): boolean {
  return input.size > CHUNKED_FILE_BYTES && !(input.path !== null && isHtmlPath(input.path));
}

function chunked(path: string, name: string, options: ExtractOptions): ChunkedDocument {
  let resolveMeta!: (m: DocumentMeta) => void;
  let rejectMeta!: (e: unknown) => void;
  const meta = new Promise<DocumentMeta>((res, rej) => ((resolveMeta = res), (rejectMeta = rej)));
  meta.catch(() => {});
  async function* chunks(): AsyncIterable<{ facts: Fact[]; chars: number }> {
    const { startDocument } = await import('../pipeline.js');
    let run: ReturnType<typeof startDocument> | null = null;
    try {
      for await (const text of readChunks(path)) {
        if (!run) {
          run = startDocument(name, text, options);
          resolveMeta(run.meta);
        }
        yield { facts: run.chunk(text), chars: text.length };
      }
      if (!run) resolveMeta((run = startDocument(name, '', options)).meta);
    } catch (e) {
      rejectMeta(e);
      throw e;
    }
  }
  return { meta, chunks: chunks() };
}

async function* inThisThread(inputs: InputList, setup: JobSetup): AsyncIterable<Outcome> {
  const run = (await import('./job.js')).jobRunner(setup);
  let index = 0;
  for (const input of inputs) {
    if (isLarge(input)) {
      yield { input, stream: chunked(input.path!, input.name, setup.options) };
      continue;
    }
    const job: Job = { index: index++, input };
    yield outcome(input, withStdin(job) ?? run(job));
  }
}

/**
 * Documents shared between this thread and `jobs - 1` workers: jobs wait in a queue; a worker
 * with room takes the next one, and this thread takes one itself whenever the workers are full.
 * One thread fewer holds the compiled rules than with a worker per job.
 */
async function* inThreads(inputs: InputList, setup: JobSetup, jobs: number): AsyncIterable<Outcome> {
  const run = (await import('./job.js')).jobRunner(setup);
  // At most `window` documents are between being read and being written.
  const window = jobs * 8;
  const results = new Map<number, Promise<JobResult> | JobResult>();
  const queue: Job[] = [];
  const large = new Set<number>();
  let next = 0;
  let written = 0;

  const workers = Array.from({ length: jobs - 1 }, () => new Worker(WORKER, { workerData: setup }));
  const waiting = new Map<number, { resolve: (r: JobResult) => void; reject: (e: Error) => void }>();
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  for (const w of workers) {
    w.on('message', (reply: JobResult) => {
      inFlight.set(w, inFlight.get(w)! - 1);
      results.set(reply.index, reply);
      waiting.get(reply.index)?.resolve(reply);
      waiting.delete(reply.index);
      pump();
    });
    w.on('error', (e) => {
      for (const p of waiting.values()) p.reject(e);
      waiting.clear();
    });
  }
  function pump(): void {
    while (queue.length) {
      const worker = leastBusy();
      if (!worker) return;
      const job = queue.shift()!;
      const reply = new Promise<JobResult>((resolve, reject) => waiting.set(job.index, { resolve, reject }));
      reply.catch(() => {}); // a worker's failure is thrown where its reply is awaited
      results.set(job.index, reply);
      inFlight.set(worker, inFlight.get(worker)! + 1);
      worker.postMessage(job);
    }
  }
  /** The worker with the fewest jobs, if one has room for another. */
  function leastBusy(): Worker | undefined {
    let best: Worker | undefined;
    for (const [w, n] of inFlight) if (n < IN_FLIGHT && (!best || n < inFlight.get(best)!)) best = w;
    return best;
  }
  function submit(index: number): void {
    const input = inputs.at(index);
    if (isLarge(input)) {
      large.add(index);
      return;
    }
    const job: Job = { index, input };
    const problem = withStdin(job);
    if (problem) results.set(index, problem);
    else queue.push(job);
  }
  try {
    while (written < inputs.length) {
      while (next < inputs.length && next - written < window) submit(next++);
      pump();
      if (large.has(written)) {
        const input = inputs.at(written++);
        yield { input, stream: chunked(input.path!, input.name, setup.options) };
        continue;
      }
      const ready = results.get(written);
      if ((ready === undefined || ready instanceof Promise) && queue.length) {
        // Nothing to write yet and the workers are full: take the next job here, then let their
        // replies in.
        const job = queue.shift()!;
        results.set(job.index, run(job));
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      const result = await ready!;
      results.delete(written);
      yield outcome(inputs.at(written++), result);
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** A job's result as an outcome; an unexpected error in a job is thrown here. */
function outcome(input: Input, result: JobResult): Outcome {
  if ('error' in result) throw Object.assign(new Error(result.error), { stack: result.stack });
  return 'problem' in result ? { input, problem: result.problem } : { input, doc: result.doc, chars: result.chars };
}

/**
 * Stdin is this thread's to read: its text goes into the job (for whichever thread runs it). A
 * problem reading it is the job's result at once. A URL's page, fetched by this thread before the
 * run, goes into the job the same way.
 */
function withStdin(job: Job): JobResult | null {
  if (job.input.path !== null && isUrl(job.input.path)) {
    job.read = readInput(job.input, () => new Uint8Array()); // fetched already (fetchUrls)
    return null;
  }
  if (job.input.path !== null) return null;
  const read = readStdin();
  if ('problem' in read) return { index: job.index, problem: read.problem };
  job.text = read.text;
  return null;
}

function readStdin(): { text: string } | { problem: string } {
  try {
    return decodeText(readFileSync(0));
  } catch (e) {
    return { problem: describe(e) };
  }
}
