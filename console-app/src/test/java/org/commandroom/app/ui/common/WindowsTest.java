package org.commandroom.app.ui.common;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A secondary window opens at the size it asks for, centred on its owner's screen, never larger than that screen. */
@ExtendWith(ApplicationExtension.class)
class WindowsTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void aWindowOpensAtItsSizeCentredAndNoLargerThanTheScreen() {
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        List<Double> shown = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(), 100, 100));
            Windows.show(s, 800, 500);
            List<Double> r = List.of(s.getWidth(), s.getHeight(), s.getX(), s.getY());
            s.close();
            return r;
        });
        assertEquals(List.of(800.0, 500.0, screen.getMinX() + (screen.getWidth() - 800) / 2,
                screen.getMinY() + (screen.getHeight() - 500) / 2), shown);

        List<Double> huge = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(), 100, 100));
            Windows.showSized(s, 99_999, 99_999);
            List<Double> r = List.of(s.getWidth(), s.getHeight());
            s.close();
            return r;
        });
        assertEquals(List.of(screen.getWidth(), screen.getHeight()), huge);
    }
}
