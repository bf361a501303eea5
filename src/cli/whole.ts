// Documents read whole, one after another, for the commands that need every document's facts
// before they write anything (`diplo events`, `diplo report`): each input's text, or its problem
// named on stderr, with progress as `extract` shows it.
import { readFileSync } from 'node:fs';
import { htmlToText } from '../io/html.js';
import { decodeText, describe, expandPaths, fetchUrls, readInput, type InputText } from '../io/inputs.js';
import { prepareLanguageDetection } from '../lang/detect.js';
import { say } from './errors.js';
import { progress } from './progress.js';

/** What reading the inputs came to: how many could not be read. */
export interface WholeRun {
  failed: number;
}

/**
 * Reads every input of `paths` whole and hands each text to `each` (in order); problems are named
 * on stderr and counted in `run.failed`.
 */
export async function forEachWhole(
  paths: string[],
  quiet: boolean | undefined,
  each: (name: string, read: InputText) => void,
): Promise<WholeRun & { documents: number }> {
  await prepareLanguageDetection();
  const { inputs, problems } = expandPaths(paths);
  const run = { failed: 0, documents: 0 };
  const report = (doc: string, message: string) => {
    run.failed++;
    say(`${doc}: ${message}`);
  };
  for (const p of problems) report(p.name, p.message);
  await fetchUrls(inputs);
  const shown = progress(inputs.length, !quiet);
  for (const input of inputs) {
    const read = input.path === null ? stdinWhole() : readInput(input);
    if ('problem' in read) {
      report(input.name, read.problem);
      continue;
    }
    each(input.name, read);
    run.documents++;
    shown.done(Buffer.byteLength(read.text));
  }
  shown.finish();
  return run;
}

/** Stdin read whole (these commands hold every text anyway); a page piped in is read as its text. */
function stdinWhole(): InputText | { problem: string } {
  let read;
  try {
    read = decodeText(readFileSync(0));
  } catch (e) {
    return { problem: describe(e) };
  }
  if ('problem' in read) return read;
  return /^\uFEFF?\s*<(?:!doctype\s+html|html[\s>])/i.test(read.text) ? { ...htmlToText(read.text), extracted: true } : read;
}
