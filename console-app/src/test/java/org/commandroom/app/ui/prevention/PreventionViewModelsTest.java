package org.commandroom.app.ui.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.IssueHook;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.prevention.CommunityRisk;
import org.commandroom.core.prevention.ModelAlertService;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.workhours.WorkHours;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 主防 window's view models on H2 with no FX toolkit (work and callbacks in line): what core refuses is said in
 * the user's words and nothing is saved; English input problems are English; an empty span of work-hours says so.
 */
class PreventionViewModelsTest {

    private static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);
    private static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    private static final Tasks INLINE = new Tasks(Runnable::run, Runnable::run);

    private IntakeFixture fx;
    private TestClock clock;

    @BeforeEach
    void open() {
        clock = new TestClock(Instant.parse("2026-12-05T02:00:00Z"), IntakeFixture.ZONE);
        fx = new IntakeFixture(TestDatabases.h2(), clock, "ws-1", org.commandroom.core.intake.RepeatRule.defaults(), true);
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    private AccessGuard guard(Principal who) {
        return AccessGuard.of(fx.db.jdbi(), clock, who);
    }

    private ModelAlertService alerts(Principal who) {
        OrderService orders = new OrderService(fx.db.jdbi(), clock, DeadlinePolicy.defaults(), new Numbering(clock, IntakeFixture.ZONE),
                new ChangeRecorder(clock, "ws-1"), IssueHook.NONE, guard(who));
        return new ModelAlertService(fx.db.jdbi(), clock, orders, guard(who));
    }

    private static List<ModelAlertsViewModel.RuleInput> asStored(ModelAlertsViewModel vm) {
        return vm.rulesProperty().get().rules().stream().map(r -> {
            Map<String, String> t = new LinkedHashMap<>();
            r.thresholds().forEach((k, v) -> t.put(k, ModelAlertsView.number(v)));
            return new ModelAlertsViewModel.RuleInput(r.code(), r.enabled(), Integer.toString(r.feedbackDays()), t);
        }).toList();
    }

    @Test
    void aDutyCommanderIsToldHeMayNotChangeTheModelRulesAndNothingIsSaved() {
        ModelAlertService service = alerts(DUTY);
        ModelAlertsViewModel vm = new ModelAlertsViewModel(() -> service, INLINE, I18n.load(Locale.ROOT), "李明");
        vm.load();
        assertEquals(3, vm.rulesProperty().get().rules().size());
        List<ModelAlertsViewModel.RuleInput> in = asStored(vm).stream().map(r -> new ModelAlertsViewModel.RuleInput(r.code(), false,
                r.feedbackDays(), r.thresholds())).toList();
        vm.save(in);
        assertTrue(vm.failedProperty().get());
        assertEquals("当前用户的角色无权进行此操作（已记入审计日志）", vm.messageProperty().get());
        assertTrue(alerts(ADMIN).rules().rules().stream().allMatch(org.commandroom.core.prevention.MeterModels.Rule::enabled));
    }

    @Test
    void inEnglishAProblemIsSaidInEnglishUnderItsField() {
        ModelAlertService service = alerts(ADMIN);
        ModelAlertsViewModel vm = new ModelAlertsViewModel(() -> service, INLINE, I18n.load(Locale.ENGLISH), "admin");
        vm.load();
        List<ModelAlertsViewModel.RuleInput> in = asStored(vm).stream().map(r -> r.code().equals("SUDDEN_OCCUPANCY")
                ? new ModelAlertsViewModel.RuleInput(r.code(), true, "5", Map.of("vacantRate", "0.2", "vacantDays", "60",
                        "occupiedRate", "0.15")) : r).toList();
        vm.save(in);
        assertEquals(Map.of("SUDDEN_OCCUPANCY.vacantRate", "vacantRate must be below occupiedRate"), vm.fieldErrors());
        assertEquals("Not saved: correct what is said under the fields", vm.messageProperty().get());

        CommunityRisk risk = new CommunityRisk(fx.db.jdbi(), clock, guard(ADMIN));
        RiskRuleViewModel rvm = new RiskRuleViewModel(() -> risk, INLINE, I18n.load(Locale.ENGLISH), "admin");
        rvm.load();
        Map<String, String> typed = new LinkedHashMap<>();
        rvm.ruleProperty().get().values().forEach((k, v) -> typed.put(k, ModelAlertsView.number(v)));
        typed.put("windowDays", "30.5");
        rvm.save(typed);
        assertEquals(Map.of("windowDays", "Enter a whole number"), rvm.fieldErrors());
        assertEquals("Score = incidents in the last 90 days × 0.1 + houses of 2 stars or fewer × 3 + hazards found at the latest "
                + "inspection × 2 + model alerts still open × 2; red from 25 points, orange from 15, green below.",
                RiskRuleViewModel.statement(I18n.load(Locale.ENGLISH), rvm.ruleProperty().get()));
    }

    @Test
    void anAdministratorWithoutTheIndexIsToldHeMayNotReadWorkHoursAndAnEmptySpanSaysSo() {
        WorkHours refused = new WorkHours(fx.db.jdbi(), clock, guard(ADMIN));
        WorkHoursViewModel vm = new WorkHoursViewModel(() -> refused, INLINE, I18n.load(Locale.ROOT), LocalDate.of(2026, 12, 5));
        vm.load();
        assertEquals("当前用户的角色无权进行此操作（已记入审计日志）", vm.messageProperty().get());
        WorkHours allowed = new WorkHours(fx.db.jdbi(), clock, guard(DUTY));
        WorkHoursViewModel ok = new WorkHoursViewModel(() -> allowed, INLINE, I18n.load(Locale.ROOT), LocalDate.of(2026, 12, 5));
        ok.load();
        assertEquals("所选时段没有记录工时", ok.messageProperty().get());
        ok.fromProperty().set(LocalDate.of(2025, 1, 1));
        ok.load();
        assertEquals("一次最多查询 366 天", ok.messageProperty().get());
    }
}
