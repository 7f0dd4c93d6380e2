/**
 * A query thread: runs whole read-only GraphQL operations next to the data (query-runner.ts), on
 * its own read-only connection to the embedded database, and answers the serialised result. The
 * event loop keeps HTTP, validation and limits; the store's reads here are calls, not messages to a
 * read thread whose every page is copied across, and one read transaction spans each operation, so
 * its whole answer sees one committed state of the graph — one that includes every write
 * acknowledged before the request was sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { buildSchema } from '../../graphql/schema.js';
import { EmbeddedStore } from '../../store/embedded/index.js';
import type { ThreadReply } from '../../threads/request-thread.js';
import type { QueryRequest } from './protocol.js';
import { QueryRunner } from './query-runner.js';
import { refuseForeignNodes } from './foreign-nodes.js';

const { file } = (workerData as { data: { file: string } }).data;
const store = EmbeddedStore.openReader(file);
const begin = store.db.prepare('BEGIN');
const commit = store.db.prepare('COMMIT');
// Operations with errors are answered on the event loop, which logs them: nothing to log here.
const schema = buildSchema();
refuseForeignNodes(schema);
const runner = new QueryRunner(schema, store, { begin: () => begin.run(), end: () => commit.run() }, pino({ level: 'silent' }));

const port = parentPort!;
port.on('message', (request: QueryRequest & { id: number }) => {
  runner.run(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies ThreadReply),
    (error: Error) => port.postMessage({ id: request.id, ok: false, error: { name: error.name, message: error.message } } satisfies ThreadReply),
  );
});
