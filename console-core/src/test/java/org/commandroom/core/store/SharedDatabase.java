package org.commandroom.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;

/**
 * One database reached over the network by several {@link Database} instances, as separate
 * workstations would, which a test can take away and bring back.
 *
 * <ul>
 *   <li>{@link Kind#H2_TCP}: an H2 TCP server ({@code org.h2.tools.Server} from the H2 jar) that the
 *       test starts in a child JVM on a free port, with a file database in a temporary directory;
 *       taken away by stopping the server process, brought back by starting it again on the same port.</li>
 *   <li>{@link Kind#POSTGRES}: a fresh database in the shared embedded PostgreSQL server; taken away by
 *       refusing new connections to it and ending the open ones, brought back by allowing them again.</li>
 * </ul>
 */
public abstract class SharedDatabase implements AutoCloseable {

    public enum Kind {
        H2_TCP {
            @Override
            public SharedDatabase create() {
                return new H2Tcp();
            }
        },
        POSTGRES {
            @Override
            public SharedDatabase create() {
                return new Postgres();
            }
        };

        public abstract SharedDatabase create();
    }

    private final List<Database> opened = new ArrayList<>();

    /** Connection settings any number of workstations can use. */
    public abstract DbSettings settings();

    /** A new workstation's connection (pool, migrations, Jdbi); closed with this object. */
    public synchronized Database open() {
        Database db = Database.open(settings());
        opened.add(db);
        return db;
    }

    /** The database stops answering. */
    public abstract void takeAway();

    /** The database answers again, with its data. */
    public abstract void bringBack();

    /** Makes the server stop answering while its connections stay open (only the H2 server can). */
    public void freeze() {
        throw new UnsupportedOperationException("only the H2 TCP server can be frozen");
    }

    /** Lets a frozen server answer again. */
    public void thaw() {
        throw new UnsupportedOperationException("only the H2 TCP server can be frozen");
    }

    protected abstract void shutdown();

    @Override
    public synchronized void close() {
        opened.forEach(Database::close);
        shutdown();
    }

    /**
     * The H2 server runs in a child JVM, as it does on the station's server, so that taking it away is
     * a real crash of another process and bringing it back a fresh server on the same port.
     */
    private static final class H2Tcp extends SharedDatabase {
        private final Path dir;
        private final int port;
        private Process server;

        H2Tcp() {
            try {
                dir = Files.createTempDirectory("h2tcp-");
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bringBack();
        }

        @Override
        public DbSettings settings() {
            return new DbSettings("jdbc:h2:tcp://localhost:" + port + "/./console", "sa", "", false);
        }

        /**
         * Stops the server process (SIGTERM: H2 closes the database on its way out), as a restart of
         * the station's server would. Not SIGKILL: H2 writes committed data to disk up to 500 ms late
         * (WRITE_DELAY), so a kill right after the schema was created can lose the whole database,
         * which is H2's documented durability trade-off, not what this fixture is for.
         */
        @Override
        public synchronized void takeAway() {
            if (server != null) {
                server.destroy();
                try {
                    if (!server.waitFor(10, TimeUnit.SECONDS)) {
                        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                server = null;
            }
        }

        /** Stops the server process where it stands (SIGSTOP): connections stay open and nothing answers. */
        @Override
        public synchronized void freeze() {
            signal("-STOP");
        }

        /** Lets a frozen server go on (SIGCONT). */
        @Override
        public synchronized void thaw() {
            signal("-CONT");
        }

        private void signal(String which) {
            try {
                int rc = new ProcessBuilder("kill", which, Long.toString(server.pid())).start().waitFor();
                if (rc != 0) {
                    throw new IllegalStateException("kill " + which + " failed with " + rc);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public synchronized void bringBack() {
            try {
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                String h2Jar = Path.of(Server.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                server = new ProcessBuilder(java, "-Xmx256m", "-cp", h2Jar, "org.h2.tools.Server",
                        "-tcp", "-tcpPort", Integer.toString(port), "-baseDir", dir.toString(), "-ifNotExists")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("server.log").toFile())
                        .start();
                awaitPort();
            } catch (IOException | java.net.URISyntaxException e) {
                throw new IllegalStateException("could not start the H2 TCP server on port " + port, e);
            }
        }

        private void awaitPort() throws IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                try {
                    new Socket("localhost", port).close();
                    return;
                } catch (IOException notYet) {
                    if (!server.isAlive() || System.nanoTime() > deadline) {
                        throw new IOException("H2 TCP server did not start; see " + dir.resolve("server.log"), notYet);
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
            }
        }

        @Override
        protected synchronized void shutdown() {
            takeAway();
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }

    private static final class Postgres extends SharedDatabase {
        private final String name = TestDatabases.createPostgresDatabase();

        @Override
        public DbSettings settings() {
            return TestDatabases.postgresSettings(name);
        }

        @Override
        public void takeAway() {
            TestDatabases.postgresAdmin(
                    "ALTER DATABASE " + name + " ALLOW_CONNECTIONS false",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        }

        @Override
        public void bringBack() {
            TestDatabases.postgresAdmin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        }

        @Override
        protected void shutdown() {
            // The database goes with the server at JVM exit.
        }
    }
}
