package org.commandroom.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.tools.Server;

/**
 * One database reached over the network by several {@link Database} instances, as separate
 * workstations would, which a test can take away and bring back.
 *
 * <ul>
 *   <li>{@link Kind#H2_TCP}: an H2 TCP server started in the test on a free port, with a file
 *       database in a temporary directory; taken away by stopping the server, brought back by starting
 *       it again on the same port.</li>
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

    protected abstract void shutdown();

    @Override
    public synchronized void close() {
        opened.forEach(Database::close);
        shutdown();
    }

    private static final class H2Tcp extends SharedDatabase {
        private final Path dir;
        private final int port;
        private Server server;

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

        @Override
        public synchronized void takeAway() {
            server.stop();
            server = null;
        }

        @Override
        public synchronized void bringBack() {
            try {
                server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", dir.toString(),
                        "-ifNotExists").start();
            } catch (SQLException e) {
                throw new IllegalStateException("could not start the H2 TCP server on port " + port, e);
            }
        }

        @Override
        protected synchronized void shutdown() {
            if (server != null) {
                server.stop();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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
