package org.commandroom.app.ui.admin.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.audit.AuditDao;
import org.commandroom.core.audit.AuditEntry;
import org.commandroom.core.audit.AuditService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit screen's state on a real H2 trail, with the background work run in line: the default filter (the last
 * 24 hours), each filter as typed, the pages, the verification (complete, then a row changed by SQL), the export and
 * a refusal, in the console's words.
 */
class AuditViewModelTest {

    private static final Principal ADMIN = new Principal(7, "zhoumin", "周敏", Set.of(Role.ADMINISTRATOR), "admin-1",
            false);
    private static final Principal DUTY = new Principal(3, "lim", "李明", Set.of(Role.DUTY_COMMANDER), "desk-1", false);

    private final Fixture fx = Fixture.inMemory();
    /** Now: 2026-11-23 10:00 in the station's zone (Asia/Shanghai). */
    private final Instant now = Fixture.T0;

    @AfterEach
    void close() {
        fx.close();
    }

    private AuditViewModel vm(Principal who, Locale locale, Tasks tasks) {
        AuditService audit = new AuditService(fx.db.jdbi(), fx.clock, AccessGuard.of(fx.db.jdbi(), fx.clock, who));
        return new AuditViewModel(audit, new UiContext(fx.clock, tasks, I18n.load(locale), new Ticker(),
                DisplaySettings.defaults()));
    }

    private AuditViewModel vm() {
        return vm(ADMIN, Locale.ROOT, new Tasks(Runnable::run, Runnable::run));
    }

    private void append(Duration ago, String actor, String action, String entity, Long id, String detail) {
        fx.db.jdbi().useTransaction(h -> h.attach(AuditDao.class).append(now.minus(ago), actor, "desk-1", action, entity,
                id, detail));
    }

    /** seq 1 is 30 h old (outside the default 24 h); 2..6 within it. */
    private void trail() {
        append(Duration.ofHours(30), "lim", "LOGIN", "USER", 3L, "roles DUTY_COMMANDER");
        append(Duration.ofHours(20), "lim", "INTAKE", "INCIDENT", 41L, "J20261123-00041 东大街8号");
        append(Duration.ofHours(3), "lixia", "LOGIN", "USER", 4L, "roles COMMAND_LEADER");
        append(Duration.ofHours(2), "lim", "ORDER_SIGNED", "ORDER", 9L, "Z20261123-00009 签收");
        append(Duration.ofMinutes(90), "wangq", "NEW_KIND_OF_ACTION", null, null, "from a newer version");
        append(Duration.ofMinutes(30), "lixia", "LOGIN_FAILED", "USER", 4L, "wrong password 1");
    }

    private static List<Long> seqs(AuditViewModel vm) {
        return vm.rows().stream().map(AuditEntry::seq).toList();
    }

    @Test
    void itOpensOnTheLast24HoursNewestFirstWithTheActionsPresentInWords() {
        trail();
        AuditViewModel vm = vm();
        assertEquals(LocalDate.of(2026, 11, 22), vm.fromDateProperty().get());
        assertEquals("10:00", vm.fromTimeProperty().get(), "24 hours before 10:00 on the 23rd, station time");
        assertEquals(null, vm.toDateProperty().get(), "no end: up to now, and later on the next search");
        vm.activate();
        assertEquals(List.of(6L, 5L, 4L, 3L, 2L), seqs(vm));
        assertEquals("已显示 5 行，已全部列出", vm.statusProperty().get());
        assertFalse(vm.moreProperty().get());
        assertEquals(List.of("", "INTAKE", "LOGIN", "LOGIN_FAILED", "NEW_KIND_OF_ACTION", "ORDER_SIGNED"), vm.actions());
        assertEquals(List.of("全部操作", "接警（INTAKE）", "登录（LOGIN）", "登录失败（LOGIN_FAILED）", "NEW_KIND_OF_ACTION",
                "指令签收（ORDER_SIGNED）"), vm.actions().stream().map(vm::actionChoice).toList(),
                "a label where the console has one, with the code; an unknown action as its code");
        assertEquals(List.of("", "INCIDENT", "ORDER", "USER"), vm.entities());
        assertEquals("指令签收", vm.actionLabel("ORDER_SIGNED"));
        assertEquals("警情", vm.entityLabel("INCIDENT"));
        assertEquals("2026-11-23 08:00:00", vm.time(vm.rows().get(2).at()), "the station's time");
    }

