// Reading a very large text file as chunks that end at paragraph breaks (a blank line, else a
// line break), so that no sentence is cut and memory stays bounded. Offsets stay exact: the
// pipeline counts code points on from one chunk to the next.
import { createReadStream } from 'node:fs';
import { tooLarge } from './inputs.js';

/** Files larger than this are read in chunks (DIPLO_CHUNKED_FILE_BYTES overrides it, for tests). */
export const CHUNKED_FILE_BYTES = Number(process.env.DIPLO_CHUNKED_FILE_BYTES) || 16 * 1024 * 1024;
/** About this many characters a chunk (DIPLO_CHUNK_CHARS overrides it). */
export const CHUNK_CHARS = Number(process.env.DIPLO_CHUNK_CHARS) || 1024 * 1024;

export class NotTextError extends Error {}

/**
 * A file (its path) or a stream (stdin, a named pipe) as chunks of text. Past `maxBytes` it stops
 * with a NotTextError: a device or a pipe that never ends is read no further than a file may be.
 */
export async function* readChunks(
  source: string | AsyncIterable<Uint8Array>,
  chunkChars = CHUNK_CHARS,
  maxBytes = Infinity,
): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let carry = '';
  for await (const buf of limited(source, maxBytes)) {
    if (buf.includes(0)) throw new NotTextError('not a text file (it contains NUL bytes)');
    try {
      carry += decoder.decode(buf, { stream: true });
    } catch {
      throw new NotTextError('not UTF-8 text');
    }
    while (carry.length >= 2 * chunkChars) {
      const cut = paragraphCut(carry, chunkChars);
      yield carry.slice(0, cut);
      carry = carry.slice(cut);
    }
  }
  try {
    carry += decoder.decode();
  } catch {
    throw new NotTextError('not UTF-8 text');
  }
  while (carry.length > 2 * chunkChars) {
    const cut = paragraphCut(carry, chunkChars);
    yield carry.slice(0, cut);
    carry = carry.slice(cut);
  }
  if (carry) yield carry;
}

/** The bytes of `source`, read a MB at a time, no more than `maxBytes`. */
async function* limited(source: string | AsyncIterable<Uint8Array>, maxBytes: number): AsyncIterable<Buffer> {
  const stream = typeof source === 'string' ? createReadStream(source, { highWaterMark: 1 << 20 }) : source;
  let bytes = 0;
  for await (const buf of stream as AsyncIterable<Buffer>) {
    if (bytes + buf.length > maxBytes) {
      // the text up to the limit is read; the chunk it was in is not extracted
      yield buf.subarray(0, maxBytes - bytes);
      throw new NotTextError(tooLarge(null, maxBytes));
    }
    bytes += buf.length;
    yield buf;
  }
}

/**
 * Where to end a chunk of about `target` characters: after the last blank line before
 * 2 × target, else after the last line break, else at 2 × target (never inside a surrogate pair).
 */
export function paragraphCut(s: string, target: number): number {
  const limit = Math.min(s.length, 2 * target);
  const blank = s.lastIndexOf('\n\n', limit - 2);
  if (blank >= target / 2) return blank + 2;
  const line = s.lastIndexOf('\n', limit - 1);
  if (line >= target / 2) return line + 1;
  const c = s.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}
