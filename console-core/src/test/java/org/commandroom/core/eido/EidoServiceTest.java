package org.commandroom.core.eido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.UnitProposal;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.intake.IntakeRejected;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EIDO export validates against NENA's schema, a broken document is refused with its path, a round trip keeps the fields. */
class EidoServiceTest {

    private static EidoSchema schema;
    private static final ObjectMapper JSON = new ObjectMapper();

    private IntakeFixture fx;
    private EidoService eido;
    private Incident incident;
    private Order dispatched;

    @BeforeAll
    static void loadSchema() {
        schema = EidoSchema.load();
    }

    @BeforeEach
    void setUp() {
        fx = new IntakeFixture(TestDatabases.h2());
        eido = new EidoService(fx.db.jdbi(), fx.clock, schema, "qianwei.police.example", "console@ws1");
        incident = fx.intake.record(CallReport.of("13800001234", "南关小区3栋 <2单元> & 院内", IntakeFixture.IN_G1,
                IncidentType.FAMILY_DISPUTE, 1, "夫妻吵架，有人受伤\"急\""), "值班长").incident();
        fx.unit("城关01", UnitKind.CAR, fx.s1, GeoPoint.wgs84(29.214, 103.712), Duration.ofSeconds(5));
        UnitProposal p = fx.dispatch.propose(incident, 10).stream().filter(x -> !x.isOfficerOnly()).findFirst().orElseThrow();
        fx.clock.advance(Duration.ofMinutes(2));
        dispatched = fx.dispatch.dispatch(incident, p, "值班长");
        fx.clock.advance(Duration.ofMinutes(1));
        fx.orders.sign(dispatched.id(), "城关01");
        fx.tasks.visit(fx.s1, fx.officerWang, incident.id(), incident.type(), incident.position(), "三日内上门回访", "值班长");
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    @Test
    void theExportValidatesAgainstThePublishedSchema() throws Exception {
        String json = eido.export(incident.id(), "wangjianguo");
        assertEquals(List.of(), schema.validate(json));
        var root = JSON.readTree(json);
        assertEquals("1.0", root.get("eidoVersion").asText());
        assertEquals("urn:emergency:uid:incidentid:" + incident.incidentNo() + ":qianwei.police.example",
                root.get("$id").asText());
        assertEquals("FAMILY_DISPUTE", root.at("/incidentComponent/incidentTypeInternalCode").asText());
        assertEquals("南关一格", root.at("/incidentComponent/beatOrDispatchGroupText").asText());
        assertEquals("tel:13800001234", root.at("/callbackComponent/0/callBackInformationUri/0").asText());
        assertEquals(2, root.get("dispatchComponent").size());
        assertEquals("城关01", root.at("/emergencyResourceComponent/0/emergencyResourceName").asText());
        assertEquals("Enroute", root.at("/emergencyResourceComponent/0/primaryUnitStatusRegistryText").asText());
        assertTrue(root.at("/locationComponent/0/locationByValue").asText().contains("<gml:pos>29.2100000 103.7100000</gml:pos>"));
    }

    @Test
    void aRoundTripKeepsTheFields() {
        EidoIncident before = eido.read(incident.id());
        EidoIncident after = eido.parse(eido.export(incident.id(), "wangjianguo"));
        assertEquals(before, after);
        assertEquals("南关小区3栋 <2单元> & 院内", after.address());
        assertEquals("夫妻吵架，有人受伤\"急\"", after.description());
        assertEquals(IncidentStatus.DISPATCHED, after.status());
        assertEquals("城关派出所", after.agency());
        assertEquals(List.of(OrderKind.DISPATCH, OrderKind.VISIT), after.orders().stream().map(EidoIncident.EidoOrder::kind).toList());
        assertEquals(OrderStatus.SIGNED, after.orders().get(0).status());
        assertEquals("城关01", after.orders().get(0).unitCallSign());
        assertEquals(dispatched.orderNo(), after.orders().get(0).orderNo());
        assertEquals(List.of(new EidoIncident.EidoUnit("城关01", UnitKind.CAR, UnitStatus.EN_ROUTE,
                GeoPoint.wgs84(29.214, 103.712))), after.units());
    }

    @Test
    void aGcj02IncidentIsExportedInWgs84() {
        GeoPoint gcj = DatumConverter.convert(IntakeFixture.IN_G3, Datum.GCJ02);
        Incident i = fx.intake.record(CallReport.of(null, "东城大道1号", gcj, IncidentType.NOISE, null, null), "t").incident();
        EidoIncident back = eido.parse(eido.export(i.id(), "t"));
        assertEquals(IntakeFixture.IN_G3.lat(), back.position().lat(), 1e-5);
        assertEquals(IntakeFixture.IN_G3.lon(), back.position().lon(), 1e-5);
        assertEquals(Datum.WGS84, back.position().datum());
    }

    @Test
    void aBrokenDocumentIsRefusedWithTheFailingPath() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(eido.export(incident.id(), "t"));
        ((ObjectNode) doc.get("incidentComponent")).remove("incidentTypeCommonRegistryText");
        ((ObjectNode) doc.at("/callComponent/0")).put("direction", "sideways");
        ((ObjectNode) doc.at("/emergencyResourceComponent/0")).put("lastUpdateTimeStamp", "yesterday");
        doc.put("eidoVersion", "2.0");
        EidoInvalid e = assertThrows(EidoInvalid.class, () -> eido.parse(doc.toString()));
        List<String> paths = e.problems().stream().map(EidoSchema.Problem::path).distinct().toList();
        assertTrue(paths.contains("$.incidentComponent"), paths.toString());
        assertTrue(paths.contains("$.callComponent[0].direction"), paths.toString());
        assertTrue(paths.contains("$.emergencyResourceComponent[0].lastUpdateTimeStamp"), paths.toString());
        assertTrue(paths.contains("$.eidoVersion"), paths.toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.path().equals("$.incidentComponent")
                && p.message().contains("incidentTypeCommonRegistryText")), e.problems().toString());
    }

    @Test
    void aDocumentWithoutItsRequiredTopLevelPartsOrNotJsonIsRefused() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(eido.export(incident.id(), "t"));
        doc.remove("agencyComponent");
        EidoInvalid missing = assertThrows(EidoInvalid.class, () -> eido.parse(doc.toString()));
        assertTrue(missing.problems().stream().anyMatch(p -> p.path().equals("$") && p.message().contains("agencyComponent")),
                missing.problems().toString());
        EidoInvalid notJson = assertThrows(EidoInvalid.class, () -> eido.parse("{\"eidoVersion\": "));
        assertEquals("$", notJson.problems().get(0).path());
    }

    @Test
    void aValidEidoThatLacksOurInternalCodesIsRefusedNamingThePath() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(eido.export(incident.id(), "t"));
        ((ObjectNode) doc.get("incidentComponent")).put("incidentTypeInternalCode", "BRAWL");
        ArrayNode dispatches = (ArrayNode) doc.get("dispatchComponent");
        ((ObjectNode) dispatches.get(0)).remove("notesReference");
        assertEquals(List.of(), schema.validate(doc), "still a valid EIDO");
        EidoInvalid e = assertThrows(EidoInvalid.class, () -> eido.parse(doc.toString()));
        assertEquals(List.of("$.incidentComponent.incidentTypeInternalCode", "$.dispatchComponent[0].notesReference"),
                e.problems().stream().map(EidoSchema.Problem::path).toList());
    }

    @Test
    void anImportedEidoBecomesANewCallThroughIntakeKeepingItsNumber() throws Exception {
        String json = eido.export(incident.id(), "t");
        assertEquals(IntakeRejected.Reason.NUMBER_TAKEN, assertThrows(IntakeRejected.class,
                () -> eido.importAsIncident(json, fx.intake, "t")).reason(), "the same number twice is refused");
        String renumbered = json.replace(incident.incidentNo(), "EXT-" + incident.incidentNo());
        Incident copy = eido.importAsIncident(renumbered, fx.intake, "导入").incident();
        assertEquals("EXT-" + incident.incidentNo(), copy.incidentNo());
        assertEquals(incident.address(), copy.address());
        assertEquals(incident.type(), copy.type());
        assertEquals(fx.g1, copy.policeGridId());
        assertEquals(IncidentStatus.NEW, copy.status());
    }
}
