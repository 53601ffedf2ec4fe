package org.commandroom.app.ui.main;

import java.time.Duration;
import javafx.scene.Parent;
import org.commandroom.app.ui.alerts.AlertTone;
import org.commandroom.app.AppContext;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.login.LoginGate;
import org.commandroom.app.ui.status.StatusBarViewModel;

/** Wires the main window's ViewModels and view from the composition root. */
public final class MainWindow {

    private final MainWindowViewModel vm;
    private final MainWindowView view;

    public MainWindow(AppContext context) {
        UiContext ui = new UiContext(context.clock(), context.tasks(), context.i18n(), new Ticker(),
                DisplaySettings.defaults());
        // Nobody is named before someone signs in: not the workstation's OS user while the database opens.
        StatusBarViewModel status = new StatusBarViewModel(context.clock(), context.databaseDisplay(),
                context.session().current().signedIn() ? context.commanderName() : null);
        vm = new MainWindowViewModel(context::connect, context.tasks(), status);
        context.onUpgradeStep(vm.upgradeListener());
        view = new MainWindowView(vm, ui, new AlertTone(context.soundExecutor(), context.clock(), Duration.ofMillis(1500)),
                new LoginGate(context::access, context.session(), ui, false,
                        org.commandroom.app.SessionSettings.idleLock(context.options().dataDir())));
        view.offerDrills(new org.commandroom.app.drill.TraineeDrills(context.options(), context.i18n(), context.tasks()));
    }

    /** Starts opening the database in the background; the window is already up. */
    public void connect() {
        vm.connect();
    }

    public Parent root() {
        return (Parent) view.root();
    }
}
