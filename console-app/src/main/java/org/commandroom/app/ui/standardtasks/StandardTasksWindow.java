package org.commandroom.app.ui.standardtasks;

import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.common.Windows;
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
            stage = Windows.secondary(owner, ui.i18n().tr("stdtask.windowTitle"), (Parent) view.root(), 1200, 820);
            Windows.show(stage, 1200, 820);
            vm.load();
            view.focusSearch();
            return;
        }
        Windows.bringBack(stage);
        vm.refreshCampaigns();
    }

    /** The window once shown (tests). */
    public Stage stage() {
        return stage;
    }

    public StandardTasksViewModel viewModel() {
        return vm;
    }
}
