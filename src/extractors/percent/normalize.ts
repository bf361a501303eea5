// Percent values, and the direction of change the clause around a figure states.
import type { PercentMatchers } from './match.js';

/** How far around a figure its verb is looked for, within the same clause. */
const WINDOW = 60;

/** "вырос на 53%" → increase, "снизился на 2%" → decrease; undefined when the clause says neither. */
export function changeAround(text: string, start: number, end: number, m: PercentMatchers): 'increase' | 'decrease' | undefined {
  const before = clause(text.slice(Math.max(0, start - WINDOW), start), 'before');
  const after = clause(text.slice(end, end + WINDOW), 'after');
  const window = `${before} ${after}`;
  const up = test(m.increase, window);
  const down = test(m.decrease, window);
  if (up === down) return undefined;
  return up ? 'increase' : 'decrease';
}

function clause(s: string, side: 'before' | 'after'): string {
  const parts = s.split(/[.;:!?\n«»"“”]|,\s/);
  return (side === 'before' ? parts[parts.length - 1] : parts[0]) ?? '';
}

function test(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}
