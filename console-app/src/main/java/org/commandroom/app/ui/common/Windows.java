package org.commandroom.app.ui.common;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
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

    /**
     * A window of its own beside the desk, not shown yet: owned by {@code owner} (when there is one), titled, its scene
     * themed at {@code width} x {@code height}. Esc hides it and goes back to the desk, as it leaves every form there (a
     * handler, not a filter: an open drop-down closes first on its own Esc). Show it with {@link #show}.
     */
    public static Stage secondary(Window owner, String title, Parent root, double width, double height) {
        Stage stage = new Stage();
        stage.setTitle(title);
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(root, width, height);
        Theme.style(scene);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.hide();
            }
        });
        stage.setScene(scene);
        return stage;
    }

    /**
     * Brings back a window opened before (one per console): shown again if it was hidden, to the front, focused.
     *
     * @return whether it had been hidden
     */
    public static boolean bringBack(Stage stage) {
        boolean wasHidden = !stage.isShowing();
        if (wasHidden) {
            stage.show();
        }
        stage.toFront();
        stage.requestFocus();
        return wasHidden;
    }

    /** Shows {@code stage} at {@code width} x {@code height}, centred on its owner's screen (or the primary one). */
    public static void show(Stage stage, double width, double height) {
        Rectangle2D screen = screenOf(stage.getOwner());
        Dimension2D size = showFitted(stage, width, height, screen);
        double w = size.getWidth();
        double h = size.getHeight();
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
    }

    /**
     * Shows {@code stage} at {@code width} x {@code height}, centred on its owner window (kept on the owner's screen), or
     * on the screen without one. Left to the window manager, the trial's drill history opened in the top-left corner
     * with its title bar above the screen, so that it could be neither moved nor closed.
     */
    public static void showSized(Stage stage, double width, double height) {
        Rectangle2D screen = screenOf(stage.getOwner());
        Dimension2D size = showFitted(stage, width, height, screen);
        double w = size.getWidth();
        double h = size.getHeight();
        Window owner = stage.getOwner();
        double cx = owner == null ? screen.getMinX() + screen.getWidth() / 2 : owner.getX() + owner.getWidth() / 2;
        double cy = owner == null ? screen.getMinY() + screen.getHeight() / 2 : owner.getY() + owner.getHeight() / 2;
        stage.setX(Math.max(screen.getMinX(), Math.min(cx - w / 2, screen.getMaxX() - w)));
        stage.setY(Math.max(screen.getMinY(), Math.min(cy - h / 2, screen.getMaxY() - h)));
    }

    /**
     * Shows {@code stage} beside its owner rather than over it: centred on another screen when there is one (the
     * instructor at a second monitor), else in the bottom-right corner of the owner's screen. The trial's instructor
     * window opened centred over the trainee's desk, hiding its queue and orders.
     */
    public static void showAside(Stage stage, double width, double height) {
        Rectangle2D own = screenOf(stage.getOwner());
        Rectangle2D other = Screen.getScreens().stream().map(Screen::getVisualBounds).filter(b -> !b.equals(own))
                .findFirst().orElse(null);
        Rectangle2D screen = other != null ? other : own;
        Dimension2D size = showFitted(stage, width, height, screen);
        double w = size.getWidth();
        double h = size.getHeight();
        stage.setX(other != null ? screen.getMinX() + (screen.getWidth() - w) / 2 : screen.getMaxX() - w);
        stage.setY(other != null ? screen.getMinY() + (screen.getHeight() - h) / 2 : screen.getMaxY() - h);
    }

    /**
     * Shows {@code stage} at {@code width} x {@code height}, no larger than {@code screen}; the size is set before and
     * again after showing (a window manager may resize a window as it maps it). Returns the size given.
     */
    private static Dimension2D showFitted(Stage stage, double width, double height, Rectangle2D screen) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        stage.show();
        stage.setWidth(w);
        stage.setHeight(h);
        return new Dimension2D(w, h);
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
