package org.commandroom.app.ui.prevention;

import static org.commandroom.app.ui.common.LiveScreen.cellText;
import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.prevention.House;
import org.commandroom.core.prevention.HouseKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The register tab on screen for a user who may edit: the form names each wrong field under it, a house typed in is
 * registered and selected, the kind filter narrows the table, and "show on the map" hands the selected house over.
 */
@ExtendWith(ApplicationExtension.class)
class HouseRegisterFormTest extends FxRobot {

    private PreventionFixture fx;
    private Scene scene;
    private final List<House> shownOnMap = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        fx = new PreventionFixture();
        fx.house("南关街", HouseKind.RENTED, IntakeFixture.IN_G1, 3, List.of());
        UiContext ui = fx.ui();
        HouseRegisterWindow window = new HouseRegisterWindow(fx.module(PreventionFixture.BOTH), ui, "周敏", shownOnMap::add);
        scene = HouseRegisterOnStage.show(stage, window);
    }

    @AfterEach
    void close() throws Exception {
        fx.close();
    }

    private String text(String id) {
        return onFx(() -> ((Label) scene.lookup(id)).getText());
    }

    @Test
    void wrongFieldsAreNamedThenTheHouseIsRegisteredFilteredAndShownOnTheMap() {
        @SuppressWarnings("unchecked")
        TableView<org.commandroom.core.prevention.InspectionBoard.RegisterRow> houses =
                (TableView<org.commandroom.core.prevention.InspectionBoard.RegisterRow>) scene.lookup("#houses-table");
        waitUntil(Duration.ofSeconds(10), "the register is read", () -> houses.getItems().size() == 1);
        clickOn("#houses-new");
        clickOn("#house-occupants").eraseText(1).write("abc");
        clickOn("#houses-save");
        waitUntil(Duration.ofSeconds(5), "the errors are shown", () -> scene.lookup("#house-address-error").isVisible());
        assertEquals("请填写地址", text("#house-address-error"));
        assertEquals("请填写门牌号", text("#house-no-error"));
        assertEquals("居住人数应为0到100000的整数", text("#house-occupants-error"));
        assertFalse(onFx(() -> scene.lookup("#house-kind-error").isVisible()), "the kind is chosen");
        assertEquals("有3处需要更正，见标红的栏目", text("#houses-status"));

        onFx(() -> {
            ((TextField) scene.lookup("#house-address")).setText("北门街");
            return null;
        });
        clickOn("#house-no").write("21");
        onFx(() -> {
            ((javafx.scene.control.ComboBox<HouseKind>) scene.lookup("#house-kind")).setValue(HouseKind.GROUP_RENTED);
            return null;
        });
        clickOn("#house-occupants").eraseText(3).write("12");
        clickOn("#houses-save");
        waitUntil(Duration.ofSeconds(10), "the house is registered", () -> houses.getItems().size() == 2);
        waitUntil(Duration.ofSeconds(5), "it is selected", () -> houses.getSelectionModel().getSelectedItem() != null
                && "21".equals(houses.getSelectionModel().getSelectedItem().house().houseNo()));
        assertEquals("已登记 北门街 21（4星）", text("#houses-status"));
        assertFalse(onFx(() -> scene.lookup("#house-address-error").isVisible()));
        assertFalse(onFx(() -> ((TextField) scene.lookup("#house-address")).isEditable()), "a registered house's key is fixed");

        onFx(() -> {
            ((javafx.scene.control.ComboBox<HouseKind>) scene.lookup("#houses-kind-filter")).setValue(HouseKind.RENTED);
            return null;
        });
        waitUntil(Duration.ofSeconds(5), "the filter narrows", () -> houses.getItems().size() == 1
                && "南关街 1号".equals(cellText(houses, 0, 0)));
        LiveScreen.clickCell(this, houses, "南关街 1号");
        waitUntil(Duration.ofSeconds(5), "the button is offered", () -> !((Button) scene.lookup("#houses-show-on-map")).isDisabled());
        clickOn("#houses-show-on-map");
        assertEquals(1, shownOnMap.size());
        assertEquals("南关街", shownOnMap.get(0).address());
        assertTrue(shownOnMap.get(0).position() != null);
    }
}
