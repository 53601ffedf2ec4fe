package org.commandroom.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.commandroom.core.dispatch.TaskOrderService.TaskRequest;
import org.commandroom.core.draft.Draft;
import org.commandroom.core.draft.Drafts;
import org.commandroom.core.draft.DraftsAwait;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.SharedDatabase;
import org.commandroom.core.unit.UnitKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A task order issued with F4 while the database was gone is kept and issued once, to the unit as it is, when it returns. */
class TaskDraftsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SharedDatabase.Kind.class)
    void anOrderKeptDuringAnOutageIsIssuedOnceWhenTheDatabaseReturns(SharedDatabase.Kind kind) throws Exception {
        try (SharedDatabase shared = kind.create()) {
            IntakeFixture fx = new IntakeFixture(shared.open());
            long unit = fx.unit("城关01", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
            Drafts drafts = new Drafts(dir, fx.clock);
            TaskDrafts tasks = new TaskDrafts(drafts, fx.tasks);
            int versionRead = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT version FROM patrol_unit WHERE id = :u")
                    .bind("u", unit).mapTo(Integer.class).one());
            // The unit moved on (a position, a status round trip) after the form read it: the draft still goes to it.
            fx.units.reportPosition(unit, IntakeFixture.IN_G1, 90.0, fx.clock.instant());

            shared.takeAway();
            Draft d = tasks.keep(new TaskRequest(OrderKind.INTERCEPT, fx.s1, unit, versionRead, null, "逃犯在南关路12号，立即布控",
                    IntakeFixture.IN_G1, null, null, null), "王值班", "布控 · 城关01");
            assertEquals(0, drafts.saveAll(), "the database is still gone");
            assertTrue(drafts.all().get(0).waiting());

            shared.bringBack();
            DraftsAwait.saveOnceBack(drafts, Duration.ofSeconds(20));
            assertEquals(List.of(), drafts.all(), "issued and gone from the disk");
            List<Object[]> rows = fx.db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT kind, status, unit_id, client_ref, summary FROM work_order WHERE client_ref IS NOT NULL")
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5)}).list());
            assertEquals(1, rows.size());
            assertEquals("INTERCEPT", rows.get(0)[0]);
            assertEquals("ISSUED", rows.get(0)[1]);
            assertEquals(unit, rows.get(0)[2]);
            assertEquals(d.id(), rows.get(0)[3]);
            assertEquals("逃犯在南关路12号，立即布控", rows.get(0)[4]);
        }
    }

    @Test
    void aDraftWhoseFirstAttemptDidCommitIsNotIssuedTwice() {
        try (SharedDatabase shared = SharedDatabase.Kind.H2_TCP.create()) {
            IntakeFixture fx = new IntakeFixture(shared.open());
            Drafts drafts = new Drafts(dir, fx.clock);
            TaskDrafts tasks = new TaskDrafts(drafts, fx.tasks);
            Draft d = tasks.keep(new TaskRequest(OrderKind.DISPUTE_FOLLOW_UP, fx.s1, null, null, fx.officerWang, "回访邻里纠纷",
                    null, IncidentType.NEIGHBOUR_DISPUTE, null, null), "王值班", "回访 · 王建国");
            // The commit reached the database, but the answer was lost with the connection.
            fx.tasks.issueKept(TaskDrafts.fromJson(d.payload()), "王值班", d.id());

            assertEquals(1, drafts.saveAll());
            assertEquals(1, (int) fx.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM work_order WHERE summary = '回访邻里纠纷'").mapTo(Integer.class).one()));
            assertEquals(List.of(), drafts.all());
        }
    }

    @Test
    void aUnitNoLongerFreeLeavesTheDraftWithItsReasonAndWritesNothing() {
        try (SharedDatabase shared = SharedDatabase.Kind.H2_TCP.create()) {
            IntakeFixture fx = new IntakeFixture(shared.open());
            long unit = fx.unit("城关02", UnitKind.MOTORBIKE, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
            Drafts drafts = new Drafts(dir, fx.clock);
            TaskDrafts tasks = new TaskDrafts(drafts, fx.tasks);
            tasks.keep(new TaskRequest(OrderKind.VISIT, fx.s1, unit, 0, null, "上门走访", null, null, null, null), "王值班",
                    "走访 · 城关02");
            // Meanwhile another workstation sent the unit elsewhere.
            fx.tasks.issue(new TaskRequest(OrderKind.VISIT, fx.s1, unit, fx.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT version FROM patrol_unit WHERE id = :u").bind("u", unit).mapTo(Integer.class).one()), null,
                    "另一席位的任务", null, null, null, null), "李值班");

            assertEquals(0, drafts.saveAll());
            Draft kept = drafts.all().get(0);
            assertEquals(TaskDrafts.REFUSED_UNIT_TAKEN, kept.refused());
            assertEquals(0, (int) fx.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM work_order WHERE summary = '上门走访'").mapTo(Integer.class).one()));
        }
    }
}
