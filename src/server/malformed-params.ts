/**
 * `variables` or `extensions` that are not JSON, in a GET query string or a form-encoded POST body:
 * yoga's parser throws a bare SyntaxError there, answered as an internal error (500). Here it is the
 * client's error, answered 400 like a POST body that is not JSON.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export function useMalformedParamsError(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw createGraphQLError(`variables and extensions must be JSON: ${error.message}`, {
            extensions: { http: { status: 400 }, code: 'BAD_REQUEST' },
          });
        }
      });
    },
  };
}
