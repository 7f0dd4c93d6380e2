// `npm run neo4j -- [--port 7687] [--auth neo4j:secret] [--page-cache-mb 512]`: runs a throwaway Neo4j 5.26
// (the test launcher; its data is deleted when it stops) until Ctrl-C, and prints the settings to use.
import { parseArgs } from "node:util";
import { startNeo4j, type Neo4jAuth } from "./neo4j-harness.js";

const USAGE = `usage: npm run neo4j -- [--port N] [--auth USER:PASSWORD] [--page-cache-mb N]
  --port           Bolt port (default: a free one)
  --auth           require this user and password (default: no authentication)
  --page-cache-mb  Neo4j page cache in MiB (default 512)`;

function fail(message: string): never {
  console.error(`neo4j: ${message}\n${USAGE}`);
  process.exit(2);
}

function integer(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) fail(`--${name} must be an integer from ${min} to ${max}, got "${text}"`);
  return Number(text);
}

let values: { port?: string; auth?: string; "page-cache-mb"?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { port: { type: "string" }, auth: { type: "string" }, "page-cache-mb": { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: false,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = integer("port", values.port, 0, 65535);
const pageCacheMb = integer("page-cache-mb", values["page-cache-mb"], 16, 65536);
let auth: Neo4jAuth | undefined;
if (values.auth !== undefined) {
  const i = values.auth.indexOf(":");
  if (i <= 0 || i === values.auth.length - 1) fail(`--auth expects USER:PASSWORD, got "${values.auth}"`);
  auth = { user: values.auth.slice(0, i), password: values.auth.slice(i + 1) };
}

console.log("Starting Neo4j (the first run builds the launcher with Maven, which can take a few minutes)...");
let neo: Awaited<ReturnType<typeof startNeo4j>>;
try {
  neo = await startNeo4j({ port, auth, pageCacheMb, log: (l) => console.error(l) });
} catch (error) {
  console.error(`neo4j: ${(error as Error).message}`);
  process.exit(1);
}
const env = [`OSMOSIS_STORE=neo4j`, `NEO4J_URI=${neo.uri}`];
if (auth) env.push(`NEO4J_USER=${auth.user}`, `NEO4J_PASSWORD=${auth.password}`);
console.log(`Neo4j ready at ${neo.uri}`);
console.log(`Use: ${env.join(" ")}`);
console.log("Press Ctrl-C to stop (its data is deleted).");

let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping Neo4j...");
    neo.stop().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
  });
}
