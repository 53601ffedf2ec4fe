package org.commandroom.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database whose schema is behind is upgraded step by step, and the listener given to {@link Database#open} hears of
 * each pending migration in order as it starts (what the start screen shows); the V30 upgrade fills each user's last
 * sign-in from the audit trail.
 */
class UpgradeProgressTest {

    private static final Pattern FILE = Pattern.compile("V(\\d+)__(.+)\\.sql");

    /** The migrations shipped, by version: {version, description as Flyway reads it from the file name}. */
    private static List<String[]> shipped() throws IOException {
        try (var files = Files.list(Paths.get("src/main/resources/db/migration"))) {
            return files.map(p -> FILE.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> new String[] {m.group(1), m.group(2).replace('_', ' ')})
                    .sorted(Comparator.comparingInt(a -> Integer.parseInt(a[0]))).toList();
        }
    }

    private static DbSettings olderH2(String version) {
        DbSettings settings = new DbSettings("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").target(version).load().migrate();
        return settings;
    }

    @Test
    void eachPendingMigrationIsReportedInOrderWithItsNumberOfAll() throws IOException {
        DbSettings settings = olderH2("20");
        List<MigrationListener.Step> heard = new ArrayList<>();
        List<String[]> pending = shipped().stream().filter(v -> Integer.parseInt(v[0]) > 20).toList();

        try (Database db = Database.open(settings, heard::add)) {
            assertEquals(pending.size(), heard.size());
            for (int i = 0; i < pending.size(); i++) {
                MigrationListener.Step s = heard.get(i);
                assertEquals(new MigrationListener.Step(i + 1, pending.size(), pending.get(i)[0], pending.get(i)[1]), s);
            }
            assertTrue(heard.stream().anyMatch(s -> s.version().equals("30")), heard.toString());
        }

        List<MigrationListener.Step> again = new ArrayList<>();
        Database.open(settings, again::add).close();
        assertEquals(List.of(), again, "a current schema reports nothing");
    }

    @Test
    void theUpgradeToV30FillsEachUsersLastSignInFromTheAuditTrail() {
        DbSettings settings = olderH2("26");
        Instant t1 = Instant.parse("2026-11-20T01:00:00Z");
        Instant t2 = Instant.parse("2026-11-21T01:00:00Z");
        org.jdbi.v3.core.Jdbi raw = org.jdbi.v3.core.Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password());
        InstantSupport.install(raw);
        raw.useHandle(h -> {
            for (String login : List.of("lim", "wang")) {
                h.createUpdate("INSERT INTO app_user (login, display_name, password_hash, roles, password_changed_at, created_at) "
                        + "VALUES (:l, :l, 'x', 'DUTY_COMMANDER', :t, :t)").bind("l", login).bind("t", t1).execute();
            }
            long lim = h.createQuery("SELECT id FROM app_user WHERE login = 'lim'").mapTo(Long.class).one();
            String audit = "INSERT INTO audit_log (at, actor, workstation, action, entity, entity_id, detail) "
                    + "VALUES (:at, 'lim', :ws, :a, 'USER', :id, '')";
            h.createUpdate(audit).bind("at", t1).bind("ws", "desk-1").bind("a", "LOGIN").bind("id", lim).execute();
            h.createUpdate(audit).bind("at", t2).bind("ws", "desk-2").bind("a", "LOGIN").bind("id", lim).execute();
            h.createUpdate(audit).bind("at", t2.plusSeconds(60)).bind("ws", "desk-9").bind("a", "LOGIN_FAILED").bind("id", lim)
                    .execute();
            h.createUpdate(audit).bind("at", t1.minusSeconds(60)).bind("ws", "desk-9").bind("a", "LOGIN_FAILED").bind("id", lim)
                    .execute();
        });

        try (Database db = Database.open(settings)) {
            db.jdbi().useHandle(h -> {
                var lim = h.createQuery("SELECT last_sign_in_at, last_sign_in_workstation, failed_since_sign_in FROM app_user "
                        + "WHERE login = 'lim'").mapToMap().one();
                assertEquals(t2, h.createQuery("SELECT last_sign_in_at FROM app_user WHERE login = 'lim'")
                        .mapTo(Instant.class).one());
                assertEquals("desk-2", lim.get("last_sign_in_workstation"));
                assertEquals(1, ((Number) lim.get("failed_since_sign_in")).intValue(), "only the failure after the sign-in");
                assertNull(h.createQuery("SELECT last_sign_in_at FROM app_user WHERE login = 'wang'").mapTo(Instant.class).one());
            });
        }
    }
}
