package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordHasher;
import org.commandroom.core.access.SignIn;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.TestDb;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** console-admin's db, users and audit subcommands against a real H2 file database and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ConsoleAdminTest {

    @Parameter
    TestDb kind;

    @TempDir
    Path dir;

    private DbSettings settings;
    private AdminRun admin;

    @BeforeEach
    void freshDatabase() {
        admin = AdminRun.onEmptyDatabase(kind, dir, "shared");
        settings = admin.settings;
    }

    private AdminRun.Result run(String... args) {
        return admin.runOnDb(args);
    }

    /** The newest migration on the class path (the tests need not change when another one is added). */
    private static final int LATEST = latestMigration();

    private static int latestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Paths.get(
                ConsoleAdminTest.class.getClassLoader().getResource("db/migration").toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        return admin.count(sql);
    }

    @Test
    void migrateCreatesTheSchemaWithProgressAndIsAuditedThenFindsNothingToDo() {
        AdminRun.Result r = run("db", "migrate");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("empty database: creating the schema"), r.out());
        assertTrue(r.out().contains("applying V1 initial schema (1 of "), r.out());
        assertTrue(r.out().contains("applying V20 organisation import"), r.out());
        assertTrue(r.out().contains("  done: V20 organisation import in "), r.out());
        assertTrue(r.out().contains("applying V21 terminal protocol v2"), r.out());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'SCHEMA_MIGRATE' "
                + "AND actor = 'console-admin:tester' AND workstation = 'tester@test-host (console-admin)'"));

        AdminRun.Result again = run("db", "migrate");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("schema up to date at version " + LATEST + "; nothing to do"), again.out());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'SCHEMA_MIGRATE'"));
    }

    @Test
    void migrateUpgradesADatabaseOfAnEarlierVersionStepByStep() {
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("8").load().migrate();

        AdminRun.Result r = run("db", "migrate");

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("schema at version 8, "), r.out());
        assertFalse(r.out().contains("applying V8 "), r.out());
        for (String v : List.of("V12", "V13", "V14", "V16", "V20", "V21")) {
            assertTrue(r.out().contains("applying " + v + " "), v + " in\n" + r.out());
        }
        assertTrue(r.out().contains("schema at version " + LATEST + ": "), r.out());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'SCHEMA_MIGRATE' AND detail LIKE 'schema 8 -> "
                + LATEST + "%'"));
    }

    @Test
    void usersAreAddedListedResetAndUnlockedWithPasswordsFromTheEnvironmentAFileOrTheTerminal() throws Exception {
        admin.env.put("NEW_PW", "duty-secret-1");
        AdminRun.Result add = run("users", "add", "duty1", "--name", "李明", "--role", "值班长", "--password-env", "NEW_PW");
        assertEquals(0, add.code(), add.toString());

        admin.typed.add("leader-secret-1");
        admin.typed.add("leader-secret-1");
        assertEquals(0, run("users", "add", "lead1", "--role", "COMMAND_LEADER,ADMINISTRATOR").code());

        AccessService access;
        try (Database db = Database.open(settings)) {
            access = new AccessService(db.jdbi(), Clock.systemUTC(), AccessGuard.trusted(), new PasswordHasher(),
                    LockoutPolicy.defaults());
            assertInstanceOf(SignIn.Success.class, access.signIn("duty1", "duty-secret-1", "t", false));
            assertInstanceOf(SignIn.Success.class, access.signIn("lead1", "leader-secret-1", "t", false));
            for (int i = 0; i < 5; i++) {
                access.signIn("duty1", "wrong-" + i, "t", false);
            }
            assertInstanceOf(SignIn.Locked.class, access.signIn("duty1", "duty-secret-1", "t", false));
        }

        AdminRun.Result list = run("users", "list");
        assertEquals(0, list.code(), list.toString());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("duty1") && l.contains("李明")
                && l.contains("DUTY_COMMANDER") && l.contains("locked until")), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("lead1") && l.contains("COMMAND_LEADER,ADMINISTRATOR")
                && l.endsWith("active")), list.out());

        assertEquals(0, run("users", "unlock", "duty1").code());
        Path pwFile = Files.writeString(dir.resolve("pw.txt"), "duty-secret-2\n");
        assertEquals(0, run("users", "reset-password", "lead1", "--password-file", pwFile.toString()).code());
        try (Database db = Database.open(settings)) {
            access = new AccessService(db.jdbi(), Clock.systemUTC(), AccessGuard.trusted(), new PasswordHasher(),
                    LockoutPolicy.defaults());
            assertInstanceOf(SignIn.Success.class, access.signIn("duty1", "duty-secret-1", "t", false));
            assertInstanceOf(SignIn.Success.class, access.signIn("lead1", "duty-secret-2", "t", false));
        }

        for (String action : List.of("USER_CREATE", "USER_UNLOCK", "PASSWORD_RESET")) {
            assertTrue(count("SELECT COUNT(*) FROM audit_log WHERE action = '" + action
                    + "' AND actor = 'console-admin:tester'") >= 1, action);
        }
        AdminRun.Result verify = run("audit", "verify");
        assertEquals(0, verify.code(), verify.toString());
        assertTrue(verify.out().contains("audit chain intact"), verify.out());
    }

    @Test
    void aPasswordIsNeverAcceptedOnTheCommandLine() {
        assertEquals(0, run("db", "migrate").code());
        for (List<String> args : List.of(
                List.of("users", "add", "eve", "--role", "DUTY_COMMANDER", "--password", "eve-secret-1"),
                List.of("users", "add", "eve", "--role", "DUTY_COMMANDER", "--password=eve-secret-1"),
                List.of("users", "reset-password", "eve", "-p", "eve-secret-1"),
                List.of("users", "add", "eve", "--role", "DUTY_COMMANDER", "--db", "jdbc:h2:mem:x;PASSWORD=eve"))) {
            AdminRun.Result r = admin.run(args);
            assertEquals(ConsoleAdmin.USAGE, r.code(), r.toString());
            assertTrue(r.err().contains("passwords are not accepted on the command line"), r.err());
            assertFalse(r.out().contains("eve-secret-1"));
        }
        assertEquals(0, count("SELECT COUNT(*) FROM app_user"));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_log WHERE action = 'USER_CREATE'"));
    }

    @Test
    void withoutATerminalOrWithTwoDifferentPasswordsNoUserIsMade() {
        admin.typed.add("first-password-1");
        admin.typed.add("other-password-1");
        AdminRun.Result differ = run("users", "add", "eve", "--role", "TRAINEE");
        assertEquals(ConsoleAdmin.FAILED, differ.code());
        assertTrue(differ.err().contains("the two passwords differ"), differ.err());

        admin.terminal = false;
        AdminRun.Result none = run("users", "add", "eve", "--role", "TRAINEE");
        assertEquals(ConsoleAdmin.FAILED, none.code());
        assertTrue(none.err().contains("no terminal to ask for the password"), none.err());

        admin.env.put("SHORT", "short");
        AdminRun.Result tooShort = run("users", "add", "eve", "--role", "TRAINEE", "--password-env", "SHORT");
        assertEquals(ConsoleAdmin.REFUSED, tooShort.code(), tooShort.toString());
        assertEquals(0, count("SELECT COUNT(*) FROM app_user"));
    }

    @Test
    void auditVerifyExitsWithThreeOnAChangedRow() {
        admin.env.put("NEW_PW", "duty-secret-1");
        assertEquals(0, run("users", "add", "duty1", "--role", "DUTY_COMMANDER", "--password-env", "NEW_PW").code());
        try (Database db = Database.open(settings)) {
            db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET detail = 'nothing happened' WHERE action = 'USER_CREATE'"));
        }
        AdminRun.Result r = run("audit", "verify");
        assertEquals(ConsoleAdmin.REFUSED, r.code(), r.toString());
        assertTrue(r.out().contains("was changed after it was written"), r.out());
    }
}
