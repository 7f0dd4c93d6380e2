package osmosis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * Starts an in-process Neo4j (community, via neo4j-harness) for tests and development.
 * Usage: Neo4jLauncher [--port N] [--auth user:password] [--page-cache-mb N]
 * Prints "NEO4J_READY bolt://127.0.0.1:PORT" on stdout when ready; stops when stdin closes or on SIGTERM.
 */
public final class Neo4jLauncher {
    private static volatile Neo4j neo4j;

    public static void main(String[] args) throws Exception {
        int port = 0;
        long pageCacheMb = 512;
        String user = null, password = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--auth" -> {
                    String a = args[++i];
                    int c = a.indexOf(':');
                    if (c <= 0) throw new IllegalArgumentException("--auth expects user:password");
                    user = a.substring(0, c);
                    password = a.substring(c + 1);
                }
                case "--page-cache-mb" -> pageCacheMb = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }

        Path dir = Files.createTempDirectory("osmosis-neo4j-");
        // Registered before starting, so SIGTERM during startup also cleans up.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Neo4j n = neo4j;
            if (n != null) {
                try {
                    n.close();
                } catch (Throwable t) {
                    System.err.println("neo4j close failed: " + t);
                }
            }
            deleteTree(dir);
        }, "neo4j-shutdown"));

        try {
            neo4j = Neo4jBuilders.newInProcessBuilder(dir)
                    .withDisabledServer() // no HTTP/HTTPS connectors
                    .withConfig(BoltConnector.enabled, true)
                    .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .withConfig(GraphDatabaseSettings.auth_enabled, user != null)
                    // Short test passwords such as "secret" must be accepted (default minimum is 8).
                    .withConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                    // Tests try wrong passwords on purpose; don't lock the user out after 3 failures.
                    .withConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                    // Sized as in production: the store and its indexes fit, so commits never wait on
                    // evicting dirty pages (64 MiB did not hold a benchmark's 100k signals). Pages are
                    // allocated as they are first used, so a small test database stays small.
                    .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                    .withConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(384))
                    .withConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(256))
                    .withConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Defaults make Bolt's Netty shutdown take ~10 s; tests want a fast stop.
                    .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                    .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .withConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();

            if (user != null) {
                // Embedded transactions bypass auth, so the system database can set credentials directly.
                String q = user.equals("neo4j")
                        ? "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED"
                        : "CREATE USER `" + user.replace("`", "``") + "` SET PASSWORD $pw CHANGE NOT REQUIRED";
                neo4j.databaseManagementService().database("system").executeTransactionally(q, Map.of("pw", password));
            }
        } catch (Throwable t) {
            t.printStackTrace();
            // Summary last, so it is in the stderr tail that the Node side reports.
            StringBuilder why = new StringBuilder("Neo4j failed to start:");
            for (Throwable c = t; c != null; c = c.getCause()) why.append("\n  ").append(c);
            System.err.println(why);
            System.exit(1);
        }

        System.out.println("NEO4J_READY bolt://127.0.0.1:" + neo4j.boltURI().getPort());
        System.out.flush();

        // Parent death closes our stdin: exit, which runs the shutdown hook.
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) { /* ignore input */ }
            } catch (IOException ignored) {
            }
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Thread.currentThread().join();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
        }
    }
}
