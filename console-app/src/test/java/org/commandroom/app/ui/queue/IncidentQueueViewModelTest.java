package org.commandroom.app.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue's ViewModel against a real H2 database, with no FX toolkit: work and callbacks run in line. */
class IncidentQueueViewModelTest {

    private Fixture fx;
    private ScheduledExecutorService unusedScheduler;
    private ChangeFeed feed;
    private IncidentQueueViewModel vm;

    @BeforeEach
    void setUp() {
        fx = Fixture.inMemory();
        unusedScheduler = Executors.newSingleThreadScheduledExecutor();
        feed = fx.feed(unusedScheduler, Runnable::run, Duration.ofMillis(250));
        feed.poll(); // marks the start of the log: later writes are "live"
        vm = new IncidentQueueViewModel(fx.incidents, feed, new Tasks(Runnable::run, Runnable::run), fx.clock,
                DisplaySettings.defaults());
    }

    @AfterEach
    void tearDown() {
        unusedScheduler.shutdownNow();
        fx.close();
    }

    private List<String> numbers() {
        return vm.rows().stream().map(r -> r.getEntry().incidentNo()).toList();
    }

    @Test
    void loadsOnlyOpenIncidentsMostUrgentFirstThenLongestWaiting() {
        String p2 = fx.incident(IncidentType.FAMILY_DISPUTE, 2, IncidentStatus.NEW, Duration.ofMinutes(30), "南关路12号");
        String p1Recent = fx.incident(IncidentType.FIGHT, 1, IncidentStatus.DISPATCHED, Duration.ofMinutes(2), "北街3号");
        String p1Older = fx.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ofMinutes(9), "东大街8号");
        fx.incident(IncidentType.NOISE, 3, IncidentStatus.CLOSED, Duration.ofMinutes(50), "西巷1号");

        vm.activate();

