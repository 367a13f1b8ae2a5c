import type { Parser } from 'csv-parse';

/**
 * The records of a csv-parse stream, in order. Unlike `for await (… of parser)`, records the
 * parser produced before an error are all delivered before the error is thrown, so an import
 * keeps every order that ended before a broken line.
 */
export async function* csvRecords<T>(parser: Parser): AsyncGenerator<T> {
  const buffer: T[] = [];
  let failure: Error | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  parser.on('data', (record: T) => {
    buffer.push(record);
    if (buffer.length >= 1000) parser.pause();
    notify();
  });
  parser.on('error', (err: Error) => {
    failure = err;
    notify();
  });
  parser.on('end', () => {
    ended = true;
    notify();
  });
  let next = 0;
  for (;;) {
    if (next < buffer.length) {
      yield buffer[next++]!;
      if (next === buffer.length) {
        buffer.length = 0;
        next = 0;
        parser.resume();
      }
      continue;
    }
    if (failure) throw failure;
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
