package org.commandroom.core.prevention.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderEvent;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.OrderStatus;
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
 * Standard tasks in the closed loop on a real H2 and PostgreSQL: issuing makes an order to the grid's community
 * officer with the task's time limit and standard; feedback that leaves out a required item is refused; a campaign is
 * one order per grid in one action, and its progress counts signed, fed back and overdue; the wall and a trainee cannot
 * issue.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class StandardTaskServiceTest {

    /** 5 Dec 2026, 10:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);
    static final Principal WALL = new Principal(3, "wall", "大屏", Set.of(Role.WALL_DISPLAY), "wall-1", false);
    static final Principal TRAINEE = new Principal(4, "trainee", "学员", Set.of(Role.TRAINEE), "ws-2", false);

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
        orders = fx.ordersAs(DUTY);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private StandardTaskService service(Principal who) {
        AccessGuard guard = AccessGuard.of(db.jdbi(), clock, who);
        return new StandardTaskService(db.jdbi(), clock, orders, new StandardTaskLibrary(db.jdbi(), clock, guard), guard);
    }

    private static Map<String, String> answers(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void issuingMakesAnOrderToTheGridsOfficerWithTheTasksDeadlineAndStandard() {
        StandardTaskService s = service(DUTY);
        Order o = s.issue("BZJ-010", fx.g1, "李明");
        assertEquals(OrderKind.STANDARD_TASK, o.kind());
        assertEquals(OrderStatus.ISSUED, o.status());
        assertEquals(fx.s1, o.stationId());
        assertEquals(fx.officerWang, o.assigneeOfficerId());
        assertEquals(NOW.plus(Duration.ofDays(7)), o.feedbackDeadline(), "the task's 7 days");
        assertTrue(o.summary().startsWith("标准件 BZJ-010 反诈宣传入户｜警格：南关一格｜牵头：反诈中心"), o.summary());
        List<OrderEvent> trail = orders.trail(o.id());
        assertTrue(trail.stream().anyMatch(e -> e.event() == OrderEventType.NOTE && e.detail() != null
                && e.detail().contains("依据：《反电信网络诈骗法》") && e.detail().endsWith(
                        "反馈须填写：走访户数、APP安装数、发放资料份数、发现可疑线索")), trail.toString());
        assertEquals(List.of("走访户数", "APP安装数", "发放资料份数", "发现可疑线索"), s.requiredItems(o.id()).orElseThrow());
        assertEquals(NOW.plus(Duration.ofHours(2)), s.issue("BZJ-018", fx.g3, "李明").feedbackDeadline(), "布控: 2 hours");
    }

    @Test
    void feedbackThatLeavesOutARequiredItemIsRefusedAndAFullOneIsRecorded() {
        StandardTaskService s = service(DUTY);
        Order o = s.issue("BZJ-010", fx.g1, "李明");
        orders.sign(o.id(), "王建国");
        StandardTaskService.Refused e = assertThrows(StandardTaskService.Refused.class, () -> s.feedback(o.id(),
                answers("走访户数", "120", "APP安装数", " ", "发放资料份数", "300"), null, "王建国"));
        assertEquals("the feedback leaves out items the standard requires: APP安装数、发现可疑线索", e.getMessage());
        assertEquals("反馈未填写标准要求的项目：APP安装数、发现可疑线索", e.reason().in(Locale.SIMPLIFIED_CHINESE));
        assertEquals(OrderStatus.SIGNED, orders.find(o.id()).orElseThrow().status(), "nothing recorded");

        assertTrue(s.feedback(o.id(), answers("走访户数", "120", "APP安装数", "86", "发放资料份数", "300", "发现可疑线索", "无"),
                "老年人居多", "王建国"));
        Order fed = orders.find(o.id()).orElseThrow();
        assertEquals(OrderStatus.FED_BACK, fed.status());
        OrderEvent last = orders.trail(o.id()).stream().filter(x -> x.event() == OrderEventType.FED_BACK).findFirst()
                .orElseThrow();
        assertEquals("走访户数：120；APP安装数：86；发放资料份数：300；发现可疑线索：无；备注：老年人居多", last.detail());
        assertFalse(s.feedback(o.id(), answers("走访户数", "1", "APP安装数", "1", "发放资料份数", "1", "发现可疑线索", "无"),
                null, "王建国"), "fed back already");
    }

    @Test
    void anOrderNotIssuedFromAStandardTaskHasNoItemsToAnswer() {
        Order visit = fx.tasks.visit(fx.s1, fx.officerWang, null, null, null, "上门回访", "李明");
        StandardTaskService s = service(DUTY);
        assertTrue(s.requiredItems(visit.id()).isEmpty());
        assertThrows(StandardTaskService.Refused.class, () -> s.feedback(visit.id(), Map.of(), null, "王建国"));
    }

    @Test
    void aCampaignIsOneOrderPerGridAndItsProgressCountsSignedFedBackAndOverdue() {
        StandardTaskService s = service(DUTY);
        StandardTaskService.Campaign c = s.campaign("BZJ-010", List.of(fx.g1, fx.g2, fx.g3, fx.g1), "李明");
        assertEquals(3, c.orders().size(), "a grid named twice gets one order");
        assertEquals(NOW.plus(Duration.ofDays(7)), c.feedbackDeadline());
        assertEquals(fx.officerWang, c.orders().get(0).assigneeOfficerId());
        assertNull(c.orders().get(1).assigneeOfficerId(), "G2 has no community officer: the station takes it");
        assertEquals(fx.officerLi, c.orders().get(2).assigneeOfficerId());

        StandardTaskService.Progress p = s.progress(c.id()).orElseThrow();
        assertEquals(List.of(3, 0, 0, 0), List.of(p.total(), p.signed(), p.fedBack(), p.overdue()));

        orders.sign(c.orders().get(0).id(), "王建国");
        orders.sign(c.orders().get(2).id(), "李明");
        s.feedback(c.orders().get(0).id(), answers("走访户数", "40", "APP安装数", "12", "发放资料份数", "80", "发现可疑线索", "无"),
                null, "王建国");
        p = s.progress(c.id()).orElseThrow();
        assertEquals(List.of(3, 2, 1, 0), List.of(p.total(), p.signed(), p.fedBack(), p.overdue()));

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        p = s.progress(c.id()).orElseThrow();
        assertEquals(2, p.overdue(), "the two without feedback are past the deadline");
        assertEquals(List.of(false, true, true), p.lines().stream().map(StandardTaskService.Line::overdue).toList());
        assertEquals("BZJ-010", p.taskCode());
        assertEquals(NOW, p.startedAt());
        assertEquals(List.of(c.id()), s.campaigns().stream().map(StandardTaskService.Progress::campaignId).toList());
    }

    @Test
    void aCampaignWithAnUnknownGridWritesNothing() {
        StandardTaskService s = service(DUTY);
        assertThrows(StandardTaskService.Refused.class, () -> s.campaign("BZJ-010", List.of(fx.g1, 999_999L), "李明"));
        assertThrows(StandardTaskService.Refused.class, () -> s.campaign("BZJ-010", List.of(), "李明"));
        assertEquals(0, fx.count("work_order"));
        assertEquals(0, fx.count("task_campaign"));
    }

    @Test
    void theWallAndATraineeCannotIssue() {
        service(DUTY).library().ensureDefaults();
        for (Principal who : List.of(WALL, TRAINEE)) {
            StandardTaskService s = service(who);
            assertThrows(AccessDenied.class, () -> s.issue("BZJ-001", fx.g1, who.displayName()));
            assertThrows(AccessDenied.class, () -> s.campaign("BZJ-001", List.of(fx.g1), who.displayName()));
        }
        assertEquals(0, fx.count("work_order"));
    }

    @Test
    void aRetiredOrUnknownTaskIsNotIssued() {
        StandardTaskService s = service(DUTY);
        AccessGuard admin = AccessGuard.of(db.jdbi(), clock, StandardTaskLibraryTest.ADMIN);
        StandardTaskLibrary lib = new StandardTaskLibrary(db.jdbi(), clock, admin);
        LibraryTask t = lib.find("BZJ-016").orElseThrow();
        lib.save(new LibraryTask(t.code(), t.titleZh(), t.titleEn(), t.leadDepartment(), t.basis(), t.measures(),
                t.completion(), t.timeLimitHours(), t.feedbackItems(), false), "周敏");
        assertEquals("standard task BZJ-016 is retired and cannot be issued",
                assertThrows(StandardTaskService.Refused.class, () -> s.issue("BZJ-016", fx.g1, "李明")).getMessage());
        assertThrows(StandardTaskService.Refused.class, () -> s.issue("NOPE", fx.g1, "李明"));
        assertEquals(0, fx.count("work_order"));
    }

    @Test
    void theGridsAreListedWithTheirStationAndOfficer() {
        List<StandardTaskService.Grid> grids = service(DUTY).grids();
        assertEquals(List.of("G1", "G2", "G3"), grids.stream().map(StandardTaskService.Grid::code).toList());
        assertEquals("王建国", grids.get(0).officerName());
        assertEquals("城关派出所", grids.get(0).stationName());
        assertNull(grids.get(1).officerId());
    }
}
