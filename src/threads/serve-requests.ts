/**
 * The worker side of a RequestThread: answers each request with its handler's value (the buffers it
 * names are transferred, not copied) or with the error it threw, reduced to what survives a clone.
 */
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import type { ThreadReply } from './request-thread.js';

export interface Answer {
  value: unknown;
  /** ArrayBuffers to move to the caller instead of copying. */
  transfer?: ArrayBuffer[];
}

/** What a request came to: its answer, or the error it threw. */
export type Outcome = { ok: true; answer: Answer } | { ok: false; error: unknown };

export function serveRequests<R extends { id: number }>(handle: (request: R) => Answer): void {
  serveRequestGroups<R>((requests) => requests.map((request) => outcomeOf(() => handle(request))));
}

/**
 * Like serveRequests, but hands the handler every request already waiting as one group (the first
 * request and those queued behind it, at most `maxGroup`), so it can do their work together — the
 * writer commits them in one transaction. The handler answers one outcome per request, in order.
 */
export function serveRequestGroups<R extends { id: number }>(handle: (requests: R[]) => Outcome[], maxGroup = 1): void {
  const port = parentPort!;
  port.on('message', (first: R) => {
    const requests = [first];
    while (requests.length < maxGroup) {
      const next = receiveMessageOnPort(port);
      if (!next) break;
      requests.push(next.message as R);
    }
    let outcomes: Outcome[];
    try {
      outcomes = handle(requests);
    } catch (error) {
      outcomes = requests.map(() => ({ ok: false, error }));
    }
    requests.forEach((request, i) => reply(request.id, outcomes[i]));
  });

  function reply(id: number, outcome: Outcome): void {
    if (outcome.ok) {
      try {
        port.postMessage({ id, ok: true, value: outcome.answer.value } satisfies ThreadReply, outcome.answer.transfer ?? []);
      } catch (error) {
        // A value that cannot be cloned (nested too deep, or not cloneable) fails this request only.
        reply(id, { ok: false, error: new Error(`the answer cannot be sent back: ${(error as Error).message}`) });
      }
      return;
    }
    const error = outcome.error as Error & { code?: unknown; issues?: unknown };
    port.postMessage({
      id, ok: false,
      error: { name: error.name, message: error.message, code: typeof error.code === 'string' ? error.code : undefined, issues: error.issues },
    } satisfies ThreadReply);
  }
}

export function outcomeOf(run: () => Answer): Outcome {
  try {
    return { ok: true, answer: run() };
  } catch (error) {
    return { ok: false, error };
  }
}
