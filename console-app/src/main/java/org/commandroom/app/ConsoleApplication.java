package org.commandroom.app;

import java.time.Clock;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
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

    private AppContext context;

    /** Runs before the window exists: the database starts opening while JavaFX builds the window. */
    @Override
    public void init() throws Exception {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw(), System.getenv());
        context = new AppContext(options, Clock.system(options.zone()), Platform::runLater);
        // Controls and the map's own texts follow the console's language, not the machine's.
        Locale.setDefault(context.i18n().locale());
        context.connectEarly();
    }

    @Override
    public void start(Stage stage) throws Exception {
        Theme.installUserAgentStylesheet();
        MainWindow window = new MainWindow(context);
        Scene scene = new Scene(window.root(), 1600, 900);
        Theme.style(scene);
        stage.setTitle(context.i18n().tr("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.show();
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
