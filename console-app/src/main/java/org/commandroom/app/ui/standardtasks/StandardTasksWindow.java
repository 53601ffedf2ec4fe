package org.commandroom.app.ui.standardtasks;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.prevention.tasks.StandardTaskService;

/**
 * The standard-task library in its own window, opened from the main window's tool bar (标准件). One window per console:
 * opening it again brings it to the front and re-reads the campaigns' progress. Esc hides it.
 */
public final class StandardTasksWindow {

    private final StandardTaskService service;
    private final UiContext ui;
    private final String actor;
    private final boolean mayIssue;
    private Stage stage;
    private StandardTasksViewModel vm;
    private StandardTasksView view;

    public StandardTasksWindow(StandardTaskService service, UiContext ui, String actor, boolean mayIssue) {
        this.service = service;
        this.ui = ui;
        this.actor = actor;
        this.mayIssue = mayIssue;
    }

    /** Shows the window (built on first use) in front of its owner. */
    public void show(Window owner) {
        if (stage == null) {
            vm = new StandardTasksViewModel(service, ui.tasks(), ui.i18n(), actor, mayIssue, ui.clock().getZone());
            view = new StandardTasksView(vm);
            stage = new Stage();
            stage.setTitle(ui.i18n().tr("stdtask.windowTitle"));
            if (owner != null) {
                stage.initOwner(owner);
            }
            Scene scene = new Scene((Parent) view.root(), 1200, 820);
            Theme.style(scene);
            scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                    e.consume();
                    stage.hide();
                }
            });
            stage.setScene(scene);
            org.commandroom.app.ui.common.Windows.show(stage, 1200, 820);
            vm.load();
            view.focusSearch();
            return;
        }
        if (!stage.isShowing()) {
            stage.show();
        }
        vm.refreshCampaigns();
        stage.toFront();
        stage.requestFocus();
    }

    /** The window once shown (tests). */
    public Stage stage() {
        return stage;
    }

    public StandardTasksViewModel viewModel() {
        return vm;
    }
}
