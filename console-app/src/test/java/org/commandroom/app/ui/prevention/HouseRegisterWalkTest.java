package org.commandroom.app.ui.prevention;

import static org.commandroom.app.ui.common.LiveScreen.cellText;
import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.prevention.House;
import org.commandroom.core.prevention.HouseKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The walk issue 15 asks for, on screen, with the real services on an in-memory H2 and reads on a background executor:
 * a due inspection is sent to the grid's community officer, signed for, fed back with findings, and the house's findings
 * panel shows them while its next due date moves on a month.
 */
@ExtendWith(ApplicationExtension.class)
class HouseRegisterWalkTest extends FxRobot {

    private PreventionFixture fx;
    private House house;
    private Scene scene;
    private ChangeFeed feed;
    private HouseRegisterWindow window;

    @Start
    void start(Stage stage) {
        fx = new PreventionFixture();
        house = fx.house("南关街", HouseKind.RENTED, IntakeFixture.IN_G1, 3, List.of());
        fx.at("2027-02-27T16:00:00Z"); // 28 Feb 00:00 in Shanghai: the first monthly inspection is due
        UiContext ui = fx.ui();
        window = new HouseRegisterWindow(fx.module(PreventionFixture.DUTY), ui, "李明", null);
        feed = new ChangeFeed(fx.db.jdbi(), null, Platform::runLater, fx.clock, Duration.ofMillis(250), Duration.ofSeconds(10));
        window.follow(feed);
        scene = HouseRegisterOnStage.show(stage, window);
    }

    @AfterEach
    void close() throws Exception {
        fx.close();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return (TableView<T>) scene.lookup(id);
    }

    /** A cell's text once the table has laid it out. */
    private static String cell(TableView<?> table, int row, int column) {
        waitUntil(Duration.ofSeconds(5), "the cell is laid out", () -> cellText(table, row, column) != null);
        return onFx(() -> cellText(table, row, column));
    }

    private String status(String id) {
        return onFx(() -> ((Label) scene.lookup(id)).getText());
    }

    @Test
    void aDueInspectionGoesToTheOfficerIsSignedForFedBackAndShowsInTheHousesFindings() {
        TableView<?> houses = table("#houses-table");
        waitUntil(Duration.ofSeconds(10), "the register is read", () -> houses.getItems().size() == 1);
        assertEquals("南关街 1号", cell(houses, 0, 0));
        assertEquals("王建国", cell(houses, 0, 6), "the grid's community officer");
        assertEquals("2027-02-28", cell(houses, 0, 8), "next due");
        assertTrue(onFx(() -> ((Button) scene.lookup("#houses-save")).isDisabled()), "a commander does not edit the register");

        clickOn("#house-register-tab-inspections");
        TableView<?> open = table("#inspections-table");
        clickOn("#inspections-send");
        waitUntil(Duration.ofSeconds(10), "the due inspection is sent", () -> open.getItems().size() == 1);
        assertEquals("已派发1条核查指令；记为漏查0个应查日期；0处房屋未落到派出所", status("#inspections-status"));
        assertEquals("已下发", cell(open, 0, 6));
        assertEquals("王建国", cell(open, 0, 8), "issued to the grid's community officer");

        LiveScreen.clickCell(this, open, "南关街 1号");
        clickOn("#inspections-sign");
        waitUntil(Duration.ofSeconds(10), "the sign-for is recorded", () -> "已签收".equals(cellText(open, 0, 6)));
        assertTrue(onFx(() -> ((Button) scene.lookup("#inspections-sign")).isDisabled()), "signed once");

        clickOn("#inspections-hazards").eraseText(1).write("2");
        onFx(() -> {
            ((TextArea) scene.lookup("#inspections-findings")).setText("楼道堆放杂物、电动车违规充电");
            return null;
        });
        clickOn("#inspections-feedback");
        waitUntil(Duration.ofSeconds(10), "the feedback is recorded", () -> open.getItems().isEmpty());
        assertTrue(status("#inspections-status").startsWith("已登记 ZL"), status("#inspections-status"));

        clickOn("#house-register-tab-houses");
        waitUntil(Duration.ofSeconds(10), "the due date moved on a month",
                () -> "2027-03-31".equals(houses.getItems().isEmpty() ? null : cellText(houses, 0, 8)));
        assertEquals("2027-02-28", cell(houses, 0, 7), "last inspected");
        assertEquals("", cell(houses, 0, 9), "not overdue");
        LiveScreen.clickCell(this, houses, "南关街 1号");
        TableView<?> findings = table("#house-findings");
        waitUntil(Duration.ofSeconds(10), "the house's findings are shown", () -> findings.getItems().size() == 1);
        assertEquals("2027-02-28", cell(findings, 0, 0));
        assertEquals("2", cell(findings, 0, 3));
        assertEquals("楼道堆放杂物、电动车违规充电", cell(findings, 0, 4));
        assertEquals("李明", cell(findings, 0, 5));
        assertFalse(cell(findings, 0, 2).contains("超时"), "fed back on the due day");
        assertEquals(house.id(), onFx(() -> ((org.commandroom.core.prevention.InspectionBoard.RegisterRow) houses.getItems()
                .get(0)).house().id()));
    }

    @Test
    void anInspectionSentByAnotherWorkstationAppearsWithoutARefresh() {
        clickOn("#house-register-tab-inspections");
        TableView<?> open = table("#inspections-table");
        waitUntil(Duration.ofSeconds(10), "the tab's own read is done", () -> !window.inspectionsViewModel().busyProperty().get());
        feed.poll(); // where the feed starts
        assertTrue(onFx(() -> open.getItems().isEmpty()));
        // the hourly run on another workstation (the same database, its own services)
        fx.module(PreventionFixture.DUTY).generator().run();
        feed.poll();
        waitUntil(Duration.ofSeconds(10), "the order sent elsewhere is listed", () -> open.getItems().size() == 1);
        assertEquals("王建国", cell(open, 0, 8));
    }
}
