// Starts a real Neo4j 5.26 (in-process harness inside a small Java launcher, see test/neo4j-launcher)
// for tests and development. Needs java (17+) and mvn on PATH; node built-ins only.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface Neo4jAuth {
  user: string;
  password: string;
}

export interface Neo4jOptions {
  auth?: Neo4jAuth;
  /** 0 or absent: a free port. */
  port?: number;
  /** Receives the launcher's stderr lines (and build output on failure). */
  log?: (line: string) => void;
  /** Page cache in MiB (default 512, allocated as pages are first used). */
  pageCacheMb?: number;
}

export interface Neo4jInstance {
  uri: string;
  user?: string;
  password?: string;
  stop(): Promise<void>;
}

const LAUNCHER_DIR = fileURLToPath(new URL("../neo4j-launcher/", import.meta.url));
const POM = join(LAUNCHER_DIR, "pom.xml");
const SOURCE = join(LAUNCHER_DIR, "src/main/java/osmosis/Neo4jLauncher.java");
const CLASS_FILE = join(LAUNCHER_DIR, "target/classes/osmosis/Neo4jLauncher.class");
const LIB_DIR = join(LAUNCHER_DIR, "target/lib");
const TARGET_DIR = join(LAUNCHER_DIR, "target");
const LOCK_DIR = join(TARGET_DIR, ".build-lock");
// Written after a successful build: mvn leaves an up-to-date class file untouched, so its mtime can't tell.
const STAMP = join(TARGET_DIR, ".built");
const READY_TIMEOUT_MS = 180_000;

export function javaAvailable(): { ok: boolean; why?: string } {
  for (const [cmd, arg] of [["java", "-version"], ["mvn", "-v"]] as const) {
    const r = spawnSync(cmd, [arg], { stdio: "ignore", timeout: 60_000 });
    if (r.error) return { ok: false, why: `${cmd} not runnable: ${r.error.message}` };
    if (r.status !== 0) return { ok: false, why: `${cmd} ${arg} exited with ${r.status}` };
  }
  return { ok: true };
}

function mtime(path: string): number {
  return statSync(path).mtimeMs;
}

function isBuilt(): boolean {
  if (!existsSync(STAMP) || !existsSync(CLASS_FILE) || !existsSync(LIB_DIR)) return false;
  return Math.max(mtime(POM), mtime(SOURCE)) < mtime(STAMP);
}

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let building: Promise<void> | undefined;

/** Builds the launcher once; a lock directory keeps parallel test workers from building at the same time. */
export function buildLauncher(log?: (line: string) => void): Promise<void> {
  building ??= (async () => {
    if (isBuilt()) return;
    const deadline = Date.now() + 15 * 60_000;
    mkdirSync(TARGET_DIR, { recursive: true });
    for (;;) {
      try {
        mkdirSync(LOCK_DIR);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
        // A lock older than 15 minutes belongs to a build that died.
        if (Date.now() - mtime(LOCK_DIR) > 15 * 60_000) rmSync(LOCK_DIR, { recursive: true, force: true });
        if (Date.now() > deadline) throw new Error(`timed out waiting for build lock ${LOCK_DIR}`);
        await sleep(500);
      }
    }
    try {
      if (isBuilt()) return; // another worker built it while we waited
      rmSync(LIB_DIR, { recursive: true, force: true }); // drop jars of an older neo4j version
      const args = ["-q", "-B", "-Dstyle.color=never", "-DskipTests", "package",
        "dependency:copy-dependencies", "-DoutputDirectory=target/lib"];
      const { code, output } = await run("mvn", args, LAUNCHER_DIR);
      if (code !== 0) {
        output.split("\n").forEach((l) => log?.(l));
        throw new Error(`mvn ${args.join(" ")} failed (exit ${code}) in ${LAUNCHER_DIR}:\n${output.split("\n").slice(-40).join("\n")}`);
      }
      writeFileSync(STAMP, new Date().toISOString());
    } finally {
      rmSync(LOCK_DIR, { recursive: true, force: true });
    }
  })();
  building.catch(() => (building = undefined)); // allow a retry after a failed build
  return building;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

/**
 * The JVM options a production Neo4j 5.26 starts with (its neo4j.conf `server.jvm.additional`), except
 * AlwaysPreTouch and a fixed initial heap, which would make every test worker's server take its whole
 * heap at once. The heap is capped at 1 GiB: an unbounded heap was killed for memory on a small host.
 */
const JVM_OPTIONS = [
  "-Xmx1g", "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow",
  "-XX:+UnlockExperimentalVMOptions", "-XX:+TrustFinalNonStaticFields", "-XX:+DisableExplicitGC",
  "-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
  "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
  "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-Dlog4j2.disable.jmx=true",
];

export async function startNeo4j(opts: Neo4jOptions = {}): Promise<Neo4jInstance> {
  await buildLauncher(opts.log);
  const args = [...JVM_OPTIONS, "-cp", `target/classes:target/lib/*`, "osmosis.Neo4jLauncher", "--port", String(opts.port ?? 0),
    "--page-cache-mb", String(opts.pageCacheMb ?? 512)];
  if (opts.auth) args.push("--auth", `${opts.auth.user}:${opts.auth.password}`);

  // stdin stays piped and open: when this process dies the pipe closes and the launcher exits.
  const child = spawn("java", args, { cwd: LAUNCHER_DIR, stdio: ["pipe", "pipe", "pipe"] });
  const stderrTail: string[] = [];
  let errBuf = "";
  child.stderr!.on("data", (d: Buffer) => {
    const lines = (errBuf + d.toString()).split("\n");
    errBuf = lines.pop() ?? "";
    for (const l of lines) {
      stderrTail.push(l);
      if (stderrTail.length > 30) stderrTail.shift();
      opts.log?.(l);
    }
  });
  child.stdin!.on("error", () => {}); // EPIPE if the launcher already died

  const uri = await new Promise<string>((resolve, reject) => {
    let outBuf = "";
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      const tail = [...stderrTail, errBuf].filter(Boolean).join("\n");
      reject(new Error(`Neo4j launcher ${why}${tail ? `; last stderr lines:\n${tail}` : " (no stderr output)"}`));
    };
    const timer = setTimeout(() => fail(`not ready within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    child.on("error", (e) => fail(`could not be spawned: ${e.message}`));
    child.on("exit", (code, signal) => fail(`exited before ready (code ${code}, signal ${signal})`));
    child.stdout!.on("data", (d: Buffer) => {
      outBuf += d.toString();
      const m = /^NEO4J_READY (\S+)$/m.exec(outBuf);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        resolve(m[1]);
      }
    });
  });

  let stopping: Promise<void> | undefined;
  return {
    uri,
    user: opts.auth?.user,
    password: opts.auth?.password,
    stop() {
      stopping ??= (async () => {
        child.stdin!.end(); // the launcher shuts down on EOF
        if (await waitForExit(child, 15_000)) return;
        child.kill("SIGTERM");
        if (await waitForExit(child, 5_000)) return;
        child.kill("SIGKILL");
        await waitForExit(child, 5_000);
      })();
      return stopping;
    },
  };
}
