package org.commandroom.app;

import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.StartupTiming;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.main.MainWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: builds the one {@link AppContext}, shows the main window at once and lets
 * the database open in the background. Everything is closed again in {@link #stop()}.
 */
public final class ConsoleApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApplication.class);

    /** The context {@link Launcher} built and started connecting before JavaFX started, with its FX gate. */
    private static volatile AppContext preparedContext;
    private static volatile FxGate preparedGate;

    private AppContext context;

    static void handOver(AppContext context, FxGate gate) {
        preparedContext = context;
        preparedGate = gate;
    }

    /** Runs before the window exists; the database is already opening (or starts to now). */
    @Override
    public void init() throws Exception {
        AppContext prepared = preparedContext;
        if (prepared != null) {
            preparedContext = null;
            context = prepared;
            preparedGate.open(Platform::runLater);
            return;
        }
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw(), System.getenv());
        context = new AppContext(options, options.clock(), Platform::runLater);
        // Controls and the map's own texts follow the console's language, not the machine's.
        Locale.setDefault(context.i18n().locale());
        context.connectEarly();
    }

    @Override
    public void start(Stage stage) throws Exception {
        Theme.installUserAgentStylesheet();
        MainWindow window = new MainWindow(context);
        // A desk is worked for twelve hours on its own monitor: the window takes the whole screen (less the task
        // bar), maximised, instead of 1600×900 in a corner of it, where the orders panel kept two rows.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(), Math.max(1024, screen.getWidth()), Math.max(640, screen.getHeight()));
        Theme.style(scene);
        stage.setTitle(context.i18n().tr("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setMaximized(true);
        org.commandroom.app.ui.common.CloseGuard.attach(stage, context.i18n(), () -> context.session().current().signedIn());
        stage.show();
        context.options().exitAfterFirstData().ifPresent(after -> StartupTiming.afterFirstData(() -> {
            LOG.info("Closing {} s after the first data (--exit-after-first-data)", after.toSeconds());
            PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(after.toMillis()));
            wait.setOnFinished(e -> Platform.exit());
            wait.play();
        }));
        window.connect();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
        LOG.info("Console stopped");
    }
}
