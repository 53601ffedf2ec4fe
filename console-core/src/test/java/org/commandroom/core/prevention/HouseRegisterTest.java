package org.commandroom.core.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.audit.AuditChain;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The register on a real H2 and a real PostgreSQL, in the county of {@link IntakeFixture}. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class HouseRegisterTest {

    static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);

    @Parameter
    TestDb kind;

    private Database db;
    private IntakeFixture fx;
    private HouseRegister register;

    @BeforeEach
    void open() {
        db = kind.open();
        fx = new IntakeFixture(db);
        register = new HouseRegister(db.jdbi(), fx.clock, AccessGuard.of(db.jdbi(), fx.clock, ADMIN));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static HouseInput rented(String address, String no, GeoPoint at, int occupants, String... factors) {
        return new HouseInput(address, no, HouseKind.RENTED, null, "张房东", "13800001111", occupants, List.of(factors), at,
                null, null);
    }

    @Test
    void aHouseIsPlacedInItsGridCommunityAndStationAndRated() {
        HouseRegister.Saved s = register.save(rented("南关街", "12号", IntakeFixture.IN_G1, 4, "FIRE_HAZARD"), "周敏");
        assertEquals(HouseRegister.Change.INSERTED, s.change());
        House h = s.house();
        assertEquals(fx.s1, h.stationId());
        assertEquals(fx.g1, h.policeGridId());
        long community = db.jdbi().withHandle(x -> x.createQuery("SELECT id FROM community WHERE code = 'C1'").mapTo(Long.class).one());
        assertEquals(community, h.communityId());
        assertEquals(75, h.starScore());
        assertEquals(4, h.stars());
        assertEquals(List.of("FIRE_HAZARD"), h.riskFactors());
        // the schedule starts on the day of registration (23 Nov 2026, Shanghai) when no inspection is known
        assertEquals(LocalDate.of(2026, 11, 23), h.anchorDate());
        assertEquals(LocalDate.of(2026, 11, 23), h.registeredOn());
    }

    @Test
    void aHouseWithoutAPositionIsFoundInTheGazetteerByItsAddress() {
        // 南关社区警务室 is a named place of the gazetteer at 29.21, 103.71 (grid G1)
        House h = register.save(rented("南关社区警务室", "1号", null, 2), "周敏").house();
        assertEquals(fx.g1, h.policeGridId());
        assertEquals(29.21, h.position().lat(), 1e-9);
        House nowhere = register.save(rented("无名路", "9号", null, 2), "周敏").house();
        assertNull(nowhere.position());
        assertNull(nowhere.stationId());
    }

    @Test
    void savingTheSameAddressAndNumberAgainUpdatesInPlace() {
        long id = register.save(rented("南关街", "12号", IntakeFixture.IN_G1, 4), "周敏").house().id();
        // full-width digits and blanks fold to the same key
        HouseRegister.Saved same = register.save(rented("南关街", "１２号", IntakeFixture.IN_G1, 4), "周敏");
        assertEquals(HouseRegister.Change.UNCHANGED, same.change());
        HouseRegister.Saved moved = register.save(rented("南关 街", "12号", IntakeFixture.IN_G3, 12), "周敏");
        assertEquals(HouseRegister.Change.UPDATED, moved.change());
        assertEquals(id, moved.house().id());
        assertEquals(fx.g3, moved.house().policeGridId());
        assertEquals(fx.s2, moved.house().stationId());
        assertEquals(4, moved.house().stars(), "12 occupants: crowded, 80 points");
        assertEquals(1, register.all().size());
        long audited = db.jdbi().withHandle(x -> x.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'HOUSE_SAVE'")
                .mapTo(Long.class).one());
        assertEquals(2, audited, "the insert and the change; the unchanged save writes nothing");
        assertTrue(AuditChain.verify(db.jdbi()).intact());
    }

    @Test
    void generatedHousesAreRegisteredOnTheirOwnDayPlacedAndRatedWithoutAnAuditRow() {
        java.time.Instant lastYear = java.time.Instant.parse("2025-12-01T02:00:00Z");
        HouseInput byCode = new HouseInput("南关街", "7号", HouseKind.GROUP_RENTED, null, "王房东", "13900002222", 12,
                List.of("UNREGISTERED"), IntakeFixture.IN_G1, "G3", LocalDate.of(2025, 11, 20));
        List<House> houses = db.jdbi().inTransaction(h -> HouseRegister.registerGenerated(h,
                List.of(rented("南关街", "12号", IntakeFixture.IN_G1, 2), byCode), List.of(lastYear, lastYear.plusSeconds(60))));
        assertEquals(2, houses.size());
        assertEquals(LocalDate.of(2025, 12, 1), houses.get(0).registeredOn());
        assertEquals(LocalDate.of(2025, 12, 1), houses.get(0).anchorDate(), "no inspection on file: anchored at registration");
        assertEquals(fx.g1, houses.get(0).policeGridId());
        assertEquals(5, houses.get(0).stars());
        assertEquals(fx.g3, houses.get(1).policeGridId(), "the grid's code wins over the position");
        assertEquals(fx.s2, houses.get(1).stationId());
        assertEquals(LocalDate.of(2025, 11, 20), houses.get(1).anchorDate());
        assertEquals(60, houses.get(1).starScore(), "not registered 20, crowded 20");
        assertEquals(0L, (long) db.jdbi().withHandle(x -> x.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'HOUSE_SAVE'")
                .mapTo(Long.class).one()));
        assertThrows(IllegalArgumentException.class, () -> db.jdbi().useTransaction(h -> HouseRegister.registerGenerated(h,
                List.of(rented("南关街", "13号", IntakeFixture.IN_G1, -1)), List.of(lastYear))));
        assertThrows(IllegalArgumentException.class, () -> db.jdbi().useTransaction(h -> HouseRegister.registerGenerated(h,
                List.of(rented("南关街", "13号", IntakeFixture.IN_G1, 1)), List.of())));
        assertEquals(2, register.all().size());
    }

    @Test
    void wrongInputIsRefusedWithItsReasons() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> register.save(rented(" ", "12号", IntakeFixture.IN_G1, -1, "NO_SUCH"), "周敏"));
        assertTrue(e.getMessage().contains("address"), e.getMessage());
        assertTrue(e.getMessage().contains("occupants"), e.getMessage());
        assertTrue(e.getMessage().contains("NO_SUCH"), e.getMessage());
        assertEquals(0, register.all().size());
    }

    @Test
    void aDutyCommanderMayNotEditTheRegisterAndTheRefusalIsAudited() {
        HouseRegister asDuty = new HouseRegister(db.jdbi(), fx.clock, AccessGuard.of(db.jdbi(), fx.clock, DUTY));
        assertThrows(AccessDenied.class, () -> asDuty.save(rented("南关街", "12号", IntakeFixture.IN_G1, 4), "李明"));
        assertThrows(AccessDenied.class, () -> asDuty.saveRules(asDuty.rules(), "李明"));
        assertEquals(0, register.all().size());
        long refused = db.jdbi().withHandle(x -> x.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'REFUSED' "
                + "AND actor = 'duty'").mapTo(Long.class).one());
        assertEquals(2, refused);
    }

    @Test
    void changedRulesReRateEveryHouse() {
        register.save(rented("南关街", "12号", IntakeFixture.IN_G1, 4, "NO_AGREEMENT"), "周敏");
        assertEquals(5, register.find("南关街", "12号").orElseThrow().stars());
        PreventionRules r = register.rules();
        List<PreventionRules.Factor> factors = new ArrayList<>();
        for (PreventionRules.Factor f : r.factors()) {
            factors.add(f.code().equals("NO_AGREEMENT") ? new PreventionRules.Factor(f.code(), f.nameZh(), f.nameEn(), 30, null) : f);
        }
        int changed = register.saveRules(new PreventionRules(factors, r.bands(), r.cycles()), "周敏");
        assertEquals(1, changed);
        House h = register.find("南关街", "12号").orElseThrow();
        assertEquals(70, h.starScore());
        assertEquals(3, h.stars());
        assertEquals(30, register.rules().factor("NO_AGREEMENT").orElseThrow().points());
    }
}
