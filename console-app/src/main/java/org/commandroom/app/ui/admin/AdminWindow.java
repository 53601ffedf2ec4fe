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
    private final double width;
    private final double height;

    public AdminWindow(AdminWorkspace workspace, UiContext ui, Window owner) {
        this.workspace = workspace;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(ui.i18n().tr("admin.title"));
        // Most of the screen the desk is on (its tables have many columns), never more than the screen.
        javafx.geometry.Rectangle2D screen = org.commandroom.app.ui.common.Windows.screenOf(owner);
        width = Math.max(MIN_WIDTH, Math.min(1600, screen.getWidth() * 0.85));
        height = Math.max(MIN_HEIGHT, Math.min(1000, screen.getHeight() * 0.85));
        Scene scene = new Scene((javafx.scene.Parent) workspace.root(), width, height);
        Theme.style(scene);
        // F10 again brings it forward rather than opening a second one; swallowed so the desk does not see it
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F10) {
                e.consume();
            }
        });
        stage.setScene(scene);
        // The minimum only once it shows: on GTK under a window manager a minimum set before the first show opened
        // the window at that minimum (900x600) whatever the scene asked.
        stage.setOnShown(e -> {
            stage.setMinWidth(MIN_WIDTH);
            stage.setMinHeight(MIN_HEIGHT);
        });
    }

    public void show() {
        if (stage.isShowing()) {
            stage.toFront();
            return;
        }
        org.commandroom.app.ui.common.Windows.show(stage, width, height);
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
