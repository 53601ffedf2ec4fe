package org.commandroom.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationTest {

    private static final Set<String> TABLES = Set.of("bureau", "station", "team", "officer", "street", "community",
            "micro_grid", "police_grid", "police_grid_micro_grid", "key_patrol_zone", "deployment_point", "key_place", "police_office", "camera",
            "patrol_unit", "unit_crew", "incident", "work_order", "work_order_event", "indicator_value",
            "manual_score", "change_log", "audit_log", "app_setting", "number_counter", "push_outbox", "push_inbound", "base_map_feature",
            "incident_repeat", "incident_repeat_link", "index_score", "reminder_notice", "grid_satisfaction", "ping_an_index",
            "order_escalation");

    /** Every migration file on the class path (other branches add their own). */
    private static long migrationFiles() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(MigrationTest.class.getResource("/db/migration").toURI()))) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void theMigrationsCreateEveryTableAndSucceed(TestDb kind) throws Exception {
        try (Database db = kind.open()) {
            Set<String> tables = db.jdbi().withHandle(h -> {
                Set<String> names = new TreeSet<>();
                try (var rs = h.getConnection().getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
                return names;
            });
            assertTrue(tables.containsAll(TABLES), "missing: " + difference(TABLES, tables));
            List<Boolean> success = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL").mapTo(Boolean.class).list());
            assertEquals(migrationFiles(), success.size());
            assertTrue(success.stream().allMatch(b -> b), "every migration succeeded: " + success);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void aSecondWorkstationOpeningAMigratedDatabaseAppliesNothing(TestDb kind) throws Exception {
        try (Database first = kind.open(); Database second = Database.open(first.settings())) {
            long applied = second.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL").mapTo(Long.class).one());
            assertEquals(migrationFiles(), applied);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void checkConstraintsRejectAStatusTheCodeDoesNotKnow(TestDb kind) {
        try (Database db = kind.open()) {
            long station = TestData.station(db.jdbi());
            assertThrows(StatementException.class, () -> db.jdbi().useHandle(h -> h.createUpdate(
                    "INSERT INTO patrol_unit (call_sign, kind, station_id, status) VALUES ('X1', 'CAR', :s, 'LOST')")
                    .bind("s", station).execute()));
            assertThrows(StatementException.class, () -> db.jdbi().useHandle(h -> h.createUpdate(
                    "INSERT INTO incident (incident_no, received_at, address, category, incident_type, priority, status) "
                            + "VALUES ('J1', CURRENT_TIMESTAMP, 'a', 'HELP', 'OTHER', 4, 'NEW')").execute()));
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
