package org.commandroom.core.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.audit.AuditChain;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Community warnings out as CAP 1.2: area, status from the composition, audit, storage, the folder, update, cancel. */
class CapServiceTest {

    @TempDir
    Path dir;

    private IntakeFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.db.close();
        }
    }

    private CapService service(Database db, CapAlert.Status status, Principal who) {
        fx = fx == null ? new IntakeFixture(db) : fx;
        AccessGuard guard = who == null ? AccessGuard.trusted() : AccessGuard.of(fx.db.jdbi(), fx.clock, who);
        return new CapService(fx.db.jdbi(), fx.clock, new CapService.Settings("command@chengguan.police.example",
                "chengguan.police.example", status, dir.resolve("out"), IntakeFixture.ZONE), guard,
                new CapReader(CapSchema.load()));
    }

    private static CapService.Warning fraud(WarningArea area) {
        return new CapService.Warning(WarningKind.FRAUD_WAVE, area,
                new CapService.Texts("南关社区冒充客服诈骗多发", "三天内接报5起。", "勿向陌生账户转账。"),
                new CapService.Texts("Fake customer-service calls in Nanguan", "Five reports in three days.", null),
                null);
    }

    private long auditRows(String action) {
        return fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = :a")
                .bind("a", action).mapTo(Long.class).one());
    }

    @Test
    void aFraudWarningForACommunityIsStoredAuditedAndWrittenWithTheCommunityBoundary() throws Exception {
        CapService cap = service(TestDatabases.h2(), CapAlert.Status.Actual, null);
        long community = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM community WHERE code = 'C1'")
                .mapTo(Long.class).one());
        CapService.Issued out = cap.issue(fraud(new WarningArea.OfLayer(WarningArea.Layer.COMMUNITY, community)), "值班长");

        CapAlert a = out.alert();
        assertEquals(CapAlert.Status.Actual, a.status());
        assertEquals(CapAlert.MsgType.Alert, a.msgType());
        assertEquals("chengguan.police.example-CAP-20261123-0001", a.identifier());
        assertEquals(OffsetDateTime.parse("2026-11-23T10:00:00+08:00"), a.sent());
        assertEquals(List.of("zh-CN", "en"), a.infos().stream().map(CapInfo::language).toList());
        assertEquals("电信网络诈骗预警", a.infos().get(0).event());
        assertEquals("Fraud warning", a.infos().get(1).event());
        assertEquals(a.sent().plusHours(72), a.infos().get(0).expires());
        CapArea area = a.infos().get(0).areas().get(0);
        assertEquals("南关社区", area.areaDesc());
        assertEquals(List.of(new CapArea.Point(29.20, 103.70), new CapArea.Point(29.20, 103.72),
                new CapArea.Point(29.22, 103.72), new CapArea.Point(29.22, 103.70), new CapArea.Point(29.20, 103.70)),
                area.polygons().get(0));

        assertEquals(dir.resolve("out").resolve(a.identifier() + ".xml"), out.file());
        byte[] written = Files.readAllBytes(out.file());
        assertEquals(a, new CapReader(CapSchema.none()).read(written).alert(), "what is in the folder reads back equal");
        assertEquals(a, out.stored().alert(new CapReader(CapSchema.none())));
        assertEquals(1, auditRows(CapService.ISSUE));
        assertEquals(List.of(out.stored().id()), cap.inForce(10).stream().map(StoredCap::id).toList());
        assertTrue(AuditChain.verify(fx.db.jdbi()).intact());
    }

    @Test
    void aDrillIssuesExerciseAndACircleAroundAPointIsInKilometres() {
        CapService cap = service(TestDatabases.h2(), CapAlert.Status.Exercise, null);
        CapService.Issued out = cap.issue(new CapService.Warning(WarningKind.MISSING_CHILD,
                new WarningArea.Around(GeoPoint.wgs84(29.215, 103.715), 800, "环城北路口周边800米"),
                new CapService.Texts("7岁男孩走失", "身穿红色上衣。", "见到请拨打110。"),
                new CapService.Texts("Boy, 7, missing", "Red top.", "Call 110."), Duration.ofHours(12)), "值班长");
        assertEquals(CapAlert.Status.Exercise, out.alert().status());
        assertEquals(CapAlert.Status.Exercise, out.stored().status());
        CapArea.Circle c = out.alert().infos().get(0).areas().get(0).circles().get(0);
        assertEquals(new CapArea.Circle(new CapArea.Point(29.215, 103.715), 0.8), c);
        assertEquals(CapInfo.Urgency.Immediate, out.alert().infos().get(0).urgency());
        assertEquals(out.alert().sent().plusHours(12), out.alert().expires());
    }

    @Test
    void anUpdateAndACancelReferToEveryEarlierMessageAndSupersedeTheOneTheyReplace() {
        CapService cap = service(TestDatabases.h2(), CapAlert.Status.Actual, null);
        CapService.Issued first = cap.issue(fraud(new WarningArea.OfLayer(WarningArea.Layer.POLICE_GRID, fx.g1)), "值班长");
        fx.clock.advance(Duration.ofHours(1));
        CapService.Issued update = cap.update(first.stored().id(), fraud(new WarningArea.OfLayer(
                WarningArea.Layer.POLICE_GRID, fx.g2)), "值班长");
        assertEquals(CapAlert.MsgType.Update, update.alert().msgType());
        assertEquals(List.of(CapAlert.Reference.to(first.alert())), update.alert().references());
        assertEquals("chengguan.police.example-CAP-20261123-0002", update.alert().identifier());
        assertEquals(first.stored().id(), update.stored().refersTo());
        assertThrows(CapRefused.class, () -> cap.update(first.stored().id(), fraud(new WarningArea.OfLayer(
                WarningArea.Layer.POLICE_GRID, fx.g2)), "值班长"), "only the latest of a chain is updated");

        fx.clock.advance(Duration.ofHours(1));
        CapService.Issued cancel = cap.cancel(update.stored().id(), "已查明，解除预警", "Resolved", "值班长");
        assertEquals(CapAlert.MsgType.Cancel, cancel.alert().msgType());
        assertEquals(List.of(CapAlert.Reference.to(first.alert()), CapAlert.Reference.to(update.alert())),
                cancel.alert().references());
        assertEquals("已撤销：南关社区冒充客服诈骗多发", cancel.alert().infos().get(0).headline());
        assertEquals("Resolved", cancel.alert().infos().get(1).description());
        assertEquals(List.of(), cap.inForce(10), "nothing of the warning is in force after its cancel");
        CapRefused again = assertThrows(CapRefused.class, () -> cap.cancel(cancel.stored().id(), "x", "x", "值班长"));
        assertEquals(CapRefused.Reason.SUPERSEDED, again.reason());
        assertEquals(1, auditRows(CapService.UPDATE));
        assertEquals(1, auditRows(CapService.CANCEL));
    }

    @Test
    void aMissingAreaOrAnUnwritableFolderStoresNothing() throws Exception {
        CapService cap = service(TestDatabases.h2(), CapAlert.Status.Actual, null);
        CapRefused none = assertThrows(CapRefused.class, () -> cap.issue(fraud(new WarningArea.OfLayer(
                WarningArea.Layer.KEY_PATROL_ZONE, 999)), "值班长"));
        assertEquals(CapRefused.Reason.AREA_NOT_FOUND, none.reason());
        Files.writeString(dir.resolve("out"), "a file where the folder should be");
        CapRefused folder = assertThrows(CapRefused.class, () -> cap.issue(fraud(new WarningArea.OfLayer(
                WarningArea.Layer.POLICE_GRID, fx.g1)), "值班长"));
        assertEquals(CapRefused.Reason.FOLDER_NOT_WRITABLE, folder.reason());
        assertEquals(0, fx.count("cap_alert"));
        assertEquals(0, auditRows(CapService.ISSUE));
    }

    @Test
    void theAreasOfferedAreGridsThenCommunitiesThenZones() {
        CapService cap = service(TestDatabases.h2(), CapAlert.Status.Actual, null);
        List<CapService.AreaChoice> areas = cap.areas();
        assertEquals(List.of("G1", "G2", "G3", "C1"), areas.stream().map(CapService.AreaChoice::code).toList());
        assertEquals(new CapService.AreaChoice(WarningArea.Layer.POLICE_GRID, fx.g1, "G1", "南关一格"), areas.get(0));
    }

    @Test
    void aLongBoundaryIsSimplifiedToFitOnePolygonElement() {
        StringBuilder wkt = new StringBuilder("POLYGON((");
        int n = 3000;
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            wkt.append(103.71 + 0.01 * Math.cos(t) + 0.0001 * Math.sin(40 * t)).append(' ')
                    .append(29.21 + 0.01 * Math.sin(t)).append(", ");
        }
        wkt.append(103.72).append(' ').append(29.21).append("))");
        List<List<CapArea.Point>> rings = CapService.polygons(wkt.toString(), org.commandroom.core.geo.Datum.WGS84, "x");
        assertTrue(rings.get(0).size() <= CapService.MAX_VERTICES, "" + rings.get(0).size());
        assertTrue(rings.get(0).size() >= 40, "" + rings.get(0).size());
        assertEquals(rings.get(0).get(0), rings.get(0).get(rings.get(0).size() - 1));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyTheDutyCommanderAndTheLeaderIssueWarnings(Role role) {
        Principal who = new Principal(7, "u-" + role.name().toLowerCase(), "用户", Set.of(role), "desk-1", false);
        CapService cap = service(TestDatabases.h2(), CapAlert.Status.Actual, who);
        CapService.Warning w = fraud(new WarningArea.OfLayer(WarningArea.Layer.POLICE_GRID, fx.g1));
        if (role == Role.DUTY_COMMANDER || role == Role.COMMAND_LEADER) {
            assertEquals(CapAlert.MsgType.Alert, cap.issue(w, "用户").alert().msgType());
        } else {
            assertThrows(AccessDenied.class, () -> cap.issue(w, "用户"));
            assertEquals(0, fx.count("cap_alert"));
            assertEquals(1, auditRows("REFUSED"));
            assertFalse(Files.exists(dir.resolve("out")));
        }
    }

    @Test
    void aTraineeInADrillMayNotIssueWarningsEither() {
        Principal trainee = new Principal(8, "trainee", "学员", Set.of(Role.TRAINEE), "drill-1", true);
        CapService cap = service(TestDatabases.h2(), CapAlert.Status.Exercise, trainee);
        assertThrows(AccessDenied.class, () -> cap.issue(fraud(new WarningArea.OfLayer(WarningArea.Layer.POLICE_GRID,
                fx.g1)), "学员"));
    }

    @Test
    void theTableWorksOnPostgres() {
        CapService cap = service(TestDatabases.postgres(), CapAlert.Status.Test, null);
        CapService.Issued out = cap.issue(fraud(new WarningArea.OfLayer(WarningArea.Layer.POLICE_GRID, fx.g1)), "值班长");
        CapService.Issued cancel = cap.cancel(out.stored().id(), "误发", "Sent in error", "值班长");
        assertEquals(CapAlert.Status.Test, cancel.stored().status());
        assertNull(cap.inForce(5).stream().findFirst().orElse(null));
    }

    @Test
    void aPolygonDrawnOnTheMapIsClosedOnceInWgs84AndAnUpdateMayKeepItsArea() throws Exception {
        CapService cap = service(TestDatabases.h2(), CapAlert.Status.Actual, null);
        List<GeoPoint> drawn = List.of(GeoPoint.wgs84(29.22, 103.71), GeoPoint.wgs84(29.22, 103.72),
                GeoPoint.wgs84(29.21, 103.72), GeoPoint.wgs84(29.21, 103.71));
        CapService.Issued first = cap.issue(fraud(new WarningArea.Drawn(drawn, "地图绘制区域")), "值班长");
        CapArea area = first.alert().infos().get(0).areas().get(0);
        List<CapArea.Point> ring = List.of(new CapArea.Point(29.22, 103.71), new CapArea.Point(29.22, 103.72),
                new CapArea.Point(29.21, 103.72), new CapArea.Point(29.21, 103.71), new CapArea.Point(29.22, 103.71));
        assertEquals(List.of(ring), area.polygons());
        assertEquals("地图绘制区域", area.areaDesc());
        assertTrue(first.stored().document().contains(
                "<polygon>29.22,103.71 29.22,103.72 29.21,103.72 29.21,103.71 29.22,103.71</polygon>"),
                first.stored().document());
        // A ring handed over closed is closed once, not twice.
        List<GeoPoint> closed = new java.util.ArrayList<>(drawn);
        closed.add(drawn.get(0));
        assertEquals(drawn, new WarningArea.Drawn(closed, "x").vertices());

        // An update that keeps the area: the same polygon, the original referred to, audited as an update.
        fx.clock.advance(Duration.ofMinutes(30));
        CapService.Issued update = cap.update(first.stored().id(), new CapService.Warning(WarningKind.FRAUD_WAVE,
                new WarningArea.Unchanged(), new CapService.Texts("诈骗仍多发，扩大提醒", null, null),
                new CapService.Texts("Fraud continues", null, null), null), "值班长");
        assertEquals(CapAlert.MsgType.Update, update.alert().msgType());
        assertEquals(List.of(CapAlert.Reference.to(first.alert())), update.alert().references());
        assertEquals(area, update.alert().infos().get(0).areas().get(0));
        assertEquals(area, update.alert().infos().get(1).areas().get(0));
        assertEquals("地图绘制区域", update.stored().areaDesc());
        assertEquals(List.of(update.stored().id()), cap.inForce(10).stream().map(StoredCap::id).toList());
        assertEquals(1, auditRows(CapService.UPDATE));

        // A circle kept through an update likewise.
        CapService.Issued circle = cap.issue(fraud(new WarningArea.Around(GeoPoint.wgs84(29.215, 103.715), 1234.4,
                "圈定区域")), "值班长");
        CapService.Issued kept = cap.update(circle.stored().id(), fraud(new WarningArea.Unchanged()), "值班长");
        assertEquals(List.of(new CapArea.Circle(new CapArea.Point(29.215, 103.715), 1.234)),
                kept.alert().infos().get(0).areas().get(0).circles());

        // A new warning has no area to keep.
        CapRefused none = assertThrows(CapRefused.class, () -> cap.issue(fraud(new WarningArea.Unchanged()), "值班长"));
        assertEquals(CapRefused.Reason.AREA_NOT_FOUND, none.reason());
        assertEquals(4, fx.count("cap_alert"));
    }
}
