// A worker thread of `diplo extract --jobs N`: runs the jobs it is sent (see ./job.ts). The
// result goes back tagged with its index: the facts already written out, as UTF-8 bytes moved
// (not copied) to the main thread, which frames them and writes them in input order. Neither the
// facts' objects nor their text is rebuilt on the main thread's heap.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareLanguageDetection } from '../lang/detect.js';
import { jobRunner, type Job, type JobResult, type JobSetup } from './job.js';

const run = jobRunner(workerData as JobSetup);
const utf8 = new TextEncoder();

// Jobs sent before the listener is on wait in the port's queue.
void prepareLanguageDetection().then(() =>
  parentPort!.on('message', (job: Job) => reply(run(job))),
);

function reply(result: JobResult): void {
  if (!('doc' in result) || typeof result.doc.text !== 'string') return parentPort!.postMessage(result);
  const bytes = utf8.encode(result.doc.text);
  result.doc.text = bytes;
  parentPort!.postMessage(result, [bytes.buffer]);
}
