package org.commandroom.app.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.commandroom.app.AppContext;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.jdbi.v3.core.Handle;

/**
 * Test-only tool: fills the embedded database in a throwaway data directory with a handful of
 * test fixtures, relative to the current time, so that the console can be started on it for a
 * screenshot. Not demo data: the demo county comes from the generator a colleague is writing.
 *
 * <p>Usage: {@code java -cp <test classpath> org.commandroom.app.tools.ScreenshotDatabase <data-dir>}
 */
public final class ScreenshotDatabase {

    private ScreenshotDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Files.createDirectories(dataDir);
        try (Database db = Database.open(DbSettings.embedded(dataDir, AppContext.EMBEDDED_DB_NAME))) {
            Instant now = Instant.now();
            IncidentService incidents = new IncidentService(db.jdbi(), new ChangeRecorder(java.time.Clock.systemUTC(), "fixture"));
            long[] ids = db.jdbi().inTransaction(h -> {
                long bureau = id(h, "INSERT INTO bureau (code, name) VALUES ('B1', '城关县公安局')");
                long s1 = station(h, bureau, "S1", "城关派出所");
                long s2 = station(h, bureau, "S2", "南关派出所");
                long g1 = grid(h, s1, "G1", "城关第三警格");
                long g2 = grid(h, s2, "G2", "南关社区第二警格");
                long g3 = grid(h, s1, "G3", "北街警格");
                return new long[] {s1, s2, g1, g2, g3};
            });
            Object[][] rows = {
                    {IncidentType.TRAFFIC_INJURY, 1, IncidentStatus.NEW, 17 * 60 + 42, ids[0], ids[2], "环城北路与南关路交叉口"},
                    {IncidentType.FIGHT, 1, IncidentStatus.DISPATCHED, 6 * 60 + 5, ids[1], ids[3], "南关路88号烧烤店门前"},
                    {IncidentType.ROBBERY, 1, IncidentStatus.NEW, 95, ids[0], ids[4], "北街12号"},
                    {IncidentType.FAMILY_DISPUTE, 2, IncidentStatus.NEW, 7 * 60 + 18, ids[1], ids[3], "南关社区5栋2单元"},
                    {IncidentType.EBIKE_THEFT, 2, IncidentStatus.ON_SCENE, 24 * 60, ids[0], ids[2], "城关中学北门"},
                    {IncidentType.MISSING_PERSON, 2, IncidentStatus.NEW, 2 * 60 + 40, ids[0], ids[4], "人民公园东门"},
                    {IncidentType.NEIGHBOUR_DISPUTE, 3, IncidentStatus.NEW, 16 * 60 + 2, ids[1], ids[3], "南关社区12栋"},
                    {IncidentType.NOISE, 3, IncidentStatus.DISPATCHED, 31 * 60, ids[0], ids[2], "建设路金色家园"},
                    {IncidentType.NON_POLICE, 3, IncidentStatus.NEW, 45, ids[1], ids[3], "南关菜市场"},
                    {IncidentType.TELECOM_FRAUD, 2, IncidentStatus.CLOSED, 50 * 60, ids[0], ids[2], "城关镇幸福小区"},
            };
            int n = 0;
            for (Object[] r : rows) {
                IncidentStatus status = (IncidentStatus) r[2];
                incidents.record(new Incident(0, String.format("J%s-%05d",
                        java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE), ++n),
                        now.minusSeconds(((Integer) r[3]).longValue()), "13800001234", (String) r[6],
                        GeoPoint.wgs84(29.21, 103.71), (IncidentType) r[0], (Integer) r[1], null, (Long) r[4], (Long) r[5],
                        status, status.isOpen() ? null : now, 0));
            }
            db.jdbi().useTransaction(h -> {
                unit(h, "城关巡01", UnitKind.CAR, ids[0], UnitStatus.AVAILABLE, now.minusSeconds(12), "张伟", "李强", "赵敏");
                unit(h, "城关巡02", UnitKind.CAR, ids[0], UnitStatus.EN_ROUTE, now.minusSeconds(40), "王芳", "刘洋", "陈静");
                unit(h, "南关巡01", UnitKind.CAR, ids[1], UnitStatus.ON_SCENE, now.minusSeconds(25), "杨帆", "黄磊", "周婷");
                unit(h, "闪电01", UnitKind.MOTORBIKE, ids[0], UnitStatus.AVAILABLE, now.minus(Duration.ofMinutes(4)), "吴刚");
                unit(h, "闪电02", UnitKind.MOTORBIKE, ids[1], UnitStatus.BUSY, now.minusSeconds(8), "郑浩");
                unit(h, "南关步03", UnitKind.FOOT, ids[1], UnitStatus.AVAILABLE, null, "孙悦", "马超", "朱琳");
                unit(h, "城关步02", UnitKind.FOOT, ids[0], UnitStatus.OFF_DUTY, now.minus(Duration.ofHours(3)), "胡军", "林峰", "何静");
            });
        }
    }

    private static long id(Handle h, String sql) {
        return h.createUpdate(sql).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static long station(Handle h, long bureau, String code, String name) {
        return h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, :c, :n, 'STATION')")
                .bind("b", bureau).bind("c", code).bind("n", name).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static long grid(Handle h, long station, String code, String name) {
        return h.createUpdate("INSERT INTO police_grid (station_id, code, name, boundary_wkt, datum) VALUES (:s, :c, :n, "
                        + "'POLYGON((103.70 29.20, 103.72 29.20, 103.72 29.22, 103.70 29.22, 103.70 29.20))', 'WGS84')")
                .bind("s", station).bind("c", code).bind("n", name).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static int badge = 2000;

    private static void unit(Handle h, String callSign, UnitKind kind, long station, UnitStatus status, Instant fixAt,
                             String... crew) {
        UnitDao dao = h.attach(UnitDao.class);
        long id = dao.insert(new PatrolUnit(0, callSign, kind, station, null, status,
                fixAt == null ? null : GeoPoint.wgs84(29.21, 103.71), null, fixAt, 0));
        for (String name : crew) {
            long officer = h.createUpdate("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) "
                            + "VALUES (:s, :b, :n, 'POLICE', 'PATROL')")
                    .bind("s", station).bind("b", "P" + (++badge)).bind("n", name)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            dao.addCrew(id, officer);
        }
    }
}
