/**
 * The request body limit, without a stream per request.
 *
 * yoga's own limit (`maxRequestBodySize`) pipes every body through a TransformStream: a stream
 * pipeline, an AbortController and, when the pipeline ends, an aborted signal with its DOMException —
 * about a tenth of the main thread's time per small query (measured under load). Node's HTTP parser
 * reads exactly Content-Length bytes of a body, so a request that declares its length is judged by
 * the header alone; only a body sent without one (chunked) is counted as it streams.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// The connection closes with the answer: else Node would read (and drop) the rest of the refused body.
const tooLarge = (limit: number) => new GraphQLError(`Request body too large: at most ${limit} bytes`, {
  extensions: { http: { status: 413, headers: { connection: 'close' } }, code: 'REQUEST_ENTITY_TOO_LARGE' },
});

const badLength = () => new GraphQLError('Content-Length header is invalid.', {
  extensions: { http: { status: 400 }, code: 'BAD_REQUEST' },
});

/** Only one non-negative integer is a valid Content-Length (a list of them is a smuggling attempt). */
const CONTENT_LENGTH = /^\d+$/;

/** Must come after every request parser (yoga's come first; put it last among the plugins). */
export function useRequestBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) throw badLength();
        if (Number(declared) > limit) throw tooLarge(limit);
        return;
      }
      if (requestParser == null || request.body == null) return;
      const parse = requestParser;
      setRequestParser((req) => parse(counted(req, limit, fetchAPI)));
    },
  };
}

/** The request with a body that fails once more than `limit` bytes have come. */
function counted(request: Request, limit: number, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }): Request {
  let bytes = 0;
  // A native stream pipes only into a native TransformStream, the ponyfill's into its own.
  const Transform = request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  const body = request.body!.pipeThrough(new Transform<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytes += chunk.byteLength;
      if (bytes > limit) controller.error(tooLarge(limit));
      else controller.enqueue(chunk);
    },
  }));
  return new fetchAPI.Request(request.url, {
    method: request.method, headers: request.headers, signal: request.signal, body, duplex: 'half',
  } as RequestInit);
}
