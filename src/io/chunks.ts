// Reading a very large text file as chunks that end at paragraph breaks (a blank line, else a
// line break), so that no sentence is cut and memory stays bounded. Offsets stay exact: the
// pipeline counts code points on from one chunk to the next.
import { createReadStream } from 'node:fs';

/** Files larger than this are read in chunks (DIPLO_CHUNKED_FILE_BYTES overrides it, for tests). */
export const CHUNKED_FILE_BYTES = Number(process.env.DIPLO_CHUNKED_FILE_BYTES) || 16 * 1024 * 1024;
/** About this many characters a chunk (DIPLO_CHUNK_CHARS overrides it). */
export const CHUNK_CHARS = Number(process.env.DIPLO_CHUNK_CHARS) || 1024 * 1024;

export class NotTextError extends Error {}

export async function* readChunks(path: string, chunkChars = CHUNK_CHARS): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let carry = '';
  for await (const buf of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
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
