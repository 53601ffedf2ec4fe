package org.commandroom.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.live.ChangeLogDao;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 一人多警、一事多警 on a fixed clock, with the edges of the rule. */
class RepeatDetectorTest {

    private final Database db = TestDatabases.h2();
    private IntakeFixture fx = new IntakeFixture(db);

    @AfterEach
    void close() {
        db.close();
    }

    /** Records a call received {@code ago} before the fixture's T0 (the clock stays at T0). */
    private IntakeResult call(IntakeFixture f, Duration ago, String caller, String address, GeoPoint at) {
        return f.intake.record(new CallReport(caller, address, at, IncidentType.FAMILY_DISPUTE, null, null,
                IntakeFixture.T0.minus(ago), null), "t");
    }

    private IntakeFixture withRule(RepeatRule rule) {
        return new IntakeFixture(db, (TestClock) fx.clock, "t2", rule, false);
    }

    @Test
    void theSameCallerASecondTimeWithinThirtyDaysIsFlaggedWithTheEarlierCall() {
        IntakeResult first = call(fx, Duration.ofDays(20), "13900001111", "南关小区3栋", IntakeFixture.IN_G1);
        assertFalse(first.repeat().flagged(), "the first call is not a repeat");
        IntakeResult second = call(fx, Duration.ZERO, "13900001111", "北关路5号", IntakeFixture.IN_G2);
        assertTrue(second.repeat().flagged());
        assertEquals(Set.of(RepeatReason.CALLER), second.repeat().reasons());
        assertEquals(List.of(first.incident().id()), second.repeat().earlier().stream().map(EarlierIncident::id).toList());
        assertEquals(2, second.repeat().occurrences());
    }

    @Test
    void anEarlierCallExactlyThirtyDaysBeforeCountsAndOneASecondOlderDoesNot() {
        call(fx, Duration.ofDays(30), "13900002222", "甲", IntakeFixture.IN_G1);
        assertTrue(call(fx, Duration.ZERO, "13900002222", "乙", IntakeFixture.IN_G2).repeat().flagged(), "exactly D days");

        call(fx, Duration.ofDays(30).plusSeconds(1), "13900003333", "丙", IntakeFixture.IN_G1);
        assertFalse(call(fx, Duration.ZERO, "13900003333", "丁", IntakeFixture.IN_G3).repeat().flagged(), "D days and a second");
    }

    @Test
    void withKThreeOneEarlierCallIsNotEnoughAndTwoAre() {
        IntakeFixture three = withRule(new RepeatRule(3, Duration.ofDays(30), 50));
        call(three, Duration.ofDays(10), "13700000001", "甲", IntakeFixture.IN_G1);
        assertFalse(call(three, Duration.ofDays(5), "13700000001", "乙", IntakeFixture.IN_G2).repeat().flagged(),
                "k-1 occurrences");
        RepeatFinding third = call(three, Duration.ZERO, "13700000001", "丙", IntakeFixture.IN_G3).repeat();
        assertTrue(third.flagged(), "k occurrences");
        assertEquals(2, third.earlier().size());
        assertEquals(3, third.occurrences());
    }

