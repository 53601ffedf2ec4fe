package org.commandroom.app.wall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.commandroom.app.LaunchOptions;
import org.commandroom.app.ui.common.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall display's JavaFX application, started by {@code --wall} (or a workstation whose role is the wall) instead of
 * the desk's: one undecorated window covering the chosen screen (or screens side by side), the cursor hidden, no
 * dialog, no input. Closed by the operating system (SIGTERM closes it cleanly).
 */
public final class WallApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WallApplication.class);
    public static final String STYLESHEET = "/org/commandroom/app/wall/wall.css";

    private static volatile WallContext prepared;

    private WallContext context;
    private WallScreen screen;
    private FxProbe probe;
    /** How often the log says how the FX thread and the heap are doing ({@code -Dwall-health-log-seconds}). */
    static final Duration HEALTH_LOG_EVERY = Duration.ofSeconds(Long.getLong("wall-health-log-seconds", 600));

    /** Called by the launcher before {@link Application#launch}. */
    public static void handOver(WallContext context) {
        prepared = context;
    }

    /** Starts the wall: the command line was checked already. */
    public static void launch(LaunchOptions options, WallOptions wall, String[] args) {
        WallContext context = new WallContext(options, wall, options.clock(), Platform::runLater);
        Locale.setDefault(context.i18n().locale());
        handOver(context);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "wall-shutdown"));
        Application.launch(WallApplication.class, args);
    }

    @Override
    public void init() {
        context = Objects.requireNonNull(prepared, "WallApplication is started through WallApplication.launch");
        prepared = null;
    }

    @Override
    public void start(Stage stage) {
        Theme.installUserAgentStylesheet();
        Rectangle2D bounds = bounds(context.wallOptions());
        Loaded layout = layout(context);
        screen = new WallScreen(context, layout.layout(), layout.result().problems(), layout.name());
        Scene scene = new Scene((javafx.scene.Parent) screen.root(), bounds.getWidth(), bounds.getHeight());
        style(scene);
        WallScreen.install(scene);
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setTitle(context.i18n().tr("wall.title"));
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setScene(scene);
        stage.show();
        screen.start();
        probe = new FxProbe(Platform::runLater);
        probe.start(HEALTH_LOG_EVERY);
    }

    /** The project theme and the wall's stylesheet over it. */
    public static void style(Scene scene) {
        Theme.style(scene);
        scene.getStylesheets().add(Objects.requireNonNull(WallApplication.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
    }

    /** The layout read, with what was wrong with the file (the default is used then). */
    public record Loaded(WallLayout layout, WallLayoutReader.Result result, String name) {
    }

    /** Reads the layout file, if any; a file with a problem is logged line by line and the default stays. */
    public static Loaded layout(WallContext context) {
        Optional<Path> file = context.layoutFile();
        if (file.isEmpty()) {
            return new Loaded(WallLayoutReader.defaultLayout(), new WallLayoutReader.Result(Optional.empty(), List.of()), "");
        }
        return layout(file.get());
    }

    public static Loaded layout(Path file) {
        String name = file.toString();
        WallLayoutReader.Result r;
        try {
            long size = Files.size(file);
            if (size > WallLayoutReader.MAX_BYTES) { // read whole, a file of gigabytes ended in OutOfMemoryError
                r = new WallLayoutReader.Result(Optional.empty(), List.of(new WallLayoutReader.Problem(1,
                        "wall.layout.problem.tooLarge", List.of(size / 1024, WallLayoutReader.MAX_BYTES / 1024),
                        "the file has " + size + " bytes; a layout has at most " + WallLayoutReader.MAX_BYTES)));
            } else {
                r = WallLayoutReader.read(Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.error("Wall layout {} could not be read as UTF-8 text, the default layout is used: {}", file, e.toString());
            r = new WallLayoutReader.Result(Optional.empty(), List.of(new WallLayoutReader.Problem(1,
                    "wall.layout.problem.unreadable", List.of(), "not readable as UTF-8 text")));
        }
        if (r.accepted()) {
            LOG.info("Wall layout from {}", file);
            return new Loaded(r.layout().get(), r, name);
        }
        r.problems().forEach(p -> LOG.error("Wall layout {} {}; the default layout is used", file, p.describe()));
        return new Loaded(WallLayoutReader.defaultLayout(), r, name);
    }

    /** The chosen screen, or the screens side by side, or the primary screen; a screen that is not there: the primary. */
    static Rectangle2D bounds(WallOptions wall) {
        if (wall.firstMonitor() == 0) {
            return Screen.getPrimary().getBounds();
        }
        List<Screen> screens = Screen.getScreens().stream()
                .sorted(Comparator.comparingDouble((Screen s) -> s.getBounds().getMinX()).thenComparingDouble(s -> s.getBounds().getMinY()))
                .toList();
        if (wall.lastMonitor() > screens.size()) {
            LOG.error("--wall-monitor {}-{}: only {} screen(s) are connected; the wall opens on the primary screen",
                    wall.firstMonitor(), wall.lastMonitor(), screens.size());
            return Screen.getPrimary().getBounds();
        }
        Rectangle2D b = screens.get(wall.firstMonitor() - 1).getBounds();
        for (int i = wall.firstMonitor(); i < wall.lastMonitor(); i++) {
            Rectangle2D o = screens.get(i).getBounds();
            double minX = Math.min(b.getMinX(), o.getMinX());
            double minY = Math.min(b.getMinY(), o.getMinY());
            b = new Rectangle2D(minX, minY, Math.max(b.getMaxX(), o.getMaxX()) - minX, Math.max(b.getMaxY(), o.getMaxY()) - minY);
        }
        return b;
    }

    @Override
    public void stop() {
        if (probe != null) {
            probe.close();
        }
        if (screen != null) {
            screen.stop();
        }
        if (context != null) {
            context.close();
        }
        LOG.info("Wall display stopped");
    }
}