    @Test
    void eachFilterAsTypedNarrowsTheRows() {
        trail();
        AuditViewModel vm = vm();
        vm.activate();
        vm.actionProperty().set("LOGIN");
        vm.search();
        assertEquals(List.of(3L), seqs(vm), "LOGIN in the last 24 hours: lixia's; lim's is older");
        vm.fromDateProperty().set(null);
        vm.search();
        assertEquals(List.of(3L, 1L), seqs(vm), "no start: every LOGIN");

        vm.actionProperty().set("");
        vm.actorProperty().set("li");
        vm.search();
        assertEquals(List.of(6L, 4L, 3L, 2L, 1L), seqs(vm), "li: the start of lim and lixia");
        vm.actorProperty().set("lim");
        vm.actorExactProperty().set(true);
        vm.search();
        assertEquals(List.of(4L, 2L, 1L), seqs(vm));

        vm.actorProperty().set("");
        vm.textProperty().set("东大街");
        vm.search();
        assertEquals(List.of(2L), seqs(vm));
        vm.textProperty().set("9");
        vm.search();
        assertEquals(List.of(4L), seqs(vm), "order 9 by its id, and its number in the detail");

        vm.textProperty().set("");
        vm.entityProperty().set("USER");
        vm.search();
        assertEquals(List.of(6L, 3L, 1L), seqs(vm));
        vm.entityProperty().set(null); // a choice cleared by the combo box
        vm.actionProperty().set(null);
        vm.search();
        assertEquals(6, vm.rows().size());
    }

    @Test
    void timesAreTypedInTheStationsZoneTheEndTakesItsWholeMinuteAndAMistakeIsSaidNotSearched() {
        trail();
        AuditViewModel vm = vm();
        vm.activate();
        // 2026-11-23: seq 4 at 08:00, 5 at 08:30, 6 at 09:30 (station time).
        vm.fromDateProperty().set(LocalDate.of(2026, 11, 23));
        vm.fromTimeProperty().set("8:00");
        vm.toDateProperty().set(LocalDate.of(2026, 11, 23));
        vm.toTimeProperty().set("08：30"); // a full-width colon, as a Chinese input method types it
        vm.search();
        assertEquals(List.of(5L, 4L), seqs(vm), "to 08:30 takes 08:30:00 and the rest of that minute");

        vm.toTimeProperty().set("");
        vm.search();
        assertEquals(List.of(6L, 5L, 4L), seqs(vm), "a date without a time is the whole day");

        vm.fromTimeProperty().set("8点");
        vm.search();
        assertEquals("开始时间应写作“时:分”，如 08:30", vm.messageProperty().get());
        assertTrue(vm.messageIsErrorProperty().get());
        assertEquals(List.of(6L, 5L, 4L), seqs(vm), "nothing asked: the rows stay");

        vm.fromTimeProperty().set("09:00");
        vm.toTimeProperty().set("08:00");
        vm.search();
        assertEquals("开始时间须早于结束时间", vm.messageProperty().get());

        vm.toTimeProperty().set("25:00");
        vm.search();
        assertEquals("结束时间应写作“时:分”，如 18:00", vm.messageProperty().get());

        vm.toTimeProperty().set("");
        vm.search();
        assertEquals("", vm.messageProperty().get(), "the mistake's words go once the filter reads");
        assertEquals(List.of(6L), seqs(vm));

        vm.resetFilter();
        vm.search();
        assertEquals(5, vm.rows().size(), "back to the last 24 hours");
    }

