// Reading a very large text file as chunks that end at paragraph breaks (a blank line, else a
// line break, else a sentence's end, else a run of spaces), so that memory stays bounded. Offsets
// stay exact: the pipeline counts code points on from one chunk to the next, and reads the text
// around each cut again, so that a fact across a cut is found whole and once.
import { createReadStream } from 'node:fs';
import { tooLarge } from './inputs.js';

/**
 * Files larger than this are read in chunks (DIPLO_CHUNKED_FILE_BYTES overrides it, for tests).
 * Memory follows the facts of what is extracted at once, and a text can hold a fact every few
 * characters ("$1 $1 $1…": 1 MB read whole gives 330,000 facts at once and peaks at 1.6 GB; in
 * chunks, 460 MB); a news article is a few KB.
 */
export const CHUNKED_FILE_BYTES = Number(process.env.DIPLO_CHUNKED_FILE_BYTES) || 256 * 1024;
/** About this many characters a chunk (DIPLO_CHUNK_CHARS overrides it). */
export const CHUNK_CHARS = Number(process.env.DIPLO_CHUNK_CHARS) || 64 * 1024;

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
 * Where to end a chunk of about `target` characters, searched back from 2 × target to target / 2:
 * after a blank line, else after a line break, else after a sentence's end (. ! ? … and a space),
 * else after a run of spaces, so that no word or number is cut; else at 2 × target (never inside a
 * surrogate pair). Where it cuts matters for chunk sizes only: the pipeline reads OVERLAP
 * characters again on each side of a cut, so a fact across it is found whole and once.
 */
export function paragraphCut(s: string, target: number): number {
  const limit = Math.min(s.length, 2 * target);
  const floor = Math.floor(target / 2);
  const blank = s.lastIndexOf('\n\n', limit - 2);
  if (blank >= floor) return blank + 2;
  const line = s.lastIndexOf('\n', limit - 1);
  if (line >= floor) return line + 1;
  const sentence = lastSentenceEnd(s, floor, limit);
  if (sentence >= 0) return sentence;
  const space = lastSpaceRunEnd(s, floor, limit);
  if (space >= 0) return space;
  const c = s.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x3000;

/** The last position in (floor, limit] that follows a space which follows . ! ? or …, or -1. */
function lastSentenceEnd(s: string, floor: number, limit: number): number {
  for (let i = limit - 1; i > floor; i--) {
    if (!isSpace(s.charCodeAt(i))) continue;
    const mark = s[i - 1];
    if (mark === '.' || mark === '!' || mark === '?' || mark === '…') return i + 1;
  }
  return -1;
}

/** The last position in (floor, limit] that ends a run of spaces (a space before it, none after it), or -1. */
function lastSpaceRunEnd(s: string, floor: number, limit: number): number {
  for (let i = limit; i > floor; i--) {
    if (isSpace(s.charCodeAt(i - 1)) && (i === s.length || !isSpace(s.charCodeAt(i)))) return i;
  }
  return -1;
}
