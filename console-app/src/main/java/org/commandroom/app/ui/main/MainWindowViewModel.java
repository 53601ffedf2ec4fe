package org.commandroom.app.ui.main;

import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.commandroom.app.AppServices;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.status.StatusBarViewModel;
import org.commandroom.core.store.MigrationListener;

/**
 * The main window's state: connecting, ready (with the services) or failed (with one line saying
 * why). Opening the database runs through {@link Tasks}, so the window is up before it starts.
 */
public final class MainWindowViewModel {

    private final Callable<AppServices> connector;
    private final Tasks tasks;
    private final StatusBarViewModel statusBar;
    private final ReadOnlyObjectWrapper<ConnectionPhase> phase =
            new ReadOnlyObjectWrapper<>(this, "phase", ConnectionPhase.CONNECTING);
    private final ReadOnlyObjectWrapper<AppServices> services = new ReadOnlyObjectWrapper<>(this, "services");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyObjectWrapper<MigrationListener.Step> upgradeStep = new ReadOnlyObjectWrapper<>(this, "upgradeStep");

    public MainWindowViewModel(Callable<AppServices> connector, Tasks tasks, StatusBarViewModel statusBar) {
        this.connector = connector;
        this.tasks = tasks;
        this.statusBar = statusBar;
    }

    /** Opens the database in the background. */
    public void connect() {
        phase.set(ConnectionPhase.CONNECTING);
        failure.set(null);
        upgradeStep.set(null);
        statusBar.connecting();
        tasks.run(connector, this::ready, this::failed);
    }

    private void ready(AppServices s) {
        upgradeStep.set(null);
        services.set(s);
        statusBar.connected(s.feed(), s.database().health(), tasks::fx);
        if (s.workflow() != null && s.workflow().push() != null) {
            statusBar.watchBroker(s.workflow().push());
        }
        if (s.intake() != null) {
            statusBar.watchDrafts(s.intake().calls().drafts(), tasks::fx);
        }
        phase.set(ConnectionPhase.READY);
    }

    private void failed(Exception e) {
        org.slf4j.LoggerFactory.getLogger(MainWindowViewModel.class).error("The database could not be opened", e);
        String message = org.commandroom.app.ui.common.Failures.text(e);
        failure.set(message);
        statusBar.failed(message);
        phase.set(ConnectionPhase.FAILED);
    }

    /**
     * The listener to give the opening of the database: each step of a schema upgrade, reported on the thread that
     * migrates, is handed to the FX thread and shown by the start screen instead of a bare "connecting".
     */
    public MigrationListener upgradeListener() {
        return step -> tasks.fx(() -> {
            if (phase.get() == ConnectionPhase.CONNECTING) {
                upgradeStep.set(step);
            }
        });
    }

    /** The schema upgrade step under way while connecting, or null (none, or done). */
    public ReadOnlyObjectProperty<MigrationListener.Step> upgradeStepProperty() {
        return upgradeStep.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AppServices> servicesProperty() {
        return services.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }
}
