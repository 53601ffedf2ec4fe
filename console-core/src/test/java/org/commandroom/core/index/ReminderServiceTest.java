package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Reminder notices on the golden county, October against September, on a fixed clock. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ReminderServiceTest {

    @Parameter
    TestDb kind;

    private Database db;
    private GoldenCounty c;
    private TestClock clock;
    private IndexDefinitions defs;
    private ReminderService reminders;
    private final Period oct = Period.month(2026, 10);

    @BeforeEach
    void setUp() {
        db = kind.open();
        c = new GoldenCounty(db.jdbi());
        clock = new TestClock(GoldenCounty.NOW);
        defs = IndexDefinitions.withDefault();
        new IndexEngine(db.jdbi(), clock, defs, null).recomputeYear(2026);
        reminders = new ReminderService(db.jdbi(), clock, defs, DeadlinePolicy.defaults(),
                new Numbering(clock, Period.ZONE), new ChangeRecorder(clock, "ws1"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void dropsAndScoresUnderThePassLineSendReminderOrdersOnce() {
        List<ReminderService.Notice> sent = reminders.review(oct);
        // A: INCIDENTS fell from 100 (September, nothing happened) to 46.67 (> 12 points) and is under 60;
        //    ENFORCEMENT is 15. B: CASES fell from 100 to 63.64; RISKS is 57.14. P: RISKS is 57.14.
        Map<Long, List<String>> byStation = sent.stream().collect(Collectors.groupingBy(ReminderService.Notice::stationId,
                Collectors.mapping(n -> n.cause() + " " + n.subject(), Collectors.toList())));
        assertEquals(Map.of(
                c.a, List.of("SWING INCIDENTS", "UNDER_PASS INCIDENTS", "UNDER_PASS ENFORCEMENT"),
                c.b, List.of("SWING CASES", "UNDER_PASS RISKS"),
                c.p, List.of("UNDER_PASS RISKS")), byStation);
        ReminderService.Notice swing = sent.get(0);
        assertEquals("2026年10月 防警情能力 环比下降53.3分(100.0→46.7),请于2026-11-20前整改反馈", swing.detail());
        assertEquals(GoldenCounty.NOW.plus(Duration.ofDays(15)), swing.remediationDeadline());

        var order = db.jdbi().withHandle(h -> h.createQuery("SELECT kind, station_id, status, feedback_deadline, summary FROM work_order WHERE id = :id")
                .bind("id", swing.orderId()).mapToMap().one());
        assertEquals(OrderKind.REMINDER.name(), order.get("kind"));
        assertEquals(c.a, ((Number) order.get("station_id")).longValue());
        assertEquals(OrderStatus.ISSUED.name(), order.get("status"));
        assertTrue(order.get("summary").toString().startsWith("提醒单:甲派出所 2026年10月 防警情能力"), order.get("summary").toString());
        assertEquals(List.of("CREATED", "ISSUED"), db.jdbi().withHandle(h -> h.createQuery(
                "SELECT event FROM work_order_event WHERE order_id = :id ORDER BY id").bind("id", swing.orderId()).mapTo(String.class).list()));
        java.time.Instant fb = db.jdbi().withHandle(h -> h.createQuery("SELECT feedback_deadline FROM work_order WHERE id = :id")
                .bind("id", swing.orderId()).mapTo(java.time.Instant.class).one());
        assertEquals(GoldenCounty.NOW.plus(Duration.ofDays(15)), fb, "the order's feedback deadline is the remediation deadline");

        clock.advance(Duration.ofDays(1));
        assertEquals(List.of(), reminders.review(oct), "never twice for the same cause and period");
        assertEquals(6L, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM work_order WHERE kind = 'REMINDER'")
                .mapTo(Long.class).one()));
    }

    @Test
    void aStationsNoticesAreListedWithTheStateOfTheirOrders() {
        List<ReminderService.Notice> sent = reminders.review(oct);
        List<ReminderService.Listed> listed = reminders.notices(c.a, 50);
        assertEquals(3, listed.size());
        assertEquals(sent.stream().filter(n -> n.stationId() == c.a).map(ReminderService.Notice::orderId).sorted().toList(),
                listed.stream().map(ReminderService.Listed::orderId).sorted().toList());
        ReminderService.Listed first = listed.stream().filter(l -> l.subject().equals("INCIDENTS") && l.cause().equals("SWING"))
                .findFirst().orElseThrow();
        assertEquals(oct, first.period());
        assertEquals("ISSUED", first.orderStatus());
        assertTrue(first.orderNo() != null && !first.orderNo().isBlank());
        assertEquals(GoldenCounty.NOW.plus(Duration.ofDays(15)), first.remediationDeadline());
        assertEquals(100.0, first.valueBefore(), 0.01, "the figures are kept for each console to word the notice");
        assertEquals(46.67, first.valueNow(), 0.01);
        assertEquals(60.0, first.passLine(), 1e-9);
        ReminderService.Listed under = listed.stream().filter(l -> l.subject().equals("ENFORCEMENT")).findFirst().orElseThrow();
        assertEquals(null, under.valueBefore(), "a score under the pass line has no earlier figure");
        assertEquals(15.0, under.valueNow(), 0.01);
        assertEquals(1, reminders.notices(c.a, 1).size(), "at most the limit");
        assertEquals(List.of(), reminders.notices(c.a + c.b + c.p + 1000, 50), "an unknown station has none");
    }

    @Test
    void anIndicatorCanHaveItsOwnSwingThreshold() {
        // P's fights went from 100 points in September to 86.67 in October: 13.33 points, under the default 25
        String yaml = DefinitionReaderTest.root(r -> {
            for (JsonNode i : r.get("indicators")) {
                if (i.get("id").asText().equals("I02")) {
                    ((ObjectNode) i).put("swingPoints", 10);
                }
            }
            ((ObjectNode) r.get("reminders")).putArray("underPass");
        });
        assertTrue(defs.reload(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test").accepted());
        List<ReminderService.Notice> sent = reminders.review(oct);
        assertEquals(List.of("SWING I02"), sent.stream().filter(n -> n.stationId() == c.p).map(n -> n.cause() + " " + n.subject()).toList());
    }
}
