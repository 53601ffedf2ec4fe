package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.AppServices;
import org.commandroom.app.Fixture;
import org.commandroom.app.IndexModule;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.LiveScreenTest;
import org.commandroom.app.ui.status.StatusBarViewModel;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.index.IndexTrace;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * F6 in the main window opens the prevention index in its own window, on a real database with computed
 * scores; from there a gauge leads to its indicators and an indicator to its incidents; a new incident
 * from the change feed updates the dashboard without a click.
 */
class MainWindowIndexTest extends LiveScreenTest {

    private ExecutorService worker;

    @AfterEach
    void close() {
        onFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            return null;
        });
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    @Test
    void f6OpensTheDashboardWhichDrillsFromAGaugeToARecordAndFollowsTheFeed() throws Exception {
        Fixture fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> h.createUpdate("UPDATE station SET resident_population = 20000").execute());
        String first = fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(5), "人民路1号");
        String second = fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(3), "人民路2号");
        live = onFx(() -> new LiveScreen(fx, Locale.ROOT));
        live.awaitFeed();
        ChangeRecorder recorder = new ChangeRecorder(fx.clock, "test");
        Numbering numbering = new Numbering(fx.clock, ZoneId.of("Asia/Shanghai"));
        OrderService orders = new OrderService(fx.db.jdbi(), fx.clock, DeadlinePolicy.defaults(), numbering, recorder);
        worker = Executors.newSingleThreadExecutor();
        IndexModule index = IndexModule.create(fx.db.jdbi(), fx.clock, null, recorder, numbering, worker);
        index.recomputeNow();
        live.feed.addListener(index.feedListener());
        AppServices services = new AppServices(fx.db, fx.incidents, fx.units, orders, live.feed, null, null,
                fx.intakeModule(orders), index);
        MainWindowViewModel vm = new MainWindowViewModel(() -> services, live.ui.tasks(),
                new StatusBarViewModel(fx.clock, "jdbc:h2:mem:test", "值班长"));
        MainWindowView view = onFx(() -> new MainWindowView(vm, live.ui));
        Scene scene = DeskOnStage.show(stage, view, vm);
        waitUntil(Duration.ofSeconds(5), "the main window is up", () -> scene.lookup("#toolbar-index") != null);
        assertEquals("主防指数 (F6)", onFx(() -> ((javafx.scene.control.Button) scene.lookup("#toolbar-index")).getText()));
        // Laid out and on screen before the robot clicks it (after other window tests, showing can lag a pulse).
        waitUntil(Duration.ofSeconds(5), "the queue is on screen", () -> lookup("#incident-queue-table")
                .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        clickOn("#incident-queue-table");

        type(KeyCode.F6);
        waitUntil(Duration.ofSeconds(5), "F6 opens the dashboard window", () -> onFx(() -> view.indexWindow() != null
                && view.indexWindow().stage() != null && view.indexWindow().stage().isShowing()));
        Stage dash = onFx(() -> view.indexWindow().stage());
        Scene ds = dash.getScene();
        assertEquals("主防指数 — 指挥室", onFx(dash::getTitle));
        assertTrue(onFx(() -> ds.lookup("#index-station") instanceof ComboBox<?>));
        assertTrue(onFx(() -> ds.lookup("#index-period") instanceof ComboBox<?>));
        waitUntil(Duration.ofSeconds(10), "the gauges show the computed index",
                () -> onFx(() -> ((ChartViewer) ds.lookup("#gauge-INDEX")).getChart().getTitle().getText().matches("主防指数  \\d+\\.\\d")));

        clickOn(ds.lookup("#gauge-INCIDENTS"));
        TableView<?> indicators = (TableView<?>) ds.lookup("#index-indicators");
        waitUntil(Duration.ofSeconds(5), "the gauge lists its seven indicators", () -> onFx(() -> indicators.getItems().size() == 7));
        clickOn(cell(ds, "I02"));
        @SuppressWarnings("unchecked")
        ListView<IndexTrace.RecordRef> records = (ListView<IndexTrace.RecordRef>) ds.lookup("#index-records");
        waitUntil(Duration.ofSeconds(5), "the indicator lists its two incidents", () -> onFx(() -> records.getItems().size() == 2));
        List<Long> ids = onFx(() -> records.getItems().stream().map(IndexTrace.RecordRef::id).sorted().toList());
        assertEquals(List.of(fx.find(first).id(), fx.find(second).id()).stream().sorted().toList(), ids);
        assertTrue(onFx(() -> ((javafx.scene.control.Labeled) records.lookup(".list-cell")).getText())
                .startsWith("警情 "), "a record names its kind");

        // A third fight arrives through the change feed: the updater stores it and the open drill-down follows.
        String third = fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(1), "人民路3号");
        waitUntil(Duration.ofSeconds(10), "the dashboard refreshes with the new incident", () -> onFx(() -> records.getItems().size() == 3));
        assertTrue(onFx(() -> records.getItems().stream().anyMatch(r -> r.id() == fx.find(third).id())));

        // F6 again brings the same window back rather than opening a second one.
        onFx(() -> {
            dash.hide();
            return null;
        });
        clickOn("#incident-queue-table");
        type(KeyCode.F6);
        waitUntil(Duration.ofSeconds(5), "the same window shows again", () -> onFx(dash::isShowing));
        assertEquals(dash, onFx(() -> view.indexWindow().stage()));

        // Esc leaves it for the desk, as it leaves the desk's forms.
        clickOn(dash.getScene().getRoot());
        type(KeyCode.ESCAPE);
        waitUntil(Duration.ofSeconds(5), "Esc hides the dashboard", () -> onFx(() -> !dash.isShowing()));
    }

    private static javafx.scene.Node cell(Scene scene, String text) {
        return onFx(() -> scene.getRoot().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && text.equals(c.getText()))
                .findFirst().orElseThrow());
    }
}
