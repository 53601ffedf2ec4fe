package org.commandroom.core.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default rules as migration V25 stores them: the star rating and the cycles' dates. */
class PreventionRulesTest {

    private static Database db;
    private static PreventionRules rules;

    @BeforeAll
    static void load() {
        db = TestDatabases.h2();
        rules = db.jdbi().withHandle(PreventionRules::load);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theDefaultsAreUsable() {
        assertEquals(List.of(), rules.problems());
        assertEquals(7, rules.factors().size());
        assertEquals(5, rules.bands().size());
    }

    @Test
    void aHouseWithNoRiskHasFiveStarsAndEachFactorCostsItsPoints() {
        assertEquals(new PreventionRules.Rating(100, 5, List.of()), rules.rate(Set.of(), 3));
        // one agreement missing: 90 → still 5 stars (band 90)
        assertEquals(5, rules.rate(Set.of("NO_AGREEMENT"), 3).stars());
        // fire hazard: 75 → 4 stars
        assertEquals(new PreventionRules.Rating(75, 4, List.of("FIRE_HAZARD")), rules.rate(Set.of("FIRE_HAZARD"), 3));
        // fire hazard + unregistered: 55 → 2 stars (3 stars needs 60)
        assertEquals(2, rules.rate(Set.of("FIRE_HAZARD", "UNREGISTERED"), 3).stars());
        // everything: below 0 is 0 → 1 star
        PreventionRules.Rating worst = rules.rate(Set.of("FIRE_HAZARD", "UNREGISTERED", "KEY_PERSON", "PRIOR_INCIDENT",
                "NO_AGREEMENT", "LANDLORD_ABSENT"), 12);
        assertEquals(0, worst.score());
        assertEquals(1, worst.stars());
    }

    @Test
    void crowdingAppliesByItselfFromTheOccupantCount() {
        assertEquals(5, rules.rate(Set.of(), 9).stars());
        PreventionRules.Rating ten = rules.rate(Set.of(), 10);
        assertEquals(80, ten.score());
        assertEquals(List.of("CROWDED"), ten.applied());
        assertEquals(4, ten.stars());
    }

    @Test
    void cyclesComeFromTheSeedAndAStarRowWinsOverTheKindsRow() {
        assertEquals(new PreventionRules.Cycle(HouseKind.SELF_OCCUPIED, 0, 6, PeriodUnit.MONTH, 15),
                rules.cycle(HouseKind.SELF_OCCUPIED, 5).orElseThrow());
        assertEquals(new PreventionRules.Cycle(HouseKind.RENTED, 0, 1, PeriodUnit.MONTH, 5), rules.cycle(HouseKind.RENTED, 3).orElseThrow());
        assertEquals(new PreventionRules.Cycle(HouseKind.RENTED, 1, 2, PeriodUnit.WEEK, 3), rules.cycle(HouseKind.RENTED, 1).orElseThrow());
        assertEquals(new PreventionRules.Cycle(HouseKind.CONSTRUCTION_SITE, 0, 1, PeriodUnit.WEEK, 2),
                rules.cycle(HouseKind.CONSTRUCTION_SITE, 4).orElseThrow());
    }

    @Test
    void aMonthlyCycleAnchoredOnTheThirtyFirstKeepsToMonthEndsAndNeverDrifts() {
        PreventionRules.Cycle monthly = new PreventionRules.Cycle(HouseKind.RENTED, 0, 1, PeriodUnit.MONTH, 5);
        LocalDate anchor = LocalDate.of(2027, 1, 31);
        assertEquals(LocalDate.of(2027, 2, 28), monthly.due(anchor, 1));
        assertEquals(LocalDate.of(2027, 3, 31), monthly.due(anchor, 2));
        assertEquals(LocalDate.of(2027, 4, 30), monthly.due(anchor, 3));
        // in a leap year February has its 29th
        assertEquals(LocalDate.of(2028, 2, 29), monthly.due(LocalDate.of(2028, 1, 31), 1));
        // the last due date on or before a day
        assertEquals(0, monthly.lastIndexOnOrBefore(anchor, LocalDate.of(2027, 2, 27)));
        assertEquals(1, monthly.lastIndexOnOrBefore(anchor, LocalDate.of(2027, 2, 28)));
        assertEquals(1, monthly.lastIndexOnOrBefore(anchor, LocalDate.of(2027, 3, 30)));
        assertEquals(2, monthly.lastIndexOnOrBefore(anchor, LocalDate.of(2027, 3, 31)));
        assertEquals(23, monthly.lastIndexOnOrBefore(anchor, LocalDate.of(2028, 12, 31)));
    }

    @Test
    void halfYearlyFromALeapDayAndWeeklyAcrossTheYearEnd() {
        PreventionRules.Cycle halfYear = new PreventionRules.Cycle(HouseKind.SELF_OCCUPIED, 0, 6, PeriodUnit.MONTH, 15);
        LocalDate leap = LocalDate.of(2028, 2, 29);
        assertEquals(LocalDate.of(2028, 8, 29), halfYear.due(leap, 1));
        assertEquals(LocalDate.of(2029, 2, 28), halfYear.due(leap, 2));
        assertEquals(LocalDate.of(2032, 2, 29), halfYear.due(leap, 8));
        assertEquals(2, halfYear.lastIndexOnOrBefore(leap, LocalDate.of(2029, 2, 28)));
        assertEquals(1, halfYear.lastIndexOnOrBefore(leap, LocalDate.of(2029, 2, 27)));
        PreventionRules.Cycle weekly = new PreventionRules.Cycle(HouseKind.CONSTRUCTION_SITE, 0, 1, PeriodUnit.WEEK, 2);
        LocalDate anchor = LocalDate.of(2026, 12, 28);
        assertEquals(LocalDate.of(2027, 1, 4), weekly.due(anchor, 1));
        assertEquals(1, weekly.lastIndexOnOrBefore(anchor, LocalDate.of(2027, 1, 10)));
        assertEquals(2, weekly.lastIndexOnOrBefore(anchor, LocalDate.of(2027, 1, 11)));
    }

    @Test
    void unusableRulesAreNamed() {
        PreventionRules broken = new PreventionRules(rules.factors(), List.of(new PreventionRules.Band(5, 90)),
                rules.cycles().stream().filter(c -> c.kind() != HouseKind.KEY_UNIT).toList());
        List<String> problems = broken.problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("minimum score 0")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("KEY_UNIT")), problems.toString());
    }
}
