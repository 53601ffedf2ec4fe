package org.commandroom.app.ui.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.cap.CapAlert;
import org.commandroom.core.cap.CapArea;
import org.commandroom.core.cap.CapInbox;
import org.commandroom.core.cap.CapInfo;
import org.commandroom.core.cap.CapReader;
import org.commandroom.core.cap.CapSchema;
import org.commandroom.core.cap.CapWriter;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's list of other agencies' alerts: read on the beat when due, off the FX thread, the folder only when allowed. */
class CapAlertsViewModelTest {

    @TempDir
    Path dir;

    private IntakeFixture fx;
    private CapInbox inbox;
    private int reads;

    @BeforeEach
    void setUp() {
        fx = new IntakeFixture(TestDatabases.h2());
        inbox = new CapInbox(fx.db.jdbi(), fx.clock, dir, new CapReader(CapSchema.load()), AccessGuard.trusted());
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    static byte[] warning(String id, int hours) {
        OffsetDateTime sent = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
        return CapWriter.write(new CapAlert(id, "weather@meteo.example", sent, CapAlert.Status.Actual,
                CapAlert.MsgType.Alert, CapAlert.Scope.Public, null, null, null, List.of(), List.of(new CapInfo("zh-CN",
                List.of(CapInfo.Category.Met), "暴雨蓝色预警", CapInfo.Urgency.Expected, CapInfo.Severity.Moderate,
                CapInfo.Certainty.Likely, "城关县暴雨蓝色预警", null, null, sent.plusHours(hours),
                List.of(new CapArea("城关县", List.of(), List.of(new CapArea.Circle(new CapArea.Point(29.21, 103.73), 15))))))));
    }

    private CapAlertsViewModel vm(boolean mayReceive) {
        // The I/O executor counts the reads; both run inline here, as a test of state and not of threads.
        Tasks tasks = new Tasks(r -> {
            reads++;
            r.run();
        }, Runnable::run);
        return new CapAlertsViewModel(inbox, mayReceive, tasks, Duration.ofSeconds(3), "值班长");
    }

    @Test
    void theFolderIsReadOnTheFirstBeatAndThenEveryPollInterval() throws Exception {
        Files.write(dir.resolve("a.xml"), warning("W1", 12));
        CapAlertsViewModel vm = vm(true);
        vm.tick();
        assertEquals(1, reads);
        assertEquals(List.of("W1"), vm.alerts().stream().map(s -> s.identifier()).toList());
        assertEquals(1, vm.lastPollProperty().get().stored());
        Files.write(dir.resolve("b.xml"), warning("W2", 12));
        vm.tick();
        vm.tick();
        assertEquals(1, reads, "not due yet");
        vm.tick();
        assertEquals(2, reads);
        assertEquals(List.of("W2", "W1"), vm.alerts().stream().map(s -> s.identifier()).toList());
    }

    @Test
    void expiredAlertsLeaveTheList() throws Exception {
        Files.write(dir.resolve("a.xml"), warning("W1", 2));
        CapAlertsViewModel vm = vm(true);
        vm.refresh();
        assertEquals(1, vm.alerts().size());
        fx.clock.advance(Duration.ofHours(3));
        vm.refresh();
        assertEquals(0, vm.alerts().size());
    }

    @Test
    void aDeskThatDoesNotReceiveOnlyShowsWhatIsStored() throws Exception {
        Files.write(dir.resolve("a.xml"), warning("W1", 12));
        CapAlertsViewModel vm = vm(false);
        vm.refresh();
        assertTrue(Files.exists(dir.resolve("a.xml")), "the file is left for a desk that receives");
        assertEquals(0, vm.alerts().size());
        assertNull(vm.lastPollProperty().get());
        assertFalse(vm.failedProperty().get());
    }

    @Test
    void aFailedReadIsFlaggedAndTheNextOneClearsIt() throws Exception {
        CapAlertsViewModel vm = vm(true);
        fx.db.jdbi().useHandle(h -> h.execute("ALTER TABLE cap_alert RENAME TO cap_alert_away"));
        vm.refresh();
        assertTrue(vm.failedProperty().get());
        fx.db.jdbi().useHandle(h -> h.execute("ALTER TABLE cap_alert_away RENAME TO cap_alert"));
        vm.refresh();
        assertFalse(vm.failedProperty().get());
    }
}
