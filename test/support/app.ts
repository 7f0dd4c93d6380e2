/** A service around a given store, for in-process requests. Logs are captured, not printed. */
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/config.js';
import { createOsmosis, type Osmosis } from '../../src/main.js';
import type { Store } from '../../src/store/port.js';

export interface TestApp extends Osmosis {
  logs: Record<string, unknown>[];
}

export function testApp(store: Store): TestApp {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = pino({ level: 'info' }, sink);
  const config = loadConfig({});
  return { ...createOsmosis(config, store, log), logs };
}
