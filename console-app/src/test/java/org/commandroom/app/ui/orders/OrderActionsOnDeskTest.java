package org.commandroom.app.ui.orders;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.commandroom.app.AppServices;
import org.commandroom.app.Fixture;
import org.commandroom.app.ConsoleScreenTest;
import org.commandroom.app.RunningConsole;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordHasher;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the real console on a seeded database: re-assign (Ctrl+R, type to find the unit, Enter), cancel (a reason is
 * required, Ctrl+D), return for more work (only for a fed-back order) from the orders panel, each checked in the
 * database and in the trail; a duty commander, who may not review, finds return for more work disabled.
 */
class OrderActionsOnDeskTest extends ConsoleScreenTest {

    private final long[] units = new long[3];

    private void seed(Fixture seed) {
        seed.incident(IncidentType.FIGHT, 1, IncidentStatus.DISPATCHED, Duration.ofMinutes(20), "北街3号");
        units[0] = seed.unit("城关01", UnitKind.CAR, UnitStatus.EN_ROUTE, Duration.ofSeconds(10), "张伟");
        units[1] = seed.unit("城关02", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(10), "李强");
        units[2] = seed.unit("城关03", UnitKind.CAR, UnitStatus.BUSY, Duration.ofSeconds(10), "王磊");
    }

    @Test
    void reAssignCancelAndReturnFromTheDeskChangeTheOrdersAndTheirTrail(@TempDir Path dataDir) throws Exception {
        console = RunningConsole.start(stage, dataDir, this::seed);
        AppServices s = console.services();
        long fight = console.seed.find("J20261123-00001").id();
        Order moved = issue(s, fight, "速到北街3号");
        Order withdrawn = issue(s, fight, "北街3号增援");
        Order reviewed = issue(s, fight, "北街3号现场处置");
        s.orders().sign(reviewed.id(), "城关01");
        s.orders().feedback(reviewed.id(), "城关01", "已制止，双方带回所里");
        TableView<OrderRow> orders = console.table("orders-table");
        waitUntil(Duration.ofSeconds(10), "the three orders are shown", () -> orders.getItems().size() == 3);

        // Re-assign: Ctrl+R opens the list with the caret in its search; typing narrows it, Enter sends.
        clickOn(orderRow(orders, moved.id()));
        waitUntil(Duration.ofSeconds(5), "re-assign is offered for an issued order", () -> enabled("orders-reassign"));
        assertFalse(enabled("orders-return"), "nothing to send back before feedback");
        push(KeyCode.CONTROL, KeyCode.R);
        waitUntil(Duration.ofSeconds(5), "the unit list opens with both other units",
                () -> console.showing("reassign-box") && unitList().size() == 2);
        assertTrue(onFx(() -> console.scene.lookup("#reassign-search").isFocused()), "the caret is in the search");
        assertTrue(onFx(() -> unitList().get(0)).startsWith("城关02 · 空闲"), "the available unit first: " + unitList());
        write("王磊");
        waitUntil(Duration.ofSeconds(2), "the list narrows to the crew's unit", () -> unitList().size() == 1
                && unitList().get(0).startsWith("城关03"));
        onFx(() -> {
            ((TextField) console.scene.lookup("#reassign-search")).clear();
            return null;
        });
        clickOn("#reassign-search").write("02");
        waitUntil(Duration.ofSeconds(2), "the list narrows to 城关02", () -> unitList().size() == 1);
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(10), "the order is 城关02's in the database", () -> unitOf(moved.id()) == units[1]);
        assertEquals("ISSUED", status(moved.id()));
        waitUntil(Duration.ofSeconds(10), "the row follows", () -> rowOf(orders, moved.id()).getEntry().unitCallSign().equals("城关02"));
        waitUntil(Duration.ofSeconds(10), "the trail shows the re-assignment", () -> trailShows("改派", "城关01 → 城关02"));
        assertFalse(console.showing("reassign-box"), "the list closed");

