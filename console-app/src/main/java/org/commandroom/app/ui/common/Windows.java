package org.commandroom.app.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opening a secondary window at the size it asks for. On GTK under a window manager such as openbox, a size and place
 * given before a window is first shown are dropped: the window opened at 200 x 200, or at its minimum, in the corner
 * (measured with xdotool on Xvfb + openbox, docs/BUILD.md). Given again once the window shows, they hold. So a window
 * is shown first and then sized and placed, centred on the screen of its owner.
 */
public final class Windows {

    private Windows() {
    }

    /** Shows {@code stage} at {@code width} x {@code height}, centred on its owner's screen (or the primary one). */
    public static void show(Stage stage, double width, double height) {
        Rectangle2D screen = screenOf(stage.getOwner());
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        stage.show();
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
    }

    /** Shows {@code stage} at {@code width} x {@code height} where the window manager places it. */
    public static void showSized(Stage stage, double width, double height) {
        Rectangle2D screen = screenOf(stage.getOwner());
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        stage.show();
        stage.setWidth(w);
        stage.setHeight(h);
    }

    /** The visual bounds of the screen {@code owner} is on, or of the primary screen. */
    public static Rectangle2D screenOf(Window owner) {
        if (owner == null) {
            return Screen.getPrimary().getVisualBounds();
        }
        return Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                Math.max(1, owner.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    }
}
