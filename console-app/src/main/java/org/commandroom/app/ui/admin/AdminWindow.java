package org.commandroom.app.ui.admin;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.UiContext;

/**
 * The administration workspace in a window of its own beside the desk (F10 on the desk of a commander who is also
 * an administrator): not modal, so calls and alerts stay in reach; Esc does not close it (a form may be half
 * filled), the window's own close does.
 */
public final class AdminWindow {

    private static final double MIN_WIDTH = 900;
    private static final double MIN_HEIGHT = 600;

    private final Stage stage = new Stage();
    private final AdminWorkspace workspace;

    public AdminWindow(AdminWorkspace workspace, UiContext ui, Window owner) {
        this.workspace = workspace;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(ui.i18n().tr("admin.title"));
        // Most of the screen the desk is on (its tables have many columns), never more than the screen.
        javafx.geometry.Rectangle2D screen = (owner == null ? javafx.stage.Screen.getPrimary()
                : javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                        Math.max(1, owner.getHeight())).stream().findFirst().orElse(javafx.stage.Screen.getPrimary()))
                .getVisualBounds();
        double width = Math.max(MIN_WIDTH, Math.min(1600, screen.getWidth() * 0.85));
        double height = Math.max(MIN_HEIGHT, Math.min(1000, screen.getHeight() * 0.85));
        Scene scene = new Scene((javafx.scene.Parent) workspace.root(), width, height);
        Theme.style(scene);
        // F10 again brings it forward rather than opening a second one; swallowed so the desk does not see it
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F10) {
                e.consume();
            }
        });
        stage.setScene(scene);
        // The size is set on the stage too, and the minimum only once it shows: on GTK under a window manager
        // a minimum set before the first show opened the window at that minimum (900x600) whatever the scene asked.
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setOnShown(e -> {
            stage.setMinWidth(MIN_WIDTH);
            stage.setMinHeight(MIN_HEIGHT);
        });
        stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public AdminWorkspace workspace() {
        return workspace;
    }

    public Stage stage() {
        return stage;
    }
}
