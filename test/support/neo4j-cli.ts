// Dev helper: tsx test/support/neo4j-cli.ts [--port 7687] [--auth neo4j:secret]
// Runs a throwaway Neo4j (data deleted on exit) until Ctrl-C.
import { parseArgs } from "node:util";
import { startNeo4j, type Neo4jAuth } from "./neo4j-harness.js";

const { values } = parseArgs({ options: { port: { type: "string" }, auth: { type: "string" } } });
let auth: Neo4jAuth | undefined;
if (values.auth) {
  const i = values.auth.indexOf(":");
  if (i <= 0) throw new Error("--auth expects user:password");
  auth = { user: values.auth.slice(0, i), password: values.auth.slice(i + 1) };
}

console.log("Starting Neo4j (the first run builds the launcher with Maven, which can take a few minutes)...");
const neo = await startNeo4j({ port: values.port ? Number(values.port) : 0, auth, log: (l) => console.error(l) });
const env = [`OSMOSIS_STORE=neo4j`, `NEO4J_URI=${neo.uri}`];
if (auth) env.push(`NEO4J_USER=${auth.user}`, `NEO4J_PASSWORD=${auth.password}`);
console.log(`Neo4j ready at ${neo.uri}`);
console.log(`Use: ${env.join(" ")}`);
console.log("Press Ctrl-C to stop.");

let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping Neo4j...");
    neo.stop().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
  });
}