        // Cancel: without a reason it says so and changes nothing; with one, Ctrl+D ends the order.
        clickOn(orderRow(orders, withdrawn.id()));
        waitUntil(Duration.ofSeconds(5), "cancel is offered", () -> enabled("orders-cancel"));
        clickOn("#orders-cancel");
        waitUntil(Duration.ofSeconds(5), "the reason is asked for",
                () -> console.label("orders-outcome").contains("须在上方输入框填写撤销原因"));
        assertTrue(onFx(() -> console.scene.lookup("#orders-note").isFocused()), "the caret waits for the reason");
        assertEquals("ISSUED", status(withdrawn.id()));
        write("报警人称已自行解决");
        push(KeyCode.CONTROL, KeyCode.D);
        waitUntil(Duration.ofSeconds(10), "the order is ended in the database", () -> "CLOSED".equals(status(withdrawn.id())));
        assertNotNull(console.seed.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT cancelled_at FROM work_order WHERE id = :id").bind("id", withdrawn.id()).mapTo(java.time.Instant.class).one()));
        assertEquals("报警人称已自行解决", lastEvent(withdrawn.id(), "CANCELLED"));
        waitUntil(Duration.ofSeconds(10), "the ended order leaves the table", () -> rowOrNull(orders, withdrawn.id()) == null);
        // Where it is still named (the incident's links), it reads withdrawn, not 已办结 as one closed by review.
        var ended = s.workflow().followUp().entries(List.of(withdrawn.id())).get(0);
        assertEquals("已撤销", OrdersView.statusLabel(console.context.i18n(), ended));
        assertEquals("已下发", OrdersView.statusLabel(console.context.i18n(),
                s.workflow().followUp().entries(List.of(moved.id())).get(0)));

        // Return for more work: offered for the fed-back order only, back to SIGNED.
        clickOn(orderRow(orders, reviewed.id()));
        waitUntil(Duration.ofSeconds(5), "return is offered for the fed-back order", () -> enabled("orders-return"));
        assertFalse(enabled("orders-reassign"), "a fed-back order is reviewed, not re-assigned");
        clickOn("#orders-note").write("补充现场照片和当事人笔录");
        clickOn("#orders-return");
        waitUntil(Duration.ofSeconds(10), "the order is signed-for again", () -> "SIGNED".equals(status(reviewed.id())));
        assertEquals("补充现场照片和当事人笔录", lastEvent(reviewed.id(), "RETURNED"));
        waitUntil(Duration.ofSeconds(10), "the trail shows it sent back", () -> trailShows("退回补充", "补充现场照片"));
        waitUntil(Duration.ofSeconds(5), "and return is no longer offered", () -> !enabled("orders-return"));
    }

