package org.commandroom.app.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.roster.RosterService;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The desk's title names who is on duty by the command room's roster, on H2 with work and callbacks in line, in the
 * county of {@link IntakeFixture} (Monday 23 November 2026, 10:00 in Shanghai): nothing entered, a shift entered at
 * another workstation (read from the change feed), the shift change at its boundary without any edit, and English.
 */
class DutyLineTest {

    private static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-2", false);

    private IntakeFixture fx;
    private ScheduledExecutorService unused;
    private ChangeFeed feed;
    private RosterService roster;

    @BeforeEach
    void open() {
        fx = new IntakeFixture(TestDatabases.h2());
        unused = Executors.newSingleThreadScheduledExecutor();
        feed = new ChangeFeed(fx.db.jdbi(), unused, Runnable::run, fx.clock, Duration.ofMillis(250), Duration.ofSeconds(10));
        feed.poll();
        roster = new RosterService(fx.db.jdbi(), fx.clock, IntakeFixture.ZONE, fx.recorder,
                AccessGuard.of(fx.db.jdbi(), fx.clock, ADMIN));
    }

    @AfterEach
    void close() {
        unused.shutdownNow();
        fx.db.close();
    }

    private DutyLine line(Locale locale) {
        DutyLine line = new DutyLine(org.commandroom.core.roster.DutyRoster.of(fx.db, IntakeFixture.ZONE),
                new Tasks(Runnable::run, Runnable::run), fx.clock,
                I18n.load(locale)).follow(feed);
        line.tick();
        return line;
    }

    private void shift(String from, String to, List<String> commanders, String leader) {
        roster.save(new RosterService.ShiftEdit(null, null, Instant.parse(from), Instant.parse(to), commanders, leader,
                null), "admin");
    }

    @Test
    void aShiftEnteredAtAnotherWorkstationIsNamedOnceTheFeedBringsIt() {
        DutyLine line = line(Locale.ROOT);
        assertEquals("值班表未排", line.textProperty().get());

        // 08:00-20:00 Shanghai, with the leader; the desk reads it from the feed, not at the next minute.
        shift("2026-11-23T00:00:00Z", "2026-11-23T12:00:00Z", List.of("P101"), "P100");
        feed.poll();
        assertEquals("当班：值班长 李明 · 指挥长 王建国", line.textProperty().get());
    }

    @Test
    void theNamesChangeAtTheShiftBoundaryWithoutAnyEdit() {
        shift("2026-11-23T00:00:00Z", "2026-11-23T12:00:00Z", List.of("P101"), "P100");
        shift("2026-11-23T12:00:00Z", "2026-11-24T00:00:00Z", List.of("P100", "P101"), null);
        DutyLine line = line(Locale.ROOT);
        assertEquals("当班：值班长 李明 · 指挥长 王建国", line.textProperty().get());

        fx.clock.advance(Duration.ofHours(9).plusMinutes(59).plusSeconds(59));
        line.tick(); // 19:59:59: due for the minute's read, still the day shift
        assertEquals("当班：值班长 李明 · 指挥长 王建国", line.textProperty().get());
        fx.clock.advance(Duration.ofSeconds(1));
        line.tick(); // 20:00:00, read at the boundary although the last read was a second ago
        assertEquals("当班：值班长 王建国、李明", line.textProperty().get());
    }

    @Test
    void englishNamesTheRolesInEnglish() {
        shift("2026-11-23T00:00:00Z", "2026-11-23T12:00:00Z", List.of("P101"), "P100");
        assertEquals("On duty: commander 李明 · leader 王建国", line(Locale.ENGLISH).textProperty().get());
        roster.delete(roster.onDutyNow(null).orElseThrow().id(), "admin");
        DutyLine en = line(Locale.ENGLISH);
        assertEquals("No duty roster for now", en.textProperty().get());
    }
}
