package org.commandroom.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Recording a 110 call: checks, gazetteer resolution, grid and station, nothing written when refused. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class IntakeServiceTest {

    @Parameter
    TestDb kind;

    private IntakeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new IntakeFixture(kind.open());
    }

    @AfterEach
    void tearDown() {
        fx.db.close();
    }

    @Test
    void aCallIsStoredWithItsGridStationDefaultPriorityAndADayNumber() {
        IntakeResult r = fx.intake.record(CallReport.of("138-0000-1234", "  南关小区 3栋  ", IntakeFixture.IN_G1,
                IncidentType.FAMILY_DISPUTE, null, " 夫妻吵架 "), "值班长");
        Incident i = r.incident();
        assertEquals("J20261123-00001", i.incidentNo());
        assertEquals("13800001234", i.callerNumber());
        assertEquals("南关小区 3栋", i.address());
        assertEquals("夫妻吵架", i.description());
        assertEquals(IncidentType.FAMILY_DISPUTE.defaultPriority(), i.priority());
        assertEquals(fx.g1, i.policeGridId());
        assertEquals(fx.s1, i.stationId());
        assertEquals(IncidentStatus.NEW, i.status());
        assertEquals(IntakeFixture.T0, i.receivedAt());
        assertFalse(r.repeat().flagged());
        assertEquals(1, fx.count("change_log"), "one change-log row so other workstations see it");
    }

    @Test
    void theCommanderMayRaiseThePriorityAndThePositionDecidesTheStation() {
        Incident i = fx.intake.record(CallReport.of(null, "东城大道1号", IntakeFixture.IN_G3, IncidentType.NOISE, 1, null), "t")
                .incident();
        assertEquals(1, i.priority());
        assertEquals(fx.g3, i.policeGridId());
        assertEquals(fx.s2, i.stationId());
        assertNull(i.callerNumber());
    }

    @Test
    void aPositionInTheDistrictButInNoGridTakesTheStationFromItsBoundary() {
        Incident i = fx.intake.record(CallReport.of(null, "北山1号", GeoPoint.wgs84(29.23, 103.71), IncidentType.HELP_OTHER,
                null, null), "t").incident();
        assertNull(i.policeGridId());
        assertEquals(fx.s1, i.stationId());
    }

    @Test
    void anAddressInTheGazetteerNeedsNoPosition() {
        Incident i = fx.intake.record(CallReport.of(null, "南关小学", null, IncidentType.SUSPICIOUS_PERSON, null, null), "t")
                .incident();
        assertEquals(GeoPoint.wgs84(29.205, 103.705), i.position());
        assertEquals(fx.g1, i.policeGridId());
    }

    @Test
    void aGcj02PositionIsPlacedByItsTrueLocation() {
        GeoPoint gcj = DatumConverter.convert(IntakeFixture.IN_G1, Datum.GCJ02);
        Incident i = fx.intake.record(CallReport.of(null, "南关", gcj, IncidentType.NOISE, null, null), "t").incident();
        assertEquals(fx.g1, i.policeGridId());
        assertEquals(Datum.GCJ02, i.position().datum());
    }

    @Test
    void aPositionOutsideTheDistrictIsRefusedWithAClearMessageAndNothingIsWritten() {
        IntakeRejected e = assertThrows(IntakeRejected.class, () -> fx.intake.record(CallReport.of("13800001234", "春熙路",
                IntakeFixture.OUTSIDE, IncidentType.FIGHT, null, null), "t"));
        assertEquals(IntakeRejected.Reason.OUTSIDE_DISTRICT, e.reason());
        assertEquals("position", e.field());
        assertTrue(e.getMessage().contains("outside the district"), e.getMessage());
        assertNothingWritten();
    }

    @Test
    void anUnknownAddressWithoutAPositionIsRefused() {
        IntakeRejected e = assertThrows(IntakeRejected.class, () -> fx.intake.record(CallReport.of(null, "不存在的地方",
                null, IncidentType.FIGHT, null, null), "t"));
        assertEquals(IntakeRejected.Reason.NO_POSITION, e.reason());
        assertTrue(e.getMessage().contains("不存在的地方"));
        assertNothingWritten();
    }

    @Test
    void badFieldsAreRefusedOneByOneNamingTheField() {
        assertEquals(IntakeRejected.Reason.ADDRESS_MISSING, reject(CallReport.of(null, "  ", IntakeFixture.IN_G1,
                IncidentType.FIGHT, null, null)));
        assertEquals(IntakeRejected.Reason.ADDRESS_TOO_LONG, reject(CallReport.of(null, "路".repeat(201),
                IntakeFixture.IN_G1, IncidentType.FIGHT, null, null)));
        assertEquals(IntakeRejected.Reason.CALLER_NUMBER_INVALID, reject(CallReport.of("13x8", "南关",
                IntakeFixture.IN_G1, IncidentType.FIGHT, null, null)));
        assertEquals(IntakeRejected.Reason.TYPE_MISSING, reject(CallReport.of(null, "南关", IntakeFixture.IN_G1, null,
                null, null)));
        assertEquals(IntakeRejected.Reason.PRIORITY_INVALID, reject(CallReport.of(null, "南关", IntakeFixture.IN_G1,
                IncidentType.FIGHT, 4, null)));
        assertEquals(IntakeRejected.Reason.DESCRIPTION_TOO_LONG, reject(CallReport.of(null, "南关", IntakeFixture.IN_G1,
                IncidentType.FIGHT, null, "字".repeat(2001))));
        assertEquals(IntakeRejected.Reason.RECEIVED_IN_FUTURE, reject(new CallReport(null, "南关", IntakeFixture.IN_G1,
                IncidentType.FIGHT, null, null, IntakeFixture.T0.plusSeconds(3600), null)));
        assertNothingWritten();
    }

    @Test
    void aFeedsOwnNumberIsKeptAndCannotBeTakenTwice() {
        CallReport r = new CallReport(null, "南关", IntakeFixture.IN_G1, IncidentType.FIGHT, null, null,
                IntakeFixture.T0.minusSeconds(600), "EXT-001");
        assertEquals("EXT-001", fx.intake.record(r, "t").incident().incidentNo());
        assertEquals(IntakeRejected.Reason.NUMBER_TAKEN, reject(r));
        assertEquals(1, fx.count("incident"));
    }

    @Test
    void aPointIsLocatedInItsGridAndStationWithTheirNamesWhateverItsDatum() {
        PointLocation g3 = fx.intake.locate(IntakeFixture.IN_G3);
        assertTrue(g3.inDistrict());
        assertEquals(fx.g3, g3.gridId());
        assertEquals("东城一格", g3.gridName());
        assertEquals(fx.s2, g3.stationId());
        assertEquals("东城派出所", g3.stationName());

        // the same place picked on a GCJ-02 map
        PointLocation picked = fx.intake.locate(DatumConverter.convert(IntakeFixture.IN_G1, Datum.GCJ02));
        assertEquals("南关一格", picked.gridName());
        assertEquals("城关派出所", picked.stationName());
        assertEquals(Datum.GCJ02, picked.point().datum(), "the point is handed back as given");

        PointLocation noGrid = fx.intake.locate(GeoPoint.wgs84(29.23, 103.71));
        assertTrue(noGrid.inDistrict());
        assertNull(noGrid.gridId());
        assertNull(noGrid.gridName());
        assertEquals("城关派出所", noGrid.stationName(), "the station by its own boundary");

        PointLocation outside = fx.intake.locate(IntakeFixture.OUTSIDE);
        assertFalse(outside.inDistrict());
        assertNull(outside.gridName());
        assertNull(outside.stationName());
        assertNothingWritten();
    }

    private IntakeRejected.Reason reject(CallReport r) {
        return assertThrows(IntakeRejected.class, () -> fx.intake.record(r, "t")).reason();
    }

    private void assertNothingWritten() {
        assertEquals(0, fx.count("incident"));
        assertEquals(0, fx.count("change_log"));
        assertEquals(0, fx.count("number_counter"));
    }
}