        assertEquals(List.of(p1Older, p1Recent, p2), numbers());
        assertEquals(Duration.ofMinutes(9), vm.rows().get(0).getWaiting());
    }

    @Test
    void anIncidentRecordedByAnyWorkstationIsInsertedInPriorityOrder() {
        String routine = fx.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ofMinutes(1), "西巷1号");
        vm.activate();

        String urgent = fx.incident(IncidentType.SELF_HARM_RISK, 1, IncidentStatus.NEW, Duration.ZERO, "河堤路");
        feed.poll();

        assertEquals(List.of(urgent, routine), numbers());
    }

    @Test
    void aClosedOrDivertedIncidentLeavesTheQueue() {
        String a = fx.incident(IncidentType.FIGHT, 1, IncidentStatus.NEW, Duration.ofMinutes(3), "北街3号");
        String b = fx.incident(IncidentType.NON_POLICE, 3, IncidentStatus.NEW, Duration.ofMinutes(3), "医院");
        vm.activate();

        fx.setStatus(a, IncidentStatus.CLOSED);
        fx.setStatus(b, IncidentStatus.DIVERTED);
        feed.poll();

        assertTrue(vm.rows().isEmpty(), numbers().toString());
    }

    @Test
    void aStatusChangeUpdatesTheExistingLineInPlace() {
        String a = fx.incident(IncidentType.FIGHT, 1, IncidentStatus.NEW, Duration.ofMinutes(3), "北街3号");
        vm.activate();
        QueueRow row = vm.rows().get(0);

        fx.setStatus(a, IncidentStatus.DISPATCHED);
        feed.poll();

        assertEquals(1, vm.rows().size());
        assertTrue(row == vm.rows().get(0), "the same row object is kept, so the table keeps its selection");
        assertEquals(IncidentStatus.DISPATCHED, row.getEntry().status());
    }

    @Test
    void waitingTimeAndAlarmFollowTheClockForNewIncidentsOnly() {
        fx.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ofMinutes(4), "东大街8号");
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.DISPATCHED, Duration.ofMinutes(4), "北街3号");
        vm.activate();
        QueueRow fresh = vm.rows().get(0);
        QueueRow dispatched = vm.rows().get(1);
        assertEquals(WaitAlarm.NONE, fresh.getAlarm());

        fx.clock.advance(Duration.ofMinutes(2));
        vm.tick();
        assertEquals(Duration.ofMinutes(6), fresh.getWaiting());
        assertEquals(WaitAlarm.WARNING, fresh.getAlarm());

        fx.clock.advance(Duration.ofMinutes(10));
        vm.tick();
        assertEquals(WaitAlarm.DANGER, fresh.getAlarm());
        assertEquals(WaitAlarm.NONE, dispatched.getAlarm(), "a dispatched incident is being handled");
        assertEquals(Duration.ofMinutes(16), dispatched.getWaiting());
    }

    @Test
    void afterDeactivationChangesNoLongerReachTheQueue() {
        vm.activate();
        vm.deactivate();

        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.NEW, Duration.ZERO, "北街3号");
        feed.poll();

        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void aFailedLoadIsReportedAsOneLineAndTheQueueKeepsWhatItHad() {
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.NEW, Duration.ZERO, "北街3号");
        vm.activate();
        fx.db.close();

        vm.reload();

        assertEquals(1, vm.rows().size());
        assertNotNull(vm.loadErrorProperty().get());
        assertFalse(vm.loadErrorProperty().get().contains("\n"), vm.loadErrorProperty().get());
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void filtersNarrowTheTableButKeepQueueOrderAndANewCallMatchingThemAppears() {
        String fight = fx.incident(IncidentType.FIGHT, 1, IncidentStatus.NEW, Duration.ofMinutes(3), "北街3号");
        String dispute = fx.incident(IncidentType.FAMILY_DISPUTE, 2, IncidentStatus.NEW, Duration.ofMinutes(9), "南关路12号");
        String noise = fx.incident(IncidentType.NOISE, 3, IncidentStatus.DISPATCHED, Duration.ofMinutes(20), "西巷1号");
        vm.activate();
        assertEquals(List.of("城关派出所"), vm.stationOptions());
        assertEquals(List.of("南关社区第二警格"), vm.gridOptions());

        vm.setStatusFilter(List.of(IncidentStatus.NEW));
        assertEquals(List.of(fight, dispute), visible());
        vm.setCategoryFilter(List.of(org.commandroom.core.incident.IncidentCategory.DISPUTE));
        assertEquals(List.of(dispute), visible());

        String another = fx.incident(IncidentType.NEIGHBOUR_DISPUTE, 2, IncidentStatus.NEW, Duration.ofMinutes(12), "东街");
        feed.poll();
        assertEquals(List.of(another, dispute), visible(), "priority, then the longest waiting");

        fx.setStatus(another, IncidentStatus.DISPATCHED);
        feed.poll();
        assertEquals(List.of(dispute), visible(), "dispatched: no longer NEW");

        vm.setStationFilter(List.of("其他派出所"));
        assertTrue(vm.visibleRows().isEmpty());
        vm.clearFilters();
        assertEquals(List.of(fight, another, dispute, noise), visible());
        assertEquals(4, vm.rows().size());
    }

    @Test
    void callerNumbersAreMaskedUnlessTheRoleMaySeeThem() {
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.NEW, Duration.ofMinutes(3), "北街3号");
        vm.activate();
        var entry = vm.rows().get(0).getEntry();
        assertEquals("13800001234", vm.caller(entry));
        var wall = new IncidentQueueViewModel(fx.incidents, feed, new Tasks(Runnable::run, Runnable::run), fx.clock,
                DisplaySettings.defaults(), org.commandroom.core.access.Role.WALL_DISPLAY);
        assertEquals("138****1234", wall.caller(entry));
    }

    private List<String> visible() {
        return vm.visibleRows().stream().map(r -> r.getEntry().incidentNo()).toList();
    }
}