    @Test
    void theContextMenuOffersTheSameAndTheTrailReadsInEnglish(@TempDir Path dataDir) throws Exception {
        console = RunningConsole.start(stage, dataDir, this::seed, "--lang", "en");
        AppServices s = console.services();
        Order o = issue(s, console.seed.find("J20261123-00001").id(), "速到北街3号");
        TableView<OrderRow> orders = console.table("orders-table");
        waitUntil(Duration.ofSeconds(10), "the order is shown", () -> orders.getItems().size() == 1);

        clickOn(orderRow(orders, o.id()));
        waitUntil(Duration.ofSeconds(5), "the order is picked", () -> !item("orders-menu-reassign").isDisable());
        // Headless Monocle turns no right click into a context-menu request, so the test makes the request the
        // platform would make on the row (the table shows its menu for it as for a right click or the menu key).
        Node row = orderRow(orders, o.id());
        onFx(() -> {
            javafx.geometry.Bounds b = row.localToScreen(row.getBoundsInLocal());
            javafx.geometry.Point2D local = row.screenToLocal(b.getMinX() + 40, b.getCenterY());
            javafx.event.Event.fireEvent(row, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                    b.getMinX() + 40, b.getCenterY(), false, null));
            return null;
        });
        waitUntil(Duration.ofSeconds(5), "the menu is up", () -> menu().isShowing());
        assertTrue(onFx(() -> item("orders-menu-return").isDisable()), "nothing to send back");
        assertEquals("Ctrl+R", onFx(() -> item("orders-menu-reassign").getAccelerator().getDisplayText()));
        clickOn("Re-assign…");
        waitUntil(Duration.ofSeconds(5), "the unit list", () -> console.showing("reassign-box") && unitList().size() == 2);
        assertTrue(onFx(() -> unitList().get(0)).startsWith("城关02 · Available"), unitList().toString());
        clickOn("#orders-note").write("nearer unit");
        clickOn("#reassign-confirm");
        waitUntil(Duration.ofSeconds(10), "the order is 城关02's in the database", () -> unitOf(o.id()) == units[1]);
        waitUntil(Duration.ofSeconds(10), "the trail reads in English", () -> trailShows("Re-assigned", "城关01 → 城关02：nearer unit"));
        assertTrue(console.label("orders-outcome").startsWith("Recorded: "), console.label("orders-outcome"));
    }

    private void signedInAs(Path dataDir, String login) throws Exception {
        console = RunningConsole.startSignedOut(stage, dataDir, seed -> {
            seed(seed);
            new AccessService(seed.db.jdbi(), seed.clock, AccessGuard.trusted(), new PasswordHasher(), LockoutPolicy.defaults())
                    .createFirstUsers(List.of(
                            new AccessService.NewUser("lim", "李明", Set.of(Role.DUTY_COMMANDER), "duty-pass-1"),
                            new AccessService.NewUser("wall", "指挥大屏", Set.of(Role.WALL_DISPLAY), "wall-pass-1")), "test");
        });
        clickOn("#login-user").eraseText(40).write(login);
        clickOn("#login-password").write(login.equals("lim") ? "duty-pass-1" : "wall-pass-1");
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(20), "the desk opens", () -> console.scene.lookup("#orders-table") != null);
    }

    @Test
    void aWallDisplayFindsEveryActionDisabledAndItsKeysDoNothing(@TempDir Path dataDir) throws Exception {
        signedInAs(dataDir, "wall");
        // The orders come from another workstation (the wall's own services refuse to write).
        org.commandroom.core.dispatch.OrderService elsewhere = new org.commandroom.core.dispatch.OrderService(
                console.seed.db.jdbi(), java.time.Clock.systemUTC(), org.commandroom.core.dispatch.DeadlinePolicy.defaults(),
                new org.commandroom.core.store.Numbering(java.time.Clock.systemUTC(), Fixture.ZONE),
                new org.commandroom.core.live.ChangeRecorder(java.time.Clock.systemUTC(), "ws-elsewhere"));
        long fight = console.seed.find("J20261123-00001").id();
        Order issued = issue(elsewhere, fight, "速到北街3号");
        Order fedBack = issue(elsewhere, fight, "北街3号增援");
        elsewhere.sign(fedBack.id(), "城关01");
        elsewhere.feedback(fedBack.id(), "城关01", "已制止");
        TableView<OrderRow> orders = console.table("orders-table");
        waitUntil(Duration.ofSeconds(10), "both orders are shown", () -> orders.getItems().size() == 2
                && rowOf(orders, fedBack.id()).getEntry().fedBackAt() != null);
        for (Order o : List.of(issued, fedBack)) {
            clickOn(orderRow(orders, o.id()));
            waitUntil(Duration.ofSeconds(5), "the order is picked", () -> orders.getSelectionModel().getSelectedItem() != null
                    && orders.getSelectionModel().getSelectedItem().getEntry().id() == o.id());
            for (String id : List.of("orders-reassign", "orders-cancel", "orders-return")) {
                assertFalse(enabled(id), id + " for " + o.orderNo());
            }
            for (String id : List.of("orders-menu-reassign", "orders-menu-cancel", "orders-menu-return")) {
                assertTrue(onFx(() -> item(id).isDisable()), id + " for " + o.orderNo());
            }
            push(KeyCode.CONTROL, KeyCode.R);
            assertFalse(console.showing("reassign-box"), "Ctrl+R opens nothing");
        }
        assertEquals("ISSUED", status(issued.id()));
        assertEquals("FED_BACK", status(fedBack.id()));
        assertEquals(String.valueOf(units[0]), String.valueOf(unitOf(issued.id())));
    }

    @Test
    void aDutyCommanderMayCancelButNotSendBack(@TempDir Path dataDir) throws Exception {
        signedInAs(dataDir, "lim");
        AppServices s = console.services();
        Order o = issue(s, console.seed.find("J20261123-00001").id(), "速到北街3号");
        s.orders().sign(o.id(), "城关01");
        s.orders().feedback(o.id(), "城关01", "已制止");
        TableView<OrderRow> orders = console.table("orders-table");
        waitUntil(Duration.ofSeconds(10), "the fed-back order is shown", () -> orders.getItems().size() == 1
                && orders.getItems().get(0).getEntry().fedBackAt() != null);

        clickOn(orderRow(orders, o.id()));
        waitUntil(Duration.ofSeconds(5), "cancel is offered (ORDERS)", () -> enabled("orders-cancel"));
        assertFalse(enabled("orders-return"), "sending back is the reviewer's (REVIEW_CLOSE)");
        assertTrue(onFx(() -> item("orders-menu-return").isDisable()), "in the menu too");
        clickOn("#orders-note").write("补充笔录");
        push(KeyCode.CONTROL, KeyCode.B);
        clickOn("#orders-return");
        assertEquals("FED_BACK", status(o.id()));
        assertEquals(0L, (long) console.seed.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM work_order_event WHERE order_id = :id AND event = 'RETURNED'").bind("id", o.id())
                .mapTo(Long.class).one()));
    }

    private Order issue(AppServices s, long incident, String summary) {
        return issue(s.orders(), incident, summary);
    }

    private Order issue(org.commandroom.core.dispatch.OrderService orders, long incident, String summary) {
        return orders.createAndIssue(new OrderDraft(OrderKind.DISPATCH, incident, IncidentType.FIGHT,
                console.seed.stationId, units[0], null, summary, null), "值班长");
    }

    private boolean enabled(String id) {
        return onFx(() -> !((Button) console.scene.lookup("#" + id)).isDisabled());
    }

    private ContextMenu menu() {
        return console.<OrderRow>table("orders-table").getContextMenu();
    }

    private MenuItem item(String id) {
        return menu().getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    /** The unit list's lines as shown (cells on screen), in order. */
    private List<String> unitList() {
        return onFx(() -> {
            javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) console.scene.lookup("#reassign-units");
            list.layout();
            java.util.List<String> out = new java.util.ArrayList<>();
            for (int i = 0; i < list.getItems().size(); i++) {
                int index = i;
                out.add(list.lookupAll(".list-cell").stream().map(n -> (javafx.scene.control.ListCell<?>) n)
                        .filter(c -> c.getIndex() == index && !c.isEmpty()).map(javafx.scene.control.ListCell::getText)
                        .findFirst().orElse("?"));
            }
            return out;
        });
    }

    /**
     * Whether the trail table, scrolled to its last line, shows a line whose event cell reads {@code event}; the
     * detail of that step (its column may be hidden where the panel is narrow) is checked in the table's items.
     */
    private boolean trailShows(String event, String detailPart) {
        TableView<org.commandroom.core.dispatch.escalation.TrailEvent> trail = console.table("orders-trail");
        if (trail.getItems().isEmpty()) {
            return false;
        }
        trail.scrollTo(trail.getItems().size() - 1);
        trail.layout();
        for (Node n : trail.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && !c.isEmpty() && event.equals(c.getText())
                    && c.getTableRow() != null && c.getTableRow().getItem()
                    instanceof org.commandroom.core.dispatch.escalation.TrailEvent e
                    && e.detail() != null && e.detail().contains(detailPart)) {
                return true;
            }
        }
        return false;
    }

    private String status(long id) {
        return console.seed.db.jdbi().withHandle(h -> h.createQuery("SELECT status FROM work_order WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    private long unitOf(long id) {
        return console.seed.db.jdbi().withHandle(h -> h.createQuery("SELECT unit_id FROM work_order WHERE id = :id")
                .bind("id", id).mapTo(Long.class).one());
    }

    private String lastEvent(long id, String event) {
        return console.seed.db.jdbi().withHandle(h -> h.createQuery("SELECT detail FROM work_order_event "
                        + "WHERE order_id = :id AND event = :e ORDER BY id DESC").bind("id", id).bind("e", event)
                .mapTo(String.class).first());
    }

    private static OrderRow rowOrNull(TableView<OrderRow> table, long id) {
        return table.getItems().stream().filter(r -> r.getEntry().id() == id).findFirst().orElse(null);
    }

    private static OrderRow rowOf(TableView<OrderRow> table, long id) {
        OrderRow r = rowOrNull(table, id);
        if (r == null) {
            throw new AssertionError("no row for order " + id);
        }
        return r;
    }

    private static Node orderRow(TableView<OrderRow> table, long id) {
        return onFx(() -> {
            int index = table.getItems().indexOf(rowOf(table, id));
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

}
