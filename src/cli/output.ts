// Where data goes: stdout or --output FILE, written in order, honouring back-pressure.
// A reader that goes away early (`| head -1`) ends diplo quietly.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { UsageError } from './errors.js';

export interface Sink {
  /** Text, or text already encoded as UTF-8. */
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * A reader of stdout that goes away early (`| head -1`) ends diplo quietly, with the exit code it
 * had so far, whatever was being written: facts, help or an error's usage.
 */
export function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export async function openSink(file: string | undefined): Promise<Sink> {
  const stream: NodeJS.WritableStream = file ? await openFile(file) : process.stdout;
  return {
    async write(chunk) {
      if (chunk.length && !stream.write(chunk)) await once(stream, 'drain');
    },
    async close() {
      if (file) {
        (stream as WriteStream).end();
        await once(stream, 'finish');
      }
    },
  };
}

async function openFile(file: string): Promise<WriteStream> {
  const s = createWriteStream(file);
  try {
    await once(s, 'open');
  } catch (e) {
    throw new UsageError(`cannot write --output ${file}: ${(e as Error).message.replace(/^[A-Z]+: /, '')}`);
  }
  return s;
}
