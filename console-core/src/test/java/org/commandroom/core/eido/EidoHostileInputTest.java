package org.commandroom.core.eido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.commandroom.core.dispatch.UnitProposal;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.unit.UnitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's hostile EIDO documents, each valid JSON (most also schema-valid): every one ends as {@link EidoInvalid}
 * naming the JSON path, never as a raw IllegalArgumentException, NumberFormatException or
 * StringIndexOutOfBoundsException, never wrapped into a wrong value, never reaching the database too long.
 */
class EidoHostileInputTest {

    private static EidoSchema schema;
    private static final ObjectMapper JSON = new ObjectMapper();

    private IntakeFixture fx;
    private EidoService eido;
    private String exported;

    @BeforeAll
    static void loadSchema() {
        schema = EidoSchema.load();
    }

    @BeforeEach
    void setUp() {
        fx = new IntakeFixture(TestDatabases.h2());
        eido = new EidoService(fx.db.jdbi(), fx.clock, schema, "qianwei.police.example", "console@ws1");
        Incident incident = fx.intake.record(CallReport.of("13800001234", "南关小区3栋", IntakeFixture.IN_G1,
                IncidentType.FIGHT, 1, "两人打架"), "值班长").incident();
        fx.unit("城关01", UnitKind.CAR, fx.s1, GeoPoint.wgs84(29.214, 103.712), Duration.ofSeconds(5));
        UnitProposal p = fx.dispatch.propose(incident, 10).stream().filter(x -> !x.isOfficerOnly()).findFirst().orElseThrow();
        fx.dispatch.dispatch(incident, p, "值班长");
        exported = eido.export(incident.id(), "t");
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    private ObjectNode doc() throws Exception {
        return (ObjectNode) JSON.readTree(exported);
    }

    /** The document changed by {@code change}; it must be refused with a problem at {@code path}. */
    private EidoInvalid refusedAt(String path, Consumer<ObjectNode> change) throws Exception {
        ObjectNode d = doc();
        change.accept(d);
        EidoInvalid e = assertThrows(EidoInvalid.class, () -> eido.parse(d.toString()));
        List<String> paths = e.problems().stream().map(EidoSchema.Problem::path).toList();
        assertTrue(paths.contains(path), "expected a problem at " + path + ", got " + e.problems());
        return e;
    }

    private static void position(ObjectNode d, String lat, String lon) {
        ObjectNode location = (ObjectNode) d.at("/locationComponent/0");
        location.put("locationByValue", location.get("locationByValue").asText()
                .replaceAll("<(\\w+:)?pos>[^<]*</(\\w+:)?pos>", "<gml:pos>" + lat + " " + lon + "</gml:pos>"));
    }

    @Test
    void aLatitudeOutOfRangeSwappedOrUnreadableCoordinatesAreNamedNotThrown() throws Exception {
        EidoInvalid lat95 = refusedAt("$.locationComponent[0].locationByValue", d -> position(d, "95", "103.7"));
        assertTrue(lat95.problems().get(0).message().contains("-90..90"), lat95.problems().toString());
        EidoInvalid swapped = refusedAt("$.locationComponent[0].locationByValue", d -> position(d, "103.71", "29.21"));
        assertTrue(swapped.problems().stream().anyMatch(p -> p.message().contains("swapped")), swapped.problems().toString());
        refusedAt("$.locationComponent[0].locationByValue", d -> position(d, "1e999", "103.7"));
        refusedAt("$.locationComponent[0].locationByValue", d -> position(d, "1.2.3", "103.7"));
    }

    @Test
    void aPriorityIsRangeCheckedBeforeItIsNarrowed() throws Exception {
        EidoInvalid e = refusedAt("$.incidentComponent.incidentCommonPriorityNumber",
                d -> ((ObjectNode) d.get("incidentComponent")).put("incidentCommonPriorityNumber", 4294967297L));
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("4294967297")), e.problems().toString());
    }

    @Test
    void anEmptyOrBareDispatchIdIsNamed() throws Exception {
        ObjectNode d = doc();
        ((ObjectNode) d.at("/dispatchComponent/0")).put("$id", "urn:emergency:uid:dispatchid:");
        EidoInvalid e = assertThrows(EidoInvalid.class, () -> eido.parse(d.toString()));
        assertTrue(e.problems().stream().anyMatch(p -> p.path().startsWith("$.dispatchComponent[0]")), e.problems().toString());
    }

    @Test
    void valuesLongerThanTheirColumnsAreRefusedBeforeTheDatabaseSeesThem() throws Exception {
        EidoInvalid e = refusedAt("$.incidentComponent.internalIncidentId",
                d -> ((ObjectNode) d.get("incidentComponent")).put("internalIncidentId", "J".repeat(301)));
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("301") && p.message().contains("32")),
                e.problems().toString());
        refusedAt("$.locationComponent[0].locationDescriptionText",
                d -> ((ObjectNode) d.at("/locationComponent/0")).put("locationDescriptionText", "南".repeat(201)));
    }

    @Test
    void everyUrnTheConsoleWritesIsAsciiPerRfc8141AndReadsBack() throws Exception {
        // RFC 8141: "urn:" NID ":" NSS, the NSS made of RFC 3986 pchars ("/" allowed after the first), non-ASCII
        // percent-encoded. The unit's call-sign (城关01) is Chinese.
        java.util.regex.Pattern urn = java.util.regex.Pattern.compile(
                "urn:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:([A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-F]{2})"
                        + "([A-Za-z0-9\\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*");
        List<String> urns = new java.util.ArrayList<>();
        doc().findValues("$id").forEach(v -> urns.add(v.asText()));
        doc().findValues("$ref").forEach(v -> urns.add(v.asText()));
        assertTrue(urns.size() > 5, urns.toString());
        assertTrue(urns.stream().anyMatch(u -> u.contains(EidoMapper.nss("城关01"))), urns.toString());
        for (String u : urns) {
            if (u.startsWith("urn:")) {
                assertTrue(urn.matcher(u).matches(), "not an RFC 8141 URN: " + u);
            }
        }
        assertEquals("%E5%9F%8E%E5%85%B301", EidoMapper.nss("城关01"));
        assertEquals("城关01", EidoMapper.unNss(EidoMapper.nss("城关01")));
        assertEquals("a%3Ab%25", EidoMapper.nss("a:b%"));
        assertEquals("a:b%", EidoMapper.unNss("a%3Ab%25"));
        EidoIncident back = eido.parse(exported);
        assertEquals(1, back.orders().size());
        assertTrue(back.orders().get(0).orderNo().startsWith("ZL"), back.orders().get(0).orderNo());
        assertEquals("城关01", back.units().get(0).callSign());
    }

    @Test
    void aByteOrderMarkIsAcceptedAndAnOversizedDocumentRefusedUnread() throws Exception {
        EidoIncident withBom = eido.parse("\uFEFF" + exported);
        assertEquals("南关小区3栋", withBom.address());
        String huge = " ".repeat(EidoService.MAX_CHARS) + exported;
        EidoInvalid e = assertThrows(EidoInvalid.class, () -> eido.parse(huge));
        assertEquals("$", e.problems().get(0).path());
    }
}
