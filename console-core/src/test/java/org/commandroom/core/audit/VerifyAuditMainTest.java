package org.commandroom.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerifyAuditMainTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void exitsZeroOnAnIntactTrailAndThreeOnceARowIsChanged(TestDb kind) throws Exception {
        try (Database db = kind.open()) {
            db.jdbi().useTransaction(h -> {
                for (int i = 0; i < 3; i++) {
                    h.attach(AuditDao.class).append(Instant.parse("2026-12-06T01:00:00Z").plusSeconds(i), "lim", "desk-1",
                            "INTAKE", "INCIDENT", (long) i, "J" + i);
                }
            });
            DbSettings s = db.settings();
            Map<String, String> env = Map.of(DbSettings.ENV_USER, s.user(), DbSettings.ENV_PASSWORD, s.password(),
                    "XDG_DATA_HOME", dataDir.toString());
            String[] args = {"--db", s.jdbcUrl(), "--data-dir", dataDir.toString()};
            assertEquals(VerifyAuditMain.EXIT_INTACT, VerifyAuditMain.run(args, env));
            db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET detail = 'J9' WHERE seq = 2"));
            assertEquals(VerifyAuditMain.EXIT_BROKEN, VerifyAuditMain.run(args, env));
            assertEquals(VerifyAuditMain.EXIT_FAILED, VerifyAuditMain.run(new String[] {"--nope"}, env));
        }
    }
}
