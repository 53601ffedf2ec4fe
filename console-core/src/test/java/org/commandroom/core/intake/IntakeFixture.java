package org.commandroom.core.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.DispatchService;
import org.commandroom.core.dispatch.IssueHook;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.TaskOrderService;
import org.commandroom.core.dispatch.TravelModel;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitService;
import org.commandroom.core.unit.UnitStatus;
import org.jdbi.v3.core.Handle;

/**
 * A small county for intake and dispatch tests, with one workstation's services wired as the console wires
 * them. Geography (x = longitude): the street 城关街道 covers 103.70-103.78 E, 29.20-29.24 N; station 城关派出所
 * (S1) the west half, 东城派出所 (S2) the east half. Police grids: G1 南关一格 (S1, community officer 王建国)
 * 103.70-103.72 E x 29.20-29.22 N; G2 北关一格 (S1, no officer) 103.72-103.74 E; G3 东城一格 (S2, officer 李明)
 * 103.74-103.78 E (both 29.20-29.24 N); 103.70-103.72 E x 29.22-29.24 N is in S1 but in no grid. Named places: 南关小学 (key place), 南关社区警务室 (office), 环城北路口布警点 (deployment
 * point), community 南关社区 (G1's square).
 */
public final class IntakeFixture {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    /** Inside G1. */
    public static final GeoPoint IN_G1 = GeoPoint.wgs84(29.21, 103.71);
    /** Inside G2 (no officer). */
    public static final GeoPoint IN_G2 = GeoPoint.wgs84(29.21, 103.73);
    /** Inside G3 (station S2). */
    public static final GeoPoint IN_G3 = GeoPoint.wgs84(29.21, 103.76);
    /** Far outside the district (Chengdu). */
    public static final GeoPoint OUTSIDE = GeoPoint.wgs84(30.66, 104.06);

    public final Database db;
    public final TestClock clock;
    public final ChangeRecorder recorder;
    public final IncidentService incidents;
    public final UnitService units;
    public final OrderService orders;
    public final GazetteerService gazetteer;
    public final IntakeService intake;
    public final DispatchService dispatch;
    public final TaskOrderService tasks;
    public long bureauId;
    public long s1;
    public long s2;
    public long g1;
    public long g2;
    public long g3;
    public long officerWang;
    public long officerLi;
    private final String workstation;
    private int badges = 100;

    public IntakeFixture(Database db) {
        this(db, new TestClock(T0, ZONE), "test", RepeatRule.defaults(), true);
    }

    /** Another workstation's services on an existing county (no rows written). */
    public IntakeFixture(Database db, TestClock clock, String workstation, RepeatRule rule, boolean createCounty) {
        this.db = db;
        this.clock = clock;
        this.workstation = workstation;
        this.recorder = new ChangeRecorder(clock, workstation);
        this.incidents = new IncidentService(db.jdbi(), recorder);
        this.units = new UnitService(db.jdbi(), recorder);
        Numbering numbering = new Numbering(clock, ZONE);
        this.orders = new OrderService(db.jdbi(), clock, DeadlinePolicy.defaults(), numbering, recorder);
        this.gazetteer = new GazetteerService(db.jdbi(), Runnable::run);
        this.intake = new IntakeService(db.jdbi(), clock, incidents, numbering, gazetteer,
                new RepeatDetector(rule, new RecentPositions(db.jdbi(), clock, rule.window(), Runnable::run)));
        this.dispatch = new DispatchService(db.jdbi(), clock, incidents, units, orders, TravelModel.defaults());
        this.tasks = new TaskOrderService(db.jdbi(), orders, units, DeadlinePolicy.defaults(), recorder);
        if (createCounty) {
            db.jdbi().useTransaction(this::county);
        } else {
            readIds();
        }
        gazetteer.load();
    }

    /**
     * The order service as {@code user}'s console on this workstation builds it: its own change recorder, no issue hook,
     * and core's permission checks for that user (the {@link #orders} above check none).
     */
    public OrderService ordersAs(Principal user) {
        return new OrderService(db.jdbi(), clock, DeadlinePolicy.defaults(), new Numbering(clock, ZONE),
                new ChangeRecorder(clock, workstation), IssueHook.NONE, AccessGuard.of(db.jdbi(), clock, user));
    }

    private static final String STREET = "POLYGON((103.70 29.20, 103.78 29.20, 103.78 29.24, 103.70 29.24, 103.70 29.20))";

