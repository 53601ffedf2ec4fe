package org.commandroom.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import org.commandroom.core.TestClock;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestData;
import org.commandroom.core.store.TestDb;
import org.commandroom.core.unit.UnitService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.io.WKTReader;

/** The search index on H2 and PostgreSQL: what it finds, how it ranks, and how it follows the change feed. */
class FeatureIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private static final String GRID_WKT = "POLYGON ((103.90 29.20, 103.92 29.20, 103.92 29.22, 103.90 29.22, 103.90 29.20))";

    private static final class World implements AutoCloseable {
        final Database db;
        final TestClock clock = new TestClock(NOW, ZoneId.of("Asia/Shanghai"));
        final IncidentService incidents;
        final UnitService units;
        final long station;
        final long grid;
        final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        final ChangeFeed feed;
        final List<Change> delivered = new ArrayList<>();

        World(TestDb kind) {
            db = kind.open();
            ChangeRecorder recorder = new ChangeRecorder(clock, "test");
            incidents = new IncidentService(db.jdbi(), recorder);
            units = new UnitService(db.jdbi(), recorder);
            station = TestData.station(db.jdbi());
            grid = db.jdbi().withHandle(h -> {
                h.execute("INSERT INTO street (code, name, boundary_wkt, datum) VALUES ('ST1', '玉津镇', ?, 'WGS84')", GRID_WKT);
                h.execute("INSERT INTO community (street_id, code, name, boundary_wkt, datum) "
                        + "VALUES ((SELECT id FROM street), 'C1', '滨江社区', ?, 'WGS84')", GRID_WKT);
                h.execute("INSERT INTO key_place (station_id, name, kind, lat, lon, datum) VALUES (?, '滨江小学', 'SCHOOL', 29.21, 103.91, 'WGS84')", station);
                h.execute("INSERT INTO key_place (station_id, name, kind, lat, lon, datum) VALUES (?, '滨江路农贸市场', 'MARKET', 29.211, 103.911, 'GCJ02')", station);
                h.execute("INSERT INTO camera (device_id, name, kind, lat, lon, datum) VALUES "
                        + "('51112300001310000001', '滨江路口', 'SKYNET', 29.21, 103.91, 'WGS84'), "
                        + "('51112300001310000002', '人民路口', 'SOCIAL', 29.212, 103.912, 'WGS84'), "
                        + "('51112300001320000003', '东门', 'CLASS1', 29.213, 103.913, 'WGS84')");
                h.execute("INSERT INTO patrol_unit (call_sign, kind, station_id, status, lat, lon, datum, fix_at) "
                        + "VALUES ('城关巡01', 'CAR', ?, 'AVAILABLE', 29.215, 103.915, 'WGS84', ?)", station, NOW);
                return h.createUpdate("INSERT INTO police_grid (station_id, code, name, risk_grade, boundary_wkt, datum) "
                                + "VALUES (:s, 'PG1', '滨江第一警格', 'RED', :w, 'WGS84')")
                        .bind("s", station).bind("w", GRID_WKT).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            });
            feed = new ChangeFeed(db.jdbi(), scheduler, Runnable::run, clock, Duration.ofMillis(250), Duration.ofSeconds(10));
            feed.addListener(delivered::addAll);
            feed.poll(); // from here on, writes arrive as changes
        }

        long incident(String no, Duration ago, IncidentStatus status) {
            return incidents.record(new Incident(0, no, clock.instant().minus(ago), "13800001234", "滨江路88号",
                    GeoPoint.wgs84(29.205, 103.905), IncidentType.FAMILY_DISPUTE, 2, null, station, grid, status,
                    status.isOpen() ? null : clock.instant(), 0));
        }

        List<Change> poll() {
            delivered.clear();
            feed.poll();
            return List.copyOf(delivered);
        }

        @Override
        public void close() {
            scheduler.shutdownNow();
            db.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void findsIncidentsUnitsCamerasGridsCommunitiesAndPlacesWithTheirPositions(TestDb kind) throws Exception {
        try (World w = new World(kind)) {
            w.incident("J20261123-00012", Duration.ofMinutes(5), IncidentStatus.NEW);
            w.incident("J20261101-00003", Duration.ofDays(22), IncidentStatus.CLOSED);
            FeatureIndex index = new FeatureIndex(w.db.jdbi(), w.clock, Duration.ofDays(7)).reload();

            SearchHit incident = only(index.search("j20261123-00012", 10));
            assertEquals(FeatureKind.INCIDENT, incident.kind());
            assertEquals(SearchHit.Match.EXACT, incident.match(), "typed in lower case, still exact");
            assertEquals("滨江路88号", incident.detail());
            assertEquals("FAMILY_DISPUTE", incident.tag());
            assertEquals(29.205, incident.position().lat(), 1e-9);
            assertTrue(index.search("00003", 10).isEmpty(), "a closed incident older than the window is not indexed");

            SearchHit unit = only(index.search("巡01", 10));
            assertEquals(FeatureKind.UNIT, unit.kind());
            assertEquals("城关巡01", unit.title());
            assertEquals("CAR", unit.tag());

            List<SearchHit> cameras = index.search("5111230000131", 10);
            assertEquals(List.of("51112300001310000001", "51112300001310000002"), cameras.stream().map(SearchHit::id).toList(),
                    "device ids by prefix, in order");
            assertEquals(SearchHit.Match.EXACT, only(index.search("51112300001320000003", 10)).match());
            assertEquals("东门", only(index.search("51112300001320000003", 10)).detail());
            assertTrue(index.search("51", 10).isEmpty(), "two digits are too few to list cameras");
            assertTrue(index.search("1310000001", 10).isEmpty(), "device ids match from their start only");

            SearchHit grid = only(index.search("第一警格", 10));
            assertEquals(FeatureKind.POLICE_GRID, grid.kind());
            assertEquals("PG1", grid.detail(), "a grid shows its code");
            assertTrue(new WKTReader().read(GRID_WKT).contains(new WKTReader().read(
                    "POINT (" + grid.position().lon() + " " + grid.position().lat() + ")")), "flies to a point inside the grid");

            List<SearchHit> binjiang = index.search("滨江", 10);
            assertEquals(List.of(FeatureKind.POLICE_GRID, FeatureKind.COMMUNITY, FeatureKind.KEY_PLACE, FeatureKind.KEY_PLACE),
                    binjiang.stream().map(SearchHit::kind).toList(), "equally good matches in kind order: " + binjiang);
            SearchHit school = index.search("滨江小学", 10).get(0);
            assertEquals(SearchHit.Match.EXACT, school.match(), "the exact name first");
            assertEquals("SCHOOL", school.tag());
            SearchHit market = index.search("农贸", 10).get(0);
            assertEquals(Datum.GCJ02, market.position().datum(), "a position keeps its datum");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void followsTheChangeFeedForNewAndClosedIncidentsMovedUnitsAndImportedCameras(TestDb kind) {
        try (World w = new World(kind)) {
            FeatureIndex index = new FeatureIndex(w.db.jdbi(), w.clock, Duration.ofDays(7)).reload();
            assertTrue(index.search("J20261123-00077", 5).isEmpty());

            long id = w.incident("J20261123-00077", Duration.ofMinutes(1), IncidentStatus.NEW);
            long unit = w.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM patrol_unit").mapTo(Long.class).one());
            w.units.reportPosition(unit, GeoPoint.wgs84(29.25, 103.95), 90.0, NOW);
            List<Change> changes = w.poll();
            assertTrue(FeatureIndex.concerns(changes));
            index.apply(changes);
            assertEquals(Long.toString(id), only(index.search("00077", 5)).id(), "a new incident is found once its change arrives");
            assertEquals(29.25, only(index.search("城关巡01", 5)).position().lat(), 1e-9, "a unit is found where it reported last");

            // closed and older than the window: leaves the index
            w.clock.advance(Duration.ofDays(8));
            var incident = w.db.jdbi().withExtension(org.commandroom.core.incident.IncidentDao.class, d -> d.findByNumber("J20261123-00077")).orElseThrow();
            w.incidents.changeStatus(incident, IncidentStatus.CLOSED, w.clock.instant());
            index.apply(w.poll());
            assertTrue(index.search("00077", 5).isEmpty(), "closed long ago: no longer offered");

            // cameras imported by another workstation: the static part is read again
            w.db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO camera (device_id, name, kind, lat, lon, datum) VALUES "
                        + "('44030600001310000009', '新安路口', 'SKYNET', 22.6, 113.9, 'WGS84')");
                new ChangeRecorder(w.clock, "other").record(h, Entity.CAMERA, 99, ChangeOp.INSERT);
            });
            index.apply(w.poll());
            assertEquals("新安路口", only(index.search("440306", 5)).detail());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDb.class, names = "H2")
    void anotherSourceSuchAsAnAddressGazetteerIsMergedAndRankedWithTheFeatures(TestDb kind) {
        try (World w = new World(kind)) {
            FeatureIndex index = new FeatureIndex(w.db.jdbi(), w.clock, Duration.ofDays(7)).reload();
            SearchSource gazetteer = (query, limit) -> SearchHit.matchOf("滨江路88号", SearchHit.normalise(query)) == null ? List.of()
                    : List.of(new SearchHit(FeatureKind.ADDRESS, "A1", "滨江路88号", "玉津镇", "", GeoPoint.wgs84(29.2, 103.9),
                            SearchHit.matchOf("滨江路88号", SearchHit.normalise(query))));
            FeatureSearch search = new FeatureSearch(List.of(index));
            search.addSource(gazetteer);
            List<SearchHit> hits = search.search("滨江路", 10);
            assertEquals(List.of(FeatureKind.KEY_PLACE, FeatureKind.ADDRESS), hits.stream().map(SearchHit::kind).toList(),
                    "equally good (prefix) matches: the console's own features first: " + hits);
            List<SearchHit> exact = search.search("滨江路88号", 10);
            assertEquals(FeatureKind.ADDRESS, exact.get(0).kind(), "an exact address beats everything else");
            assertEquals(1, search.search("滨江", 1).size(), "the limit holds across sources");
            assertTrue(search.search("  ", 10).isEmpty());
        }
    }

    private static SearchHit only(List<SearchHit> hits) {
        assertEquals(1, hits.size(), "one hit: " + hits);
        return hits.get(0);
    }
}
