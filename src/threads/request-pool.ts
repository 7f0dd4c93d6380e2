/**
 * Several RequestThreads on the same worker module, for requests that may run in parallel: each
 * request goes to the thread with the fewest requests in flight (the first on a tie).
 */
import { RequestThread } from './request-thread.js';

export class RequestPool {
  private readonly threads: RequestThread[];

  constructor(size: number, entry: URL, data: unknown, name: string) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a ${name} pool needs at least one thread, got ${size}`);
    this.threads = Array.from({ length: size }, (_, i) => new RequestThread(entry, data, size > 1 ? `${name} ${i + 1}` : name));
  }

  request<T>(message: object): Promise<T> {
    let best = this.threads[0];
    for (const t of this.threads) if (t.inFlight < best.inFlight) best = t;
    return best.request<T>(message);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}
