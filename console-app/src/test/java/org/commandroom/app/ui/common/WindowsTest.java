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

    @Test
    void aSizedWindowOpensCentredOnItsOwnerAndWhollyOnTheScreen() {
        // The trial's drill history, left to the window manager, opened with its title bar above the screen.
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        List<Double> centred = onFx(() -> {
            Stage owner = new Stage();
            owner.setScene(new Scene(new StackPane(), 100, 100));
            owner.setX(screen.getMinX() + 100);
            owner.setY(screen.getMinY() + 50);
            owner.setWidth(900);
            owner.setHeight(600);
            owner.show();
            Stage s = new Stage();
            s.initOwner(owner);
            s.setScene(new Scene(new StackPane(), 100, 100));
            Windows.showSized(s, 500, 300);
            List<Double> r = List.of(s.getX(), s.getY());
            s.close();
            owner.close();
            return r;
        });
        assertEquals(List.of(screen.getMinX() + 100 + (900 - 500) / 2.0, screen.getMinY() + 50 + (600 - 300) / 2.0), centred);

        List<Double> kept = onFx(() -> {
            Stage owner = new Stage();
            owner.setScene(new Scene(new StackPane(), 100, 100));
            owner.setX(screen.getMinX());
            owner.setY(screen.getMinY());
            owner.setWidth(200);
            owner.setHeight(100);
            owner.show();
            Stage s = new Stage();
            s.initOwner(owner);
            s.setScene(new Scene(new StackPane(), 100, 100));
            Windows.showSized(s, 700, 500);
            List<Double> r = List.of(s.getX(), s.getY());
            s.close();
            owner.close();
            return r;
        });
        assertEquals(List.of(screen.getMinX(), screen.getMinY()), kept, "a small owner in the corner: not off the screen");
    }

    @Test
    void aWindowAsideOpensInTheCornerOfItsOwnersScreenNotOverIt() {
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        List<Double> aside = onFx(() -> {
            Stage owner = new Stage();
            owner.setScene(new Scene(new StackPane(), 100, 100));
            Windows.show(owner, 1200, 800);
            Stage s = new Stage();
            s.initOwner(owner);
            s.setScene(new Scene(new StackPane(), 100, 100));
            Windows.showAside(s, 500, 300);
            List<Double> r = List.of(s.getX(), s.getY(), s.getWidth(), s.getHeight());
            s.close();
            owner.close();
            return r;
        });
        assertEquals(List.of(screen.getMaxX() - 500, screen.getMaxY() - 300, 500.0, 300.0), aside,
                "one screen here: its bottom-right corner");
    }
}
