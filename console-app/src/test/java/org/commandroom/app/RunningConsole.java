package org.commandroom.app;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.main.MainWindow;

/**
 * The console as {@code ConsoleApplication} starts it — one {@link AppContext} (database, change feed, intake,
 * orders with the push outbox, embedded MQTT broker, escalation) and the real {@link MainWindow} — on an
 * in-memory H2 database that {@link Fixture} has seeded first (bureau B1, 城关派出所, one police grid).
 */
public final class RunningConsole implements AutoCloseable {

    public final Fixture seed;
    public final AppContext context;
    public final Scene scene;

    private RunningConsole(Fixture seed, AppContext context, Scene scene) {
        this.seed = seed;
        this.context = context;
        this.scene = scene;
    }

    /** Seeds the county, lets {@code more} add to it, then starts the console on {@code stage} and waits for the dashboard. */
    public static RunningConsole start(Stage stage, Path dataDir, java.util.function.Consumer<Fixture> more) throws Exception {
        return start(stage, dataDir, more, new String[0]);
    }

    /** As {@link #start(Stage, Path, java.util.function.Consumer)}, with more command-line options ({@code --lang en}). */
    public static RunningConsole start(Stage stage, Path dataDir, java.util.function.Consumer<Fixture> more,
                                       String... options) throws Exception {
        return startOn(stage, dataDir, "jdbc:h2:mem:console-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", more, options);
    }

    /** As {@link #start(Stage, Path, java.util.function.Consumer, String...)} on the database at {@code url} (an H2 server). */
    public static RunningConsole startOn(Stage stage, Path dataDir, String url, java.util.function.Consumer<Fixture> more,
                                         String... options) throws Exception {
        return startOn(stage, dataDir, url, more, true, options);
    }

    /**
     * As {@link #start}, but no one is signed in: the console stops at its log-in screen, which a test fills in
     * (ui/login); returns once the log-in screen is up.
     */
    public static RunningConsole startSignedOut(Stage stage, Path dataDir, java.util.function.Consumer<Fixture> more)
            throws Exception {
        return startOn(stage, dataDir, "jdbc:h2:mem:console-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", more, false);
    }

    private static RunningConsole startOn(Stage stage, Path dataDir, String url, java.util.function.Consumer<Fixture> more,
                                          boolean signedIn, String... options) throws Exception {
        Files.writeString(dataDir.resolve("db.properties"), "user=sa\npassword=\n", StandardCharsets.UTF_8);
        Fixture seed = Fixture.open(url);
        Instant now = Instant.now();
        if (now.isAfter(seed.clock.instant())) {
            seed.clock.advance(Duration.between(seed.clock.instant(), now)); // unit fixes are fresh
        }
        more.accept(seed);
        List<String> args = new java.util.ArrayList<>(List.of("--db", url, "--data-dir", dataDir.toString(), "--no-simulator"));
        args.addAll(List.of(options));
        AppContext context = new AppContext(LaunchOptions.parse(args, Map.of()), Clock.systemUTC(), Platform::runLater);
        if (signedIn) {
            TestUsers.signedIn(context);
        }
        context.connectEarly();
        MainWindow window = onFx(() -> new MainWindow(context), Duration.ofSeconds(60));
        Scene scene = onFx(() -> {
            Scene s = new Scene(window.root(), 1600, 900);
            Theme.style(s);
            stage.setScene(s);
            stage.show();
            stage.toFront();
            window.connect();
            return s;
        }, Duration.ofSeconds(60));
        RunningConsole console = new RunningConsole(seed, context, scene);
        if (!signedIn) {
            waitUntil(Duration.ofSeconds(30), "the log-in screen is up", () -> scene.lookup("#login-user") != null);
            return console;
        }
        waitUntil(Duration.ofSeconds(30), "the dashboard is up with the orders panel",
                () -> scene.lookup("#incident-queue-table") != null && scene.lookup("#orders-table") != null);
        return console;
    }

    public AppServices services() {
        return context.services();
    }

    @SuppressWarnings("unchecked")
    public <T> TableView<T> table(String id) {
        return (TableView<T>) scene.lookup("#" + id);
    }

    /** A label's text, never null. */
    public String label(String id) {
        return onFx(() -> {
            String t = ((Label) scene.lookup("#" + id)).getText();
            return t == null ? "" : t;
        });
    }

    public boolean showing(String id) {
        return onFx(() -> {
            Node n = scene.lookup("#" + id);
            return n != null && n.isVisible() && n.getScene() != null;
        });
    }

    @Override
    public void close() {
        context.close();
        seed.close();
    }
}
