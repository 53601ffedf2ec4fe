package org.commandroom.core.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.commandroom.core.TestClock;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.prevention.CommunityRisk.Grade;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The wall's 主防工作 figures on each supported database, from {@link PreventionWallCounty}'s planted rows: the
 * communities by colour with the red ones reddest first, the inspections overdue and the model alerts late per station
 * (what is done, not yet due, superseded or withdrawn left out), the officers' hours this week with the community
 * officers' share in their community, and nothing written by reading.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class WallPreventionTest {

    @Parameter
    TestDb kind;

    private Database db;
    private TestClock clock;
    private PreventionWallCounty county;

    @BeforeEach
    void setUp() {
        db = kind.open();
        clock = new TestClock(PreventionWallCounty.NOW, IntakeFixture.ZONE);
        county = PreventionWallCounty.plant(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theCommunitiesByColourTheRedOnesNamedReddestFirst() {
        WallPrevention.Summary s = new WallPrevention(db.jdbi(), clock).read();
        assertEquals(2, s.count(Grade.RED));
        assertEquals(1, s.count(Grade.ORANGE));
        assertEquals(2, s.count(Grade.GREEN));
        assertEquals(List.of("北关社区", "南关社区"), s.red().stream().map(WallPrevention.Community::name).toList());
        assertEquals(25.0, s.red().get(1).score(), 1e-9, "red exactly at its threshold");
        assertEquals(List.of("C2", "C1", "C3", "C4", "C5"), s.communities().stream().map(WallPrevention.Community::code).toList());
        assertEquals(9.0, s.communities().get(3).score(), 1e-9, "the incident before the window is not counted");
    }

    @Test
    void inspectionsOverdueAndAlertsLatePerStationMostFirst() {
        WallPrevention.Summary s = new WallPrevention(db.jdbi(), clock).read();
        assertEquals(List.of("东城派出所", "城关派出所", "河坝派出所"), s.stations().stream().map(WallPrevention.Station::name).toList(),
                "most overdue and late first");
        WallPrevention.Station s2 = s.stations().get(0);
        WallPrevention.Station s1 = s.stations().get(1);
        WallPrevention.Station s3 = s.stations().get(2);
        assertEquals(List.of(3, 1), List.of(s1.inspectionsOverdue(), s1.alertsLate()));
        assertEquals(List.of(1, 4), List.of(s2.inspectionsOverdue(), s2.alertsLate()));
        assertEquals(List.of(0, 0), List.of(s3.inspectionsOverdue(), s3.alertsLate()));
        assertEquals(4, s.inspectionsOverdue());
        assertEquals(5, s.alertsLate());

        // two days later the inspection not yet due is overdue too, and the alert due in three days is not late yet
        clock.advance(java.time.Duration.ofDays(2));
        WallPrevention.Station later = new WallPrevention(db.jdbi(), clock).read().stations().stream()
                .filter(x -> x.id() == county.fx.s1).findFirst().orElseThrow();
        assertEquals(4, later.inspectionsOverdue());
        assertEquals(1, later.alertsLate());
    }

    @Test
    void officersHoursThisWeekWithTheCommunityOfficersShareInTheirCommunity() {
        WallPrevention.Summary s = new WallPrevention(db.jdbi(), clock).read();
        assertEquals(LocalDate.of(2026, 12, 7), s.weekFrom(), "weeks from Monday");
        WallPrevention.Station s1 = s.stations().get(1);
        assertEquals(county.fx.s1, s1.id());
        // 王建国 30 + 30 standard minutes, 赵巡逻 20 + 60 with the car; Sunday's visit was last week
        assertEquals(140 * 60, s1.officerSeconds());
        assertEquals(60 * 60, s1.hours().communityOfficerSeconds());
        assertEquals(30 * 60, s1.hours().inCommunitySeconds());
        assertEquals(0.5, s1.communityShare(), 1e-9);
        WallPrevention.Station s2 = s.stations().get(0);
        assertEquals(30 * 60, s2.officerSeconds());
        assertEquals(1.0, s2.communityShare(), 1e-9);
        assertNull(s.stations().get(2).hours(), "no work, no hours");
        assertNull(s.stations().get(2).communityShare());
    }

    @Test
    void readingWritesNothingAndAnEmptyCountyIsEmpty() {
        long audit = count("audit_log");
        long changes = count("change_log");
        assertFalse(new WallPrevention(db.jdbi(), clock).read().isEmpty());
        assertEquals(audit, count("audit_log"));
        assertEquals(changes, count("change_log"));

        Database empty = kind.open();
        try {
            WallPrevention.Summary none = new WallPrevention(empty.jdbi(), clock).read();
            assertTrue(none.isEmpty());
            assertEquals(List.of(), none.red());
        } finally {
            empty.close();
        }
    }

    private long count(String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
