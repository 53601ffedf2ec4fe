package org.commandroom.core.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The alert service on a real H2 and PostgreSQL: an alert is an order to the grid's officer with the rule's time limit
 * and the readings in its trail; a later file that continues the same stretch does not alert again; the rules are
 * saved as data; only an administrator imports or changes them.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ModelAlertServiceTest {

    /** 5 Dec 2026, 10:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

    @Parameter
    TestDb kind;

    private Database db;
    private IntakeFixture fx;
    private TestClock clock;
    private OrderService orders;

    @BeforeEach
    void open() {
        db = kind.open();
        clock = new TestClock(NOW, IntakeFixture.ZONE);
        fx = new IntakeFixture(db, clock, "ws-1", org.commandroom.core.intake.RepeatRule.defaults(), true);
        orders = fx.ordersAs(HouseRegisterTest.ADMIN);
        new HouseRegister(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, HouseRegisterTest.ADMIN))
                .save(new HouseInput("南关街", "12号", HouseKind.RENTED, null, "房东", null, 2, List.of(), IntakeFixture.IN_G1, null,
                        null), "周敏");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ModelAlertService service(Principal who) {
        return new ModelAlertService(db.jdbi(), clock, orders, AccessGuard.of(db.jdbi(), clock, who));
    }

    /** Monthly readings of meter N1 at 南关街 12号: 1.2 m³ a day (10 people at 0.12) from the first month to the last. */
    private static byte[] groupRented(int fromMonth, int toMonth) {
        StringBuilder b = new StringBuilder("表号,地址,门牌号,抄表日期,读数\n");
        double v = 100;
        for (int m = 1; m <= toMonth; m++) {
            LocalDate d = LocalDate.of(2026, m, 1);
            if (m >= fromMonth) {
                b.append("N1,南关街,12号,").append(d).append(',').append(String.format(java.util.Locale.ROOT, "%.1f", v)).append('\n');
            }
            v += 1.2 * d.lengthOfMonth();
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAlertIsAnOrderToTheGridsOfficerWithTheReadingsAndTheRulesTimeLimitAndIsNotRaisedTwice() {
        ModelAlertService admin = service(HouseRegisterTest.ADMIN);
        ModelAlertService.Result r = admin.importReadings(groupRented(8, 11), "n1.csv", "周敏", false);
        assertTrue(r.accepted(), r.problems().toString());
        assertEquals(1, r.alerts().size());
        ModelAlertService.Alert a = r.alerts().get(0);
        assertEquals(MeterModels.GROUP_RENTING, a.rule());
        assertEquals(LocalDate.of(2026, 8, 1), a.episodeStart());
        assertEquals(fx.officerWang, a.officerId());
        assertEquals(NOW.plus(Duration.ofDays(5)), a.deadline());
        Order o = orders.find(db.jdbi().withHandle(h -> h.createQuery("SELECT order_id FROM model_alert").mapTo(Long.class).one()))
                .orElseThrow();
        assertEquals(OrderKind.HOUSE_INSPECTION, o.kind());
        assertEquals(fx.officerWang, o.assigneeOfficerId());
        assertEquals(fx.s1, o.stationId());
        assertEquals(a.deadline(), o.feedbackDeadline());
        assertTrue(o.summary().startsWith("模型预警·疑似群租:南关街 12号(出租房屋)表号 N1,自2026-08-01起92天日均用水1.20m³(约10人)"),
                o.summary());
        assertTrue(orders.trail(o.id()).stream().anyMatch(e -> e.detail() != null
                && e.detail().equals("表号 N1 读数(m³):2026-08-01 354.4;2026-09-01 391.6;2026-10-01 427.6;2026-11-01 464.8;")),
                orders.trail(o.id()).toString());
        // December's reading continues the same stretch: the same episode, no second order
        ModelAlertService.Result again = admin.importReadings(groupRented(11, 12), "n1-dec.csv", "周敏", false);
        assertEquals(List.of(), again.alerts());
        assertEquals(1, again.inserted());
        assertEquals(1, again.unchanged());
        assertEquals(1L, (long) db.jdbi().<Long, RuntimeException>withHandle(h -> h.createQuery("SELECT COUNT(*) FROM work_order").mapTo(Long.class).one()));
    }

    @Test
    void aDryRunNamesTheAlertAndWritesNothing() {
        ModelAlertService.Result r = service(HouseRegisterTest.ADMIN).importReadings(groupRented(8, 11), "n1.csv", "周敏", true);
        assertEquals(1, r.alerts().size());
        assertNull(r.alerts().get(0).orderNo());
        assertEquals(0L, (long) db.jdbi().<Long, RuntimeException>withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM work_order) + (SELECT COUNT(*) "
                + "FROM meter_reading) + (SELECT COUNT(*) FROM model_alert)").mapTo(Long.class).one()));
    }

    @Test
    void theRulesAreSavedAsDataAndAStricterLineFindsNothing() {
        ModelAlertService admin = service(HouseRegisterTest.ADMIN);
        MeterModels.Rule gr = MeterModels.defaults().rule(MeterModels.GROUP_RENTING).orElseThrow();
        List<MeterModels.Rule> rules = new java.util.ArrayList<>(MeterModels.defaults().rules());
        rules.replaceAll(r -> r.code().equals(gr.code()) ? new MeterModels.Rule(gr.code(), gr.nameZh(), gr.nameEn(), true, 3,
                Map.of("perPersonRate", 0.12, "minPersons", 11.0, "minDays", 28.0)) : r);
        admin.saveRules(new MeterModels(rules), "周敏");
        MeterModels stored = db.jdbi().withHandle(MeterModels::load);
        assertEquals(11.0, stored.rule(MeterModels.GROUP_RENTING).orElseThrow().thresholds().get("minPersons"));
        assertEquals(3, stored.rule(MeterModels.GROUP_RENTING).orElseThrow().feedbackDays());
        assertEquals(List.of(), admin.importReadings(groupRented(8, 11), "n1.csv", "周敏", false).alerts(), "10 people < 11");
        assertThrows(IllegalArgumentException.class, () -> admin.saveRules(new MeterModels(List.of()), "周敏"));
        assertEquals(1L, (long) db.jdbi().<Long, RuntimeException>withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'MODEL_ALERT_RULES'")
                .mapTo(Long.class).one()));
    }

    @Test
    void aDutyCommanderMayNeitherImportReadingsNorChangeTheRules() {
        ModelAlertService duty = service(InspectionGeneratorTest.DUTY);
        assertThrows(AccessDenied.class, () -> duty.importReadings(groupRented(8, 11), "n1.csv", "李明", false));
        assertThrows(AccessDenied.class, () -> duty.saveRules(MeterModels.defaults(), "李明"));
        assertEquals(0L, (long) db.jdbi().<Long, RuntimeException>withHandle(h -> h.createQuery("SELECT COUNT(*) FROM meter_reading").mapTo(Long.class).one()));
        assertEquals(2L, (long) db.jdbi().<Long, RuntimeException>withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'REFUSED'")
                .mapTo(Long.class).one()));
    }

    @Test
    void theAlertsAreListedWithTheirEvidenceAndTheOrderEachBecameAndLateOnesAreMarked() {
        ModelAlertService admin = service(HouseRegisterTest.ADMIN);
        admin.importReadings(groupRented(8, 11), "n1.csv", "周敏", false);
        ModelAlertService duty = service(InspectionGeneratorTest.DUTY);
        List<ModelAlertService.Raised> listed = duty.recent(50);
        assertEquals(1, listed.size());
        ModelAlertService.Raised a = listed.get(0);
        assertEquals(MeterModels.GROUP_RENTING, a.rule());
        assertEquals("南关街 12号", a.house());
        assertEquals("城关派出所", a.station());
        assertTrue(a.evidence().startsWith("表号 N1 读数(m³):2026-08-01 354.4;"), a.evidence());
        String orderNo = db.jdbi().withHandle(h -> h.createQuery("SELECT order_no FROM work_order").mapTo(String.class).one());
        assertEquals(orderNo, a.orderNo());
        assertEquals("ISSUED", a.orderStatus());
        assertEquals(false, a.late());
        clock.advance(Duration.ofDays(6));
        assertEquals(true, duty.recent(50).get(0).late(), "open past its five days");
    }

    @Test
    void unusableRulesAreRefusedWithEachProblemAtItsRuleAndField() {
        MeterModels.Rule so = MeterModels.defaults().rule(MeterModels.SUDDEN_OCCUPANCY).orElseThrow();
        List<MeterModels.Rule> rules = new java.util.ArrayList<>(MeterModels.defaults().rules());
        rules.replaceAll(r -> r.code().equals(so.code()) ? new MeterModels.Rule(so.code(), so.nameZh(), so.nameEn(), true, 61,
                Map.of("vacantRate", -1.0, "vacantDays", 60.0, "occupiedRate", 0.15)) : r);
        MeterModels.InvalidRules e = assertThrows(MeterModels.InvalidRules.class,
                () -> service(HouseRegisterTest.ADMIN).saveRules(new MeterModels(rules), "周敏"));
        assertEquals(List.of("SUDDEN_OCCUPANCY.feedbackDays", "SUDDEN_OCCUPANCY.vacantRate"),
                e.problems().stream().map(p -> p.rule() + "." + p.field()).toList());
        assertEquals("反馈期限须为 1 至 60 天", e.problems().get(0).text().in(java.util.Locale.CHINA));
        assertEquals(5, service(HouseRegisterTest.ADMIN).rules().rule(MeterModels.SUDDEN_OCCUPANCY).orElseThrow().feedbackDays());
    }
}
