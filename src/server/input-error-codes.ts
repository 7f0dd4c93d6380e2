/**
 * graphql-js reports argument and variable errors (wrong type, unknown enum value, missing
 * required field) without a code. They are the client's input errors: give them BAD_USER_INPUT
 * and name the field at fault, like the domain's own validation does.
 */
import { GraphQLError, visit, type ASTNode, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// "X cannot represent …" covers every scalar, built-in or custom (DateTime, JSONObject).
const INPUT_ERROR = /^(Variable "\$[\w]+"|Argument "[\w]+"|Field "[\w]+" of required type|Expected value of type|Enum "\w+" cannot represent|\w+ cannot represent|.*got invalid value)/;

/**
 * The argument (or input field, dotted under its argument) whose value is `node` in `document`:
 * a literal's error message names only the value, the field at fault is where it stands.
 */
function fieldOfLiteral(document: DocumentNode | undefined, node: ASTNode | undefined): string | undefined {
  const start = node?.loc?.start;
  if (!document || start === undefined) return undefined;
  const path: string[] = [];
  let found: string | undefined;
  visit(document, {
    Argument: { enter: (a) => { path.push(a.name.value); }, leave: () => { path.pop(); } },
    ObjectField: { enter: (f) => { path.push(f.name.value); }, leave: () => { path.pop(); } },
    enter(n) {
      if (found === undefined && n.loc?.start === start && n.kind !== 'Argument' && n.kind !== 'ObjectField' && path.length) found = path.join('.');
    },
  });
  return found;
}

function withCode(error: GraphQLError, document?: DocumentNode): GraphQLError {
  if (error.extensions?.code && error.extensions.code !== 'GRAPHQL_VALIDATION_FAILED') return error;
  if (!INPUT_ERROR.test(error.message)) return error;
  const field = /Variable "\$([\w]+)"[^.]*?(?:at "([^"]+)")?/.exec(error.message);
  const arg = /Argument "([\w]+)"/.exec(error.message);
  const at = field ? (field[2] ?? field[1]) : arg ? arg[1] : fieldOfLiteral(document, error.nodes?.[0]);
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
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (result.length) setResult(result.map((e) => (e instanceof GraphQLError ? withCode(e, params.documentAST) : e)));
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if ('errors' in result && result.errors?.length && !('data' in result && result.data)) {
            setResult({ ...result, errors: result.errors.map((e) => withCode(e)) });
          }
        },
      };
    },
  };
}
