// Exit codes scripts can rely on (CONTRACT.md), and the one place errors reach the user.
import { escapeControls } from '../text/controls.js';

export const EXIT = {
  ok: 0,
  /** One or more inputs could not be read; the others were processed. */
  inputs: 1,
  /** Bad usage: unknown option, format, type or language; no path; an output file that cannot be written. */
  usage: 2,
  /** A bug in diplo (or its rules data): message on stderr, details with DIPLO_DEBUG=1. */
  internal: 3,
  /** The output could not be written (no space left, an I/O error): stdout or --output. */
  write: 4,
} as const;

/** A mistake in how diplo was called: reported in one line, exit 2, no stack trace. */
export class UsageError extends Error {}

/** Output that could not be written: `cannot write <target>: <why>`, exit 4. */
export class WriteError extends Error {
  constructor(target: string, why: string) {
    super(`cannot write ${target}: ${why}`);
  }
}

/**
 * A message on stderr, `diplo: ` first: control characters in it (from a file name, an input's
 * text, an error's message) are shown escaped, never sent to the terminal as they are.
 */
export function say(message: string): void {
  process.stderr.write(`diplo: ${escapeControls(message)}\n`);
}

export function debugEnabled(): boolean {
  return process.env.DIPLO_DEBUG === '1';
}

/** Reports an unexpected error: one line, or the whole error with DIPLO_DEBUG=1. */
export function reportInternal(e: unknown): void {
  if (debugEnabled()) console.error(e);
  else say(`internal error: ${(e as Error)?.message ?? String(e)} (set DIPLO_DEBUG=1 for details)`);
}
