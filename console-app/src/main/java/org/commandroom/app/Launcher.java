package org.commandroom.app;

import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point. Deliberately not an {@link Application}: started from the classpath, JavaFX refuses
 * a main class that extends Application. Checks the command line before any window opens.
 */
public final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private Launcher() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        org.commandroom.app.wall.WallOptions wall;
        org.commandroom.app.drill.DrillOptions drill;
        try {
            var drillSplit = org.commandroom.app.drill.DrillOptions.extract(List.of(args));
            drill = drillSplit.drill();
            var split = org.commandroom.app.wall.WallOptions.extract(drillSplit.rest());
            wall = split.wall();
            options = LaunchOptions.parse(split.rest(), System.getenv());
        } catch (LaunchOptions.UsageException e) {
            LOG.error("{}\n{}", e.getMessage(), LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        // A console runs for days: an unexpected failure on any thread goes to the log, not to stderr.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> LOG.error("Uncaught on {}", thread.getName(), e));
        // A drill (--drill scenario.yaml) is a composition of its own, on a database of its own.
        if (drill.wanted()) {
            org.commandroom.app.drill.DrillApplication.launch(options, drill, args);
            return;
        }
        // The wall display (--wall, or a workstation whose role is the wall) is a composition of its own.
        if (org.commandroom.app.wall.WallLauncher.wanted(wall, options)) {
            org.commandroom.app.wall.WallApplication.launch(options, wall, args);
            return;
        }
        // The database starts opening now, while JavaFX starts: the first screen waits for both, not one after
        // the other. What the services hand to the FX thread meanwhile waits in the gate.
        FxGate fx = new FxGate();
        AppContext context = new AppContext(options, options.clock(), fx);
        Locale.setDefault(context.i18n().locale());
        context.connectEarly();
        ConsoleApplication.handOver(context, fx);
        // The workstation shutting down or the session ending (SIGTERM) closes the database cleanly too, so that
        // the next start does not first have to recover it.
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "console-shutdown"));
        Application.launch(ConsoleApplication.class, args);
    }
}
