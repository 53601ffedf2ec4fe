package org.commandroom.app.ui.standardtasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.IssueHook;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.prevention.tasks.StandardTaskLibrary;
import org.commandroom.core.prevention.tasks.StandardTaskService;
import org.commandroom.core.store.Numbering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window's state without an FX runtime (reads and writes run in line): what it says when nothing is chosen, the
 * tick-all toggle, and the service's refusal of a user without ORDERS said in words, nothing written.
 */
class StandardTasksViewModelTest {

    private Fixture fx;

    @BeforeEach
    void open() {
        fx = Fixture.inMemory();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private StandardTasksViewModel vm(Principal who, Locale locale) {
        AccessGuard guard = AccessGuard.of(fx.db.jdbi(), fx.clock, who);
        OrderService orders = new OrderService(fx.db.jdbi(), fx.clock, DeadlinePolicy.defaults(),
                new Numbering(fx.clock, Fixture.ZONE), new ChangeRecorder(fx.clock, "ws-1"), IssueHook.NONE, guard);
        StandardTaskService service = new StandardTaskService(fx.db.jdbi(), fx.clock, orders,
                new StandardTaskLibrary(fx.db.jdbi(), fx.clock, guard), guard);
        StandardTasksViewModel vm = new StandardTasksViewModel(service, new Tasks(Runnable::run, Runnable::run),
                I18n.load(locale), who.displayName(), true, Fixture.ZONE);
        vm.load();
        return vm;
    }

    @Test
    void nothingTickedIsSaidAndTickAllToggles() {
        StandardTasksViewModel vm = vm(new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false),
                Locale.ROOT);
        assertTrue(vm.library().size() >= 30);
        assertEquals("BZJ-001", vm.selectedProperty().get().code(), "the first task is chosen");
        assertEquals(1, vm.grids().size());
        vm.startCampaign();
        assertEquals("请至少勾选一个警格", vm.messageProperty().get());
        assertTrue(vm.errorProperty().get());
        vm.tickAll();
        assertTrue(vm.grids().get(0).tickedProperty().get());
        vm.tickAll();
        assertFalse(vm.grids().get(0).tickedProperty().get());
        assertEquals("南关社区第二警格（城关派出所 · 未配社区民警，由派出所签收）", vm.gridLabel(vm.targetProperty().get()));
    }

    @Test
    void aWallIsRefusedInWordsAndNothingIsWritten() {
        StandardTasksViewModel vm = vm(new Principal(3, "wall", "指挥大屏", Set.of(Role.WALL_DISPLAY), "wall-1", false),
                Locale.ENGLISH);
        vm.issueToGrid();
        assertTrue(vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Not done: "), vm.messageProperty().get());
        assertFalse(vm.messageProperty().get().contains("AccessDenied"), vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals(0, (int) fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM work_order")
                .mapTo(Integer.class).one()));
        assertEquals("7 days", vm.limit(vm.library().stream().filter(t -> t.code().equals("BZJ-010")).findFirst()
                .orElseThrow()));
    }
}
