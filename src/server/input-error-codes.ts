/**
 * graphql-js reports argument and variable errors (wrong type, unknown enum value, missing
 * required field) without a code. They are the client's input errors: give them BAD_USER_INPUT
 * and name the field at fault, like the domain's own validation does.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const INPUT_ERROR = /^(Variable "\$[\w]+"|Argument "[\w]+"|Field "[\w]+" of required type|Expected value of type|Enum "\w+" cannot represent|Int cannot represent|Float cannot represent|String cannot represent|Boolean cannot represent|ID cannot represent|.*got invalid value)/;

function withCode(error: GraphQLError): GraphQLError {
  if (error.extensions?.code && error.extensions.code !== 'GRAPHQL_VALIDATION_FAILED') return error;
  if (!INPUT_ERROR.test(error.message)) return error;
  const field = /Variable "\$([\w]+)"[^.]*?(?:at "([^"]+)")?/.exec(error.message);
  const arg = /Argument "([\w]+)"/.exec(error.message);
  const at = field ? (field[2] ?? field[1]) : arg ? arg[1] : undefined;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', ...(at ? { field: at } : {}) },
  });
}

export function useInputErrorCodes(): Plugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length) setResult(result.map((e) => (e instanceof GraphQLError ? withCode(e) : e)));
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if ('errors' in result && result.errors?.length && !('data' in result && result.data)) {
            setResult({ ...result, errors: result.errors.map(withCode) });
          }
        },
      };
    },
  };
}
