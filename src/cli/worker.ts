// A worker thread of `diplo extract --jobs N`: reads and extracts the documents it is sent.
// Results go back tagged with their index; the main thread writes them in input order.
import { parentPort, workerData } from 'node:worker_threads';
import { readInput, type Input } from '../io/inputs.js';
import { extractDocument, type ExtractOptions } from '../pipeline.js';

export interface WorkerJob {
  index: number;
  input: Input;
  /** Stdin's text, read by the main thread. */
  text?: string;
}

export type WorkerReply =
  | { index: number; result: ReturnType<typeof extractDocument>; chars: number }
  | { index: number; problem: string }
  | { index: number; error: string; stack?: string };

const options = workerData as ExtractOptions;

parentPort!.on('message', (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const read = job.text !== undefined ? { text: job.text } : readInput(job.input, () => new Uint8Array());
    reply = 'problem' in read
      ? { index: job.index, problem: read.problem }
      : { index: job.index, result: extractDocument(job.input.name, read.text, options), chars: read.text.length };
  } catch (e) {
    reply = { index: job.index, error: (e as Error).message, stack: (e as Error).stack };
  }
  parentPort!.postMessage(reply);
});
