package org.commandroom.app;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.commandroom.core.TestClock;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentDao;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitService;
import org.commandroom.core.unit.UnitStatus;

/**
 * A real, migrated H2 database with a bureau, a station, a police grid and helpers to add incidents,
 * units and crews through the core services (so every write lands in the change log as in production).
 */
public final class Fixture implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    public final Database db;
    public final TestClock clock;
    public final IncidentService incidents;
    public final UnitService units;
    public final long stationId;
    public final long gridId;
    private final AtomicInteger numbers = new AtomicInteger();
    private final AtomicInteger badges = new AtomicInteger(1000);
    private org.commandroom.core.draft.Drafts drafts;

    private Fixture(Database db, TestClock clock) {
        this.db = db;
        this.clock = clock;
        ChangeRecorder recorder = new ChangeRecorder(clock, "test");
        this.incidents = new IncidentService(db.jdbi(), recorder);
        this.units = new UnitService(db.jdbi(), recorder);
        this.stationId = db.jdbi().withHandle(h -> {
            long bureau = h.createUpdate("INSERT INTO bureau (code, name) VALUES ('B1', '城关县公安局')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, 'S1', '城关派出所', 'STATION')")
                    .bind("b", bureau).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
        this.gridId = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO police_grid (station_id, code, name, "
                        + "boundary_wkt, datum) VALUES (:s, 'G1', '南关社区第二警格', "
                        + "'POLYGON((103.70 29.20, 103.72 29.20, 103.72 29.22, 103.70 29.22, 103.70 29.20))', 'WGS84')")
                .bind("s", stationId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** A fresh in-memory database. */
    public static Fixture inMemory() {
        return open("jdbc:h2:mem:app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    public static Fixture open(String url) {
        return new Fixture(Database.open(new DbSettings(url, "sa", "", true)), new TestClock(T0, ZONE));
    }

    /** Records an incident received {@code ago} before the clock's now; returns its number. */
    public String incident(IncidentType type, int priority, IncidentStatus status, Duration ago, String address) {
        String no = String.format("J20261123-%05d", numbers.incrementAndGet());
        Instant received = clock.instant().minus(ago);
        incidents.record(new Incident(0, no, received, "13800001234", address, GeoPoint.wgs84(29.21, 103.71), type,
                priority, null, stationId, gridId, status, status.isOpen() ? null : clock.instant(), 0));
        return no;
    }

    public Incident find(String incidentNo) {
        return db.jdbi().withExtension(IncidentDao.class, d -> d.findByNumber(incidentNo)).orElseThrow();
    }

    public void setStatus(String incidentNo, IncidentStatus status) {
        incidents.changeStatus(find(incidentNo), status, status.isOpen() ? null : clock.instant());
    }

    /** A unit with a fix {@code fixAgo} before now (null: never reported) and the named crew. */
    public long unit(String callSign, UnitKind kind, UnitStatus status, Duration fixAgo, String... crew) {
        Instant fixAt = fixAgo == null ? null : clock.instant().minus(fixAgo);
        GeoPoint pos = fixAgo == null ? null : GeoPoint.wgs84(29.21, 103.71);
        return db.jdbi().inTransaction(h -> {
            UnitDao dao = h.attach(UnitDao.class);
            long id = dao.insert(new PatrolUnit(0, callSign, kind, stationId, null, status, pos, null, fixAt, 0));
            for (String name : crew) {
                long officer = h.createUpdate("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) "
                                + "VALUES (:s, :b, :n, 'POLICE', 'PATROL')")
                        .bind("s", stationId).bind("b", "P" + badges.incrementAndGet()).bind("n", name)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                dao.addCrew(id, officer);
            }
            return id;
        });
    }

    /** Intake and dispatch wired on this database, as AppContext wires them (refreshes run in line). */
    public org.commandroom.core.intake.IntakeModule intakeModule(org.commandroom.core.dispatch.OrderService orders) {
        return org.commandroom.core.intake.IntakeModule.create(db.jdbi(), clock, incidents, units, orders,
                new ChangeRecorder(clock, "test"), org.commandroom.core.dispatch.DeadlinePolicy.defaults(), Runnable::run,
                drafts());
    }

    /** This fixture's workstation drafts, in a directory of its own. */
    public synchronized org.commandroom.core.draft.Drafts drafts() {
        if (drafts == null) {
            try {
                drafts = new org.commandroom.core.draft.Drafts(java.nio.file.Files.createTempDirectory("drafts-"), clock);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return drafts;
    }

    /** A feed on the given scheduler; not started. */
    public ChangeFeed feed(ScheduledExecutorService scheduler, Executor callbacks, Duration interval) {
        return new ChangeFeed(db.jdbi(), scheduler, callbacks, clock, interval, Duration.ofSeconds(10));
    }

    @Override
    /**
     * Closes the fixture's connection and, for an in-memory database (kept by {@code DB_CLOSE_DELAY=-1}), drops the
     * database itself: the suite runs in one JVM, and databases nobody dropped filled its heap by the end of the run.
     * Close the fixture last (after any console opened on the same database).
     */
    public void close() {
        String url = db.settings().jdbcUrl();
        db.close();
        if (url.startsWith("jdbc:h2:mem:")) {
            try (var c = java.sql.DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
                 var st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (java.sql.SQLException gone) {
                // already dropped
            }
        }
    }
}
