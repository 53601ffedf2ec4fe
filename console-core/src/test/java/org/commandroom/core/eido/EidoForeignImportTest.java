package org.commandroom.core.eido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.intake.IntakeRejected;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An EIDO written by someone else (NENA's own sample first) becomes what the console can record, naming what it cannot. */
class EidoForeignImportTest {

    private static final String DOMAIN = "qianwei.police.example";
    private static EidoSchema schema;

    private IntakeFixture fx;
    private EidoService eido;

    @BeforeAll
    static void loadSchema() {
        schema = EidoSchema.load();
    }

    @BeforeEach
    void setUp() {
        fx = new IntakeFixture(TestDatabases.h2());
        eido = new EidoService(fx.db.jdbi(), fx.clock, schema, DOMAIN, "console@ws1");
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    static String nenaSample() throws IOException {
        try (InputStream in = EidoForeignImportTest.class.getResourceAsStream("/eido/nena/Sample_EIDO.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static EidoReading.NotTaken at(EidoReading r, String path) {
        return r.notTaken().stream().filter(n -> n.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing named at " + path + " in " + r.notTaken()));
    }

    /** As {@link #foreign}, its times two minutes before the fixture's clock. */
    private String foreignNow(String type, int priority, String locationInfo) {
        return foreign(type, priority, locationInfo).replace("2026-12-07T02:58:00Z",
                fx.clock.instant().minusSeconds(120).toString());
    }

    /** A foreign EIDO around one PIDF-LO location-info body, common type {@code type}, priority {@code priority}. */
    static String foreign(String type, int priority, String locationInfo) {
        String pidf = "<presence xmlns='urn:ietf:params:xml:ns:pidf' xmlns:gp='urn:ietf:params:xml:ns:pidf:geopriv10'"
                + " xmlns:gml='http://www.opengis.net/gml' xmlns:gs='urn:ietf:params:xml:ns:pidf:geopriv10:geoShape'"
                + " xmlns:ca='urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr' entity='pres:x@example.org'>"
                + "<tuple id='t'><status><gp:geopriv><gp:location-info>" + locationInfo
                + "</gp:location-info></gp:geopriv></status></tuple></presence>";
        return withPidf(type, priority, pidf);
    }

    /** A foreign EIDO whose incident location's {@code locationByValue} is {@code pidf} as it is. */
    static String withPidf(String type, int priority, String pidf) {
        return """
                {"$id": "urn:emergency:uid:incidentid:77:psap.neighbour.example",
                 "lastUpdateTimeStamp": "2026-12-07T03:00:00Z",
                 "eidoVersion": "1.0",
                 "incidentComponent": {"$id": "urn:emergency:uid:incidentcomponent:77:psap.neighbour.example",
                   "incidentTypeCommonRegistryText": "%s", "incidentTypeInternalCode": "B-12",
                   "incidentCommonPriorityNumber": %d, "internalIncidentId": "NB-77",
                   "locationReference": [{"$ref": "urn:emergency:uid:locationid:77:psap.neighbour.example"}]},
                 "callComponent": [{"$id": "urn:emergency:uid:callid:77:psap.neighbour.example",
                   "callStartTimestamp": "2026-12-07T02:58:00Z"}],
                 "callbackComponent": [{"$id": "urn:emergency:uid:callbackid:77:psap.neighbour.example",
                   "callBackInformationUri": ["tel:+86-138-0000-5678", "sip:caller@example.org"]}],
                 "notesComponent": [{"$id": "urn:emergency:uid:noteid:77:psap.neighbour.example",
                   "notesActionComments": "<p>Alarm from the shop &amp; the back door open</p>"}],
                 "emergencyResourceComponent": [{"$id": "urn:emergency:uid:resourceid:E1:psap.neighbour.example",
                   "emergencyResourceName": "Engine 1", "emergencyResourceTypeCommonRegistryText": "Fire.Engine",
                   "primaryUnitStatusRegistryText": "Enroute"}],
                 "agencyComponent": [{"$id": "psap.neighbour.example", "organizationIdentification": "psap.neighbour.example"}],
                 "locationComponent": [{"$id": "urn:emergency:uid:locationid:77:psap.neighbour.example",
                   "locationByValue": %s}]}
                """.formatted(type, priority, quote(pidf));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String point(double lat, double lon) {
        return "<gml:Point srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>" + lat + " " + lon + "</gml:pos></gml:Point>";
    }

    @Test
    void nenasOwnSampleIsReadWithEveryGapNamedAndRefusedAsALiveCallWithNothingWritten() throws Exception {
        EidoReading r = eido.read(nenaSample());
        assertFalse(r.ownConsole());
        assertEquals("CU1", r.commonType());
        assertNull(r.incident().type(), "CU1 is in no table of ours");
        assertTrue(at(r, "$.incidentComponent[0].incidentTypeCommonRegistryText").reason()
                .contains("'CU1' is not in the mapping table"));
        assertTrue(at(r, "$.incidentComponent[0].incidentTypeInternalCode").reason().contains("10-101"));
        assertEquals(1, r.incident().priority(), "10, EIDO's highest, is the console's 1 (7-10 -> 1)");
        assertNull(r.incident().position());
        assertEquals("", r.incident().address());
        String pidf = at(r, "$.locationInformationComponent[0].locationByValue").reason();
        assertTrue(pidf.startsWith("the PIDF-LO is not well-formed XML (line 1, column "), pidf);
        assertTrue(at(r, "$.dispatchComponent[0]").reason().contains("not recreated"));
        assertTrue(r.incident().description().contains("sender's type: 10-101 CIVIL UNREST; REQUEST MUTUAL AID (CU1)"));
        assertFalse(r.deviations().isEmpty(), "NENA's sample does not follow NENA's schema; that is told");

        EidoInvalid refused = assertThrows(EidoInvalid.class, () -> eido.importAsIncident(nenaSample(), fx.intake, "值班长"));
        assertEquals("$.incidentComponent[0].incidentTypeCommonRegistryText", refused.problems().get(0).path());
        assertEquals("$.locationInformationComponent[0].locationByValue", refused.problems().get(1).path());
        assertEquals("no usable position or address: the call cannot be placed", refused.problems().get(1).message());
        assertEquals(0, fx.count("incident"), "nothing written");
    }

    @Test
    void everyReasonNotTakenIsSaidInChineseAndEnglishAtTheSameJsonPath() throws Exception {
        EidoReading r = eido.read(nenaSample());
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        assertEquals("$.incidentComponent[0].incidentTypeCommonRegistryText: 通用警情类型“CU1”不在对照表中",
                at(r, "$.incidentComponent[0].incidentTypeCommonRegistryText").in(zh));
        assertEquals("$.dispatchComponent[0]: 对方的调派指令不在本系统重建", at(r, "$.dispatchComponent[0]").in(zh));
        assertTrue(at(r, "$.locationInformationComponent[0].locationByValue").in(zh)
                .startsWith("$.locationInformationComponent[0].locationByValue: PIDF-LO 不是格式正确的 XML（第 1 行，第 "));
        for (EidoReading.NotTaken n : r.notTaken()) {
            String chinese = n.why().in(zh);
            assertTrue(chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    n.path() + " is said in Chinese: " + chinese);
            assertEquals(n.path() + ": " + n.reason(), n.in(Locale.ENGLISH), "English is the same sentence as before");
        }

        EidoInvalid refused = assertThrows(EidoInvalid.class, () -> eido.importAsIncident(nenaSample(), fx.intake, "值班长"));
        assertEquals("$.locationInformationComponent[0].locationByValue: 没有可用的位置或地址，警情无法定位",
                refused.problems().get(1).in(zh));
        assertTrue(refused.problems().stream().filter(p -> p.message().startsWith("not taken"))
                .allMatch(p -> p.message(zh).startsWith("未采用：")), refused.problems().toString());

        String shapes = foreignNow("ALRBA", 5, "<gml:Point srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>95 103.7</gml:pos>"
                + "</gml:Point>");
        EidoReading swapped = eido.read(shapes);
        String said = at(swapped, "$.locationComponent[0].locationByValue").why().in(zh);
        assertTrue(said.startsWith("Point：位置 95 103.7 的纬度不在 -90 至 90 之间"), said);
    }

    @Test
    void theSampleWithItsTypeMappedIsStillRefusedForItsLocationOnly() throws Exception {
        EidoService mapped = new EidoService(fx.db.jdbi(), fx.clock, schema, DOMAIN, "console@ws1",
                EidoTypeMap.bundled().overriddenBy("CU1 = FIGHT\n", "bureau"));
        EidoReading r = mapped.read(nenaSample());
        assertEquals(IncidentType.FIGHT, r.incident().type());
        EidoInvalid refused = assertThrows(EidoInvalid.class, () -> mapped.importAsIncident(nenaSample(), fx.intake, "x"));
        assertEquals("$.locationInformationComponent[0].locationByValue", refused.problems().get(0).path());
        assertEquals(0, fx.count("incident"));
    }

    @Test
    void aForeignEidoWithACivicAddressAndAPointBecomesACall() {
        String json = foreignNow("ALRBA", 5, point(29.21, 103.71)
                + "<ca:civicAddress xml:lang='zh'><ca:country>CN</ca:country><ca:A1>四川省</ca:A1><ca:A2>乐山市</ca:A2>"
                + "<ca:A3>前卫区</ca:A3><ca:A4>城关街道</ca:A4><ca:A6>南关</ca:A6><ca:RD>建设路</ca:RD><ca:HNO>12</ca:HNO>"
                + "<ca:LOC>东门</ca:LOC><ca:PC>614000</ca:PC></ca:civicAddress>");
        EidoService.Imported imported = eido.importReading(json, fx.intake, "值班长");
        Incident i = imported.result().incident();
        assertEquals("四川省乐山市前卫区城关街道南关建设路12号东门", i.address());
        assertEquals(IncidentType.BURGLARY, i.type());
        assertEquals(2, i.priority(), "5 of 0..10 is the console's 2");
        assertEquals("+8613800005678", i.callerNumber());
        assertEquals("NB-77", i.incidentNo());
        assertTrue(i.description().contains("note: Alarm from the shop & the back door open"), i.description());
        assertTrue(i.description().contains("units: Engine 1 (Fire.Engine, Enroute)"), i.description());
        assertTrue(i.description().startsWith("from: psap.neighbour.example"), i.description());
        EidoReading r = imported.reading();
        assertTrue(at(r, "$.callbackComponent[0].callBackInformationUri[1]").reason().contains("sip:caller@example.org"));
        assertTrue(at(r, "$.emergencyResourceComponent").reason().contains("description only"));
        assertEquals(1, fx.count("incident"));
    }

    @Test
    void aCivicAddressAloneIsReadAsTheAddressInTheOrderOfItsCountry() {
        EidoReading r = eido.read(foreign("ALRBA", 5, "<ca:civicAddress xml:lang='en'><ca:country>US</ca:country>"
                + "<ca:A1>PA</ca:A1><ca:A3>Pittsburgh</ca:A3><ca:RD>Grant</ca:RD><ca:STS>St</ca:STS><ca:HNO>414</ca:HNO>"
                + "<ca:PC>15219</ca:PC></ca:civicAddress>"));
        assertEquals("414 Grant St, Pittsburgh, PA 15219, US", r.incident().address());
        assertNull(r.incident().position());
    }

    @Test
    void eachGeodeticShapeGivesItsCentreInWgs84() {
        String circle = "<gs:Circle srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>29.211 103.712</gml:pos>"
                + "<gs:radius uom='urn:ogc:def:uom:EPSG::9001'>50</gs:radius></gs:Circle>";
        String ellipse = "<gs:Ellipse srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>29.212 103.713</gml:pos>"
                + "<gs:semiMajorAxis uom='urn:ogc:def:uom:EPSG::9001'>80</gs:semiMajorAxis>"
                + "<gs:semiMinorAxis uom='urn:ogc:def:uom:EPSG::9001'>40</gs:semiMinorAxis>"
                + "<gs:orientation uom='urn:ogc:def:uom:EPSG::9102'>30</gs:orientation></gs:Ellipse>";
        String ellipsoid = "<gs:Ellipsoid srsName='urn:ogc:def:crs:EPSG::4979'><gml:pos>29.213 103.714 34</gml:pos>"
                + "<gs:semiMajorAxis uom='urn:ogc:def:uom:EPSG::9001'>7</gs:semiMajorAxis></gs:Ellipsoid>";
        String polygon = "<gml:Polygon srsName='urn:ogc:def:crs:EPSG::4326'><gml:exterior><gml:LinearRing><gml:posList>"
                + "29.20 103.70 29.20 103.72 29.22 103.72 29.22 103.70 29.20 103.70"
                + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>";
        double[][] expected = {{29.21, 103.71}, {29.211, 103.712}, {29.212, 103.713}, {29.213, 103.714}, {29.21, 103.71}};
        String[] shapes = {point(29.21, 103.71), circle, ellipse, ellipsoid, polygon};
        for (int k = 0; k < shapes.length; k++) {
            EidoReading r = eido.read(foreign("ALRBA", 8, shapes[k]));
            assertEquals(expected[k][0], r.incident().position().lat(), 1e-9, shapes[k]);
            assertEquals(expected[k][1], r.incident().position().lon(), 1e-9, shapes[k]);
            assertEquals(String.format(java.util.Locale.ROOT, "%.6f, %.6f (WGS-84)", expected[k][0], expected[k][1]),
                    r.incident().address(), "a place given only as a shape is written as its point");
            assertTrue(r.notTaken().stream().noneMatch(n -> n.path().endsWith("locationByValue")), r.notTaken().toString());
        }
    }

    @Test
    void aPolygonGivenAsSinglePositionsAndAnUnevenRingGivesItsAreaCentroid() {
        // A triangle: the centroid is the mean of its corners.
        String triangle = "<gml:Polygon srsName='urn:ogc:def:crs:EPSG::4326'><gml:exterior><gml:LinearRing>"
                + "<gml:pos>29.20 103.70</gml:pos><gml:pos>29.20 103.73</gml:pos><gml:pos>29.23 103.70</gml:pos>"
                + "<gml:pos>29.20 103.70</gml:pos></gml:LinearRing></gml:exterior></gml:Polygon>";
        EidoReading r = eido.read(foreign("ALRBA", 8, triangle));
        assertEquals(29.21, r.incident().position().lat(), 1e-9);
        assertEquals(103.71, r.incident().position().lon(), 1e-9);
    }

    @Test
    void anUnknownCommonTypeIsNamedAndTheCallRefusedForItNotForItsPlace() {
        String json = foreign("Law.Piracy", 2, point(29.21, 103.71));
        EidoReading r = eido.read(json);
        assertNull(r.incident().type());
        assertEquals("the common incident type 'Law.Piracy' is not in the mapping table",
                at(r, "$.incidentComponent.incidentTypeCommonRegistryText").reason());
        assertEquals(3, r.incident().priority(), "2 of 0..10 is routine");
        EidoInvalid refused = assertThrows(EidoInvalid.class, () -> eido.importAsIncident(json, fx.intake, "x"));
        assertEquals(List.of("$.incidentComponent.incidentTypeCommonRegistryText"),
                refused.problems().stream().filter(p -> !p.message().startsWith("not taken")).map(EidoSchema.Problem::path).toList());
        assertEquals(0, fx.count("incident"));
    }

    @Test
    void theBureausFileOverridesTheBundledTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(EidoTypeMap.BUREAU_FILE);
        Files.writeString(file, "\uFEFF# ours\nlaw.piracy = robbery\nALRBA =\nALRBS = NO_SUCH_TYPE\nnot a line\n",
                StandardCharsets.UTF_8);
        EidoTypeMap map = EidoTypeMap.withBureauFile(file);
        assertEquals(IncidentType.ROBBERY, map.typeOf("Law.Piracy").orElseThrow());
        assertTrue(map.typeOf("ALRBA").isEmpty(), "an empty right-hand side removes the default entry");
        assertEquals(IncidentType.BURGLARY, map.typeOf("ALRBS").orElseThrow(), "a bad line leaves the default as it was");
        assertEquals(List.of(EidoTypeMap.BUREAU_FILE + " line 4: 'NO_SUCH_TYPE' is not a type of this console",
                EidoTypeMap.BUREAU_FILE + " line 5: not CODE = TYPE"), map.ignored());
        assertEquals(IncidentType.BURGLARY, EidoTypeMap.bundled().typeOf("alrba").orElseThrow());
        assertTrue(EidoTypeMap.bundled().typeOf("CU1").isEmpty());
        assertEquals(IncidentType.HELP_OTHER, EidoTypeMap.bundled().overriddenBy("* = HELP_OTHER", "b").typeOf("CU1")
                .orElseThrow(), "'*' takes every code not listed");

        // Through the call files, as the console wires it: the bureau's table decides.
        CallFiles files = new CallFiles(fx.db.jdbi(), fx.clock, fx.intake, null, DOMAIN, "console@ws1");
        files.setEidoTypeTable(file);
        Path eidoFile = dir.resolve("in.eido.json");
        Files.writeString(eidoFile, foreignNow("LAW.PIRACY", 9, point(29.21, 103.71)), StandardCharsets.UTF_8);
        EidoService.Imported imported = files.importEidoReading(eidoFile, "值班长", org.commandroom.core.job.JobProgress.NONE);
        assertEquals(IncidentType.ROBBERY, imported.result().incident().type());
        assertEquals(1, imported.result().incident().priority());
    }

    @Test
    void aMalformedOrHostilePidfLoIsANamedProblemAtItsPathNotAnException() {
        String[][] cases = {
                {"<gs:Circle srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>29.21 103.71</gml:pos></gs:Circle",
                        "not well-formed XML"},
                {"<xx:Point><gml:pos>29.21 103.71</gml:pos></xx:Point>", "not well-formed XML"},
                {"<gml:Point srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>95 103.71</gml:pos></gml:Point>",
                        "not a latitude within -90..90"},
                {"<gml:Point srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>1.2.3 103.71</gml:pos></gml:Point>",
                        "is not two numbers"},
                {"<gml:Point srsName='urn:ogc:def:crs:EPSG::2385'><gml:pos>3234000 500000</gml:pos></gml:Point>",
                        "only WGS-84"},
                {"<gp:usage-rules/>", "neither a geodetic shape nor a civic address"},
        };
        for (String[] c : cases) {
            EidoReading r = eido.read(foreign("ALRBA", 8, c[0]));
            assertNull(r.incident().position(), c[0]);
            assertTrue(at(r, "$.locationComponent[0].locationByValue").reason().contains(c[1]),
                    c[0] + " -> " + r.notTaken());
        }
        // A DOCTYPE with an external entity: refused by the hardened parser, no file read.
        String xxe = "<?xml version='1.0'?><!DOCTYPE p [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><p>&x;</p>";
        EidoReading r = eido.read(withPidf("ALRBA", 8, xxe));
        assertNull(r.incident().position());
        assertTrue(at(r, "$.locationComponent[0].locationByValue").reason().contains("DOCTYPE"),
                r.notTaken().toString());
    }

    @Test
    void theConsolesOwnEidoStillRoundTripsUnchanged() {
        Incident incident = fx.intake.record(CallReport.of("13800001234", "南关小区3栋", IntakeFixture.IN_G1,
                IncidentType.FAMILY_DISPUTE, 1, "夫妻吵架"), "值班长").incident();
        String json = eido.export(incident.id(), "wangjianguo");
        EidoReading r = eido.read(json);
        assertTrue(r.ownConsole());
        assertEquals(List.of(), r.notTaken());
        assertEquals(eido.read(incident.id()), r.incident());
        assertEquals(eido.parse(json), r.incident());
    }

    @Test
    void aPointOutsideTheDistrictIsRefusedByIntakeWithNothingWritten() {
        String json = foreignNow("ALRBA", 8, point(IntakeFixture.OUTSIDE.lat(), IntakeFixture.OUTSIDE.lon()));
        assertThrows(IntakeRejected.class, () -> eido.importAsIncident(json, fx.intake, "x"));
        assertEquals(0, fx.count("incident"));
    }
}
