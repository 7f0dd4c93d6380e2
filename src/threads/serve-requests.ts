/**
 * The worker side of a RequestThread: answers each request with its handler's value (the buffers it
 * names are transferred, not copied) or with the error it threw, reduced to what survives a clone.
 */
import { parentPort } from 'node:worker_threads';
import type { ThreadReply } from './request-thread.js';

export interface Answer {
  value: unknown;
  /** ArrayBuffers to move to the caller instead of copying. */
  transfer?: ArrayBuffer[];
}

export function serveRequests<R extends { id: number }>(handle: (request: R) => Answer): void {
  const port = parentPort!;
  port.on('message', (request: R) => {
    let reply: ThreadReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const answer = handle(request);
      reply = { id: request.id, ok: true, value: answer.value };
      transfer = answer.transfer ?? [];
    } catch (e) {
      const error = e as Error & { code?: unknown; issues?: unknown };
      reply = {
        id: request.id, ok: false,
        error: { name: error.name, message: error.message, code: typeof error.code === 'string' ? error.code : undefined, issues: error.issues },
      };
    }
    port.postMessage(reply, transfer);
  });
}
