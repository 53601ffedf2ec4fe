package org.commandroom.core.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 分色预警 on a real H2 and PostgreSQL, with planted data: three communities, each reaching one colour at or just
 * below a threshold of the default rule (V41); what the rule leaves out (an incident before the window, a three-star
 * house, hazards of an inspection that is not the latest, an alert whose order was fed back) is left out; an edited
 * rule is stored and changes the colours; an unusable rule is refused field by field; only an administrator edits it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class CommunityRiskTest {

    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    static final Principal DUTY = new Principal(2, "duty", "李明",
            java.util.Set.of(org.commandroom.core.access.Role.DUTY_COMMANDER), "ws-1", false);

    @Parameter
    TestDb kind;

    private Database db;
    private IntakeFixture fx;
    private TestClock clock;
    private OrderService orders;
    private int seq;

    @BeforeEach
    void open() {
        db = kind.open();
        clock = new TestClock(NOW, IntakeFixture.ZONE);
        fx = new IntakeFixture(db, clock, "ws-1", org.commandroom.core.intake.RepeatRule.defaults(), true);
        orders = fx.ordersAs(HouseRegisterTest.ADMIN);
        db.jdbi().useTransaction(this::plant);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private CommunityRisk service(Principal who) {
        return new CommunityRisk(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, who));
    }

    /**
     * C1 南关社区 (103.70-103.72 E, 29.20-29.22 N): 5 incidents + 2 one- and two-star houses + 4 hazards at a house's
     * latest inspection + 3 open alerts = 5 + 6 + 8 + 6 = 25, red exactly. C2 (103.72-103.74 E): 10 incidents in the
     * window, one older = 10, orange exactly. C3 (103.74-103.78 E): 9 incidents, a three-star house, a house whose
     * latest inspection found nothing after one that found 5, an alert fed back = 9, green.
     */
    @Test
    void theDefaultRuleLeavesATypicalCommunityGreenAndMarksTheBusiestAndTheNeglected() {
        CommunityRisk.Rule d = service(DUTY).rule();
        assertEquals(CommunityRisk.Rule.defaults(), d, "the stored defaults are the code's");
        // A town community's quarter: 60 incidents, nothing else. The demo county's were all red with 1 point each.
        assertEquals(CommunityRisk.Grade.GREEN, d.grade(d.score(60, 0, 0, 0)));
        assertEquals(CommunityRisk.Grade.ORANGE, d.grade(d.score(160, 0, 0, 0)));
        assertEquals(CommunityRisk.Grade.RED, d.grade(d.score(250, 0, 0, 0)));
        // Few incidents but five group-rented houses of one star: orange by its houses alone.
        assertEquals(CommunityRisk.Grade.ORANGE, d.grade(d.score(10, 5, 0, 0)));
    }

    private void plant(Handle h) {
        long street = h.createQuery("SELECT id FROM street").mapTo(Long.class).one();
        h.createUpdate("INSERT INTO community (street_id, code, name, boundary_wkt, datum) VALUES (:s, 'C2', '北关社区', :w, 'WGS84')")
                .bind("s", street).bind("w", box(103.72, 103.74)).execute();
        h.createUpdate("INSERT INTO community (street_id, code, name, boundary_wkt, datum) VALUES (:s, 'C3', '东城社区', :w, 'WGS84')")
                .bind("s", street).bind("w", box(103.74, 103.78)).execute();
        long c1 = community(h, "C1");
        long c3 = community(h, "C3");
        for (int i = 0; i < 5; i++) {
            incident(h, 29.205 + i * 0.001, 103.705, NOW.minus(Duration.ofDays(i * 10)));
        }
        for (int i = 0; i < 10; i++) {
            incident(h, 29.21, 103.725 + i * 0.001, NOW.minus(Duration.ofDays(89)));
        }
        incident(h, 29.21, 103.73, NOW.minus(Duration.ofDays(91)));
        for (int i = 0; i < 9; i++) {
            incident(h, 29.21, 103.75 + i * 0.001, NOW.minus(Duration.ofHours(i)));
        }
        long oneStar = house(h, c1, 1);
        house(h, c1, 2);
        inspection(h, oneStar, LocalDate.of(2026, 10, 1), 7);
        inspection(h, oneStar, LocalDate.of(2026, 11, 1), 4);
        long threeStar = house(h, c3, 3);
        inspection(h, threeStar, LocalDate.of(2026, 10, 1), 5);
        inspection(h, threeStar, LocalDate.of(2026, 11, 1), 0);
        inspection(h, threeStar, LocalDate.of(2026, 12, 1), null);
        for (int i = 0; i < 3; i++) {
            alert(h, oneStar, false);
        }
        alert(h, threeStar, true);
    }

    private static String box(double west, double east) {
        return String.format(java.util.Locale.ROOT, "POLYGON((%s 29.2, %s 29.2, %s 29.22, %s 29.22, %s 29.2))",
                west, east, east, west, west);
    }

    private static long community(Handle h, String code) {
        return h.createQuery("SELECT id FROM community WHERE code = :c").bind("c", code).mapTo(Long.class).one();
    }

    private void incident(Handle h, double lat, double lon, Instant at) {
        h.createUpdate("INSERT INTO incident (incident_no, received_at, address, lat, lon, category, incident_type, priority, status) "
                        + "VALUES (:no, :at, '某地', :lat, :lon, 'CRIMINAL', 'THEFT', 2, 'CLOSED')")
                .bind("no", "T" + (++seq)).bind("at", at).bind("lat", lat).bind("lon", lon).execute();
    }

    private long house(Handle h, long community, int stars) {
        String no = (++seq) + "号";
        return h.createUpdate("INSERT INTO house (address, house_no, natural_key, kind, star_score, stars, station_id, community_id, "
                        + "anchor_date, registered_on, updated_at) VALUES ('南关街', :no, :k, 'RENTED', 50, :stars, :st, :c, :d, :d, :at)")
                .bind("no", no).bind("k", "南关街|" + no).bind("stars", stars).bind("st", fx.s1).bind("c", community)
                .bind("d", LocalDate.of(2026, 1, 1)).bind("at", NOW).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void inspection(Handle h, long house, LocalDate due, Integer hazards) {
        h.createUpdate("INSERT INTO house_inspection (house_id, due_date, deadline, created_at, hazards) VALUES (:h, :d, :dl, :at, :z)")
                .bind("h", house).bind("d", due).bind("dl", NOW).bind("at", NOW).bind("z", hazards).execute();
    }

    private void alert(Handle h, long house, boolean fedBack) {
        OrderDraft draft = new OrderDraft(OrderKind.HOUSE_INSPECTION, null, null, fx.s1, null, fx.officerWang, "模型预警",
                GeoPoint.wgs84(29.21, 103.71));
        Order o = orders.create(h, draft, "模型预警");
        orders.issue(h, o.id(), draft, "模型预警", Duration.ofDays(5));
        if (fedBack) {
            h.createUpdate("UPDATE work_order SET status = 'FED_BACK', fed_back_at = :at WHERE id = :id").bind("at", NOW)
                    .bind("id", o.id()).execute();
        }
        h.createUpdate("INSERT INTO model_alert (rule_code, meter_no, episode_start, house_id, station_id, order_id, detected_at, "
                        + "deadline, evidence) VALUES ('GROUP_RENTING', :m, :d, :h, :s, :o, :at, :at, '表号')")
                .bind("m", "M" + (++seq)).bind("d", LocalDate.of(2026, 8, 1)).bind("h", house).bind("s", fx.s1).bind("o", o.id())
                .bind("at", NOW).execute();
    }

    private Map<String, CommunityRisk.Assessment> byCode(CommunityRisk risk) {
        return risk.assess().stream().collect(Collectors.toMap(CommunityRisk.Assessment::code, a -> a));
    }

    @Test
    void eachColourIsReachedAtItsThresholdAndWhatTheRuleLeavesOutIsLeftOut() {
        // Whole points per incident, orange from 10: the planted counts reach each colour exactly.
        service(HouseRegisterTest.ADMIN).saveRule(new CommunityRisk.Rule(90, 1, 2, 3, 2, 2, 10, 25), "周敏");
        Map<String, CommunityRisk.Assessment> a = byCode(service(DUTY));
        CommunityRisk.Assessment c1 = a.get("C1");
        assertEquals(List.of(5, 2, 4, 3), List.of(c1.incidents(), c1.lowStarHouses(), c1.hazards(), c1.openAlerts()));
        assertEquals(25.0, c1.score(), 1e-9);
        assertEquals(CommunityRisk.Grade.RED, c1.grade());
        CommunityRisk.Assessment c2 = a.get("C2");
        assertEquals(10, c2.incidents());
        assertEquals(10.0, c2.score(), 1e-9);
        assertEquals(CommunityRisk.Grade.ORANGE, c2.grade());
        CommunityRisk.Assessment c3 = a.get("C3");
        assertEquals(List.of(9, 0, 0, 0), List.of(c3.incidents(), c3.lowStarHouses(), c3.hazards(), c3.openAlerts()));
        assertEquals(CommunityRisk.Grade.GREEN, c3.grade());
        assertEquals(List.of("C1", "C2", "C3"), service(DUTY).assess().stream().map(CommunityRisk.Assessment::code).toList());
    }

    @Test
    void anEditedRuleIsStoredAndChangesTheColours() {
        CommunityRisk admin = service(HouseRegisterTest.ADMIN);
        assertEquals(CommunityRisk.Rule.defaults(), admin.rule());
        CommunityRisk.Rule edited = new CommunityRisk.Rule(60, 1, 3, 3, 2, 2, 9, 30);
        admin.saveRule(edited, "周敏");
        assertEquals(edited, service(DUTY).rule());
        Map<String, CommunityRisk.Assessment> a = byCode(admin);
        // C1 25 is now under red (30); C3 counts its three-star house (9 + 3 = 12) and turns orange at 9
        assertEquals(CommunityRisk.Grade.ORANGE, a.get("C1").grade());
        assertEquals(1, a.get("C3").lowStarHouses());
        assertEquals(CommunityRisk.Grade.ORANGE, a.get("C3").grade());
        // the 60-day window drops nothing of C2's (89 days back): they fall out
        assertEquals(0, a.get("C2").incidents());
        assertEquals(CommunityRisk.Grade.GREEN, a.get("C2").grade());
        assertEquals(1L, (long) db.jdbi().<Long, RuntimeException>withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'COMMUNITY_RISK_RULE'").mapTo(Long.class).one()));
    }

    @Test
    void anUnusableRuleIsRefusedFieldByFieldAndOnlyAnAdministratorEditsIt() {
        CommunityRisk admin = service(HouseRegisterTest.ADMIN);
        CommunityRisk.InvalidRule e = assertThrows(CommunityRisk.InvalidRule.class,
                () -> admin.saveRule(new CommunityRisk.Rule(0, -1, 6, 3, 2, 2, 10, 10), "周敏"));
        assertEquals(List.of("windowDays", "lowStarsAtMost", "incidentWeight", "redAt"),
                e.problems().stream().map(CommunityRisk.Problem::param).toList());
        assertEquals("红色起点须大于橙色起点", e.problems().get(3).text().in(java.util.Locale.CHINA));
        assertEquals("red must start above orange", e.problems().get(3).text().english());
        assertEquals(CommunityRisk.Rule.defaults(), admin.rule());
        assertThrows(AccessDenied.class, () -> service(DUTY).saveRule(CommunityRisk.Rule.defaults(), "李明"));
        assertTrue(CommunityRisk.Rule.defaults().problems().isEmpty());
    }

    @Test
    void theGradeChangesExactlyAtEachThreshold() {
        CommunityRisk.Rule r = CommunityRisk.Rule.defaults();
        assertEquals(CommunityRisk.Grade.GREEN, r.grade(14.999));
        assertEquals(CommunityRisk.Grade.ORANGE, r.grade(15));
        assertEquals(CommunityRisk.Grade.ORANGE, r.grade(24.999));
        assertEquals(CommunityRisk.Grade.RED, r.grade(25));
        assertEquals(10 * 0.1 + 2 * 3 + 3 * 2 + 4 * 2, r.score(10, 2, 3, 4), 1e-9);
    }
}
