package org.commandroom.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commandroom.core.camera.CameraDao;
import org.commandroom.core.geo.GeoDao;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Rows;
import org.commandroom.core.store.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** The generator against a small county (fast); {@link DemoProfileEndToEndTest} runs the real DEMO profile. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCountyGeneratorTest {

    static final DemoProfile SMALL = new DemoProfile("SMALL", "测试县公安局", "511123", 29.21, 103.95, 6.0,
            3, 1, 3, 12, 120, 12, 4, 12, 300, 8_000, 60);
    static final Instant END = Instant.parse("2026-11-23T12:30:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final GeometryFactory GF = new GeometryFactory();

    private Database db;
    private Jdbi jdbi;
    private GenerationReport report;
    private final List<GenerationProgress> progress = new ArrayList<>();

    @BeforeAll
    void generateOnce() {
        db = TestDatabases.h2();
        jdbi = db.jdbi();
        assertTrue(DemoCountyGenerator.isEmpty(jdbi));
        report = new DemoCountyGenerator(jdbi, SMALL, 7L).generate(END, progress::add);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void theSameSeedGivesTheSameDatabaseAndAnotherSeedADifferentOne() {
        String incidents = "SELECT incident_no, received_at, caller_number, address, lat, lon, incident_type, priority, "
                + "description, station_id, police_grid_id, status, closed_at FROM incident ORDER BY incident_no";
        String orders = "SELECT order_no, kind, incident_id, unit_id, assignee_officer_id, status, created_at, issued_at, "
                + "signed_at, fed_back_at, closed_at FROM work_order ORDER BY order_no";
        String grids = "SELECT code, name, boundary_wkt FROM micro_grid ORDER BY code";
        String houses = "SELECT x.natural_key, x.kind, x.name, x.landlord, x.landlord_phone, x.occupants, x.risk_factors, x.stars, "
                + "x.anchor_date, x.registered_on, hi.due_date, hi.deadline, hi.findings, hi.hazards, w.order_no, w.status "
                + "FROM house x JOIN house_inspection hi ON hi.house_id = x.id LEFT JOIN work_order w ON w.id = hi.order_id "
                + "ORDER BY x.natural_key, hi.due_date";
        try (Database same = TestDatabases.h2(); Database other = TestDatabases.h2()) {
            new DemoCountyGenerator(same.jdbi(), SMALL, 7L).generate(END, null);
            new DemoCountyGenerator(other.jdbi(), SMALL, 8L).generate(END, null);
            assertEquals(DemoChecks.hash(jdbi, incidents), DemoChecks.hash(same.jdbi(), incidents));
            assertEquals(DemoChecks.hash(jdbi, orders), DemoChecks.hash(same.jdbi(), orders));
            assertEquals(DemoChecks.hash(jdbi, grids), DemoChecks.hash(same.jdbi(), grids));
            assertEquals(DemoChecks.hash(jdbi, houses), DemoChecks.hash(same.jdbi(), houses));
            assertNotEquals(DemoChecks.hash(jdbi, houses), DemoChecks.hash(other.jdbi(), houses));
            assertNotEquals(DemoChecks.hash(jdbi, incidents), DemoChecks.hash(other.jdbi(), incidents));
            assertNotEquals(DemoChecks.hash(jdbi, grids), DemoChecks.hash(other.jdbi(), grids));
        }
    }

    @Test
    void countsFollowTheProfile() {
        assertEquals(1, report.count("bureau"));
        assertEquals(SMALL.stationsAndPosts(), report.count("station"));
        assertEquals(SMALL.posts(), count("SELECT COUNT(*) FROM station WHERE kind = 'POST'"));
        assertEquals(SMALL.streets(), report.count("street"));
        assertEquals(SMALL.communities(), report.count("community"));
        assertEquals(SMALL.microGrids(), report.count("micro_grid"));
        assertEquals(SMALL.policeGrids(), report.count("police_grid"));
        assertEquals(SMALL.microGrids(), report.count("police_grid_micro_grid"), "every micro-grid matched to a police grid");
        assertEquals(SMALL.units(), report.count("patrol_unit"));
        assertEquals(SMALL.cameras(), report.count("camera"));
        assertEquals(SMALL.keyPatrolZones(), report.count("key_patrol_zone"));
        assertEquals(4L * SMALL.stationsAndPosts(), report.count("team"));
        long incidents = report.count("incident");
        assertTrue(Math.abs(incidents - SMALL.incidentsPerYear()) < SMALL.incidentsPerYear() * 0.06, "incidents: " + incidents);
        assertEquals(0, count("SELECT COUNT(*) FROM police_grid WHERE officer_id IS NULL"), "every police grid has its officer");
        assertTrue(count("SELECT COUNT(*) FROM officer WHERE rank_kind = 'AUXILIARY'") > 0);
        assertTrue(count("SELECT COUNT(*) FROM key_place") >= SMALL.communities() * 2);
        assertTrue(count("SELECT COUNT(*) FROM deployment_point") > 0);
        assertEquals(SMALL.communities(), count("SELECT COUNT(*) FROM police_office"));
        assertEquals(0, count("SELECT COUNT(*) FROM patrol_unit u WHERE NOT EXISTS (SELECT 1 FROM unit_crew c WHERE c.unit_id = u.id)"),
                "every unit has a crew");
        assertEquals(0, count("SELECT COUNT(*) FROM patrol_unit u WHERE kind = 'FOOT' AND "
                + "(SELECT COUNT(*) FROM unit_crew c WHERE c.unit_id = u.id) <> 3"), "foot patrols go three to a group");
    }

    @Test
    void generationWritesNoChangeLogAndRecordsWhatWasGenerated() {
        assertEquals(0, count("SELECT COUNT(*) FROM change_log"));
        Map<String, String> settings = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT setting_key, setting_value FROM app_setting")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> settings.put(e.getKey(), e.getValue())));
        assertEquals("SMALL", settings.get(DemoCountyGenerator.SETTING_PROFILE));
        assertEquals("7", settings.get(DemoCountyGenerator.SETTING_SEED));
        assertEquals(END.toString(), settings.get(DemoCountyGenerator.SETTING_END));
        assertEquals("COMPLETE", settings.get(DemoCountyGenerator.SETTING_STATE));
        assertFalse(DemoCountyGenerator.isEmpty(jdbi));
        assertThrows(IllegalStateException.class, () -> new DemoCountyGenerator(jdbi, SMALL, 7L).generate(END, null));
    }

    @Test
    void theLiveStateIsReportedReadyBeforeTheHistoryIsWritten() {
        int firstReady = -1;
        int firstHistory = -1;
        for (int i = 0; i < progress.size(); i++) {
            if (firstReady < 0 && progress.get(i).liveReady()) {
                firstReady = i;
            }
            if (firstHistory < 0 && progress.get(i).phase().equals("history")) {
                firstHistory = i;
            }
        }
        assertTrue(firstReady >= 0 && firstHistory > firstReady, progress.toString());
        assertEquals(1.0, progress.get(progress.size() - 1).fraction());
        assertTrue(report.phaseTimes().containsKey("live") && report.phaseTimes().containsKey("history"));
    }

    @Test
    void microGridsNestInCommunitiesInStreetsAndPoliceGridsInTheirStation() {
        GeoDao geo = jdbi.onDemand(GeoDao.class);
        Map<Long, Geometry> streets = new HashMap<>();
        geo.streets().forEach(a -> streets.put(a.id(), DemoChecks.wkt(a.boundaryWkt())));
        Map<Long, Geometry> communities = new HashMap<>();
        for (GeoDao.Area c : geo.communities()) {
            Geometry g = DemoChecks.wkt(c.boundaryWkt());
            communities.put(c.id(), g);
            assertTrue(DemoChecks.within(g, streets.get(c.parentId())), c.name() + " lies outside its street");
        }
        for (GeoDao.Area m : geo.microGrids()) {
            assertTrue(DemoChecks.within(DemoChecks.wkt(m.boundaryWkt()), communities.get(m.parentId())),
                    m.name() + " lies outside its community");
        }
        Map<Long, Geometry> stations = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, boundary_wkt FROM station")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), DemoChecks.wkt(rs.getString(2))))
                .forEach(e -> stations.put(e.getKey(), e.getValue())));
        for (GeoDao.Area p : geo.policeGrids()) {
            assertTrue(DemoChecks.within(DemoChecks.wkt(p.boundaryWkt()), stations.get(p.parentId())),
                    p.name() + " lies outside its station's area");
        }
        // police grids are drawn independently: at least one crosses a community line
        long crossing = geo.policeGrids().stream().map(p -> DemoChecks.wkt(p.boundaryWkt()))
                .filter(p -> communities.values().stream().noneMatch(c -> DemoChecks.within(p, c))).count();
        assertTrue(crossing > 0);
    }

    @Test
    void everyIncidentLiesInTheDistrictAndInThePoliceGridAndStationItIsAssignedTo() {
        GeoDao geo = jdbi.onDemand(GeoDao.class);
        List<Geometry> streetShapes = geo.streets().stream().map(a -> DemoChecks.wkt(a.boundaryWkt())).toList();
        PreparedGeometry district = PreparedGeometryFactory.prepare(UnaryUnionOp.union(streetShapes).buffer(1e-7));
        Map<Long, PreparedGeometry> grids = new HashMap<>();
        Map<Long, Long> stationOfGrid = new HashMap<>();
        for (GeoDao.Area g : geo.policeGrids()) {
            grids.put(g.id(), PreparedGeometryFactory.prepare(DemoChecks.wkt(g.boundaryWkt()).buffer(1e-7)));
            stationOfGrid.put(g.id(), g.parentId());
        }
        List<long[]> bad = new ArrayList<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, lat, lon, police_grid_id, station_id FROM incident")
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4), rs.getLong(5)})
                .forEach(r -> {
                    Point p = GF.createPoint(new Coordinate((Double) r[2], (Double) r[1]));
                    long grid = (Long) r[3];
                    if (!district.covers(p) || !grids.get(grid).covers(p) || !stationOfGrid.get(grid).equals(r[4])) {
                        bad.add(new long[] {(Long) r[0]});
                    }
                }));
        assertTrue(bad.isEmpty(), bad.size() + " incidents outside their grid or the district");
    }

    @Test
    void theCategoryMixAndTheDailyAndWeeklyRhythmLookLike110Data() {
        Map<IncidentType, Integer> byType = new EnumMap<>(IncidentType.class);
        int[] byHour = new int[24];
        int[] byWeekday = new int[8];
        int[] total = {0};
        jdbi.useHandle(h -> h.createQuery("SELECT incident_type, received_at FROM incident")
                .map((rs, ctx) -> Map.entry(IncidentType.valueOf(rs.getString(1)), Rows.instant(rs, "received_at")))
                .forEach(e -> {
                    byType.merge(e.getKey(), 1, Integer::sum);
                    ZonedDateTime local = e.getValue().atZone(ZONE);
                    byHour[local.getHour()]++;
                    byWeekday[local.getDayOfWeek().getValue()]++;
                    total[0]++;
                }));
        assertEquals(IncidentType.values().length, byType.size(), "every incident type occurs: " + byType.keySet());
        int disputesAndHelp = 0;
        for (Map.Entry<IncidentType, Integer> e : byType.entrySet()) {
            IncidentCategory cat = e.getKey().category();
            if (cat == IncidentCategory.DISPUTE || cat == IncidentCategory.HELP) {
                disputesAndHelp += e.getValue();
            }
        }
        assertTrue(disputesAndHelp > total[0] * 0.3, "disputes and help calls are a large share: " + disputesAndHelp);
        assertTrue(byType.get(IncidentType.ROBBERY) < byType.get(IncidentType.FAMILY_DISPUTE) / 5, "robbery is rare");
        int quiet = byHour[3] + byHour[4] + byHour[5];
        int evening = byHour[20] + byHour[21];
        assertTrue(quiet * 2 < evening, "3-6 am " + quiet + " vs 8-10 pm " + evening);
        assertTrue(byWeekday[6] > byWeekday[2], "Saturdays busier than Tuesdays");
        int fightsAtNight = count("SELECT COUNT(*) FROM incident WHERE incident_type = 'FIGHT'") == 0 ? 0 : nightShare("FIGHT");
        assertTrue(fightsAtNight > 40, "fights mostly at night: " + fightsAtNight + "%");
    }

    private int nightShare(String type) {
        int[] night = {0};
        int[] all = {0};
        jdbi.useHandle(h -> h.createQuery("SELECT received_at FROM incident WHERE incident_type = :t").bind("t", type)
                .map((rs, ctx) -> Rows.instant(rs, "received_at")).forEach(t -> {
                    int hour = t.atZone(ZONE).getHour();
                    all[0]++;
                    if (hour >= 20 || hour <= 2) {
                        night[0]++;
                    }
                }));
        return night[0] * 100 / Math.max(1, all[0]);
    }

    @Test
    void repeatCallersFromOneAddressAreInTheHistory() {
        Map<String, List<Instant>> calls = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT caller_number, address, received_at FROM incident WHERE caller_number IN "
                        + "(SELECT caller_number FROM incident GROUP BY caller_number, address HAVING COUNT(*) >= 3) "
                        + "ORDER BY received_at")
                .map((rs, ctx) -> Map.entry(rs.getString(1) + "|" + rs.getString(2), Rows.instant(rs, "received_at")))
                .forEach(e -> calls.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        long within30Days = calls.values().stream().filter(times -> {
            for (int i = 0; i + 2 < times.size(); i++) {
                if (Duration.between(times.get(i), times.get(i + 2)).toDays() < 30) {
                    return true;
                }
            }
            return false;
        }).count();
        assertTrue(within30Days >= 5, "repeat callers: " + within30Days);
    }

    @Test
    void atTheEndInstantThereIsAnOpenQueueMovingUnitsAndOpenOrders() {
        long open = count("SELECT COUNT(*) FROM incident WHERE status IN ('NEW', 'DISPATCHED', 'ON_SCENE')");
        assertTrue(open >= 8 && open <= 30, "open incidents: " + open);
        assertEquals(0, countAt("SELECT COUNT(*) FROM incident WHERE status IN ('NEW', 'DISPATCHED', 'ON_SCENE') AND received_at < :t",
                END.minus(Duration.ofMinutes(90))), "open incidents are from the last 90 minutes");
        assertTrue(count("SELECT COUNT(DISTINCT status) FROM incident WHERE status IN ('NEW', 'DISPATCHED', 'ON_SCENE')") >= 2);
        assertEquals(0, countAt("SELECT COUNT(*) FROM incident WHERE received_at > :t OR closed_at > :t", END));
        long onDuty = count("SELECT COUNT(*) FROM patrol_unit WHERE status <> 'OFF_DUTY'");
        long fresh = countAt("SELECT COUNT(*) FROM patrol_unit WHERE status <> 'OFF_DUTY' AND fix_at >= :t", END.minusSeconds(120));
        assertTrue(fresh * 2 > onDuty, fresh + " of " + onDuty + " units on duty have a fix from the last two minutes");
        assertEquals(0, countAt("SELECT COUNT(*) FROM patrol_unit WHERE fix_at > :t", END));
        assertTrue(count("SELECT COUNT(DISTINCT status) FROM patrol_unit") >= 3);
        assertTrue(count("SELECT COUNT(*) FROM work_order WHERE status = 'ISSUED'") > 0, "orders waiting to be signed");
        assertTrue(countAt("SELECT COUNT(*) FROM work_order WHERE status = 'ISSUED' AND sign_deadline < :t", END) > 0,
                "orders overdue for signing");
        assertTrue(count("SELECT COUNT(*) FROM work_order WHERE status = 'SIGNED'") > 0, "orders awaiting feedback");
        assertTrue(countAt("SELECT COUNT(*) FROM work_order WHERE status = 'SIGNED' AND feedback_deadline < :t", END) > 0,
                "orders overdue for feedback");
    }

    private static final java.util.Set<Object> UNIT_REPORTS = java.util.Set.of("EN_ROUTE", "ON_SCENE", "CLEARED");

    @Test
    void dispatchedUnitsReportEnRouteOnSceneAndClearedAndTheIncidentsCarryTheirTimes() {
        // The order's own times: after the sign-for, in order, cleared at the feedback; each with its trail event.
        assertEquals(0, count("SELECT COUNT(*) FROM work_order WHERE en_route_at < signed_at OR on_scene_at < en_route_at "
                + "OR cleared_at < on_scene_at OR (en_route_at IS NOT NULL AND signed_at IS NULL) "
                + "OR (on_scene_at IS NOT NULL AND en_route_at IS NULL) OR cleared_at IS DISTINCT FROM "
                + "(CASE WHEN cleared_at IS NULL THEN NULL ELSE fed_back_at END)"));
        for (String[] step : new String[][] {{"EN_ROUTE", "en_route_at"}, {"ON_SCENE", "on_scene_at"},
            {"CLEARED", "cleared_at"}}) {
            String inTrail = "EXISTS (SELECT 1 FROM work_order_event e WHERE e.order_id = o.id AND e.event = '" + step[0]
                    + "' AND e.at = o." + step[1] + ")";
            assertEquals(0, count("SELECT COUNT(*) FROM work_order o WHERE (o." + step[1] + " IS NOT NULL AND NOT " + inTrail
                    + ") OR (o." + step[1] + " IS NULL AND EXISTS (SELECT 1 FROM work_order_event e WHERE e.order_id = o.id "
                    + "AND e.event = '" + step[0] + "'))"), step[0] + " in the trail exactly when its column is set");
        }
        long closedDispatches = count("SELECT COUNT(*) FROM work_order WHERE kind = 'DISPATCH' AND status = 'CLOSED'");
        assertEquals(closedDispatches, count("SELECT COUNT(*) FROM work_order WHERE kind = 'DISPATCH' AND status = 'CLOSED' "
                + "AND on_scene_at IS NOT NULL AND cleared_at IS NOT NULL"), "every closed dispatch arrived and cleared");
        assertEquals(0, count("SELECT COUNT(*) FROM work_order o JOIN incident i ON i.id = o.incident_id "
                + "WHERE i.status = 'DISPATCHED' AND o.on_scene_at IS NOT NULL"), "not on scene while the incident is not");
        assertEquals(0, count("SELECT COUNT(*) FROM work_order o JOIN incident i ON i.id = o.incident_id "
                + "WHERE i.status = 'ON_SCENE' AND o.kind = 'DISPATCH' AND o.on_scene_at IS NULL"));
        // The incidents' four times by the live rule (OrderDao.refreshIncidentTimes), for every incident.
        for (String rule : List.of(
                "dispatched_at IS DISTINCT FROM (SELECT MIN(o.created_at) FROM work_order o WHERE o.incident_id = i.id "
                        + "AND o.kind = 'DISPATCH')",
                "en_route_at IS DISTINCT FROM (SELECT MIN(o.en_route_at) FROM work_order o WHERE o.incident_id = i.id)",
                "on_scene_at IS DISTINCT FROM (SELECT MIN(o.on_scene_at) FROM work_order o WHERE o.incident_id = i.id)",
                "cleared_at IS DISTINCT FROM (SELECT MAX(o.cleared_at) FROM work_order o WHERE o.incident_id = i.id)")) {
            assertEquals(0, count("SELECT COUNT(*) FROM incident i WHERE i." + rule), rule);
        }
        // Dispatch to arrival as the generator draws it: 3-15 minutes plus the minute to set off.
        long minutes = count("SELECT AVG(DATEDIFF('SECOND', dispatched_at, on_scene_at)) / 60 FROM incident "
                + "WHERE on_scene_at IS NOT NULL AND status = 'CLOSED'");
        assertTrue(minutes >= 4 && minutes <= 14, minutes + " min on average");
    }

    @Test
    void everyOrderTrailIsConsistentWithItsTimestamps() {
        assertTrue(count("SELECT COUNT(*) FROM work_order WHERE kind = 'DISPUTE_FOLLOW_UP'") > 300, "10-15 follow-ups a day");
        assertTrue(count("SELECT COUNT(*) FROM work_order WHERE kind = 'DISPATCH'") > 0);
        List<String> problems = new ArrayList<>();
        Map<Long, List<Object[]>> events = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT order_id, event, at FROM work_order_event ORDER BY order_id, at, id")
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), Rows.instant(rs, "at")})
                .forEach(r -> events.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r)));
        jdbi.useHandle(h -> h.createQuery("SELECT id, status, created_at, issued_at, signed_at, fed_back_at, closed_at, sign_deadline "
                        + "FROM work_order")
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "issued_at"), Rows.instant(rs, "signed_at"), Rows.instant(rs, "fed_back_at"),
                    Rows.instant(rs, "closed_at"), Rows.instant(rs, "sign_deadline")})
                .forEach(o -> {
                    String[] steps = {"CREATED", "ISSUED", "SIGNED", "FED_BACK", "CLOSED"};
                    Instant previous = null;
                    String reached = null;
                    for (int i = 0; i < steps.length; i++) {
                        Instant at = (Instant) o[2 + i];
                        if (at == null) {
                            continue;
                        }
                        if (reached != null && !reached.equals(steps[i - 1])) {
                            problems.add(o[0] + ": step " + steps[i] + " without " + steps[i - 1]);
                        }
                        if (previous != null && at.isBefore(previous)) {
                            problems.add(o[0] + ": " + steps[i] + " before the previous step");
                        }
                        if (at.isAfter(END)) {
                            problems.add(o[0] + ": " + steps[i] + " after the end instant");
                        }
                        Instant eventAt = null;
                        for (Object[] e : events.getOrDefault((Long) o[0], List.of())) {
                            if (e[1].equals(steps[i])) {
                                eventAt = (Instant) e[2];
                            }
                        }
                        if (!at.equals(eventAt)) {
                            problems.add(o[0] + ": " + steps[i] + " event at " + eventAt + " but column says " + at);
                        }
                        previous = at;
                        reached = steps[i];
                    }
                    if (!o[1].equals(reached)) {
                        problems.add(o[0] + ": status " + o[1] + " but last step " + reached);
                    }
                    Instant issued = (Instant) o[3];
                    if (issued != null && !issued.plus(Duration.ofMinutes(30)).equals(o[7])) {
                        problems.add(o[0] + ": sign deadline is not issue + 30 min");
                    }
                    long trailSteps = events.getOrDefault((Long) o[0], List.of()).stream()
                            .filter(e -> !e[1].equals("ESCALATED") && !e[1].equals("NOTE") && !UNIT_REPORTS.contains(e[1]))
                            .count();
                    long columnSteps = java.util.stream.IntStream.range(2, 7).filter(i -> o[i] != null).count();
                    if (trailSteps != columnSteps) {
                        problems.add(o[0] + ": " + trailSteps + " trail steps for " + columnSteps + " timestamps");
                    }
                }));
        assertTrue(problems.isEmpty(), problems.size() + " problems, e.g. " + problems.subList(0, Math.min(5, problems.size())));
        assertTrue(count("SELECT COUNT(*) FROM work_order_event WHERE event = 'ESCALATED'") > 0, "some orders were overdue");
        assertEquals(count("SELECT COUNT(*) FROM work_order_event WHERE event = 'ESCALATED'"),
                count("SELECT COUNT(*) FROM order_escalation"), "each missed deadline recorded once, as the console does");
    }

    @Test
    void theBaseMapHasMajorAndMinorRoadsAndWaterInsideTheCountyWithTheirNames() throws Exception {
        var features = jdbi.onDemand(org.commandroom.core.geo.BaseMapDao.class).all();
        Geometry county = UnaryUnionOp.union(jdbi.withExtension(GeoDao.class, GeoDao::streets).stream()
                .map(a -> read(a.boundaryWkt())).toList()).buffer(1e-6);
        Map<org.commandroom.core.geo.MapLayers.BaseKind, Integer> byKind = new EnumMap<>(org.commandroom.core.geo.MapLayers.BaseKind.class);
        double roadKm = 0;
        for (var f : features) {
            byKind.merge(f.kind(), 1, Integer::sum);
            Geometry g = read(f.wkt());
            assertFalse(f.name().isBlank(), "every road and water has a name: " + f);
            assertEquals(org.commandroom.core.geo.Datum.WGS84, f.datum());
            assertTrue(county.covers(g), f.name() + " lies inside the county");
            if (f.kind() == org.commandroom.core.geo.MapLayers.BaseKind.WATER) {
                assertEquals(2, g.getDimension(), f.name() + " is an area");
            } else {
                assertEquals(1, g.getDimension(), f.name() + " is a line");
                roadKm += g.getLength() * 100; // degrees to roughly kilometres at this latitude
            }
        }
        assertTrue(byKind.getOrDefault(org.commandroom.core.geo.MapLayers.BaseKind.ROAD_MAJOR, 0) >= SMALL.streets(),
                "a trunk road, a ring road and a road to each town: " + byKind);
        assertTrue(byKind.getOrDefault(org.commandroom.core.geo.MapLayers.BaseKind.ROAD_MINOR, 0) >= 10, "street grids: " + byKind);
        assertEquals(2, byKind.get(org.commandroom.core.geo.MapLayers.BaseKind.WATER), "a river and a lake: " + byKind);
        assertTrue(roadKm > 30, "a plausible network, " + Math.round(roadKm) + " km");
        assertEquals(features.size(), report.count("base_map_feature"));
    }

    private static Geometry read(String wkt) {
        try {
            return new org.locationtech.jts.io.WKTReader().read(wkt);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void camerasHaveTwentyDigitIdsAllKindsAndSomeAreOffline() {
        assertEquals(0, count("SELECT COUNT(*) FROM camera WHERE LENGTH(device_id) <> 20"));
        assertTrue(count("SELECT COUNT(DISTINCT kind) FROM camera") == 5);
        long offline = jdbi.onDemand(CameraDao.class).countOffline();
        assertTrue(offline > 0 && offline < SMALL.cameras() / 4, "offline: " + offline);
        assertTrue(count("SELECT COUNT(*) FROM camera WHERE device_id LIKE '51112300%'") == SMALL.cameras());
    }

    @Test
    void everyStoredPositionSaysItIsWgs84() {
        for (String table : List.of("street", "community", "micro_grid", "police_grid", "key_patrol_zone", "deployment_point",
                "key_place", "police_office", "camera", "patrol_unit", "incident", "work_order", "base_map_feature")) {
            assertEquals(0, count("SELECT COUNT(*) FROM " + table + " WHERE datum <> 'WGS84'"), table);
        }
        assertTrue(count("SELECT COUNT(*) FROM incident WHERE lat BETWEEN 29.0 AND 29.4 AND lon BETWEEN 103.7 AND 104.2")
                == report.count("incident"), "incidents around Qianwei");
    }

    @Test
    void everyPoliceGridHasAHandfulOfHousesAtAddressesItsCallsNamed() {
        Map<Long, Long> perGrid = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT g.id, (SELECT COUNT(*) FROM house x WHERE x.police_grid_id = g.id) "
                        + "FROM police_grid g").map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> perGrid.put(e.getKey(), e.getValue())));
        assertEquals(SMALL.policeGrids(), perGrid.size());
        perGrid.forEach((g, n) -> assertTrue(n >= HousePhase.MIN_PER_GRID && n <= HousePhase.MAX_PER_GRID,
                "police grid " + g + " has " + n + " houses"));
        assertEquals(report.count("house"), count("SELECT COUNT(*) FROM house"));
        assertEquals(0, count("SELECT COUNT(*) FROM house WHERE station_id IS NULL OR community_id IS NULL OR micro_grid_id IS NULL "
                + "OR lat IS NULL OR landlord IS NULL OR landlord_phone IS NULL"), "every house placed, with its landlord");
        assertEquals(0, count("SELECT COUNT(*) FROM house x WHERE NOT EXISTS (SELECT 1 FROM incident i "
                + "WHERE i.address = CONCAT(x.address, x.house_no))"), "every house at an address the gazetteer knows");
        assertEquals(0, count("SELECT COUNT(*) FROM house x JOIN police_grid g ON g.id = x.police_grid_id "
                + "WHERE g.station_id <> x.station_id"));
        assertEquals(5, count("SELECT COUNT(DISTINCT kind) FROM house"), "every kind the register knows");
        assertTrue(count("SELECT COUNT(DISTINCT stars) FROM house") >= 3, "star grades spread");
        assertTrue(count("SELECT COUNT(*) FROM house WHERE kind = 'GROUP_RENTED' AND occupants >= 10") > 0);
        assertTrue(count("SELECT COUNT(*) FROM house WHERE risk_factors <> ''") > 0);
        assertTrue(count("SELECT COUNT(*) FROM house WHERE anchor_date < registered_on") > 0, "some with a last inspection on file");
        assertTrue(count("SELECT COUNT(*) FROM house WHERE registered_on < DATE '2026-01-01'") > 0, "registered about a year ago");
        // the house's stars are what the register's rules make of its factors and occupants
        org.commandroom.core.prevention.PreventionRules rules = jdbi.withHandle(org.commandroom.core.prevention.PreventionRules::load);
        jdbi.useHandle(h -> h.createQuery("SELECT risk_factors, occupants, stars FROM house")
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getInt(3)})
                .forEach(r -> assertEquals((int) (Integer) r[2], rules.rate(((String) r[0]).isEmpty() ? List.of()
                        : List.of(((String) r[0]).split(",")), (Integer) r[1]).stars())));
    }

    @Test
    void everyHouseHasItsYearOfInspectionsOnTimeLateMissedAndWaiting() {
        String inspections = "FROM house_inspection hi LEFT JOIN work_order w ON w.id = hi.order_id ";
        long onTime = count("SELECT COUNT(*) " + inspections + "WHERE w.fed_back_at <= hi.deadline");
        long late = count("SELECT COUNT(*) " + inspections + "WHERE w.fed_back_at > hi.deadline");
        long missed = count("SELECT COUNT(*) " + inspections + "WHERE hi.order_id IS NULL");
        long overdueOpen = countAt("SELECT COUNT(*) " + inspections + "WHERE w.fed_back_at IS NULL AND hi.order_id IS NOT NULL "
                + "AND hi.deadline < :t", END);
        long waiting = countAt("SELECT COUNT(*) " + inspections + "WHERE w.fed_back_at IS NULL AND hi.deadline >= :t", END);
        assertTrue(onTime > 4 * late && late > 0, "on time " + onTime + ", late " + late);
        assertTrue(missed > 0 && missed < late, "missed " + missed);
        assertTrue(overdueOpen > 0 && waiting > 0, "overdue and not fed back " + overdueOpen + ", waiting " + waiting);
        // Only recent ones wait past their deadline: months-old open inspections filled the desk's overdue list.
        assertEquals(0, countAt("SELECT COUNT(*) " + inspections + "WHERE w.fed_back_at IS NULL AND hi.order_id IS NOT NULL "
                + "AND hi.deadline < :t", END.minus(java.time.Duration.ofDays(14))), "an inspection open for weeks past its deadline");
        assertTrue(count("SELECT COUNT(*) FROM house_inspection WHERE hazards > 0") > 0, "hazards found");
        assertEquals(0, count("SELECT COUNT(*) " + inspections + "WHERE w.fed_back_at IS NOT NULL AND (hi.findings IS NULL "
                + "OR hi.hazards IS NULL)"), "every feedback has its findings");
        assertEquals(0, count("SELECT COUNT(*) " + inspections + "WHERE hi.order_id IS NOT NULL AND (w.kind <> 'HOUSE_INSPECTION' "
                + "OR w.feedback_deadline <> hi.deadline OR w.station_id <> hi.station_id OR w.assignee_officer_id IS NULL)"));
        assertEquals(0, count("SELECT COUNT(*) " + inspections + "JOIN house x ON x.id = hi.house_id "
                + "JOIN police_grid g ON g.id = x.police_grid_id WHERE w.assignee_officer_id <> g.officer_id"),
                "to the grid's community officer");
        assertEquals(0, count("SELECT COUNT(*) FROM house x WHERE NOT EXISTS (SELECT 1 FROM house_inspection hi "
                + "WHERE hi.house_id = x.id)"), "every house inspected at least once in the year");
        assertEquals(0, count("SELECT COUNT(*) FROM house_inspection hi JOIN work_order_event e ON e.order_id = hi.order_id "
                + "WHERE e.event = 'FED_BACK' AND e.detail NOT LIKE CONCAT('隐患', CONCAT(CAST(hi.hazards AS VARCHAR(10)), '处:%'))"));

        // every due date from registration to the end is recorded, as the console's generator would have (it finds none missed)
        org.commandroom.core.prevention.PreventionRules rules = jdbi.withHandle(org.commandroom.core.prevention.PreventionRules::load);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(END, ZONE);
        org.commandroom.core.prevention.InspectionBoard board = new org.commandroom.core.prevention.InspectionBoard(jdbi,
                java.time.Clock.fixed(END, ZONE));
        int overdue = 0;
        int lastKnown = 0;
        for (var row : board.register()) {
            var house = row.house();
            var cycle = rules.cycle(house.kind(), house.stars()).orElseThrow();
            List<java.time.LocalDate> expected = new ArrayList<>();
            for (long n = 1; !cycle.due(house.anchorDate(), n).isAfter(today); n++) {
                if (!cycle.due(house.anchorDate(), n).isBefore(house.registeredOn())) {
                    expected.add(cycle.due(house.anchorDate(), n));
                }
            }
            List<java.time.LocalDate> recorded = jdbi.withHandle(h -> h.createQuery(
                    "SELECT due_date FROM house_inspection WHERE house_id = :h ORDER BY due_date").bind("h", house.id())
                    .mapTo(java.time.LocalDate.class).list());
            if (!recorded.equals(expected)) {
                // only today's may be not sent yet: the hourly run comes later in the day
                assertEquals(expected.subList(0, expected.size() - 1), recorded, house.label());
                assertEquals(today, expected.get(expected.size() - 1));
            }
            assertTrue(row.nextDue() != null, house.label());
            overdue += row.overdue() ? 1 : 0;
            lastKnown += row.lastInspected() != null ? 1 : 0;
        }
        assertTrue(overdue > 0 && overdue < report.count("house") / 2, "overdue houses: " + overdue);
        assertTrue(lastKnown > report.count("house") * 0.8, "houses with a last inspection: " + lastKnown);
    }

    @Test
    void indicator18IsComputedFromTheDemoInspections() {
        java.time.YearMonth month = java.time.YearMonth.from(END.atZone(ZONE)).minusMonths(1);
        List<Long> stations = jdbi.withHandle(h -> h.createQuery("SELECT id FROM station").mapTo(Long.class).list());
        new org.commandroom.core.index.IndexEngine(jdbi, java.time.Clock.fixed(END, ZONE),
                org.commandroom.core.index.IndexDefinitions.withDefault(), null).updateMonth(month, stations);
        List<double[]> i18 = jdbi.withHandle(h -> h.createQuery("SELECT scope_id, numerator, denominator, raw_value "
                        + "FROM indicator_value WHERE indicator_code = 'I18' AND scope_kind = 'STATION' AND period_kind = 'MONTH' "
                        + "AND period_start = :p")
                .bind("p", month.atDay(1)).map((rs, ctx) -> new double[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getDouble(4)}).list());
        double num = i18.stream().mapToDouble(v -> v[1]).sum();
        double den = i18.stream().mapToDouble(v -> v[2]).sum();
        assertTrue(den > 0 && num > 0.6 * den && num < den, "indicator 18 in " + month + ": " + num + " of " + den);
        Instant from = month.atDay(1).atStartOfDay(ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
        String due = "FROM house_inspection hi LEFT JOIN work_order w ON w.id = hi.order_id WHERE hi.station_id = :s "
                + "AND hi.deadline >= :a AND hi.deadline < :b";
        for (double[] v : i18) {
            long station = (long) v[0];
            assertEquals((long) v[2], (long) jdbi.<Long, RuntimeException>withHandle(h -> h.createQuery("SELECT COUNT(*) " + due)
                    .bind("s", station).bind("a", from).bind("b", to).mapTo(Long.class).one()), "inspections due at " + station);
            assertEquals((long) v[1], (long) jdbi.<Long, RuntimeException>withHandle(h -> h.createQuery("SELECT COUNT(*) " + due
                    + " AND w.fed_back_at <= hi.deadline").bind("s", station).bind("a", from).bind("b", to)
                    .mapTo(Long.class).one()), "fed back by their deadline at " + station);
        }
    }

    @Test
    void theHousesFeedTheCommunitiesRiskColouring() {
        java.time.Clock at = java.time.Clock.fixed(END, ZONE);
        var duty = new org.commandroom.core.access.Principal(2, "duty", "李明",
                java.util.Set.of(org.commandroom.core.access.Role.DUTY_COMMANDER), "ws-1", false);
        List<org.commandroom.core.prevention.CommunityRisk.Assessment> risk = new org.commandroom.core.prevention.CommunityRisk(
                jdbi, at, org.commandroom.core.access.AccessGuard.of(jdbi, at, duty)).assess();
        assertEquals(SMALL.communities(), risk.size());
        assertTrue(risk.stream().anyMatch(r -> r.lowStarHouses() > 0), "one- and two-star houses counted");
        assertTrue(risk.stream().anyMatch(r -> r.hazards() > 0), "hazards of the latest inspections counted");
        org.slf4j.LoggerFactory.getLogger(DemoCountyGeneratorTest.class).info("community risk on the demo: {}", risk.stream()
                .map(r -> r.name() + " " + r.grade() + " " + r.incidents() + "/" + r.lowStarHouses() + "/" + r.hazards()).toList());
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private long countAt(String sql, Instant t) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("t", t).mapTo(Long.class).one());
    }
}
