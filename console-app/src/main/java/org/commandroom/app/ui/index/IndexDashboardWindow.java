package org.commandroom.app.ui.index;

import java.time.YearMonth;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.IndexModule;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.UiContext;
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
            stage = new Stage();
            stage.setTitle(ui.i18n().tr("index.windowTitle"));
            if (owner != null) {
                stage.initOwner(owner);
            }
            Scene scene = new Scene((javafx.scene.Parent) view.root(), 1440, 860);
            Theme.style(scene);
            // Esc goes back to the desk, as it leaves every form there (a handler, not a filter: an open drop-down
            // closes first on its own Esc).
            scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                    e.consume();
                    stage.hide();
                }
            });
            stage.setScene(scene);
            stage.setOnShown(e -> vm.startListening());
            stage.setOnHidden(e -> vm.stopListening());
            org.commandroom.app.ui.common.Windows.show(stage, 1440, 860);
            vm.activate(Period.month(YearMonth.from(ui.clock().instant().atZone(Period.ZONE))));
            return;
        }
        if (!stage.isShowing()) {
            stage.show();
            vm.refresh();
        }
        stage.toFront();
        stage.requestFocus();
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