    private void county(Handle h) {
        bureauId = id(h.createUpdate("INSERT INTO bureau (code, name) VALUES ('B1', '城关县公安局')"));
        s1 = id(h.createUpdate("INSERT INTO station (bureau_id, code, name, kind, boundary_wkt) VALUES (:b, 'S1', '城关派出所', "
                + "'STATION', :w)").bind("b", bureauId).bind("w", box(103.70, 103.74)));
        s2 = id(h.createUpdate("INSERT INTO station (bureau_id, code, name, kind, boundary_wkt) VALUES (:b, 'S2', '东城派出所', "
                + "'STATION', :w)").bind("b", bureauId).bind("w", box(103.74, 103.78)));
        officerWang = officer(h, s1, "王建国", "COMMUNITY_OFFICER");
        officerLi = officer(h, s2, "李明", "COMMUNITY_OFFICER");
        long street = id(h.createUpdate("INSERT INTO street (code, name, boundary_wkt, datum) VALUES ('ST1', '城关街道', :w, 'WGS84')")
                .bind("w", STREET));
        h.createUpdate("INSERT INTO community (street_id, code, name, boundary_wkt, datum) VALUES (:s, 'C1', '南关社区', :w, 'WGS84')")
                .bind("s", street).bind("w", box(103.70, 103.72, 29.20, 29.22)).execute();
        g1 = grid(h, s1, "G1", "南关一格", officerWang, box(103.70, 103.72, 29.20, 29.22));
        g2 = grid(h, s1, "G2", "北关一格", null, box(103.72, 103.74));
        g3 = grid(h, s2, "G3", "东城一格", officerLi, box(103.74, 103.78));
        h.createUpdate("INSERT INTO key_place (station_id, name, kind, lat, lon, datum) VALUES (:s, '南关小学', 'SCHOOL', 29.205, 103.705, 'WGS84')")
                .bind("s", s1).execute();
        h.createUpdate("INSERT INTO police_office (station_id, name, lat, lon, datum) VALUES (:s, '南关社区警务室', 29.21, 103.71, 'WGS84')")
                .bind("s", s1).execute();
        h.createUpdate("INSERT INTO deployment_point (station_id, name, lat, lon, datum) VALUES (:s, '环城北路口布警点', 29.215, 103.715, 'WGS84')")
                .bind("s", s1).execute();
    }

    private void readIds() {
        db.jdbi().useHandle(h -> {
            s1 = h.createQuery("SELECT id FROM station WHERE code = 'S1'").mapTo(Long.class).one();
            s2 = h.createQuery("SELECT id FROM station WHERE code = 'S2'").mapTo(Long.class).one();
            g1 = h.createQuery("SELECT id FROM police_grid WHERE code = 'G1'").mapTo(Long.class).one();
            g2 = h.createQuery("SELECT id FROM police_grid WHERE code = 'G2'").mapTo(Long.class).one();
            g3 = h.createQuery("SELECT id FROM police_grid WHERE code = 'G3'").mapTo(Long.class).one();
            officerWang = h.createQuery("SELECT id FROM officer WHERE name = '王建国'").mapTo(Long.class).one();
            officerLi = h.createQuery("SELECT id FROM officer WHERE name = '李明'").mapTo(Long.class).one();
        });
    }

    static String box(double west, double east) {
        return box(west, east, 29.20, 29.24);
    }

    static String box(double west, double east, double south, double north) {
        return String.format(java.util.Locale.ROOT, "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))",
                west, south, east, south, east, north, west, north, west, south);
    }

    private long grid(Handle h, long station, String code, String name, Long officer, String wkt) {
        return id(h.createUpdate("INSERT INTO police_grid (station_id, code, name, officer_id, boundary_wkt, datum) "
                + "VALUES (:s, :c, :n, :o, :w, 'WGS84')").bind("s", station).bind("c", code).bind("n", name)
                .bind("o", officer).bind("w", wkt));
    }

    private long officer(Handle h, long station, String name, String duty) {
        return id(h.createUpdate("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) VALUES (:s, :b, :n, 'POLICE', :d)")
                .bind("s", station).bind("b", "P" + (badges++)).bind("n", name).bind("d", duty));
    }

    private static long id(org.jdbi.v3.core.statement.Update u) {
        return u.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** An available unit at {@code at} (null: never reported) with a fix {@code fixAgo} old and the given crew. */
    public long unit(String callSign, UnitKind kind, long stationId, GeoPoint at, Duration fixAgo, Long... crew) {
        Instant fix = at == null ? null : clock.instant().minus(fixAgo);
        return db.jdbi().inTransaction(h -> {
            UnitDao dao = h.attach(UnitDao.class);
            long id = dao.insert(new PatrolUnit(0, callSign, kind, stationId, null, UnitStatus.AVAILABLE, at, null, fix, 0));
            for (Long o : crew) {
                dao.addCrew(id, o);
            }
            return id;
        });
    }

    /** A patrol officer (for a crew). */
    public long patrolOfficer(long stationId, String name) {
        return db.jdbi().withHandle(h -> officer(h, stationId, name, "PATROL"));
    }

    public long count(String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
