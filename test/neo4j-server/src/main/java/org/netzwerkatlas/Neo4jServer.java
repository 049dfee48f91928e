package org.netzwerkatlas;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;
import sun.misc.Signal;

/**
 * A real Neo4j Community server for development and tests: embedded Neo4j with the Bolt connector, no auth,
 * loopback only. Start it through {@code npm run neo4j} (test/neo4j-server/neo4j.mjs), which builds the
 * module and passes the JVM flags Neo4j needs.
 *
 * <p>stdout carries exactly one line, {@code Neo4j <version> ready at bolt://<host>:<port>}, once Bolt accepts
 * connections; everything else goes to stderr (warnings only, unless --verbose) and to logs/debug.log in
 * the store folder. Without --data every start gets a fresh temporary store that is deleted on exit.
 * SIGINT/SIGTERM shut down cleanly with exit code 0.
 */
public final class Neo4jServer {
    private static final String USAGE = String.join(
            "\n",
            "Usage: Neo4jServer [--port N] [--host ADDR] [--data DIR] [--page-cache SIZE] [--verbose]",
            "  --port N          Bolt port (default 7687, env NEO4J_SERVER_PORT; 0 = any free port)",
            "  --host ADDR       listen address (default 127.0.0.1, env NEO4J_SERVER_HOST)",
            "  --data DIR        keep the store in DIR across starts (env NEO4J_SERVER_DATA);",
            "                    default: a fresh temporary folder, deleted on exit",
            "  --page-cache SIZE page cache, e.g. 512m or 1g (default 512m, env NEO4J_SERVER_PAGE_CACHE)",
            "  --verbose         Neo4j's info log on stderr (default: warnings only)",
            "  --stable-plans    keep query plans for an hour however much the data changes (for test runs,",
            "                    whose data changes all the time; Neo4j would re-plan every 10 s otherwise)",
            "  --exit-on-stdin-eof  stop when stdin closes (used by the launcher, so Java never outlives it)");

    private static final CountDownLatch started = new CountDownLatch(1);
    private static volatile DatabaseManagementService service;

    private Neo4jServer() {}

    public static void main(String[] args) {
        // Only the ready line goes to stdout; anything a library prints there goes to stderr instead.
        PrintStream stdout = System.out;
        System.setOut(System.err);

        String host = env("NEO4J_SERVER_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("NEO4J_SERVER_PORT", "7687"));
        String data = env("NEO4J_SERVER_DATA", null);
        String pageCache = env("NEO4J_SERVER_PAGE_CACHE", "512m");
        boolean verbose = false;
        boolean stablePlans = false;
        boolean exitOnStdinEof = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "--port" -> port = Integer.parseInt(value != null ? value : args[++i]);
                    case "--host", "--listen-address" -> host = value != null ? value : args[++i];
                    case "--data" -> data = value != null ? value : args[++i];
                    case "--page-cache" -> pageCache = value != null ? value : args[++i];
                    case "--verbose" -> verbose = true;
                    case "--stable-plans" -> stablePlans = true;
                    case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                    case "--help", "-h" -> {
                        System.err.println(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        } catch (RuntimeException e) {
            System.err.println("neo4j-server: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }

        Path home;
        boolean temporary = data == null || data.isBlank();
        try {
            home = temporary
                    ? Files.createTempDirectory("netzwerkatlas-neo4j-")
                    : Files.createDirectories(Path.of(data).toAbsolutePath().normalize());
        } catch (IOException e) {
            System.err.println("neo4j-server: cannot create the store folder: " + e);
            System.exit(1);
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(temporary ? home : null), "neo4j-shutdown"));
        // Ctrl-C / SIGTERM: orderly shutdown (the hook above) and exit code 0 instead of 130/143.
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal.handle(new Signal(name), sig -> new Thread(() -> System.exit(0), "neo4j-signal").start());
            } catch (IllegalArgumentException ignored) {
                // signal not available on this platform
            }
        }
        if (exitOnStdinEof) watchStdin();

        try {
            DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                    .setUserLogProvider(new Log4jLogProvider(System.err, verbose ? Level.INFO : Level.WARN))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Shutdown waits for Bolt threads and connections for 5 s each by default; 1 s is plenty here.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // No usage data reporting (the machine running the tests may have no internet).
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                    .setConfig(GraphDatabaseSettings.cypher_min_replan_interval, stablePlans ? Duration.ofHours(1) : Duration.ofSeconds(10))
                    .build();
            service = dbms;
            started.countDown();

            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
                throw new IllegalStateException("database 'neo4j' did not become available within 2 minutes");
            }
            HostnamePort bound = ((GraphDatabaseAPI) db)
                    .getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            if (bound == null) throw new IllegalStateException("the Bolt connector did not start");
            String connectHost = isWildcard(host) ? "127.0.0.1" : host;
            awaitAccepting(connectHost, bound.getPort());

            String uriHost = connectHost.contains(":") ? "[" + connectHost + "]" : connectHost;
            stdout.println("Neo4j " + Version.getNeo4jVersion() + " ready at bolt://" + uriHost + ":" + bound.getPort());
            stdout.flush();
        } catch (Throwable e) {
            started.countDown();
            System.err.println("neo4j-server: Neo4j failed to start: " + e);
            Throwable cause = e.getCause();
            while (cause != null) {
                System.err.println("  caused by: " + cause);
                cause = cause.getCause();
            }
            if (verbose) e.printStackTrace();
            System.exit(1);
        }
        // The main thread ends here; Neo4j's non-daemon threads keep the JVM alive until a signal arrives.
    }

    private static void stop(Path temporaryHome) {
        try {
            started.await(2, TimeUnit.MINUTES); // Ctrl-C during startup: let build() finish, then shut down
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
        DatabaseManagementService dbms = service;
        if (dbms != null) {
            try {
                dbms.shutdown();
            } catch (Throwable e) {
                System.err.println("neo4j-server: shutdown failed: " + e);
            }
        }
        if (temporaryHome != null) deleteRecursively(temporaryHome);
    }

    private static void watchStdin() {
        Thread watcher = new Thread(
                () -> {
                    InputStream in = System.in;
                    byte[] buffer = new byte[256];
                    try {
                        while (in.read(buffer) >= 0) {
                            // ignore input; only the end of the stream matters
                        }
                    } catch (IOException ignored) {
                        // treated like end of stream
                    }
                    System.exit(0);
                },
                "neo4j-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void awaitAccepting(String host, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Bolt does not accept connections on " + host + ":" + port, e);
                }
                Thread.sleep(50);
            }
        }
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.isEmpty();
    }

    private static long parseBytes(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        if (s.endsWith("k")) factor = ByteUnit.kibiBytes(1);
        else if (s.endsWith("m")) factor = ByteUnit.mebiBytes(1);
        else if (s.endsWith("g")) factor = ByteUnit.gibiBytes(1);
        if (factor != 1) s = s.substring(0, s.length() - 1);
        return Long.parseLong(s) * factor;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort; reported below if the folder survives
                }
            });
        } catch (IOException ignored) {
            // folder already gone
        }
        if (Files.exists(root)) System.err.println("neo4j-server: could not delete " + root);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
