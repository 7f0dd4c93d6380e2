/**
 * graphql-js reports argument and variable errors (wrong type, unknown enum value, missing
 * required field) without a code. They are the client's input errors: give them BAD_USER_INPUT
 * and name the field at fault, like the domain's own validation does.
 */
import { GraphQLError, visit, type ASTNode, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// "X cannot represent …" covers every scalar, built-in or custom (DateTime, JSONObject).
// `Value "X" does not exist in "E" enum`: an unknown enum value written in the query text.
const INPUT_ERROR = /^(Variable "\$[\w]+"|Argument "[\w]+"|Field "[\w.]+" of required type|Expected value of type|Enum "\w+" cannot represent|\w+ cannot represent|Value "[^"]*" does not exist in "\w+" enum|.*got invalid value)/;

/**
 * The argument (or input field, dotted under its argument) whose value is `node` in `document`:
 * a literal's error message names only the value, the field at fault is where it stands.
 */
function fieldOfLiteral(document: DocumentNode | undefined, node: ASTNode | undefined): string | undefined {
  const start = node?.loc?.start;
  if (!document || start === undefined) return undefined;
  const path: string[] = []; // names, and `[i]` for an item of a list literal
  let found: string | undefined;
  const itemOfList = (key: unknown, ancestors: readonly unknown[]) =>
    typeof key === 'number' && (ancestors.at(-1) as ASTNode | undefined)?.kind === 'ListValue';
  visit(document, {
    Argument: { enter: (a) => { path.push(a.name.value); }, leave: () => { path.pop(); } },
    ObjectField: { enter: (f) => { path.push(f.name.value); }, leave: () => { path.pop(); } },
    enter(n, key, _parent, _path, ancestors) {
      if (itemOfList(key, ancestors)) path.push(`[${key as number}]`);
      if (found === undefined && n.loc?.start === start && n.kind !== 'Argument' && n.kind !== 'ObjectField' && path.length) {
        found = path.reduce((out, part) => (part.startsWith('[') || !out ? out + part : `${out}.${part}`), '');
      }
    },
    leave(_n, key, _parent, _path, ancestors) {
      if (itemOfList(key, ancestors)) path.pop();
    },
  });
  return found;
}

/** The field at fault in a literal's error; a required input field left out is named under its object. */
function literalField(message: string, document: DocumentNode | undefined, node: ASTNode | undefined): string | undefined {
  const at = fieldOfLiteral(document, node);
  const missing = /^Field "\w+\.(\w+)" of required type/.exec(message);
  return at && missing ? `${at}.${missing[1]}` : at;
}

/**
 * The field at fault in a variable's error: the path graphql-js gives after the value
 * (`… got invalid value 7 at "input[417].sentiment"; …`), completed by the input field the reason
 * names (`at "input[0]"; Field "kind" of required type …` → `input[0].kind`); else the variable.
 */
function variableField(message: string): string | undefined {
  const variable = /^Variable "\$(\w+)"/.exec(message);
  if (!variable) return undefined;
  const at = / at "([^"]+)"; (.*)$/s.exec(message);
  if (!at) return variable[1];
  const inner = /^Field "(\w+)" (?:of required type|is not defined)/.exec(at[2]);
  return inner ? `${at[1]}.${inner[1]}` : at[1];
}

function withCode(error: GraphQLError, document?: DocumentNode): GraphQLError {
  if (error.extensions?.code && error.extensions.code !== 'GRAPHQL_VALIDATION_FAILED') return error;
  if (!INPUT_ERROR.test(error.message)) return error;
  const arg = /Argument "([\w]+)"/.exec(error.message);
  const at = variableField(error.message) ?? (arg ? arg[1] : literalField(error.message, document, error.nodes?.[0]));
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
