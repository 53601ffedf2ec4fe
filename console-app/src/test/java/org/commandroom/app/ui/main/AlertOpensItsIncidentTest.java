package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.commandroom.app.ConsoleScreenTest;
import org.commandroom.app.Fixture;
import org.commandroom.app.RunningConsole;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the real console: a call recorded at another workstation alerts the desk, and a click on the alert's text selects
 * that call in the queue (the trial had the commander search the queue for the number the strip named).
 */
class AlertOpensItsIncidentTest extends ConsoleScreenTest {

    private void seed(Fixture seed) {
        seed.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ofMinutes(20), "西巷1号");
        seed.incident(IncidentType.FIGHT, 2, IncidentStatus.NEW, Duration.ofMinutes(10), "北街3号");
    }

    @Test
    void clickingAnAlertsTextSelectsItsCallInTheQueue(@TempDir Path dataDir) throws Exception {
        console = RunningConsole.start(stage, dataDir, this::seed);
        TableView<QueueRow> queue = console.table("incident-queue-table");
        waitUntil(Duration.ofSeconds(10), "the seeded calls are queued", () -> onFx(() -> queue.getItems().size()) == 2);
        String first = console.seed.find("J20261123-00001").incidentNo();
        onFx(() -> {
            queue.getSelectionModel().select(0);
            return null;
        });

        // An urgent call from another workstation: a red chip; its text selects it.
        String urgentNo = console.seed.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ZERO, "东大街8号");
        waitUntil(Duration.ofSeconds(10), "the urgent chip", () -> chipText("紧急警情") != null);
        assertNotEquals(urgentNo, selected(queue));
        clickOn(chipText("紧急警情"));
        waitUntil(Duration.ofSeconds(5), "the urgent call is selected", () -> urgentNo.equals(selected(queue)));

        // A routine call: the calm counter names the newest; its text selects that one.
        onFx(() -> {
            queue.getSelectionModel().clearSelection();
            return null;
        });
        String routineNo = console.seed.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ZERO, "西巷9号");
        Label counter = onFx(() -> (Label) console.scene.lookup("#alert-counter-text"));
        waitUntil(Duration.ofSeconds(10), "the counter names the routine call",
                () -> onFx(() -> counter.isVisible() && counter.getText().contains(routineNo)));
        clickOn(counter);
        waitUntil(Duration.ofSeconds(5), "the routine call is selected", () -> routineNo.equals(selected(queue)));
        assertNotEquals(first, routineNo);
        assertEquals(routineNo, selected(queue));
    }

    private static String selected(TableView<QueueRow> queue) {
        return onFx(() -> {
            QueueRow r = queue.getSelectionModel().getSelectedItem();
            return r == null ? null : r.getEntry().incidentNo();
        });
    }

    private Node chipText(String startsWith) {
        return onFx(() -> lookup(".alert-chip .alert-text").queryAll().stream()
                .filter(n -> ((Label) n).getText().startsWith(startsWith)).findFirst().orElse(null));
    }
}
