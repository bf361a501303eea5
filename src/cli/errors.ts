// Exit codes scripts can rely on (CONTRACT.md), and the one place errors reach the user.

export const EXIT = {
  ok: 0,
  /** One or more inputs could not be read; the others were processed. */
  inputs: 1,
  /** Bad usage: unknown option, format, type or language; no path; an output file that cannot be written. */
  usage: 2,
  /** A bug in diplo (or its rules data): message on stderr, details with DIPLO_DEBUG=1. */
  internal: 3,
} as const;

/** A mistake in how diplo was called: reported in one line, exit 2, no stack trace. */
export class UsageError extends Error {}

export function debugEnabled(): boolean {
  return process.env.DIPLO_DEBUG === '1';
}

/** Reports an unexpected error: one line, or the whole error with DIPLO_DEBUG=1. */
export function reportInternal(e: unknown): void {
  if (debugEnabled()) console.error(e);
  else console.error(`diplo: internal error: ${(e as Error)?.message ?? String(e)} (set DIPLO_DEBUG=1 for details)`);
}
