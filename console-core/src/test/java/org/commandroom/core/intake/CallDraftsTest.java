package org.commandroom.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.commandroom.core.draft.Draft;
import org.commandroom.core.draft.Drafts;
import org.commandroom.core.draft.DraftsAwait;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.SharedDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A call typed while the database was gone is kept, and saved once, with its true received time, when it returns. */
class CallDraftsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SharedDatabase.Kind.class)
    void aCallKeptDuringAnOutageIsRecordedOnceWhenTheDatabaseReturns(SharedDatabase.Kind kind) throws Exception {
        try (SharedDatabase shared = kind.create()) {
            IntakeFixture fx = new IntakeFixture(shared.open());
            Drafts drafts = new Drafts(dir, fx.clock);
            CallDrafts calls = new CallDrafts(drafts, fx.intake, fx.clock);
            Instant typed = fx.clock.instant();

            shared.takeAway();
            Draft d = calls.keep(CallReport.of("13912345678", "南关小区 3栋", IntakeFixture.IN_G1, IncidentType.FIGHT, null,
                    "两人在楼下打架"), "王值班", "南关小区 3栋 · 打架斗殴");
            fx.clock.advance(Duration.ofMinutes(4));
            assertEquals(0, drafts.saveAll(), "the database is still gone");
            assertTrue(drafts.all().get(0).waiting());

            shared.bringBack();
            DraftsAwait.saveOnceBack(drafts, Duration.ofSeconds(20));
            assertEquals(List.of(), drafts.all(), "saved and gone from the disk");
            List<Object[]> rows = fx.db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT address, received_at, client_ref FROM incident WHERE client_ref IS NOT NULL")
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                            rs.getString(3)}).list());
            assertEquals(1, rows.size());
            assertEquals("南关小区 3栋", rows.get(0)[0]);
            assertEquals(typed, rows.get(0)[1], "its waiting time counts from when Enter was pressed, not from the save");
            assertEquals(d.id(), rows.get(0)[2]);
        }
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.Kind.class)
    void aDraftWhoseFirstAttemptDidCommitIsNotStoredTwice(SharedDatabase.Kind kind) {
        try (SharedDatabase shared = kind.create()) {
            IntakeFixture fx = new IntakeFixture(shared.open());
            Drafts drafts = new Drafts(dir, fx.clock);
            CallDrafts calls = new CallDrafts(drafts, fx.intake, fx.clock);
            Draft d = calls.keep(CallReport.of(null, "东城大道1号", IntakeFixture.IN_G3, IncidentType.NOISE, null, null), "王值班", "噪声扰民");
            // The commit reached the database, but the answer was lost with the connection.
            fx.intake.record(CallDrafts.fromJson(d.payload()), "王值班", d.id());

            assertEquals(1, drafts.saveAll());
            assertEquals(1, (int) fx.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM incident WHERE address = '东城大道1号'").mapTo(Integer.class).one()));
            assertFalse(drafts.all().stream().anyMatch(Draft::waiting));
        }
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.Kind.class)
    void aCallTheDatabaseRefusesStaysWithItsReasonForTheCommander(SharedDatabase.Kind kind) {
        try (SharedDatabase shared = kind.create()) {
            IntakeFixture fx = new IntakeFixture(shared.open());
            Drafts drafts = new Drafts(dir, fx.clock);
            CallDrafts calls = new CallDrafts(drafts, fx.intake, fx.clock);
            calls.keep(CallReport.of(null, "成都某地", IntakeFixture.OUTSIDE, IncidentType.NOISE, null, null), "王值班", "噪声扰民");
            assertEquals(0, drafts.saveAll());
            assertEquals("intake.error.OUTSIDE_DISTRICT", drafts.all().get(0).refused());
        }
    }
}
