/** Streams cut into batches, so a million generated items never sit in memory at once. */
export function* batched<T>(items: Iterable<T>, size: number): Generator<T[]> {
  if (!(size >= 1)) throw new RangeError('batch size must be at least 1');
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Calls `generate` anew for every iteration, so a plan's streams can be read more than once. */
export const replayable = <T>(generate: () => Iterator<T>): Iterable<T> => ({ [Symbol.iterator]: generate });

export function count(items: Iterable<unknown>): number {
  let n = 0;
  for (const _ of items) n++;
  return n;
}

/** Like replayable, but keeps the items after the first complete read: for small streams read many times. */
export function cached<T>(generate: () => Iterator<T>): Iterable<T> {
  let items: T[] | undefined;
  return {
    *[Symbol.iterator]() {
      if (items) return yield* items;
      const read: T[] = [];
      for (const item of replayable(generate)) {
        read.push(item);
        yield item;
      }
      items = read;
    },
  };
}
