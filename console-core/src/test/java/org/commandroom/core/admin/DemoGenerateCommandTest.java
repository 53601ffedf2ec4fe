package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code console-admin demo generate} into the embedded database of a data directory, as the console would open it. */
class DemoGenerateCommandTest {

    @TempDir
    Path home;

    @Test
    void theDemoCountyIsGeneratedOnceWithItsUsersAndTheActIsAudited() {
        AdminRun admin = new AdminRun(null, home);
        Path data = home.resolve("data");
        AdminRun.Result r = admin.run("demo", "generate", "--data-dir", data.toString(), "--end", "2026-11-01T00:00:00Z",
                "--demo-users");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("generating profile DEMO with seed 20240507 ending at 2026-11-01T00:00:00Z"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("rows incident: \\d{4,}")), r.out());
        assertTrue(r.out().contains("demo users created"), r.out());

        try (Database db = Database.open(DbSettings.embedded(data, DbOptions.EMBEDDED_NAME))) {
            long audited = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = "
                    + "'DEMO_GENERATE' AND actor = 'console-admin:tester'").mapTo(Long.class).one());
            assertEquals(1, audited);
            assertEquals(5L, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_user").mapTo(Long.class).one()));
        }

        AdminRun.Result again = admin.run("demo", "generate", "--data-dir", data.toString());
        assertEquals(ConsoleAdmin.REFUSED, again.code(), again.toString());
        assertTrue(again.err().contains("empty database only"), again.err());
        AdminRun.Result verify = admin.run("audit", "verify", "--data-dir", data.toString());
        assertEquals(0, verify.code(), verify.toString());
    }
}
