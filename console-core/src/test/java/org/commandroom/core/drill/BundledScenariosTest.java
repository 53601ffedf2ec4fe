package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.unit.UnitKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bundled scenario (but the family dispute, which {@link DrillSessionTest} plays) played end to end by a scripted
 * trainee: full marks for the right answers; a known score for a late answer and a wrong dispatch.
 */
class BundledScenariosTest {

    @TempDir
    Path dataDir;

    private static Duration m(int minutes, int seconds) {
        return Duration.ofMinutes(minutes).plusSeconds(seconds);
    }

    private DrillSession start(String file) throws Exception {
        return DrillSessionTest.start(dataDir, file);
    }

    private static DrillScore finish(DrillSession drill) {
        drill.playToEnd();
        assertTrue(drill.isFinished());
        return drill.score();
    }

    @Test
    void fugitiveOnQianjinRoad() throws Exception {
        try (DrillSession drill = start("fugitive-qianjin-road.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(3, 0));
            List<Order> intercepts = t.intercept("fugitive", UnitKind.CAR, 2);
            drill.advanceTo(m(10, 30));
            t.dispatchNearest("robbery", 1);
            DrillScore score = finish(drill);
            assertEquals(50, score.maxPoints());
            assertEquals(50, score.total(), () -> score.results().toString());
            // The two cars' terminals got the intercept on the drill channel, signed for it and reported on scene.
            for (Order o : intercepts) {
                assertEquals(OrderStatus.FED_BACK, drill.orders().find(o.id()).orElseThrow().status(), o.orderNo());
            }
            assertTrue(drill.events().stream().anyMatch(e -> "INJECT".equals(e.kind()) && "dark".equals(e.eventId())));
            // The sighting says where it is in words the trainee can find on the map (the trial's said only 前进一路1号).
            assertTrue(drill.events().stream().anyMatch(e -> "fugitive".equals(e.eventId())
                    && e.text().startsWith("前进一路1号（新华夜市附近）：")), drill.events()::toString);
            long dark = drill.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM camera WHERE online = FALSE")
                    .mapTo(Long.class).one());
            assertTrue(dark >= 1, "a camera went dark");
        }
        try (DrillSession drill = start("fugitive-qianjin-road.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(5, 30));
            t.intercept("fugitive", UnitKind.CAR, 2);
            drill.advanceTo(m(10, 30));
            t.dispatchNearest("robbery", 1);
            t.dispatchFarthest("robbery");
            DrillScore score = finish(drill);
            // intercept 3:30 after the sighting (window 3:00): 10 of 30; robbery 20; one wrong dispatch -5
            assertEquals(25, score.total(), () -> score.results() + " " + score.deductions());
        }
    }

    @Test
    void nightMarketBrawl() throws Exception {
        try (DrillSession drill = start("night-market-brawl.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(1, 30));
            assertEquals(2, t.dispatchNearest("brawl", 2).size());
            drill.advanceTo(m(3, 30));
            t.dispatchNearest("crowd", 1);
            drill.advanceTo(m(9, 30));
            t.dispatchResponsible("crash");
            DrillScore score = finish(drill);
            assertEquals(40, score.total(), () -> score.results().toString());
            assertEquals(40, score.maxPoints());
        }
        try (DrillSession drill = start("night-market-brawl.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(1, 30));
            t.dispatchNearest("brawl", 2);
            drill.advanceTo(m(8, 0));
            t.dispatchNearest("crowd", 1);
            drill.advanceTo(m(9, 30));
            t.dispatchResponsible("crash");
            t.dispatchFarthest("crash");
            DrillScore score = finish(drill);
            // reinforcement 5:00 after the crowd call (window 4:00): 5 of 10; one wrong dispatch -5
            assertEquals(30, score.total(), () -> score.results() + " " + score.deductions());
        }
    }

    @Test
    void ebikeTheftSpree() throws Exception {
        try (DrillSession drill = start("ebike-theft-spree.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(3, 0));
            t.dispatchResponsible("theft-1");
            drill.advanceTo(m(8, 0));
            t.dispatchResponsible("theft-2");
            drill.advanceTo(m(13, 0));
            t.dispatchResponsible("theft-3");
            drill.advanceTo(m(16, 0));
            t.intercept("suspect", UnitKind.CAR, 1);
            DrillScore score = finish(drill);
            assertEquals(50, score.total(), () -> score.results().toString());
            assertEquals(3, drill.incidents().openIncidents().stream()
                    .filter(i -> i.type() == org.commandroom.core.incident.IncidentType.EBIKE_THEFT
                            && i.receivedAt().isAfter(drill.clock().start())).count(), "three thefts recorded in the drill");
        }
        try (DrillSession drill = start("ebike-theft-spree.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(3, 0));
            t.dispatchResponsible("theft-1");
            t.dispatchFarthest("theft-1");
            drill.advanceTo(m(8, 0));
            t.dispatchResponsible("theft-2");
            drill.advanceTo(m(16, 0));
            t.intercept("suspect", UnitKind.CAR, 1);
            DrillScore score = finish(drill);
            // theft-3 never dispatched: 0 of 10; one wrong dispatch -5
            assertEquals(35, score.total(), () -> score.results() + " " + score.deductions());
            assertEquals(DrillScore.Outcome.MISSED, score.results().get(2).outcome());
        }
    }

    @Test
    void telecomFraudAtTheBankCounter() throws Exception {
        try (DrillSession drill = start("telecom-fraud-bank.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(2, 0));
            t.dispatchNearest("counter", 1);
            drill.advanceTo(m(10, 0));
            t.dispatchResponsible("safe-account");
            DrillScore score = finish(drill);
            assertEquals(30, score.total(), () -> score.results().toString());
        }
        try (DrillSession drill = start("telecom-fraud-bank.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(4, 0));
            t.dispatchNearest("counter", 1);
            drill.advanceTo(m(10, 0));
            t.dispatchResponsible("safe-account");
            t.dispatchFarthest("safe-account");
            DrillScore score = finish(drill);
            // the counter 3:00 after the call (window 2:00): 5 of 20; one wrong dispatch -5
            assertEquals(10, score.total(), () -> score.results() + " " + score.deductions());
        }
    }

    @Test
    void missingChildFoundOnTheCameras() throws Exception {
        try (DrillSession drill = start("missing-child-cameras.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(2, 0));
            t.dispatchNearest("lost", 1);
            drill.advanceTo(m(10, 0));
            t.intercept("seen", UnitKind.CAR, 1);
            DrillScore score = finish(drill);
            assertEquals(40, score.total(), () -> score.results().toString());
            assertFalse(score.actions().isEmpty());
        }
        try (DrillSession drill = start("missing-child-cameras.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(2, 0));
            t.dispatchNearest("lost", 1);
            t.dispatchFarthest("lost");
            drill.advanceTo(m(13, 0));
            t.intercept("seen", UnitKind.CAR, 1);
            DrillScore score = finish(drill);
            // the intercept 4:00 after the sighting (window 3:00): 5 of 20; one wrong dispatch -5
            assertEquals(20, score.total(), () -> score.results() + " " + score.deductions());
        }
    }
}
