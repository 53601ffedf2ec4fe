package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.wall.WallContext;
import org.commandroom.app.wall.WallOptions;
import org.commandroom.app.wall.WallServices;
import org.commandroom.core.access.Role;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbRoles;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.SchemaUpgradeRequired;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's two compositions started with the database logins of docs/DATABASE-ROLES.md on a real PostgreSQL:
 * the desk (services, change feed, audit sealing, background writers) with the read-write role, the wall with the
 * read-only one; and a desk on a schema that is behind says what to do instead of failing inside Flyway.
 */
class DatabaseRolesConsoleTest {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE console_owner LOGIN CREATEROLE");
            st.execute("CREATE DATABASE console OWNER console_owner");
            st.execute("CREATE DATABASE behind OWNER console_owner");
        }
        Database.open(new DbSettings(url("console"), "console_owner", "", false)).close();
        Flyway.configure().dataSource(url("behind"), "console_owner", "").locations("classpath:db/migration")
                .target("20").load().migrate();
        for (String db : List.of("console", "behind")) {
            try (Connection c = DriverManager.getConnection(url(db), "console_owner", "")) {
                DbRoles.apply(c, new DbRoles.Request(null, "console_desk", "console_wall", null, "d".toCharArray(),
                        "w".toCharArray()), line -> { });
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    /** A data directory whose db.properties names the login, as a workstation's would. */
    private static LaunchOptions options(Path dir, String database, String user) throws Exception {
        Files.writeString(dir.resolve(DbSettings.CONFIG_FILE), "user=" + user + "\npassword=\n", StandardCharsets.UTF_8);
        return LaunchOptions.parse(List.of("--db", url(database), "--data-dir", dir.toString()), Map.of());
    }

    @Test
    void aDeskStartsWithTheReadWriteRoleAndItsBackgroundWritersWork(@TempDir Path dir) throws Exception {
        AppContext desk = TestUsers.signedIn(new AppContext(options(dir, "console", "console_desk"), Clock.systemUTC(),
                Runnable::run), Role.DUTY_COMMANDER);
        try {
            AppServices services = desk.connect();
            assertEquals("console_desk", services.database().settings().user());
            assertNotNull(services.workflow().escalation().scanNow(), "the escalation monitor's round reads and writes");
            assertTrue(services.feed() != null);
        } finally {
            desk.close();
        }
    }

    @Test
    void aWallStartsWithTheReadOnlyRoleAndReadsItsPanels(@TempDir Path dir) throws Exception {
        WallContext wall = new WallContext(options(dir, "console", "console_wall"), WallOptions.none(),
                Clock.systemUTC(), Runnable::run);
        try {
            WallServices services = wall.connect();
            assertEquals("console_wall", services.database().settings().user());
            assertNotNull(services.statistics().open(5));
            assertNotNull(services.statistics().today());
            assertNotNull(services.statistics().yearOnYear());
            assertFalse(services.statistics().mapLayers() == null);
        } finally {
            wall.close();
        }
    }

    @Test
    void aDeskOnASchemaThatIsBehindSaysToAskForTheOwnersUpgrade(@TempDir Path dir) throws Exception {
        AppContext desk = TestUsers.signedIn(new AppContext(options(dir, "behind", "console_desk"), Clock.systemUTC(),
                Runnable::run), Role.DUTY_COMMANDER);
        try {
            Exception e = assertThrows(Exception.class, desk::connect);
            SchemaUpgradeRequired behind = assertInstanceOfCause(e);
            assertEquals("20", behind.found());
            assertEquals("数据库结构为 20 版，本控制台需要 " + behind.needed() + " 版；数据库账号 console_desk 无权升级结构。"
                    + "请管理员以属主账号升级（console-admin db migrate）后再启动", Failures.text(e, I18n.load(Locale.ROOT)));
        } finally {
            desk.close();
        }
    }

    private static SchemaUpgradeRequired assertInstanceOfCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SchemaUpgradeRequired s) {
                return s;
            }
        }
        throw new AssertionError("not a SchemaUpgradeRequired: " + e);
    }
}
