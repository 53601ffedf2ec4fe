package org.commandroom.app.drill;

import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.commandroom.app.LaunchOptions;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.drill.ScenarioInvalid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drill's JavaFX application, started by {@code --drill <scenario>} instead of the desk's: it says it is preparing
 * while the drill database is made, then shows the desk and the instructor's control, both under the DRILL banner.
 */
public final class DrillApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DrillApplication.class);
    private static volatile DrillContext prepared;
    private DrillContext context;

    /** Starts the drill: the command line was checked already. */
    public static void launch(LaunchOptions options, DrillOptions drill, String[] args) {
        DrillContext context = new DrillContext(options, drill, Platform::runLater);
        Locale.setDefault(context.i18n().locale());
        prepared = context;
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "drill-shutdown"));
        Application.launch(DrillApplication.class, args);
    }

    @Override
    public void init() {
        context = Objects.requireNonNull(prepared, "DrillApplication is started through DrillApplication.launch");
        prepared = null;
    }

    @Override
    public void start(Stage stage) {
        Theme.installUserAgentStylesheet();
        var i18n = context.i18n();
        Label preparing = DrillWindows.preparing(stage, i18n);
        stage.show();
        context.tasks().runLong(context::start, services -> {
            DrillWindows windows = new DrillWindows(context.session(), services, context.tasks(), i18n,
                    context.drillOptions().trainee());
            windows.show(stage, i18n);
        }, e -> {
            LOG.error("The drill could not start", e);
            // A scenario's problem is located (file:line:column: field: reason); anything else is said in one line.
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof ScenarioInvalid)) {
                cause = cause.getCause();
            }
            preparing.setText(i18n.tr("drill.control.failed", cause instanceof ScenarioInvalid
                    ? cause.getMessage() : org.commandroom.app.ui.common.Tasks.rootMessage(e)));
        });
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
        LOG.info("Drill stopped");
    }
}
