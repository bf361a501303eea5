// JSON Lines: one fact per line, nothing else.
import type { Formatter } from './types.js';

export function jsonlFormatter(): Formatter {
  return {
    begin: () => '',
    documentStart: () => '',
    facts: (facts) => facts.map((f) => `${JSON.stringify(f)}\n`).join(''),
    documentEnd: () => '',
    end: () => '',
  };
}
