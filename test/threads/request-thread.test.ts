import { afterEach, describe, expect, it } from 'vitest';
import { RequestThread } from '../../src/threads/request-thread.js';

const ECHO = new URL('../fixtures/threads/deep-reply-worker.ts', import.meta.url);

const depth = (value: unknown): number => {
  let levels = 0;
  for (let v = value; typeof v === 'object' && v !== null; v = (v as { a: unknown }).a) levels++;
  return levels;
};

describe('RequestThread', () => {
  let thread: RequestThread | undefined;
  afterEach(async () => { await thread?.close(); });

  it('fails only the request whose answer cannot cross back, and keeps answering the others', async () => {
    thread = new RequestThread(ECHO, null, 'echo thread');
    // 2,000 levels: the worker sends it, this thread cannot read it back (messageerror, which carries no
    // id); 20,000: the worker cannot even send it. Either way only that request fails.
    const results = await Promise.allSettled([3, 2_000, 4, 20_000, 5].map((levels) => thread!.request({ levels }).then(depth)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual([3, 4, 5]);
    expect((results[1] as PromiseRejectedResult).reason.message).toMatch(/echo thread answered with a value that cannot be read back/);
    expect((results[3] as PromiseRejectedResult).reason.message).toMatch(/the answer cannot be sent back/);
    await expect(thread.request({ levels: 6 }).then(depth)).resolves.toBe(6);
  });
});
