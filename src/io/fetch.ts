// An `https://` path: the page fetched and read as a file would be (an HTML page as its text).
// Plain `http://` only for this machine (loopback), for tests and local mirrors. Redirects are
// followed (each hop checked the same way), the wait and the size are bounded, and a failure is a
// one-line problem naming the status, never an exception.
import { declaredCharset, htmlToText } from './html.js';

export interface FetchOptions {
  /** Milliseconds to wait for the whole answer. */
  timeoutMs?: number;
  /** Largest body read, in bytes. */
  maxBytes?: number;
  maxRedirects?: number;
}

export interface FetchedText {
  text: string;
  title?: string | null;
  date?: string | null;
  /** The text was taken out of markup (so it is not the bytes of any file). */
  extracted: boolean;
}

export const FETCH_TIMEOUT_MS = 30_000;
export const FETCH_MAX_BYTES = 32 * 1024 * 1024;

/** Whether a command-line path is a URL to fetch rather than a file. */
export function isUrl(path: string): boolean {
  return /^https?:\/\//i.test(path);
}

/** Why a URL may not be fetched, or null when it may. */
export function urlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && isLoopback(u.hostname)) return null;
  return 'only https:// URLs are fetched (plain http:// only from this machine)';
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '[::1]';
}

export async function fetchText(url: string, opts: FetchOptions = {}): Promise<FetchedText | { problem: string }> {
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? FETCH_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? 10;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      const bad = urlProblem(current);
      if (bad) return { problem: hop ? `redirected to ${current}: ${bad}` : bad };
      let res: Response;
      try {
        res = await fetch(current, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5' },
        });
      } catch (e) {
        if (controller.signal.aborted) return { problem: `no complete answer within ${timeoutMs / 1000} s` };
        return { problem: `could not fetch (${networkReason(e)})` };
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel();
        if (hop >= maxRedirects) return { problem: `more than ${maxRedirects} redirects` };
        current = new URL(res.headers.get('location')!, current).href;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        return { problem: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
      }
      const declared = Number(res.headers.get('content-length'));
      if (declared > maxBytes) {
        await res.body?.cancel();
        return { problem: `larger than the limit of ${maxBytes} bytes (${declared} bytes)` };
      }
      const body = await readBody(res, maxBytes);
      if ('problem' in body) return body;
      return decodePage(body.bytes, res.headers.get('content-type') ?? '', current);
    }
  } catch (e) {
    if (controller.signal.aborted) return { problem: `no complete answer within ${timeoutMs / 1000} s` };
    return { problem: `could not fetch (${networkReason(e)})` };
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(res: Response, maxBytes: number): Promise<{ bytes: Uint8Array } | { problem: string }> {
  if (!res.body) return { bytes: new Uint8Array() };
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { problem: `larger than the limit of ${maxBytes} bytes` };
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) bytes.set(p, at), (at += p.byteLength);
  return { bytes };
}

/** A page's bytes as text: decoded by its declared charset (UTF-8 by default); HTML as its text. */
export function decodePage(bytes: Uint8Array, contentType: string, url: string): FetchedText | { problem: string } {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ?? declaredCharset(bytes) ?? 'utf-8';
  let raw: string;
  try {
    raw = new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch (e) {
    return { problem: e instanceof RangeError ? `unknown charset ${charset}` : `not ${charset} text` };
  }
  if (raw.includes('\0')) return { problem: 'not a text file (it contains NUL bytes)' };
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const html =
    type === 'text/html' ||
    type === 'application/xhtml+xml' ||
    (!type.startsWith('text/plain') && (/\.html?(?:[?#]|$)/i.test(url) || /^\s*(?:<!doctype html|<html)/i.test(raw)));
  if (html) return { ...htmlToText(raw), extracted: true };
  if (type && !type.startsWith('text/') && !/json|xml/.test(type)) return { problem: `not text (${type})` };
  return { text: raw.replace(/^\uFEFF/, ''), extracted: true };
}

function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (e as Error)?.message ?? String(e);
}