    @Test
    void loadMoreAddsTheNextPageUntilThereIsNoMore() {
        for (int i = 450; i >= 1; i--) {
            append(Duration.ofMinutes(i), "lim", "INTAKE", "INCIDENT", (long) i, "call " + i);
        }
        AuditViewModel vm = vm();
        vm.activate();
        assertEquals(AuditViewModel.PAGE, vm.rows().size());
        assertTrue(vm.moreProperty().get());
        assertEquals("已显示 200 行，还有更早的记录", vm.statusProperty().get());
        vm.loadMore();
        assertEquals(400, vm.rows().size());
        vm.loadMore();
        assertEquals(450, vm.rows().size());
        assertFalse(vm.moreProperty().get());
        assertEquals("已显示 450 行，已全部列出", vm.statusProperty().get());
        List<Long> all = seqs(vm);
        assertEquals(450L, all.get(0));
        assertEquals(1L, all.get(449));
        assertEquals(450, Set.copyOf(all).size(), "no row twice");
        vm.loadMore();
        assertEquals(450, vm.rows().size(), "nothing more to load");
    }

    @Test
    void aSearchAnsweredLateIsDroppedForTheOneAskedAfterIt() {
        trail();
        ArrayDeque<Runnable> io = new ArrayDeque<>();
        AuditViewModel vm = vm(ADMIN, Locale.ROOT, new Tasks(io::add, Runnable::run));
        vm.actionProperty().set("LOGIN");
        vm.fromDateProperty().set(null);
        vm.search();
        Runnable first = io.poll();
        vm.actionProperty().set("INTAKE");
        vm.search();
        io.poll().run();
        assertEquals(List.of(2L), seqs(vm));
        first.run();
        assertEquals(List.of(2L), seqs(vm), "the LOGIN answer came late: dropped");
        assertTrue(vm.loadingProperty().not().get());
    }

    @Test
    void verifyingSaysTheChainIsCompleteThenLocatesARowChangedBySql() {
        trail();
        AuditViewModel vm = vm();
        vm.activate();
        vm.verify();
        assertEquals(AuditViewModel.Chain.INTACT, vm.chainProperty().get());
        assertEquals("审计链完整：共 6 行", vm.chainTextProperty().get());
        assertTrue(vm.problems().isEmpty());
        assertFalse(vm.jobRunningProperty().get());

        fx.db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET actor = 'someone' WHERE seq = 3"));
        vm.verify();
        assertEquals(AuditViewModel.Chain.BROKEN, vm.chainProperty().get());
        assertEquals("审计链已被破坏：发现 1 处问题（共校验 6 行）", vm.chainTextProperty().get());
        assertEquals(List.of(new AuditViewModel.ChainProblem("第 3 行写入后被改动", 3)), vm.problems());
        assertEquals(Set.of(3L), vm.brokenSeqs());
        assertEquals("someone", vm.rows().stream().filter(r -> r.seq() == 3).findFirst().orElseThrow().actor(),
                "the rows are read again: the changed one shows what it holds now");

        vm.goTo(3);
        assertEquals(List.of(3L, 2L, 1L), seqs(vm), "the row and those before it, whatever the filter was");
        assertEquals(3L, vm.selectSeqProperty().get());
        assertEquals(null, vm.fromDateProperty().get(), "the filter is cleared to say what the table holds");
        assertEquals("someone", vm.rows().get(0).actor());

        fx.db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE seq IN (4, 5)"));
        vm.verify();
        assertEquals(List.of("第 3 行写入后被改动", "第 4–5 行缺失（已被删除）"),
                vm.problems().stream().map(AuditViewModel.ChainProblem::text).toList());
        assertEquals(0, vm.problems().get(1).seq(), "a deleted row cannot be shown");
    }

