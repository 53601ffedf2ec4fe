package org.commandroom.core.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.search.FeatureKind;
import org.commandroom.core.search.SearchHit;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The register in the map's search box. */
class HouseSearchSourceTest {

    private Database db;
    private HouseSearchSource source;

    @BeforeEach
    void open() {
        db = TestDatabases.h2();
        IntakeFixture fx = new IntakeFixture(db);
        HouseRegister register = new HouseRegister(db.jdbi(), fx.clock, AccessGuard.trusted());
        register.save(HouseRegisterTest.rented("南关街", "12号", IntakeFixture.IN_G1, 4, "FIRE_HAZARD"), "周敏");
        register.save(HouseRegisterTest.rented("南关街", "120号", IntakeFixture.IN_G1, 2), "周敏");
        register.save(new HouseInput("东城路", "1号", HouseKind.CONSTRUCTION_SITE, "东城安置房工地", null, null, 40, List.of(),
                GeoPoint.wgs84(29.21, 103.76), null, null), "周敏");
        register.save(HouseRegisterTest.rented("无名路", "9号", null, 2), "周敏"); // not placed: not on the map
        source = new HouseSearchSource(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void nothingIsFoundBeforeTheRegisterIsRead() {
        assertEquals(List.of(), source.search("南关街", 10));
    }

    @Test
    void housesAreFoundByAddressNumberAndNameWithTheirKindAndStars() {
        source.load();
        assertEquals(3, source.size(), "the unplaced house is left out");
        List<SearchHit> hits = source.search("南关街 12号", 10);
        assertEquals(List.of("南关街 12号"), hits.stream().map(SearchHit::title).toList(), "120号 does not contain 12号");
        assertEquals(2, source.search("南关街 12", 10).size());
        SearchHit first = hits.get(0);
        assertEquals(FeatureKind.ADDRESS, first.kind());
        assertEquals(SearchHit.Match.EXACT, first.match());
        assertEquals("RENTED", first.tag());
        assertEquals("★★★★", first.detail());
        assertEquals(IntakeFixture.IN_G1, first.position());
        // full-width digits fold; a site by its name
        assertEquals("南关街 12号", source.search("南关街１２号", 10).get(0).title());
        SearchHit site = source.search("安置房", 10).get(0);
        assertEquals("东城路 1号(东城安置房工地)", site.title());
        assertEquals("CONSTRUCTION_SITE", site.tag());
        assertTrue(source.search("西门", 10).isEmpty());
        assertEquals(1, source.search("南关街", 1).size(), "the limit");
    }
}
