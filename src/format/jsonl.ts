// JSON Lines: one fact per line, nothing else.
import type { Formatter } from './types.js';

export function jsonlFormatter(): Formatter {
  return {
    begin: () => '',
    document: (r) => r.facts.map((f) => `${JSON.stringify(f)}\n`).join(''),
    end: () => '',
  };
}
