package org.commandroom.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeLogDao;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gazetteer loaded from the database and kept current from the change log. */
class GazetteerServiceTest {

    private final IntakeFixture fx = new IntakeFixture(TestDatabases.h2());

    @AfterEach
    void close() {
        fx.db.close();
    }

    @Test
    void itHoldsKeyPlacesOfficesDeploymentPointsCommunitiesStreetsAndAddressesSeen() {
        fx.intake.record(CallReport.of("13800001111", "南关小区3栋", IntakeFixture.IN_G1, IncidentType.NOISE, null, null), "t");
        fx.gazetteer.load();
        assertEquals(PlaceKind.KEY_PLACE, fx.gazetteer.exact("南关小学").orElseThrow().kind());
        assertEquals(PlaceKind.POLICE_OFFICE, fx.gazetteer.exact("南关社区警务室").orElseThrow().kind());
        assertEquals(PlaceKind.DEPLOYMENT_POINT, fx.gazetteer.exact("环城北路口布警点").orElseThrow().kind());
        Place community = fx.gazetteer.exact("南关社区").orElseThrow();
        assertEquals(PlaceKind.COMMUNITY, community.kind());
        assertTrue(community.position().lat() > 29.20 && community.position().lat() < 29.22, "inside its boundary");
        assertEquals(PlaceKind.STREET, fx.gazetteer.exact("城关街道").orElseThrow().kind());
        Place seen = fx.gazetteer.exact("南关小区3栋").orElseThrow();
        assertEquals(PlaceKind.INCIDENT_ADDRESS, seen.kind());
        assertEquals(1, seen.uses());
        assertEquals(6, fx.gazetteer.size());
    }

    @Test
    void anAddressFirstSeenOnAnotherWorkstationArrivesThroughTheChangeLog() {
        // Another workstation records a call; this one hears of it through the change log only.
        IntakeFixture other = new IntakeFixture(fx.db, fx.clock, "other", RepeatRule.defaults(), false);
        other.intake.record(CallReport.of(null, "滨河路88号", GeoPoint.wgs84(29.23, 103.75), IncidentType.FIGHT, null, null), "t");
        assertTrue(fx.gazetteer.search("滨河", 5).isEmpty());

        List<Change> changes = fx.db.jdbi().withExtension(ChangeLogDao.class, d -> d.after(0, 100));
        fx.gazetteer.onChanges(changes);
        assertEquals(List.of("滨河路88号"), fx.gazetteer.search("滨河", 5).stream().map(Place::name).toList());
    }

    @Test
    void recentAdditionsAreFoldedIntoTheIndexWhenThereAreManyAndStaySearchable() {
        AtomicInteger n = new AtomicInteger();
        for (int i = 0; i < GazetteerService.FOLD_AT + 10; i++) {
            fx.gazetteer.addAddresses(List.of(new Place(PlaceKind.INCIDENT_ADDRESS, "新村" + n.incrementAndGet() + "号",
                    IntakeFixture.IN_G1, null, 1)));
        }
        assertEquals(GazetteerService.FOLD_AT + 10, fx.gazetteer.search("新村", Integer.MAX_VALUE).size());
        assertEquals("新村2005号", fx.gazetteer.search("新村2005号", 1).get(0).name());
        fx.gazetteer.addAddresses(List.of(new Place(PlaceKind.INCIDENT_ADDRESS, "新村1号", IntakeFixture.IN_G1, null, 1)));
        assertEquals(1, fx.gazetteer.search("新村1号", 100).stream().filter(p -> p.name().equals("新村1号")).count(),
                "an address already known is not added twice");
    }
}
