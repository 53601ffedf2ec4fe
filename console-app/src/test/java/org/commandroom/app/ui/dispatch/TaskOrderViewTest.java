package org.commandroom.app.ui.dispatch;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.commandroom.app.ConsoleScreenTest;
import org.commandroom.app.RunningConsole;
import org.commandroom.app.ui.orders.OrderRow;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDao;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.TaskOrderService.Assignee;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.unit.UnitDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** F4 in the running console: a deploy-and-intercept order (布控) without an incident, issued and on the orders panel. */
class TaskOrderViewTest extends ConsoleScreenTest {

    @Test
    void f4IssuesAnInterceptAtAPointToAUnitAndTheOrdersPanelShowsIt(@TempDir Path dataDir) throws Exception {
        long[] unit = new long[1];
        console = RunningConsole.start(stage, dataDir, seed ->
                unit[0] = seed.unit("城关01", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(10), "张伟"));
        // The file actions are on the tool bar; an export with nothing selected says what to do.
        assertTrue(console.showing("toolbar-import-calls") && console.showing("toolbar-import-eido"));
        onFx(() -> {
            ((javafx.scene.control.Button) console.scene.lookup("#toolbar-export-eido")).fire();
            return null;
        });
        waitUntil(Duration.ofSeconds(3), "the export asks for a selection",
                () -> console.label("files-message").equals("请先在警情队列中选中一条警情，再导出 EIDO"));

        clickOn("#incident-queue-table");
        type(KeyCode.F4);
        waitUntil(Duration.ofSeconds(3), "F4 opens the task form", () -> console.showing("task-form"));
        @SuppressWarnings("unchecked")
        ComboBox<Assignee> assignee = (ComboBox<Assignee>) console.scene.lookup("#task-assignee");
        waitUntil(Duration.ofSeconds(5), "the station's unit and officer are offered",
                () -> assignee.getItems().size() == 2 && assignee.getItems().get(0).isUnit());

        // Refused with a reason, nothing written: an intercept without its point.
        onFx(() -> {
            assignee.setValue(assignee.getItems().get(0));
            return null;
        });
        clickOn("#task-summary");
        waitUntil(Duration.ofSeconds(3), "the summary field has the keyboard", () -> console.scene.lookup("#task-summary").isFocused());
        write("逃犯在南关路12号，立即布控");
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(3), "the missing point is named (shown: " + console.label("task-message") + ", summary: "
                + onFx(() -> ((javafx.scene.control.TextField) console.scene.lookup("#task-summary")).getText()) + ")",
                () -> console.label("task-message").equals("布控指令必须填写布控位置（纬度, 经度）"));
        assertEquals(0L, count());

        clickOn("#task-position");
        waitUntil(Duration.ofSeconds(3), "the position field has the keyboard", () -> console.scene.lookup("#task-position").isFocused());
        write("29.212, 103.712");
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(5), "issued", () -> console.label("task-message").startsWith("已下发布控指令 ZL"));
        assertTrue(console.label("task-message").endsWith("承办：城关01；位置与内容已保留，可再选警力下发"),
                console.label("task-message"));

        Order o = console.seed.db.jdbi().withExtension(OrderDao.class, d -> d.findById(
                console.seed.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM work_order").mapTo(Long.class).one())))
                .orElseThrow();
        assertEquals(OrderKind.INTERCEPT, o.kind());
        assertNull(o.incidentId());
        assertEquals(unit[0], o.unitId());
        assertEquals(GeoPoint.wgs84(29.212, 103.712), o.target());
        assertEquals("逃犯在南关路12号，立即布控", o.summary());
        assertEquals(OrderStatus.ISSUED, o.status());
        assertEquals(UnitStatus.EN_ROUTE, console.seed.db.jdbi().withExtension(UnitDao.class, d -> d.findById(unit[0]))
                .orElseThrow().status(), "the unit goes to the point");
        waitUntil(Duration.ofSeconds(5), "the orders panel shows it", () -> console.<OrderRow>table("orders-table").getItems()
                .stream().anyMatch(r -> r.getEntry().id() == o.id() && r.getEntry().kind() == OrderKind.INTERCEPT
                        && "城关01".equals(r.getEntry().unitCallSign())));
        waitUntil(Duration.ofSeconds(5), "the unit sent is no longer offered",
                () -> assignee.getItems().size() == 1 && !assignee.getItems().get(0).isUnit());
        assertEquals("逃犯在南关路12号，立即布控", onFx(() -> ((javafx.scene.control.TextField) console.scene.lookup("#task-summary"))
                .getText()), "an intercept's wording stays for the next unit");
    }

    private long count() {
        return console.seed.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM work_order").mapTo(Long.class).one());
    }
}
