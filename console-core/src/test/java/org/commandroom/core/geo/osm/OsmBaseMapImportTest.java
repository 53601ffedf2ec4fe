package org.commandroom.core.geo.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.geo.BaseMapDao;
import org.commandroom.core.geo.MapLayers;
import org.commandroom.core.geo.MapLayers.BaseKind;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The OSM base-map import on a real extract (Matiu/Somes Island, src/test/resources/osm/README.md) and real H2. */
class OsmBaseMapImportTest {

    private static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    private static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T06:00:00Z"), ZoneOffset.UTC);
    private Database db;
    @TempDir
    Path dir;
    private Path somes;

    @BeforeEach
    void setUp() throws IOException {
        db = TestDatabases.h2();
        somes = dir.resolve("somes-island.osm.pbf");
        try (InputStream in = getClass().getResourceAsStream("/osm/somes-island.osm.pbf")) {
            Files.copy(in, somes);
        }
        // the demo's own base map, which an import replaces
        db.jdbi().useHandle(h -> h.execute("INSERT INTO base_map_feature (kind, name, geometry_wkt, datum) VALUES "
                + "('ROAD_MAJOR', '国道213线', 'LINESTRING (103.90 29.20, 104.00 29.25)', 'WGS84')"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private OsmBaseMapImport service(String origin, OsmExtractReader.Limits limits) {
        return new OsmBaseMapImport(db.jdbi(), new ChangeRecorder(clock, origin), clock,
                AccessGuard.of(db.jdbi(), clock, ADMIN), limits);
    }

    @Test
    void aRealExtractReplacesTheBaseMapWithItsRoadsWaterAndNamesAllValidAndInsideTheCut() throws Exception {
        var outcome = service("ws-1", OsmExtractReader.Limits.DEFAULT).importFile(somes, "周敏");
        OsmBaseMapImport.Imported done = assertInstanceOf(OsmBaseMapImport.Imported.class, outcome, outcome.toString());
        assertTrue(done.cutToFile(), "no geography imported: cut to the file's bounds");
        assertEquals(1, done.replaced());
        assertTrue(done.count(BaseKind.ROAD_MINOR) > 0, done.summary());
        assertTrue(done.count(BaseKind.WATER) > 0, done.summary());
        assertTrue(done.count(BaseKind.PLACE) > 0, done.summary());
        assertTrue(done.areaKm2() > 0.1 && done.areaKm2() < 100, done.summary());

        List<MapLayers.BaseFeature> rows = db.jdbi().withExtension(BaseMapDao.class, BaseMapDao::all);
        assertEquals(done.counts().values().stream().mapToInt(Integer::intValue).sum(), rows.size());
        WKTReader reader = new WKTReader();
        Envelope cut = done.cut();
        for (MapLayers.BaseFeature f : rows) {
            Geometry g = reader.read(f.wkt());
            assertTrue(g.isValid(), f + " valid");
            assertTrue(!g.isEmpty());
            Envelope e = g.getEnvelopeInternal();
            assertTrue(cut.getMinX() - 1e-7 <= e.getMinX() && e.getMaxX() <= cut.getMaxX() + 1e-7
                    && cut.getMinY() - 1e-7 <= e.getMinY() && e.getMaxY() <= cut.getMaxY() + 1e-7, f + " inside " + cut);
            assertEquals(org.commandroom.core.geo.Datum.WGS84, f.datum());
            assertTrue(-41.3 < e.getMinY() && e.getMaxY() < -41.2 && 174.8 < e.getMinX() && e.getMaxX() < 174.9,
                    "Wellington Harbour: " + e);
        }
        assertTrue(rows.stream().anyMatch(f -> f.kind() == BaseKind.PLACE && f.name().equals("Matiu/Somes Island")
                && f.wkt().startsWith("POINT")), "the island's name as a point");
        assertTrue(rows.stream().anyMatch(f -> f.kind() == BaseKind.ROAD_MINOR && f.detail().equals("service")));
        assertTrue(rows.stream().anyMatch(f -> f.kind() == BaseKind.WATER && f.detail().equals("coastline")));
        assertTrue(rows.stream().noneMatch(f -> f.name().equals("国道213线")), "the old base map is gone");
        long changes = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM change_log WHERE entity = 'GEOGRAPHY' AND entity_id = 100").mapTo(Long.class).one());
        assertEquals(1, changes, "every workstation's map hears of it");
        String audit = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT detail FROM audit_log WHERE action = 'IMPORT' ORDER BY id DESC").mapTo(String.class).first());
        assertTrue(audit.contains("somes-island.osm.pbf") && audit.contains("place names"), audit);
    }

    @Test
    void theDistrictsGeographyCutsTheExtract() throws Exception {
        // a street covering the island's southern half only: nothing kept may lie north of it (plus the margin)
        db.jdbi().useHandle(h -> h.execute("INSERT INTO street (code, name, boundary_wkt, datum) VALUES ('S1', '南半岛', "
                + "'POLYGON ((174.855 -41.265, 174.875 -41.265, 174.875 -41.258, 174.855 -41.258, 174.855 -41.265))', 'WGS84')"));
        OsmBaseMapImport.Imported done = assertInstanceOf(OsmBaseMapImport.Imported.class,
                service("ws-1", OsmExtractReader.Limits.DEFAULT).importFile(somes, "周敏"));
        assertTrue(!done.cutToFile());
        assertEquals(-41.258 + 0.005, done.cut().getMaxY(), 1e-9);
        WKTReader reader = new WKTReader();
        for (MapLayers.BaseFeature f : db.jdbi().withExtension(BaseMapDao.class, BaseMapDao::all)) {
            Geometry g = reader.read(f.wkt());
            assertTrue(g.isValid());
            assertTrue(g.getEnvelopeInternal().getMaxY() <= -41.253 + 1e-7, f.toString());
        }
    }

    @Test
    void aTruncatedFileIsANamedProblemAndLeavesTheBaseMapAlone() throws Exception {
        byte[] whole = Files.readAllBytes(somes);
        Path cutShort = dir.resolve("half.osm.pbf");
        Files.write(cutShort, java.util.Arrays.copyOf(whole, whole.length / 2));
        var outcome = service("ws-1", OsmExtractReader.Limits.DEFAULT).importFile(cutShort, "周敏");
        OsmBaseMapImport.Rejected r = assertInstanceOf(OsmBaseMapImport.Rejected.class, outcome);
        assertEquals("core.osm.truncated", r.problem().key());
        assertTrue(r.problem().in(java.util.Locale.CHINA).contains("不完整"));
        assertOldBaseMapKept();
    }

    @Test
    void aDamagedOrForeignFileIsANamedProblem() throws Exception {
        byte[] whole = Files.readAllBytes(somes);
        byte[] damaged = whole.clone();
        for (int i = 200; i < 1200; i++) {
            damaged[i] = (byte) (damaged[i] ^ 0x5a);
        }
        OsmExtractReader.Problem p = assertThrows(OsmExtractReader.Problem.class, () -> OsmExtractReader.read(
                new ByteArrayInputStream(damaged), null, OsmExtractReader.Limits.DEFAULT));
        assertTrue(p.text().key().startsWith("core.osm."), p.text().key());
        OsmExtractReader.Problem text = assertThrows(OsmExtractReader.Problem.class, () -> OsmExtractReader.read(
                new ByteArrayInputStream("id,name\n1,a\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), null,
                OsmExtractReader.Limits.DEFAULT));
        assertTrue(text.text().key().startsWith("core.osm."), text.text().key());
    }

    @Test
    void beyondTheLimitsTheImportStopsWithAClearProblem() {
        var nodes = service("ws-1", new OsmExtractReader.Limits(500, 1000)).importFile(somes, "周敏");
        assertEquals("core.osm.tooManyNodes", assertInstanceOf(OsmBaseMapImport.Rejected.class, nodes).problem().key());
        var features = service("ws-1", new OsmExtractReader.Limits(10_000, 3)).importFile(somes, "周敏");
        assertEquals("core.osm.tooManyFeatures",
                assertInstanceOf(OsmBaseMapImport.Rejected.class, features).problem().key());
        assertOldBaseMapKept();
    }

    @Test
    void aFailureInsideTheTransactionWritesNothing() {
        // the database refuses one of the new rows after the old ones were deleted: the whole replacement is rolled back
        db.jdbi().useHandle(h -> h.execute(
                "ALTER TABLE base_map_feature ADD CONSTRAINT no_island CHECK (name <> 'Matiu/Somes Island')"));
        OsmBaseMapImport failing = service("ws-1", OsmExtractReader.Limits.DEFAULT);
        assertThrows(RuntimeException.class, () -> failing.importFile(somes, "周敏"));
        assertOldBaseMapKept();
    }

    @Test
    void onlySetUpMayImport() {
        OsmBaseMapImport asDuty = new OsmBaseMapImport(db.jdbi(), new ChangeRecorder(clock, "ws-1"), clock,
                AccessGuard.of(db.jdbi(), clock, DUTY), OsmExtractReader.Limits.DEFAULT);
        assertThrows(AccessDenied.class, () -> asDuty.importFile(somes, "李明"));
        assertOldBaseMapKept();
    }

    @Test
    void aMillionNodeExtractCostsOnlyTheNodesOfTheDistrict() throws Exception {
        // 1,000 × 1,000 nodes over a degree square (about 100 km), a street along every row; the district is a
        // 0.05° street in it. The import may keep 20,000 nodes: it passes because it keeps only those near the district.
        Path big = dir.resolve("grid.osm.pbf");
        SyntheticPbf.write(big, 1000, 22.0, 113.0);
        db.jdbi().useHandle(h -> h.execute("INSERT INTO street (code, name, boundary_wkt, datum) VALUES ('S1', '新安街道', "
                + "'POLYGON ((113.4002 22.4002, 113.4502 22.4002, 113.4502 22.4502, 113.4002 22.4502, 113.4002 22.4002))', 'WGS84')"));
        var outcome = service("ws-1", new OsmExtractReader.Limits(20_000, 300_000)).importFile(big, "周敏");
        OsmBaseMapImport.Imported done = assertInstanceOf(OsmBaseMapImport.Imported.class, outcome, outcome.toString());
        // rows of the grid inside 22.3952 .. 22.4552 (the district and 0.005° round it): 60 streets, each clipped once
        assertEquals(60, done.count(BaseKind.ROAD_MINOR), done.summary());
        WKTReader reader = new WKTReader();
        Envelope cut = new Envelope(done.cut());
        cut.expandBy(1e-7); // stored to 7 decimals
        for (MapLayers.BaseFeature f : db.jdbi().withExtension(BaseMapDao.class, BaseMapDao::all)) {
            Envelope e = reader.read(f.wkt()).getEnvelopeInternal();
            assertTrue(cut.covers(e), f + " inside " + cut);
        }
        // the same file with no district: the whole square would be kept, and the limit says so in words
        db.jdbi().useHandle(h -> h.execute("DELETE FROM street"));
        var tooBig = service("ws-1", new OsmExtractReader.Limits(20_000, 300_000)).importFile(big, "周敏");
        assertEquals("core.osm.tooManyNodes", assertInstanceOf(OsmBaseMapImport.Rejected.class, tooBig).problem().key());
    }

    @Test
    void aLakeDrawnAsAMultipolygonRelationIsAssembledWithItsIsland() throws Exception {
        Path file = dir.resolve("lake.osm.pbf");
        SyntheticPbf.write(file, 100, 22.0, 113.0, true);
        db.jdbi().useHandle(h -> h.execute("INSERT INTO street (code, name, boundary_wkt, datum) VALUES ('S1', '新安街道', "
                + "'POLYGON ((113.40 22.40, 113.45 22.40, 113.45 22.45, 113.40 22.45, 113.40 22.40))', 'WGS84')"));
        OsmBaseMapImport.Imported done = assertInstanceOf(OsmBaseMapImport.Imported.class,
                service("ws-1", OsmExtractReader.Limits.DEFAULT).importFile(file, "周敏"));
        assertEquals(1, done.count(BaseKind.WATER), done.summary());
        MapLayers.BaseFeature lake = db.jdbi().withExtension(BaseMapDao.class, BaseMapDao::all).stream()
                .filter(f -> f.kind() == BaseKind.WATER).findFirst().orElseThrow();
        assertEquals("月湖", lake.name());
        Geometry g = new WKTReader().read(lake.wkt());
        assertTrue(g.isValid());
        assertEquals(0.01 * 0.01 - 0.002 * 0.002, g.getArea(), 1e-9, "the outer ring from two ways, less the island");
        assertTrue(!g.contains(g.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(113.425, 22.425))),
                "the island is a hole");
    }

    private void assertOldBaseMapKept() {
        List<MapLayers.BaseFeature> rows = db.jdbi().withExtension(BaseMapDao.class, BaseMapDao::all);
        assertEquals(1, rows.size());
        assertEquals("国道213线", rows.get(0).name());
    }
    /** Records what an import tells its job; asks for a cancel when {@code cancel} is set. */
    private static final class Recorder implements org.commandroom.core.job.JobProgress {
        final List<long[]> told = new java.util.ArrayList<>();
        boolean cancel;
        Boolean cancellable;

        @Override
        public boolean cancelRequested() {
            return cancel;
        }

        @Override
        public void progress(long done, long total) {
            told.add(new long[] {done, total});
        }

        @Override
        public void cancellable(boolean can) {
            cancellable = can;
        }
    }

    @Test
    void theJobIsToldHowMuchOfTheFileWasReadUpToAllOfItAndThenThatItCanNoLongerBeCancelled() throws Exception {
        Recorder job = new Recorder();
        var outcome = service("ws-1", OsmExtractReader.Limits.DEFAULT).importFile(somes, "周敏", job);

        assertInstanceOf(OsmBaseMapImport.Imported.class, outcome, outcome.toString());
        long size = Files.size(somes);
        assertTrue(!job.told.isEmpty());
        long[] last = job.told.get(job.told.size() - 1);
        assertEquals(size, last[0], "the whole file read");
        assertEquals(size, last[1]);
        for (int i = 1; i < job.told.size(); i++) {
            assertTrue(job.told.get(i)[0] >= job.told.get(i - 1)[0], "never backwards");
        }
        assertEquals(Boolean.FALSE, job.cancellable, "the replacement is written whole");
    }

    @Test
    void aCancelAskedForWhileTheFileIsReadLeavesTheBaseMapAsItWas() {
        Recorder job = new Recorder();
        job.cancel = true;
        assertThrows(org.commandroom.core.job.JobCancelled.class,
                () -> service("ws-1", OsmExtractReader.Limits.DEFAULT).importFile(somes, "周敏", job));
        List<MapLayers.BaseFeature> rows = db.jdbi().withExtension(BaseMapDao.class, BaseMapDao::all);
        assertEquals(List.of("国道213线"), rows.stream().map(MapLayers.BaseFeature::name).toList());
    }
}
