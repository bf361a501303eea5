// Where data goes: stdout or --output FILE, written in order, honouring back-pressure.
// --output is written to a temporary file beside it and renamed onto it at the end, so the old
// file stays whole until the new one is: a run that fails or is interrupted (Ctrl-C, SIGTERM)
// removes its temporary file and leaves the old one as it was. An output that is one of the
// inputs is refused before anything is opened.
// A reader that goes away early (`| head -1`) ends diplo quietly, with the exit code of the run so far.
import { chmodSync, createWriteStream, fstatSync, lstatSync, realpathSync, renameSync, statSync, unlinkSync, type Stats, type WriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { describe, type Input } from '../io/inputs.js';
import { EXIT, UsageError, WriteError, say } from './errors.js';

export interface Sink {
  /** Text, or text already encoded as UTF-8. Throws WriteError when the output cannot take it. */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Ends the output: for --output, the finished file takes the target's name. */
  close(): Promise<void>;
}

/**
 * A reader of stdout that goes away early (`| head -1`) ends diplo quietly, with the exit code it
 * had so far, whatever was being written: facts, help or an error's usage. Any other failure to
 * write stdout (a full disk) is one line on stderr and exit 4.
 */
export function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    say(`cannot write stdout: ${describe(e)}`);
    process.exit(EXIT.write);
  });
}

/**
 * Refuses an --output file that is one of the inputs (the same file by device and inode, through
 * any link or path): opening it would have emptied it before it was read.
 */
export function refuseInputAsOutput(file: string, inputs: Iterable<Input>): void {
  let out: Stats;
  try {
    out = statSync(file);
  } catch {
    return; // not there yet: not an input
  }
  if (!out.isFile()) return;
  for (const input of inputs) {
    // Only a file of the same size can be the same file; stdin may be redirected from it.
    if (input.path !== null && input.size !== out.size) continue;
    let s: Stats;
    try {
      s = input.path === null ? fstatSync(0) : statSync(input.path);
    } catch {
      continue;
    }
    if (s.dev === out.dev && s.ino === out.ino) {
      const as = input.name === file ? '' : ` (as ${input.path === null ? 'stdin' : input.name})`;
      throw new UsageError(`${file}: --output is also an input${as}; nothing was written, write the output elsewhere`);
    }
  }
}

export async function openSink(file: string | undefined): Promise<Sink> {
  if (!file) return stdoutSink();
  const out = await openFile(file);
  const { stream } = out;
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) =>
    stream.on('error', (e: Error) => {
      failure ??= e;
      reject(e);
    }),
  );
  failed.catch(() => {});
  const fail = (e: unknown) => new WriteError(file, describe(e));
  return {
    async write(chunk) {
      if (failure) throw fail(failure);
      if (!chunk.length) return;
      try {
        if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
      } catch (e) {
        throw fail(e);
      }
    },
    async close() {
      if (failure) throw fail(failure);
      try {
        stream.end();
        await Promise.race([once(stream, 'finish'), failed]);
        out.commit();
      } catch (e) {
        throw fail(e);
      }
    },
  };
}

function stdoutSink(): Sink {
  const stream = process.stdout;
  return {
    async write(chunk) {
      if (!chunk.length) return;
      let ready: boolean;
      try {
        ready = stream.write(chunk);
      } catch (e) {
        // stdout to a file or a device is written synchronously: a failure is thrown here
        if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw new WriteError('stdout', describe(e));
      }
      if (!ready) await once(stream, 'drain');
    },
    async close() {},
  };
}

interface OutputFile {
  stream: WriteStream;
  /** Gives the written file the target's name (a no-op for a device or a pipe). */
  commit(): void;
}

/** Temporary files not yet renamed onto their targets; removed if the run ends without that. */
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removePending(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** On a signal: the temporary file goes, then the signal does what it would have done. */
function onSignal(signal: NodeJS.Signals): void {
  removePending();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

function track(tmp: string): void {
  if (pending.size === 0) {
    process.on('exit', removePending);
    for (const s of SIGNALS) process.on(s, onSignal);
  }
  pending.add(tmp);
}

function untrack(tmp: string): void {
  pending.delete(tmp);
  if (pending.size === 0) {
    process.removeListener('exit', removePending);
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}

async function openFile(file: string): Promise<OutputFile> {
  let existing: Stats | undefined;
  try {
    existing = statSync(file);
  } catch {
    // a new file
  }
  // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written as it is: there is nothing to
  // replace, and a file renamed onto its name would take its place.
  if (existing && !existing.isFile()) {
    const stream = await opened(createWriteStream(file), file);
    return { stream, commit: () => {} };
  }
  // Through a link, the file it points to is replaced, and the link stays.
  const target = existing && lstatSync(file).isSymbolicLink() ? realpathSync(file) : file;
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = existing ? existing.mode & 0o777 : 0o666;
  track(tmp);
  const stream = await opened(createWriteStream(tmp, { flags: 'wx', mode }), file).catch((e) => {
    untrack(tmp);
    throw e;
  });
  return {
    stream,
    commit() {
      if (existing) chmodSync(tmp, existing.mode & 0o7777);
      renameSync(tmp, target);
      untrack(tmp);
    },
  };
}

async function opened(s: WriteStream, file: string): Promise<WriteStream> {
  try {
    await once(s, 'open');
  } catch (e) {
    throw new UsageError(`cannot write --output ${file}: ${describe(e)}`);
  }
  return s;
}