    @Test
    void theExportWritesTheTypedFilterWithChineseHeadersAndSaysWhere(@TempDir Path dir) throws Exception {
        trail();
        AuditViewModel vm = vm();
        vm.activate();
        assertEquals("审计日志-20261123-1000.csv", vm.suggestedFileName());
        vm.actionProperty().set("LOGIN");
        vm.fromDateProperty().set(null);
        Path file = dir.resolve(vm.suggestedFileName());
        vm.export(file);
        assertEquals("已导出 2 行到 " + file.toAbsolutePath(), vm.messageProperty().get());
        assertFalse(vm.messageIsErrorProperty().get());
        assertEquals(List.of(3L, 1L), seqs(vm), "the table shows what was exported");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("\uFEFF序号,时间（Asia/Shanghai）,用户,席位,操作,对象,对象编号,详情,校验值", lines.get(0));
        assertTrue(lines.get(1).startsWith("3,2026-11-23 07:00:00,lixia,desk-1,LOGIN,USER,4,roles COMMAND_LEADER,"),
                lines.get(1));
        assertEquals(3, lines.size());
        assertTrue(vm.actions().contains("AUDIT_EXPORT"), "the export is in the trail, and among the actions");

        vm.export(dir.resolve("no-such-folder").resolve("x.csv"));
        assertEquals("无法写入 " + dir.resolve("no-such-folder").resolve("x.csv").toAbsolutePath()
                + "：请检查文件夹是否存在、有无写入权限、磁盘是否已满。未写出文件", vm.messageProperty().get());
        assertTrue(vm.messageIsErrorProperty().get());
    }

    @Test
    void aVerificationOrAnExportCancelledFromTheJobBarSaysSoAndWritesNothing(@TempDir Path dir) {
        trail();
        ArrayDeque<Runnable> jobs = new ArrayDeque<>();
        AuditViewModel vm = vm(ADMIN, Locale.ROOT, new Tasks(Runnable::run, Runnable::run, jobs::add, Runnable::run));
        vm.activate();
        vm.verify();
        assertTrue(vm.jobRunningProperty().get());
        assertEquals(AuditViewModel.Chain.CHECKING, vm.chainProperty().get());
        vm.jobProperty().get().cancel();
        jobs.poll().run();
        assertEquals("已取消校验", vm.chainTextProperty().get());
        assertEquals(AuditViewModel.Chain.NOT_CHECKED, vm.chainProperty().get());
        assertFalse(vm.jobRunningProperty().get(), "the buttons are free again");

        Path file = dir.resolve("x.csv");
        vm.export(file);
        assertEquals("正在导出到 x.csv……", vm.messageProperty().get());
        vm.verify();
        assertEquals(1, jobs.size(), "one job at a time: the verification waits for the export to end");
        vm.jobProperty().get().cancel();
        jobs.poll().run();
        assertEquals("已取消导出，未写出文件", vm.messageProperty().get());
        assertFalse(vm.messageIsErrorProperty().get());
        assertFalse(Files.exists(file));
        assertFalse(vm.actions().contains("AUDIT_EXPORT"), "nothing exported, nothing audited");
    }

    @Test
    void aDutyCommanderIsToldInWordsThatTheTrailIsNotTheirsToRead() {
        trail();
        AuditViewModel vm = vm(DUTY, Locale.ROOT, new Tasks(Runnable::run, Runnable::run));
        vm.activate();
        assertEquals("查询失败：当前用户的角色无权进行此操作（已记入审计日志）", vm.messageProperty().get());
        assertTrue(vm.messageIsErrorProperty().get());
        assertTrue(vm.rows().isEmpty());
        vm.verify();
        assertEquals(AuditViewModel.Chain.FAILED, vm.chainProperty().get());
        assertEquals("无法校验审计链：当前用户的角色无权进行此操作（已记入审计日志）", vm.chainTextProperty().get());
    }

    @Test
    void inEnglishTooTheChainAndThePagesAreSaidInWords() {
        trail();
        AuditViewModel vm = vm(ADMIN, Locale.ENGLISH, new Tasks(Runnable::run, Runnable::run));
        vm.activate();
        assertEquals("5 rows shown, all of them", vm.statusProperty().get());
        assertEquals("Order Signed (ORDER_SIGNED)", vm.actionChoice("ORDER_SIGNED"));
        fx.db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET detail = 'x' WHERE seq = 2"));
        vm.verify();
        assertEquals("The audit chain is broken: 1 problem(s) found in 6 rows", vm.chainTextProperty().get());
        assertEquals("Row 2 was changed after it was written", vm.problems().get(0).text());
    }
}
