// Full garbage collections at a steady pace, for the threads of a parallel run. V8 sizes a
// thread's heap at its start and lets its old space grow a long way before the first full
// collection: on the 1 GB benchmark (`--jobs 2`) the main thread's old space grew past 100 MB (peak
// RSS 370 MB), and the worker's to 73 MB used, 102 MB committed, in its first 21 seconds, where
// the rest of the run holds 25 MB. One full collection every COLLECT_EVERY_BYTES of text keeps
// each thread near what it holds; in that run's trace (`--trace-gc`) each took 4–21 ms, one every
// 1–3 seconds of a thread's work.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const COLLECT_EVERY_BYTES = 8 * 1024 * 1024;
/** The first collection comes sooner: the heap holds what building the rules left behind. */
const FIRST_AFTER_BYTES = 1024 * 1024;

/**
 * A counter of text: given each document's size in bytes, it runs `gc` (by default a full
 * collection of this thread's heap) after the first FIRST_AFTER_BYTES and then whenever
 * COLLECT_EVERY_BYTES more have gone by. Does nothing when V8 will not expose a collection.
 */
export function collectorByBytes(gc: (() => void) | null = fullCollector()): (bytes: number) => void {
  let since = COLLECT_EVERY_BYTES - FIRST_AFTER_BYTES;
  return (bytes) => {
    since += bytes;
    if (since < COLLECT_EVERY_BYTES || !gc) return;
    since = 0;
    gc();
  };
}

/** This thread's full garbage collection, or null when V8 will not expose it. */
export function fullCollector(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
