package org.commandroom.core.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The register as the map reads it: placed, active houses with what the map shows. */
class HouseMapPointsTest {

    private Database db;
    private HouseRegister register;

    @BeforeEach
    void open() {
        db = TestDatabases.h2();
        IntakeFixture fx = new IntakeFixture(db);
        register = new HouseRegister(db.jdbi(), fx.clock, AccessGuard.trusted());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void placedActiveHousesComeWithAddressKindStarsLandlordAndOccupants() {
        long rented = register.save(HouseRegisterTest.rented("南关街", "12号", IntakeFixture.IN_G1, 4, "FIRE_HAZARD",
                "UNREGISTERED"), "周敏").house().id();
        long site = register.save(new HouseInput("东城路", "1号", HouseKind.CONSTRUCTION_SITE, "东城安置房工地", null, null, 40,
                List.of(), GeoPoint.wgs84(29.21, 103.76), null, null), "周敏").house().id();
        register.save(HouseRegisterTest.rented("无名路", "9号", null, 2), "周敏"); // no position: not on the map
        long inactive = register.save(HouseRegisterTest.rented("南关街", "14号", IntakeFixture.IN_G1, 1), "周敏").house().id();
        db.jdbi().useHandle(h -> h.execute("UPDATE house SET active = FALSE WHERE id = ?", inactive));

        List<HouseMapPoints.Point> points = new HouseMapPoints(db.jdbi()).placed();

        assertEquals(List.of(rented, site), points.stream().map(HouseMapPoints.Point::id).toList(),
                "the unplaced and the inactive house are left out; by id");
        HouseMapPoints.Point r = points.get(0);
        assertEquals("南关街 12号", r.label());
        assertEquals(HouseKind.RENTED, r.kind());
        assertEquals(2, r.stars(), "100 - 25 - 20 = 55: two stars");
        assertEquals("张房东", r.landlord());
        assertEquals(4, r.occupants());
        assertEquals(IntakeFixture.IN_G1, r.position());
        HouseMapPoints.Point s = points.get(1);
        assertEquals("东城路 1号(东城安置房工地)", s.label());
        assertNull(s.landlord());
        assertEquals(40, s.occupants());
        assertEquals(register.find(site).orElseThrow().stars(), s.stars());
    }

    @Test
    void anEmptyRegisterGivesNoPoints() {
        assertEquals(List.of(), new HouseMapPoints(db.jdbi()).placed());
    }
}
