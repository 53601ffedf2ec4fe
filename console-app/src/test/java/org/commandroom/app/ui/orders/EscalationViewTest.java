package org.commandroom.app.ui.orders;

import static org.commandroom.app.ui.common.LiveScreen.cellText;
import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.rowHas;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.escalation.EscalationMonitor;
import org.commandroom.core.dispatch.escalation.FollowUpFixture;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The escalation list on screen with three sign-for deadlines at once: one missed (red), one close but quiet, one at
 * its early warning (amber, 临期), and the quiet one turning amber when two thirds of its window have gone.
 */
@ExtendWith(ApplicationExtension.class)
class EscalationViewTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private static final int LEFT = 0;
    private static final int KIND = 1;
    private static final int ORDER = 2;

    private final TestClock clock = new TestClock(T0);
    private final ScheduledExecutorService scheduler = Tasks.newScheduler("console-escalation");
    private FollowUpFixture fx;
    private EscalationMonitor monitor;
    private TableView<EscalationRow> table;
    private Label count;
    private Order missed;
    private Order quiet;
    private Order warned;

    @Start
    void start(Stage stage) {
        fx = new FollowUpFixture(TestDatabases.h2(), clock, "ws-a");
        long urgent = fx.db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO incident (incident_no, received_at, address, "
                        + "category, incident_type, priority, station_id, status) VALUES ('J20261123-00009', :at, "
                        + "'东大街8号', 'PUBLIC_ORDER', 'FIGHT', 1, :s, 'DISPATCHED')")
                .bind("at", T0).bind("s", fx.stationId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        missed = urgentDispatch(urgent);                 // 5 min to sign: missed at 02:05
        warned = fx.dispatch();                          // 30 min to sign: warned from 02:20
        clock.advance(Duration.ofMinutes(21));
        quiet = urgentDispatch(urgent);                  // issued 02:21, due 02:26, warned from 02:24:20
        clock.advance(Duration.ofMinutes(1));            // now 02:22
        monitor = new EscalationMonitor(fx.escalation, scheduler, Platform::runLater, clock, Duration.ofMillis(200));
        monitor.start();
        UiContext ui = new UiContext(clock, new Tasks(Runnable::run, Platform::runLater), I18n.load(Locale.ROOT),
                new Ticker(), DisplaySettings.defaults());
        EscalationView view = new EscalationView(new EscalationViewModel(monitor, clock), ui);
        table = view.table();
        count = (Label) view.root().lookup(".panel-count");
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new StackPane(view.root()), 1000, 500);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    private Order urgentDispatch(long incidentId) {
        return fx.orders.createAndIssue(new OrderDraft(OrderKind.DISPATCH, incidentId, IncidentType.FIGHT, fx.stationId,
                fx.unitId, null, "速到东大街8号", null), "值班长");
    }

    @AfterEach
    void close() {
        monitor.close();
        scheduler.shutdown();
        fx.db.close();
    }

    @Test
    void overdueIsRedTheEarlyWarningAmberAndACloseDeadlineQuietUntilTwoThirdsOfItsWindowHaveGone() {
        waitUntil(Duration.ofSeconds(5), "the three deadlines are listed", () -> table.getItems().size() == 3
                && cellText(table, 2, KIND) != null);
        assertEquals(missed.orderNo(), onFx(() -> cellText(table, 0, ORDER)), "most overdue first");
        assertEquals("签收期限 · 超时", onFx(() -> cellText(table, 0, KIND)));
        assertEquals("超时 17:00", onFx(() -> cellText(table, 0, LEFT)));
        assertTrue(onFx(() -> rowHas(table, 0, "overdue")));

        assertEquals(quiet.orderNo(), onFx(() -> cellText(table, 1, ORDER)));
        assertEquals("签收期限", onFx(() -> cellText(table, 1, KIND)));
        assertFalse(onFx(() -> cellHas(1, KIND, "soon")), "close, but not yet at its warning: quiet");
        assertFalse(onFx(() -> rowHas(table, 1, "overdue")));

        assertEquals(warned.orderNo(), onFx(() -> cellText(table, 2, ORDER)));
        assertEquals("签收期限 · 临期", onFx(() -> cellText(table, 2, KIND)));
        assertTrue(onFx(() -> cellHas(2, KIND, "soon")), "amber");
        assertTrue(onFx(() -> cellHas(2, LEFT, "soon")), "its countdown too");
        assertFalse(onFx(() -> rowHas(table, 2, "overdue")), "less loud than overdue: no red row");
        assertEquals("共 3 条，临期 1 条，已超时 1 条", onFx(count::getText));

        clock.advance(Duration.ofSeconds(140)); // 02:24:20: two thirds of the quiet one's five minutes
        waitUntil(Duration.ofSeconds(5), "the quiet one reaches its warning with the window's beat",
                () -> "签收期限 · 临期".equals(cellText(table, 1, KIND)));
        assertTrue(onFx(() -> cellHas(1, KIND, "soon")));
        assertEquals("共 3 条，临期 2 条，已超时 1 条", onFx(count::getText));
    }

    /** Whether the on-screen cell has the pseudo-class. Call on the FX thread. */
    private boolean cellHas(int row, int column, String pseudoClass) {
        var col = table.getColumns().get(column);
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() == col && c.getIndex() == row && !c.isEmpty()) {
                return c.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
            }
        }
        throw new AssertionError("cell " + row + "/" + column + " is not on screen");
    }
}
