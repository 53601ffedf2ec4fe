package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.commandroom.app.ConsoleScreenTest;
import org.commandroom.app.RunningConsole;
import org.commandroom.app.ui.common.ScreenProbe;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real console (AppContext and MainWindow) at 1600×900 and 1920×1080, with no side panel and with each of
 * the intake (F2), dispatch (F3) and task-order (F4) panels open, in Chinese and in English: the key columns of
 * the queue (number, priority, type, status, waiting time, address), the unit board (call-sign, status, last
 * fix), the orders table (number, status, assignee, time left) and the trail (time, order, by, step) lie whole
 * inside the part of their table that is on screen, with their headers uncut.
 */
class TableColumnsOnScreenTest extends ConsoleScreenTest {

    /** The tables of the main window whose columns this branch lays out. */
    static final List<String> TABLES = List.of("incident-queue-table", "unit-board-table", "orders-table", "orders-trail");

    @Test
    void keyColumnsStayOnScreenInChinese(@TempDir Path dataDir) throws Exception {
        assertKeyColumnsOnScreen(dataDir);
    }

    @Test
    void keyColumnsStayOnScreenInEnglish(@TempDir Path dataDir) throws Exception {
        assertKeyColumnsOnScreen(dataDir, "--lang", "en");
    }

    private void assertKeyColumnsOnScreen(Path dataDir, String... options) throws Exception {
        long[] unit = new long[1];
        console = RunningConsole.start(stage, dataDir, seed -> {
            // The widest values each column can hold: the longest type, a long address, a long crew.
            seed.incident(IncidentType.TRAFFIC_INJURY, 1, IncidentStatus.NEW, Duration.ofMinutes(75),
                    "城关镇环城北路与南关路交叉口东北角加油站门前");
            seed.incident(IncidentType.NEIGHBOUR_DISPUTE, 2, IncidentStatus.ON_SCENE, Duration.ofMinutes(8), "南关社区5栋");
            seed.incident(IncidentType.NON_POLICE, 3, IncidentStatus.DISPATCHED, Duration.ofMinutes(3), "西巷1号");
            // More lines than the queue shows, as on a night shift: the table scrolls and reuses its rows.
            for (int i = 0; i < 20; i++) {
                seed.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ofMinutes(i), "东街" + i + "号");
            }
            unit[0] = seed.unit("巡逻01", UnitKind.MOTORBIKE, UnitStatus.EN_ROUTE, Duration.ofMinutes(150),
                    "欧阳建国", "司马晓燕", "诸葛明");
            seed.unit("步巡03", UnitKind.FOOT, UnitStatus.OFF_DUTY, null);
        }, options);
        long incident = console.seed.find("J20261123-00001").id();
        console.services().orders().createAndIssue(new OrderDraft(OrderKind.DISPATCH, incident,
                IncidentType.TRAFFIC_INJURY, console.seed.stationId, unit[0], null, "速到环城北路处置", null), "值班长");
        TableView<QueueRow> queue = console.table("incident-queue-table");
        waitUntil(Duration.ofSeconds(10), "the queue and the order are shown", () -> queue.getItems().size() == 23
                && console.table("orders-table").getItems().size() == 1);
        onFx(() -> {
            queue.getSelectionModel().select(0);
            return null;
        });
        waitUntil(Duration.ofSeconds(5), "the trail of the selected incident is shown",
                () -> !console.table("orders-trail").getItems().isEmpty());

        List<String> off = new ArrayList<>();
        for (double[] size : new double[][] {{1600, 900}, {1920, 1080}}) {
            // Closing the last panel again shows the hidden columns again: their cells must follow.
            for (String panel : new String[] {null, "toolbar-new-call", "toolbar-dispatch", "toolbar-task", null}) {
                show(size, panel);
                String where = (int) size[0] + "x" + (int) size[1] + (panel == null ? "" : " with " + panel) + ": ";
                off.addAll(onFx(() -> {
                    List<String> found = new ArrayList<>();
                    for (String id : TABLES) {
                        ScreenProbe.keyColumnsOffScreen(console.table(id)).forEach(s -> found.add(where + s));
                    }
                    // Nothing is bought by pushing the rest of the window out: the side panel and the status bar
                    // stay whole inside it.
                    for (String id : List.of("side-panel", "status-bar")) {
                        javafx.scene.Node n = console.scene.lookup("#" + id);
                        javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                        if (n.isVisible() && (b.getMaxX() > console.scene.getWidth() + 0.5 || b.getMinX() < -0.5)) {
                            found.add(where + id + " reaches x " + Math.round(b.getMaxX()));
                        }
                    }
                    return found;
                }));
            }
        }
        assertEquals(List.of(), off, "key columns off screen");
    }

    /** Sizes the window and opens one side panel (or closes it), then lets a few pulses lay it out. */
    private void show(double[] size, String panelButton) {
        onFx(() -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
            if (panelButton == null) {
                console.scene.lookup("#side-panel").setVisible(false);
            } else {
                ((Button) console.scene.lookup("#" + panelButton)).fire();
            }
            return null;
        });
        waitUntil(Duration.ofSeconds(5), "the window is resized", () -> console.scene.getWidth() == size[0]
                && (panelButton == null) != console.scene.lookup("#side-panel").isVisible());
        // Pulses only, no forced layout: what the screen shows after the toolkit's own passes.
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(onFx(() -> console.scene.getHeight()) >= size[1] - 40, "the window is " + size[1] + " high");
    }
}
