package org.commandroom.app.ui.prevention;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.ScreenProbe;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The register window in English (--lang en): each tab's texts are English, and none is cut short at 1500 x 860 (the size the window opens at). */
@ExtendWith(ApplicationExtension.class)
class HouseRegisterEnglishTest extends FxRobot {

    private PreventionFixture fx;
    private Scene scene;

    @Start
    void start(Stage stage) {
        fx = new PreventionFixture();
        UiContext ui = new UiContext(fx.clock, new Tasks(Runnable::run, Platform::runLater), I18n.load(Locale.ENGLISH),
                new Ticker(), DisplaySettings.defaults());
        HouseRegisterWindow window = new HouseRegisterWindow(fx.module(PreventionFixture.DUTY), ui, "Li", h -> { });
        scene = HouseRegisterOnStage.show(stage, window);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<String> chinese() {
        List<String> out = new ArrayList<>();
        for (Node n : LiveScreen.allNodes(scene.getRoot())) {
            String t = n instanceof Labeled l ? l.getText() : null;
            if (n instanceof TableView<?> table) {
                table.getColumns().forEach(c -> {
                    if (c.getText().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                        out.add(c.getText());
                    }
                });
            }
            if (t != null && n.isVisible() && t.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void everyTabSpeaksEnglishAndNothingIsCut() {
        for (String tab : List.of("houses", "inspections", "cycles")) {
            clickOn("#house-register-tab-" + tab);
            if (tab.equals("cycles")) {
                waitUntil(Duration.ofSeconds(5), "the cycles are read", () -> scene.lookup("#cycle-rented-0-every") != null);
                // A commander may not change the cycles: the greyed fields say why.
                assertEquals("Only users with the set-up permission (administrators) may change the register and the "
                        + "inspection cycles.", onFx(() -> ((Labeled) scene.lookup("#cycles-read-only")).getText()));
            }
            assertEquals(List.of(), onFx(this::chinese), tab);
            assertEquals(List.of(), onFx(() -> ScreenProbe.cutLabels("house register " + tab, scene.getRoot())), tab);
        }
    }
}
