// Documents through the pipeline, in input order: in this thread, or shared between this thread
// and worker threads (`--jobs N`). Either way the results come out in the order of the inputs, so
// the output bytes are the same for any number of jobs.
import { Worker } from 'node:worker_threads';
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { Socket } from 'node:net';
import { describe, readInput, type Input, type InputList } from '../io/inputs.js';
import { isUrl } from '../io/fetch.js';
import { isHtmlPath } from '../io/html.js';
import { CHUNKED_FILE_BYTES, NotTextError, readChunks } from '../io/chunks.js';
import type { FormattedDocument } from '../format/index.js';
import type { DocumentMeta, ExtractOptions } from '../pipeline.js';
import type { Fact } from '../types.js';
import type { Job, JobResult, JobSetup, OutputFormat } from './job.js';

/**
 * A document's facts, written out (with the size of its text in UTF-8 bytes, for the progress line); the facts of a very
 * large file, of stdin or of a named pipe as a stream of chunks; or why an input could not be read.
 */
export type Outcome =
  | { input: Input; doc: FormattedDocument; bytes: number }
  | { input: Input; stream: ChunkedDocument }
  | { input: Input; problem: string };

export interface ChunkedDocument {
  meta: Promise<DocumentMeta>;
  /**
   * Each chunk's facts and size; throws NotTextError when the input turns out not to be text, goes
   * past the size limit or cannot be opened.
   */
  chunks: AsyncIterable<{ facts: Fact[]; bytes: number }>;
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

/** `maxBytes`: stdin and named pipes are read no further (files were measured before). */
export function documents(
  inputs: InputList,
  options: ExtractOptions,
  format: OutputFormat,
  jobs: number,
  maxBytes = Infinity,
): AsyncIterable<Outcome> {
  const parallel = jobs > 1 && inputs.length > 1 && inputs.bytes >= PARALLEL_MIN_BYTES;
  const setup = { options, format };
  const chunked = (input: Input) => chunkedDocument(input, options, maxBytes);
  return parallel ? inThreads(inputs, setup, Math.min(jobs, inputs.length), chunked) : inThisThread(inputs, setup, chunked);
}

/**
 * Read and extracted chunk by chunk, in this thread: a file too large to hold whole, and stdin
 * and named pipes, whose size is known only at their end.
 */
function isLarge(input: Input): boolean {
  return input.path === null || input.pipe === true || (input.size > CHUNKED_FILE_BYTES && !isHtmlPath(input.path));
}

/** Stdin, a named pipe or a file. */
function source(input: Input): string | AsyncIterable<Uint8Array> {
  if (input.path === null) return process.stdin;
  return input.pipe ? namedPipe(input.path) : input.path;
}

/**
 * A named pipe, opened without waiting for a writer (a plain open would wait for ever). With no
 * writer there is nothing to read, and no end would ever be signalled: that is a problem, at once.
 */
async function* namedPipe(path: string): AsyncIterable<Uint8Array> {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const first = Buffer.alloc(1 << 16);
  let n: number;
  try {
    n = readSync(fd, first);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw (closeSync(fd), e);
    n = -1; // a writer, nothing written yet
  }
  if (n === 0) throw (closeSync(fd), new NotTextError('a named pipe with no writer'));
  if (n > 0) yield first.subarray(0, n);
  yield* new Socket({ fd, readable: true, writable: false }) as AsyncIterable<Uint8Array>;
}

function chunkedDocument(input: Input, options: ExtractOptions, maxBytes: number): ChunkedDocument {
  const name = input.name;
  let resolveMeta!: (m: DocumentMeta) => void;
  let rejectMeta!: (e: unknown) => void;
  const meta = new Promise<DocumentMeta>((res, rej) => ((resolveMeta = res), (rejectMeta = rej)));
  meta.catch(() => {});
  async function* chunks(): AsyncIterable<{ facts: Fact[]; bytes: number }> {
    const { startDocument } = await import('../pipeline.js');
    let run: ReturnType<typeof startDocument> | null = null;
    try {
      for await (const text of readChunks(source(input), undefined, maxBytes)) {
        if (!run) {
          run = startDocument(name, text, options);
          resolveMeta(run.meta);
        }
        yield { facts: run.chunk(text), bytes: Buffer.byteLength(text) };
      }
      if (!run) resolveMeta((run = startDocument(name, '', options)).meta);
      else yield { facts: run.end(), bytes: 0 };
    } catch (e) {
      // A file that went away or cannot be opened is a problem of the input, not of diplo.
      const problem = (e as NodeJS.ErrnoException).code ? new NotTextError(describe(e)) : e;
      rejectMeta(problem);
      // The facts of what was read are given before the problem is (the pipeline holds the last ones back).
      if (run && problem instanceof NotTextError) yield { facts: run.end(), bytes: 0 };
      throw problem;
    }
  }
  return { meta, chunks: chunks() };
}

type Chunked = (input: Input) => ChunkedDocument;

async function* inThisThread(inputs: InputList, setup: JobSetup, chunked: Chunked): AsyncIterable<Outcome> {
  const run = (await import('./job.js')).jobRunner(setup);
  let index = 0;
  for (const input of inputs) {
    if (isLarge(input)) {
      yield { input, stream: chunked(input) };
      continue;
    }
    yield outcome(input, run(jobOf(index++, input)));
  }
}

/**
 * Documents shared between this thread and `jobs - 1` workers: jobs wait in a queue; a worker
 * with room takes the next one, and this thread takes one itself whenever the workers are full.
 * One thread fewer holds the compiled rules than with a worker per job.
 */
async function* inThreads(inputs: InputList, setup: JobSetup, jobs: number, chunked: Chunked): AsyncIterable<Outcome> {
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
    queue.push(jobOf(index, input));
  }
  try {
    while (written < inputs.length) {
      while (next < inputs.length && next - written < window) submit(next++);
      pump();
      if (large.has(written)) {
        const input = inputs.at(written++);
        yield { input, stream: chunked(input) };
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
  return 'problem' in result ? { input, problem: result.problem } : { input, doc: result.doc, bytes: result.bytes };
}

/** A job, with a URL's page when the input is one: fetched by this thread before the run (fetchUrls). */
function jobOf(index: number, input: Input): Job {
  return input.path !== null && isUrl(input.path) ? { index, input, read: readInput(input) } : { index, input };
}
