package org.commandroom.app.ui.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnitBoardViewModelTest {

    private Fixture fx;
    private ScheduledExecutorService unusedScheduler;
    private ChangeFeed feed;
    private UnitBoardViewModel vm;

    @BeforeEach
    void setUp() {
        fx = Fixture.inMemory();
        unusedScheduler = Executors.newSingleThreadScheduledExecutor();
        feed = fx.feed(unusedScheduler, Runnable::run, Duration.ofMillis(250));
        vm = new UnitBoardViewModel(fx.units, feed, new Tasks(Runnable::run, Runnable::run), fx.clock,
                DisplaySettings.defaults());
    }

    @AfterEach
    void tearDown() {
        unusedScheduler.shutdownNow();
        fx.close();
    }

    @Test
    void showsEveryUnitWithItsCrewAndFlagsPositionsOlderThanTwoMinutes() {
        fx.unit("巡02", UnitKind.CAR, UnitStatus.EN_ROUTE, Duration.ofMinutes(5), "王芳");
        fx.unit("巡01", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(12), "张伟", "李强", "赵敏");
        fx.unit("步03", UnitKind.FOOT, UnitStatus.BUSY, null);
        feed.poll();
        vm.activate();

        List<String> order = vm.rows().stream().map(r -> r.getEntry().callSign()).toList();
        assertEquals(List.of("步03", "巡01", "巡02"), order, "pinyin order: bu, xun");
        UnitRow fresh = vm.rows().get(1);
        assertEquals(List.of("张伟", "李强", "赵敏"), fresh.getEntry().crew());
        assertEquals(Duration.ofSeconds(12), fresh.getPositionAge());
        assertFalse(fresh.isStale());
        assertTrue(vm.rows().get(2).isStale());
        assertNull(vm.rows().get(0).getPositionAge());
        assertTrue(vm.rows().get(0).isStale(), "a unit that never reported cannot be vouched for");

        fx.clock.advance(Duration.ofMinutes(2));
        vm.tick();
        assertTrue(fresh.isStale());
    }

    @Test
    void theUpdatesCountRisesOncePerFeedBatchThatChangedRowsInPlace() {
        long a = fx.unit("巡01", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(30), "张伟");
        long b = fx.unit("巡02", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(30), "王芳");
        feed.poll();
        vm.activate();
        long before = vm.updatesProperty().get();

        fx.units.reportPosition(a, GeoPoint.wgs84(29.215, 103.712), 90.0, fx.clock.instant());
        fx.units.reportPosition(b, GeoPoint.wgs84(29.205, 103.702), 180.0, fx.clock.instant());
        feed.poll();
        assertEquals(before + 1, vm.updatesProperty().get(), "two units moved in one batch: one signal");

        feed.poll();
        assertEquals(before + 1, vm.updatesProperty().get(), "nothing changed: no signal");

        fx.units.changeStatus(b, 0, UnitStatus.BUSY);
        feed.poll();
        assertEquals(UnitStatus.BUSY, vm.rows().get(1).getEntry().status());
        assertEquals(before + 2, vm.updatesProperty().get(), "a status change is signalled as well");
    }

    @Test
    void aPositionReportRefreshesOnlyThatUnit() {
        long id = fx.unit("巡02", UnitKind.CAR, UnitStatus.EN_ROUTE, Duration.ofMinutes(5), "王芳");
        feed.poll();
        vm.activate();
        UnitRow row = vm.rows().get(0);

        fx.units.reportPosition(id, GeoPoint.wgs84(29.215, 103.712), 90.0, fx.clock.instant());
        feed.poll();

        assertEquals(Duration.ZERO, row.getPositionAge());
        assertFalse(row.isStale());
    }
}
