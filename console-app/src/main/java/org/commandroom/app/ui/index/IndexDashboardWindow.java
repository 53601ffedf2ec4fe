package org.commandroom.app.ui.index;

import java.time.YearMonth;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.IndexModule;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.common.Windows;
import org.commandroom.core.index.Period;
import org.commandroom.core.live.ChangeFeed;

/**
 * The dashboard in its own window, opened from the main window's tool bar (主防指数, F6). One window per
 * console: a second F6 brings it to the front. It follows the change feed only while it is showing.
 */
public final class IndexDashboardWindow {

    private final IndexModule module;
    private final ChangeFeed feed;
    private final UiContext ui;
    private final String actor;
    private Stage stage;
    private IndexDashboardViewModel vm;
    private IndexDashboardView view;

    public IndexDashboardWindow(IndexModule module, ChangeFeed feed, UiContext ui, String actor) {
        this.module = module;
        this.feed = feed;
        this.ui = ui;
        this.actor = actor;
    }

    /** Shows the window (built on first use) in front of its owner, on this month. */
    public void show(Window owner) {
        if (stage == null) {
            vm = new IndexDashboardViewModel(module, feed, ui.tasks(), actor);
            view = new IndexDashboardView(vm, ui);
            stage = Windows.secondary(owner, ui.i18n().tr("index.windowTitle"), (javafx.scene.Parent) view.root(),
                    1440, 860);
            stage.setOnShown(e -> vm.startListening());
            stage.setOnHidden(e -> vm.stopListening());
            Windows.show(stage, 1440, 860);
            vm.activate(Period.month(YearMonth.from(ui.clock().instant().atZone(Period.ZONE))));
            return;
        }
        if (Windows.bringBack(stage)) {
            vm.refresh();
        }
    }

    /** The window once shown (tests). */
    public Stage stage() {
        return stage;
    }

    public IndexDashboardView view() {
        return view;
    }

    public IndexDashboardViewModel viewModel() {
        return vm;
    }
}
