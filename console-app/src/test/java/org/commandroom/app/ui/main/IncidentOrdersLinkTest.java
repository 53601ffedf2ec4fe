package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Pane;
import org.commandroom.app.AppServices;
import org.commandroom.app.ConsoleScreenTest;
import org.commandroom.app.RunningConsole;
import org.commandroom.app.ui.orders.OrderRow;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.escalation.TrailEvent;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the real console: clicking an incident in the queue shows its orders (closed ones too) and their trail
 * beside it, with who did what when, and marks its open orders in the orders table; a new order of it arrives
 * there live; clicking an order in the orders table selects its incident in the queue; an order whose incident
 * has left the queue clears the queue's selection.
 */
class IncidentOrdersLinkTest extends ConsoleScreenTest {

    private static final PseudoClass OF_INCIDENT = PseudoClass.getPseudoClass("of-incident");

    @Test
    void anIncidentShowsItsOrdersAndTrailAndAnOrderSelectsItsIncident(@TempDir Path dataDir) throws Exception {
        long[] units = new long[2];
        console = RunningConsole.start(stage, dataDir, seed -> {
            seed.incident(IncidentType.FIGHT, 1, IncidentStatus.DISPATCHED, Duration.ofMinutes(20), "北街3号");
            seed.incident(IncidentType.FAMILY_DISPUTE, 2, IncidentStatus.DISPATCHED, Duration.ofMinutes(10), "南关路5号");
            seed.incident(IncidentType.NOISE, 3, IncidentStatus.DISPATCHED, Duration.ofMinutes(5), "西巷1号");
            units[0] = seed.unit("城关01", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(10), "张伟");
            units[1] = seed.unit("城关02", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(10), "李强");
        });
        AppServices s = console.services();
        long fight = console.seed.find("J20261123-00001").id();
        long dispute = console.seed.find("J20261123-00002").id();
        long noise = console.seed.find("J20261123-00003").id();
        // The fight: one order done and closed, one still open. The dispute and the noise: one open order each.
        Order done = issue(s, fight, units[0], "速到北街3号");
        s.orders().sign(done.id(), "城关01");
        s.orders().feedback(done.id(), "城关01", "已制止，双方带回所里");
        s.workflow().followUp().reviewAndClose(done.id(), "值班长", "同意办结");
        Order open = issue(s, fight, units[1], "北街3号增援");
        Order other = issue(s, dispute, units[1], "南关路5号调解");
        Order leftQueue = issue(s, noise, units[0], "西巷1号劝离");
        TableView<QueueRow> queue = console.table("incident-queue-table");
        TableView<OrderRow> orders = console.table("orders-table");
        waitUntil(Duration.ofSeconds(10), "the queue and the three open orders are shown",
                () -> queue.getItems().size() == 3 && orders.getItems().size() == 3);

        // Click the fight in the queue.
        clickOn(queueRow(queue, fight));
        waitUntil(Duration.ofSeconds(5), "its two orders are listed beside the queue, the closed one too",
                () -> links().size() == 2);
        assertEquals(List.of(done.orderNo() + " 城关01 已办结", open.orderNo() + " 城关02 已下发"),
                onFx(() -> links().stream().map(Labeled::getText).toList()));
        assertEquals("警情 J20261123-00001 的指令（2 条）：", text("incident-orders-title"));
        waitUntil(Duration.ofSeconds(5), "the trail has every step of both orders",
                () -> console.table("orders-trail").getItems().size() == 7);
        List<TrailEvent> trail = trail();
        assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.SIGNED,
                OrderEventType.FED_BACK, OrderEventType.CLOSED, OrderEventType.CREATED, OrderEventType.ISSUED),
                trail.stream().map(TrailEvent::event).toList());
        assertEquals("城关01", trail.get(2).actor(), "who signed");
        assertEquals("值班长", trail.get(4).actor(), "who reviewed and closed");
        assertTrue(onFx(() -> ((ToggleButton) console.scene.lookup("#trail-incident")).isSelected()),
                "the trail says it shows the whole incident");
        assertEquals(List.of(open.id()), onFx(() -> orders.getItems().stream()
                .filter(r -> r.ofIncidentProperty().get()).map(r -> r.getEntry().id()).toList()),
                "its open order is marked in the orders table, the others not");
        waitUntil(Duration.ofSeconds(2), "the marked line is drawn marked", () -> rowShowsMark(orders, open.id()));
        assertNull(onFx(() -> orders.getSelectionModel().getSelectedItem()), "no order is picked for the commander");

        // The closed order's link shows its feedback and its own trail.
        clickOn(onFx(() -> links().get(0)));
        waitUntil(Duration.ofSeconds(5), "the closed order's own trail", () -> trail().size() == 5
                && trail().stream().allMatch(e -> e.orderId() == done.id()));
        assertTrue(text("orders-feedback").contains("已制止，双方带回所里"), text("orders-feedback"));

        // A new order for the fight, issued elsewhere, arrives in its list and trail without a click.
        Order third = issue(s, fight, units[0], "北街3号再增援");
        waitUntil(Duration.ofSeconds(5), "the new order is listed", () -> links().size() == 3);
        assertTrue(onFx(() -> links().get(2).getText()).startsWith(third.orderNo()));

        // Click the dispute's order in the orders table: the queue selects the dispute.
        clickOn(orderRow(orders, other.id()));
        waitUntil(Duration.ofSeconds(5), "the queue selects the order's incident", () -> selectedIncident(queue) == dispute);
        assertEquals(other.id(), onFx(() -> orders.getSelectionModel().getSelectedItem().getEntry().id()),
                "the order stays picked");
        waitUntil(Duration.ofSeconds(5), "the trail is the order's own", () -> trail().size() == 2
                && trail().stream().allMatch(e -> e.orderId() == other.id()));
        assertEquals("警情 J20261123-00002 的指令（1 条）：", text("incident-orders-title"));

        // The noise incident is closed: its open order no longer has an incident in the queue.
        console.seed.setStatus("J20261123-00003", IncidentStatus.CLOSED);
        waitUntil(Duration.ofSeconds(5), "the closed incident leaves the queue", () -> queue.getItems().size() == 2);
        clickOn(orderRow(orders, leftQueue.id()));
        waitUntil(Duration.ofSeconds(5), "the queue selects nothing rather than another incident",
                () -> queue.getSelectionModel().getSelectedItem() == null);
        assertFalse(onFx(() -> console.scene.lookup("#incident-orders").isVisible()), "no incident's list is shown");
        assertEquals(leftQueue.id(), onFx(() -> orders.getSelectionModel().getSelectedItem().getEntry().id()));
        assertTrue(text("orders-feedback").contains("J20261123-00003"), "the order still names its incident");
    }

    private Order issue(AppServices s, long incident, long unit, String summary) {
        return s.orders().createAndIssue(new OrderDraft(OrderKind.DISPATCH, incident, IncidentType.FIGHT,
                console.seed.stationId, unit, null, summary, null), "值班长");
    }

    private List<Hyperlink> links() {
        return onFx(() -> ((Pane) console.scene.lookup("#incident-orders")).getChildren().stream()
                .filter(n -> n instanceof Hyperlink).map(n -> (Hyperlink) n).toList());
    }

    private List<TrailEvent> trail() {
        return onFx(() -> List.copyOf(console.<TrailEvent>table("orders-trail").getItems()));
    }

    private String text(String id) {
        return onFx(() -> ((Labeled) console.scene.lookup("#" + id)).getText());
    }

    private static long selectedIncident(TableView<QueueRow> queue) {
        QueueRow r = queue.getSelectionModel().getSelectedItem();
        return r == null ? -1 : r.getEntry().id();
    }

    private static Node queueRow(TableView<QueueRow> queue, long incident) {
        return row(queue, r -> r.getEntry().id() == incident);
    }

    private static Node orderRow(TableView<OrderRow> orders, long order) {
        return row(orders, r -> r.getEntry().id() == order);
    }

    private static <T> Node row(TableView<T> table, java.util.function.Predicate<T> which) {
        return onFx(() -> {
            int index = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                if (which.test(table.getItems().get(i))) {
                    index = i;
                }
            }
            table.scrollTo(index);
            table.layout();
            for (Node n : table.lookupAll(".table-row-cell")) {
                if (n instanceof TableRow<?> r && r.getIndex() == index && !r.isEmpty()) {
                    return n;
                }
            }
            throw new AssertionError("row " + index + " is not on screen");
        });
    }

    private static boolean rowShowsMark(TableView<OrderRow> orders, long order) {
        for (Node n : orders.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && r.getItem() instanceof OrderRow o && !r.isEmpty()) {
                boolean marked = r.getPseudoClassStates().contains(OF_INCIDENT);
                if (marked != (o.getEntry().id() == order)) {
                    return false;
                }
            }
        }
        return true;
    }
}
