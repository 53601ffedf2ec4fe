package org.commandroom.app;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.commandroom.app.ui.main.MainWindow;
import org.commandroom.app.ui.orders.OrderRow;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDao;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.escalation.TrailEvent;
import org.commandroom.core.dispatch.push.PushStatus;
import org.commandroom.core.dispatch.push.MqttPushChannel;
import org.commandroom.core.dispatch.push.MqttSettings;
import org.commandroom.core.dispatch.push.terminal.TerminalSimulator;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain as the console runs it (issue 4, "done means"): the real {@link AppContext} (database,
 * change feed, intake, dispatch, order service with the push outbox, embedded MQTT broker, ack listener),
 * the real main window; the commander types a call with the keyboard (F2 … Enter), dispatches it (F3,
 * Enter); the unit's terminal, a {@link TerminalSimulator} on the embedded broker, receives the pushed order
 * and signs for it over MQTT; the orders panel shows it signed and the trail names the terminal.
 * Any broken link (form, feed, queue, proposals, dispatch, outbox, publisher, broker, ack listener, panel
 * refresh) fails it.
 */
class EndToEndCallToSignedOrderTest extends ConsoleScreenTest {

    private TerminalSimulator terminal;
    private ScheduledExecutorService terminalScheduler;
    private Scene scene;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
        if (terminalScheduler != null) {
            terminalScheduler.shutdownNow();
        }
    }

    private <T> TableView<T> table(String id) {
        return console.table(id);
    }

    private String label(String id) {
        return console.label(id);
    }

    private boolean showing(String id) {
        return console.showing(id);
    }

    private static boolean failFast(String message) {
        throw new AssertionError("the form said: " + message);
    }

    @Test
    void takesACallFromEntryToADispatchedSignedForOrder(@TempDir Path dataDir) throws Exception {
        // The county: bureau B1, 城关派出所, one police grid (Fixture), a school in the gazetteer and one car
        // with a fresh position, in the database the console will open.
        long[] unit = new long[1];
        console = RunningConsole.start(stage, dataDir, seed -> {
            seed.db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO key_place (station_id, name, kind, lat, lon, datum) "
                    + "VALUES (:s, '南关小学', 'SCHOOL', 29.21, 103.71, 'WGS84')").bind("s", seed.stationId).execute());
            unit[0] = seed.unit("城关01", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(10), "张伟");
        });
        long unitId = unit[0];
        scene = console.scene;
        AppContext context = console.context;
        Fixture seed = console.seed;
        PushRuntime push = context.services().workflow().push();
        assertTrue(push.embeddedBroker(), "out of the box: the embedded broker");
        waitUntil(Duration.ofSeconds(10), "the console is connected to its broker", () -> push.state().connected());

        // The unit's terminal on the broker, answering only when told (so the test sees the order arrive first).
        terminalScheduler = Executors.newScheduledThreadPool(2);
        // The broker starts on the push's own thread, after connect() has returned.
        assertTrue(push.awaitStarted(), "the embedded broker listens");
        terminal = new TerminalSimulator(new TerminalSimulator.Settings(push.brokerUri(), "B1", List.of("城关01"),
                null, null, null), callSign -> new MqttPushChannel(MqttSettings.of(push.brokerUri(), "e2e-terminal"),
                terminalScheduler, Clock.systemUTC()), terminalScheduler, Clock.systemUTC());
        terminal.start();

        clickOn("#incident-queue-table");
        type(KeyCode.F2);
        waitUntil(Duration.ofSeconds(3), "F2 opens the intake form", () -> showing("intake-form"));
        waitUntil(Duration.ofSeconds(3), "the caller field has the keyboard", () -> scene.lookup("#intake-caller").isFocused());
        write("13912345678");
        type(KeyCode.TAB);
        write("南关小");
        waitUntil(Duration.ofSeconds(5), "the gazetteer suggests the school", () -> showing("intake-suggestions")
                && !((ListView<?>) scene.lookup("#intake-suggestions")).getItems().isEmpty());
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        write("斗殴");
        waitUntil(Duration.ofSeconds(3), "matching types are listed", () -> showing("intake-type-list"));
        type(KeyCode.ENTER);
        write("校门口两人打架");
        type(KeyCode.ENTER);

        waitUntil(Duration.ofSeconds(5), "the call is saved", () -> label("intake-message").startsWith("已登记警情 J")
                || label("intake-message").length() > 0 && failFast(label("intake-message")));
        waitUntil(Duration.ofSeconds(5), "it reaches the queue through the change feed and is selected",
                () -> table("incident-queue-table").getItems().size() == 1
                        && table("incident-queue-table").getSelectionModel().getSelectedItem() != null);
        QueueRow row = onFx(() -> (QueueRow) table("incident-queue-table").getSelectionModel().getSelectedItem());
        assertEquals("南关小学", row.getEntry().address());
        assertEquals(IncidentType.FIGHT, row.getEntry().type());

        type(KeyCode.F3);
        waitUntil(Duration.ofSeconds(5), "the dispatch panel proposes the car", () -> showing("dispatch-proposals")
                && table("dispatch-proposals").getItems().size() == 1);
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(5), "it is dispatched", () -> label("dispatch-message").startsWith("已派 城关01，指令 ZL"));
        Order order = seed.db.jdbi().withExtension(OrderDao.class,
                d -> d.forIncident(row.getEntry().id())).stream().filter(o -> o.kind() == OrderKind.DISPATCH)
                .findFirst().orElseThrow();
        assertEquals(unitId, order.unitId());
        waitUntil(Duration.ofSeconds(5), "the queue shows it dispatched",
                () -> ((QueueRow) table("incident-queue-table").getItems().get(0)).getEntry().status() == IncidentStatus.DISPATCHED);

        // The unit's terminal receives it over MQTT and signs for it over MQTT.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!terminal.hasReceived(order.id())) {
            assertTrue(System.nanoTime() < deadline, "the order never reached the unit's terminal");
            Thread.sleep(20);
        }
        assertTrue(terminal.sign(order.id()), "the terminal's sign-for was taken by the broker");
        assertTrue(terminal.status(order.id(), "EN_ROUTE"), "en route, from the terminal");
        assertTrue(terminal.status(order.id(), "ON_SCENE"), "on scene, from the terminal");

        waitUntil(Duration.ofSeconds(10), "the orders panel shows it signed, push state signed", () -> {
            for (Object o : table("orders-table").getItems()) {
                OrderRow r = (OrderRow) o;
                if (r.getEntry().id() == order.id()) {
                    return r.getEntry().status() == OrderStatus.SIGNED
                            && r.getEntry().push().state() == PushStatus.State.SIGNED;
                }
            }
            return false;
        });
        int index = onFx(() -> {
            var items = table("orders-table").getItems();
            for (int i = 0; i < items.size(); i++) {
                if (((OrderRow) items.get(i)).getEntry().id() == order.id()) {
                    return i;
                }
            }
            return -1;
        });
        onFx(() -> {
            table("orders-table").getSelectionModel().select(index);
            return null;
        });
        waitUntil(Duration.ofSeconds(10), "the trail has the terminal's receipt, sign-for and on-scene",
                () -> table("orders-trail").getItems().stream().anyMatch(e -> ((TrailEvent) e).event() == OrderEventType.ON_SCENE));
        List<TrailEvent> trail = onFx(() -> table("orders-trail").getItems().stream().map(e -> (TrailEvent) e).toList());
        assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.RECEIVED,
                OrderEventType.SIGNED, OrderEventType.EN_ROUTE, OrderEventType.ON_SCENE),
                trail.stream().map(TrailEvent::event).toList());
        assertEquals("城关01", trail.get(2).actor(), "received by the unit's terminal");
        assertEquals("城关01", trail.get(5).actor(), "on scene, reported by the unit's terminal");
        // The order's times with the trail: receipt, sign-for and on-scene, and the response times.
        waitUntil(Duration.ofSeconds(10), "the response times show with the trail", () -> {
            String t = label("orders-response-times");
            return t.startsWith("终端收到 ") && !t.contains("到场 –") && !t.contains("派警→到场 –");
        });
        String times = label("orders-response-times");
        assertTrue(times.contains("签收 ") && !times.contains("签收 –"), times);
        assertTrue(times.contains("接警→到场 ") && !times.contains("接警→到场 –"), times);
        waitUntil(Duration.ofSeconds(10), "the queue's statistics count today's arrival on scene",
                () -> label("queue-response-times").startsWith("今日到场 1 起 · 派警→到场 均 "));
        // Beside the open side panel the queue is narrow: its name stays whole, the statistics give way.
        assertEquals("警情队列", onFx(() -> ((javafx.scene.text.Text) scene.lookup("#incident-queue .panel-title")
                .lookup(".text")).getText()), "the queue's name as drawn");
        type(KeyCode.ESCAPE);   // the dispatch panel closes: the orders panel has room for the whole trail
        waitUntil(Duration.ofSeconds(3), "the dispatch panel is closed", () -> !showing("dispatch-proposals"));
        onFx(() -> {
            table("orders-trail").scrollTo(table("orders-trail").getItems().size() - 1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        ScreenshotOfScene.save(scene, "screenshot-order-trail.png");
        TrailEvent signed = trail.get(3);
        assertEquals("城关01", signed.actor(), "signed by the unit's terminal");
        assertEquals(context.commanderName(), trail.get(1).actor(), "issued by the commander at the console");
        long inbound = seed.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM push_inbound WHERE order_id = :o AND action = 'SIGN' AND outcome = 'APPLIED'")
                .bind("o", order.id()).mapTo(Long.class).one());
        assertEquals(1L, inbound, "the sign-for came in over MQTT");
    }
}