    @Test
    void aShorterWindowFromTheSettingsIsHonoured() {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO app_setting (setting_key, setting_value) VALUES ('repeat.window_days', '7')");
            h.execute("INSERT INTO app_setting (setting_key, setting_value) VALUES ('repeat.radius_m', '120')");
        });
        RepeatRule rule = RepeatRule.load(db.jdbi());
        assertEquals(new RepeatRule(2, Duration.ofDays(7), 120), rule);
        IntakeFixture week = withRule(rule);
        call(week, Duration.ofDays(8), "13600000001", "甲", IntakeFixture.IN_G1);
        assertFalse(call(week, Duration.ZERO, "13600000001", "乙", IntakeFixture.IN_G2).repeat().flagged());
    }

    @Test
    void theSameAddressTextFromDifferentCallersIsARepeat() {
        call(fx, Duration.ofDays(3), "13500000001", "南关小区 3栋", IntakeFixture.IN_G1);
        RepeatFinding f = call(fx, Duration.ZERO, "13500000002", "南关小区  3栋", GeoPoint.wgs84(29.2155, 103.7155)).repeat();
        assertEquals(Set.of(RepeatReason.ADDRESS), f.reasons());
    }

    @Test
    void aPointWithinFiftyMetresIsARepeatAndOneSixtyMetresAwayIsNot() {
        GeoPoint here = IntakeFixture.IN_G1;
        // 1e-5 degrees of latitude is about 1.11 m.
        call(fx, Duration.ofDays(2), "13400000001", "甲", new GeoPoint(here.lat() + 45 / 111_195.0, here.lon(), here.datum()));
        RepeatFinding near = call(fx, Duration.ZERO, "13400000002", "乙", here).repeat();
        assertEquals(Set.of(RepeatReason.NEARBY), near.reasons());
        assertEquals(45, near.earlier().get(0).distanceMetres(), 0.5);

        GeoPoint elsewhere = IntakeFixture.IN_G3;
        call(fx, Duration.ofDays(2), "13400000003", "丙", new GeoPoint(elsewhere.lat() + 60 / 111_195.0, elsewhere.lon(),
                elsewhere.datum()));
        assertFalse(call(fx, Duration.ZERO, "13400000004", "丁", elsewhere).repeat().flagged());
    }

    @Test
    void theFlagAndItsLinksAreStoredAndReadBack() {
        IntakeResult a = call(fx, Duration.ofDays(60), "13300000001", "南关小区3栋", IntakeFixture.IN_G1);
        IntakeResult b = call(fx, Duration.ofDays(12), "13300000001", "南关小区3栋", IntakeFixture.IN_G1);
        IntakeResult c = call(fx, Duration.ZERO, "13300000001", "南关小区3栋", IntakeFixture.IN_G1);
        assertFalse(fx.intake.repeatOf(a.incident().id()).isPresent());
        RepeatFinding stored = fx.intake.repeatOf(c.incident().id()).orElseThrow();
        assertEquals(Set.of(RepeatReason.CALLER, RepeatReason.ADDRESS, RepeatReason.NEARBY), stored.reasons());
        assertEquals(List.of(b.incident().id()), stored.earlier().stream().map(EarlierIncident::id).toList(),
                "the call 60 days ago is outside the window");
        assertEquals(Set.of(RepeatReason.CALLER, RepeatReason.ADDRESS, RepeatReason.NEARBY), stored.earlier().get(0).reasons());
        assertEquals(RepeatRule.defaults(), stored.rule());
        assertFalse(b.repeat().flagged(), "b's only predecessor is 48 days older");
        assertEquals(1, fx.count("incident_repeat"));
        assertEquals(1, fx.count("incident_repeat_link"));
    }

    @Test
    void aRepeatProposesADoorVisitToTheGridsCommunityOfficerWhichTheCommanderIssues() {
        call(fx, Duration.ofDays(40), "13200000001", "南关小区3栋", IntakeFixture.IN_G1);
        call(fx, Duration.ofDays(25), "13200000001", "南关小区3栋", IntakeFixture.IN_G1);
        IntakeResult third = call(fx, Duration.ZERO, "13200000001", "南关小区3栋", IntakeFixture.IN_G1);
        OrderDraft visit = third.visitProposal().orElseThrow();
        assertEquals(OrderKind.VISIT, visit.kind());
        assertEquals(fx.officerWang, visit.assigneeOfficerId());
        assertEquals(fx.s1, visit.stationId());
        assertNull(visit.unitId());
        assertEquals(third.incident().id(), visit.incidentId());
        assertEquals("重复警情上门回访：南关小区3栋（30天内第2次）", visit.summary());
        assertEquals(0, fx.count("work_order"), "only proposed");

        Order issued = fx.tasks.issueDraft(visit, "值班长");
        assertEquals(OrderStatus.ISSUED, issued.status());
        assertEquals(IntakeFixture.T0.plus(Duration.ofHours(24)), issued.feedbackDeadline());
    }

    @Test
    void aStoredRepeatIsReviewedForTheDispatchPanelUntilItsVisitIsOrdered() {
        // A call taken at another workstation (or played by a drill's scenario) shows the commander its flag and
        // proposes the door visit in the dispatch panel, read again from what intake stored.
        call(fx, Duration.ofDays(25), "13200000001", "南关小区3栋", IntakeFixture.IN_G1);
        IntakeResult third = call(fx, Duration.ZERO, "13200000001", "南关小区3栋", IntakeFixture.IN_G1);
        IntakeResult other = call(fx, Duration.ZERO, "13300000009", "北关路9号", IntakeFixture.IN_G3);

        IntakeResult reviewed = fx.intake.review(third.incident().id()).orElseThrow();
        assertTrue(reviewed.repeat().flagged());
        assertEquals(third.repeat().reasons(), reviewed.repeat().reasons());
        assertEquals(third.repeat().earlier(), reviewed.repeat().earlier());
        assertEquals(third.visitProposal(), reviewed.visitProposal(), "the same visit intake proposed");

        assertFalse(fx.intake.review(other.incident().id()).orElseThrow().repeat().flagged());
        assertTrue(fx.intake.review(other.incident().id()).orElseThrow().visitProposal().isEmpty());
        assertTrue(fx.intake.review(999_999).isEmpty(), "no such incident");

        fx.tasks.issueDraft(reviewed.visitProposal().orElseThrow(), "值班长");
        IntakeResult after = fx.intake.review(third.incident().id()).orElseThrow();
        assertTrue(after.repeat().flagged(), "still a repeat");
        assertTrue(after.visitProposal().isEmpty(), "a visit already ordered is not proposed again");
    }

    @Test
    void inAGridWithoutAnOfficerTheVisitGoesToTheStation() {
        call(fx, Duration.ofDays(1), "13100000001", "北关路5号", IntakeFixture.IN_G2);
        OrderDraft visit = call(fx, Duration.ZERO, "13100000001", "北关路5号", IntakeFixture.IN_G2).visitProposal().orElseThrow();
        assertNull(visit.assigneeOfficerId());
        assertEquals(fx.s1, visit.stationId());
    }

    @Test
    void aNearbyCallRecordedOnAnotherWorkstationCountsOnceTheChangeFeedHasBroughtIt() {
        IntakeFixture west = new IntakeFixture(db, (TestClock) fx.clock, "west", RepeatRule.defaults(), false);
        call(fx, Duration.ofMinutes(1), "13900001111", "甲", IntakeFixture.IN_G1); // loads east's positions
        call(west, Duration.ofMinutes(1), "13900002222", "乙", IntakeFixture.IN_G2); // loads west's positions
        call(west, Duration.ofSeconds(30), "13900003333", "丙", new GeoPoint(IntakeFixture.IN_G3.lat() + 20 / 111_195.0,
                IntakeFixture.IN_G3.lon(), Datum.WGS84));
        fx.intake.recentPositions().onChanges(db.jdbi().withExtension(ChangeLogDao.class, d -> d.after(0, 100)));
        RepeatFinding f = call(fx, Duration.ZERO, "13900004444", "丁", IntakeFixture.IN_G3).repeat();
        assertEquals(Set.of(RepeatReason.NEARBY), f.reasons());
        assertEquals(20, f.earlier().get(0).distanceMetres(), 0.5);
    }

    @Test
    void anOldWindowIsLookedUpInTheDatabase() {
        GeoPoint near = new GeoPoint(IntakeFixture.IN_G1.lat() + 10 / 111_195.0, IntakeFixture.IN_G1.lon(), Datum.WGS84);
        call(fx, Duration.ofDays(100), "13800000001", "甲", near);
        RepeatFinding f = call(fx, Duration.ofDays(90), "13800000002", "乙", IntakeFixture.IN_G1).repeat();
        assertEquals(Set.of(RepeatReason.NEARBY), f.reasons(), "a bulk-imported old call meets its predecessor");
    }

    @Test
    void anUnflaggedCallProposesNothing() {
        assertTrue(call(fx, Duration.ZERO, "13000000001", "甲", IntakeFixture.IN_G1).visitProposal().isEmpty());
        assertEquals(0, fx.count("incident_repeat"));
        assertEquals(0, fx.count("incident_repeat_link"));
    }
}
