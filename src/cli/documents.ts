// Documents through the pipeline, in input order: in this thread, or spread over worker threads
// (`--jobs N`). Either way the results come out in the order of the inputs, so the output bytes
// are the same for any number of jobs.
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { decodeText, describe, readInput, type Input, type InputList } from '../io/inputs.js';
import { CHUNKED_FILE_BYTES, readChunks } from '../io/chunks.js';
import type { DocumentMeta, ExtractOptions } from '../pipeline.js';
import type { DocumentResult, Fact } from '../types.js';
import type { WorkerJob, WorkerReply } from './worker.js';

/**
 * A document's result (with the size of its text, for progress); a very large file's facts as a
 * stream of chunks; or why an input could not be read.
 */
export type Outcome =
  | { input: Input; result: DocumentResult; chars: number }
  | { input: Input; stream: ChunkedDocument }
  | { input: Input; problem: string };

export interface ChunkedDocument {
  meta: Promise<DocumentMeta>;
  /** Each chunk's facts and size; throws NotTextError when the file turns out not to be text. */
  chunks: AsyncIterable<{ facts: Fact[]; chars: number }>;
}

/** Jobs a worker holds at once: the one it extracts and the next. */
const IN_FLIGHT = 2;

/**
 * Below this much input, starting workers (each loads and compiles the rules) costs more than it
 * saves (DIPLO_PARALLEL_MIN_BYTES overrides it, for tests).
 */
const PARALLEL_MIN_BYTES = Number(process.env.DIPLO_PARALLEL_MIN_BYTES) || 2 * 1024 * 1024;

export function documents(inputs: InputList, options: ExtractOptions, jobs: number): AsyncIterable<Outcome> {
  const parallel = jobs > 1 && inputs.length > 1 && inputs.bytes >= PARALLEL_MIN_BYTES;
  return parallel ? inWorkers(inputs, options, Math.min(jobs, inputs.length)) : inThisThread(inputs, options);
}

/** A file too large to hold whole: read and extracted chunk by chunk, in this thread. */
function isLarge(input: Input): boolean {
  return input.size > CHUNKED_FILE_BYTES;
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

async function* inThisThread(inputs: InputList, options: ExtractOptions): AsyncIterable<Outcome> {
  const { extractDocument } = await import('../pipeline.js');
  for (const input of inputs) {
    if (isLarge(input)) {
      yield { input, stream: chunked(input.path!, input.name, options) };
      continue;
    }
    const read = readInput(input, () => readFileSync(0));
    yield 'problem' in read
      ? { input, problem: read.problem }
      : { input, result: extractDocument(input.name, read.text, options), chars: read.text.length };
  }
}

async function* inWorkers(inputs: InputList, options: ExtractOptions, size: number): AsyncIterable<Outcome> {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: options }));
  const pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();
  // Each worker holds up to IN_FLIGHT jobs, so that it starts its next document at once instead
  // of waiting for this thread to take its reply and send another (workers waited 13–16 % of the
  // time with one job each).
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  for (const w of workers) {
    w.on('message', (reply: WorkerReply) => {
      inFlight.set(w, inFlight.get(w)! - 1);
      pending.get(reply.index)?.resolve(reply);
      pending.delete(reply.index);
      pump();
    });
    w.on('error', (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
  }
  // Jobs are handed out as workers free up; at most `window` results wait to be written.
  const window = size * 4;
  const replies: Promise<WorkerReply>[] = [];
  let next = 0;
  let written = 0;
  const queue: { job: WorkerJob; resolve: (r: WorkerReply) => void; reject: (e: Error) => void }[] = [];
  function pump(): void {
    while (queue.length) {
      const worker = leastBusy();
      if (!worker) return;
      const { job, resolve, reject } = queue.shift()!;
      pending.set(job.index, { resolve, reject });
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
  const large = new Set<number>();
  function submit(index: number): void {
    const input = inputs.at(index);
    if (isLarge(input)) {
      large.add(index);
      return;
    }
    const job: WorkerJob = { index, input };
    if (input.path === null) {
      // stdin is this thread's to read; a worker gets its text
      const read = readStdin();
      if ('problem' in read) {
        replies[index] = Promise.resolve({ index, problem: read.problem });
        return;
      }
      job.text = read.text;
    }
    replies[index] = new Promise((resolve, reject) => queue.push({ job, resolve, reject }));
    pump();
  }
  try {
    while (written < inputs.length) {
      while (next < inputs.length && next - written < window) submit(next++);
      if (large.has(written)) {
        const input = inputs.at(written++);
        yield { input, stream: chunked(input.path!, input.name, options) };
        continue;
      }
      const reply = await replies[written]!;
      delete replies[written];
      const input = inputs.at(written++);
      if ('error' in reply) throw Object.assign(new Error(reply.error), { stack: reply.stack });
      yield 'problem' in reply ? { input, problem: reply.problem } : { input, result: reply.result, chars: reply.chars };
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function readStdin(): { text: string } | { problem: string } {
  try {
    return decodeText(readFileSync(0));
  } catch (e) {
    return { problem: describe(e) };
  }
}
