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

    private final Stage stage = new Stage();
    private final AdminWorkspace workspace;

    public AdminWindow(AdminWorkspace workspace, UiContext ui, Window owner) {
        this.workspace = workspace;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(ui.i18n().tr("admin.title"));
        Scene scene = new Scene((javafx.scene.Parent) workspace.root(), 1280, 800);
        Theme.style(scene);
        // F10 again brings it forward rather than opening a second one; swallowed so the desk does not see it
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F10) {
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
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
