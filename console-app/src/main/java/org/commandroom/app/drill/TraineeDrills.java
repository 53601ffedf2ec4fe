package org.commandroom.app.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.LaunchOptions;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.drill.DrillHistory;
import org.commandroom.core.drill.DrillSession;
import org.commandroom.core.drill.DrillTemplates;
import org.commandroom.core.drill.Scenario;
import org.commandroom.core.drill.ScenarioInvalid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drill menu of a signed-in trainee's desk (演练): each bundled scenario, started as {@code --drill} starts it (a
 * {@link DrillContext} of its own on its own database under the data directory, the desk and the instructor's window
 * under the DRILL banner), one drill at a time; and the trainee's drill history.
 *
 * <p>When the menu is made, the bundled scenarios' counties are made ahead in the background
 * ({@link DrillTemplates#prepareInBackground}), so the first drill copies its county instead of generating it.
 */
public final class TraineeDrills {

    private static final Logger LOG = LoggerFactory.getLogger(TraineeDrills.class);

    private final LaunchOptions options;
    private final I18n i18n;
    private final Tasks tasks;
    private volatile DrillContext running;
    /** The folder of the drill taken up again in this console, while its window is open. */
    private volatile java.nio.file.Path resumedDir;
    /** What reads the unfinished drills again once a drill's window closed and its database with it. */
    private final List<Runnable> afterClose = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Stage runningStage;
    private final java.util.function.Function<java.nio.file.Path, Thread> prepareAhead;
    private Thread preparing;
    private boolean preparedAhead;

    /**
     * A system property: {@code false} keeps the desk from making the bundled counties ahead (console tests that sign a
     * trainee in, on a temporary data directory).
     */
    public static final String PREPARE_AHEAD = "commandroom.drill.prepareAhead";

    public TraineeDrills(LaunchOptions options, I18n i18n, Tasks tasks) {
        this(options, i18n, tasks, dir -> Boolean.parseBoolean(System.getProperty(PREPARE_AHEAD, "true"))
                ? DrillTemplates.prepareInBackground(dir) : null);
    }

    /** @param prepareAhead starts making the bundled counties of a data directory ahead (tests: a recorder) */
    TraineeDrills(LaunchOptions options, I18n i18n, Tasks tasks,
                  java.util.function.Function<java.nio.file.Path, Thread> prepareAhead) {
        this.options = options;
        this.i18n = i18n;
        this.tasks = tasks;
        this.prepareAhead = prepareAhead;
    }

    /** Whether the menu is for this user: a trainee. */
    public static boolean offeredTo(Principal p) {
        return p != null && p.roles().contains(Role.TRAINEE);
    }

    /**
     * Whether this user is only a trainee: then the live desk is not theirs at all (a trainee works in drills, never
     * on live data), and {@link #workspace} stands in its place.
     */
    public static boolean only(Principal p) {
        return p != null && p.roles().equals(java.util.Set.of(Role.TRAINEE));
    }

    /**
     * What a trainee sees instead of the live desk: the bundled scenarios, each started with one button, and their
     * drill history. No live incident, unit or order is read for it.
     */
    public javafx.scene.Node workspace(Principal p, Supplier<Window> owner) {
        Label title = new Label(i18n.tr("drill.workspace.title", p.displayName()));
        title.getStyleClass().add("title-3");
        Label note = new Label(i18n.tr("drill.workspace.note"));
        note.setWrapText(true);
        VBox list = new VBox(8);
        list.setId("drill-workspace-scenarios");
        Label loading = new Label(i18n.tr("drill.menu.loading"));
        list.getChildren().setAll(loading);
        javafx.scene.control.Button history = new javafx.scene.control.Button(i18n.tr("drill.control.history"));
        history.setId("drill-workspace-history");
        history.setOnAction(e -> openHistory(p.displayName(), owner.get()));
        prepareAhead();
        tasks.run(DrillTemplates::bundled, scenarios -> {
            List<javafx.scene.Node> buttons = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                String file = org.commandroom.core.drill.ScenarioLoader.BUNDLED_FILES.get(i);
                javafx.scene.control.Button b = new javafx.scene.control.Button(i18n.tr("drill.menu.start",
                        s.name(i18n.locale())));
                b.setId("drill-workspace-" + s.id());
                b.setMaxWidth(Double.MAX_VALUE);
                b.setOnAction(e -> start(file, p.displayName()));
                buttons.add(b);
            }
            list.getChildren().setAll(buttons);
        }, err -> {
            LOG.error("The bundled drills could not be read", err);
            loading.setText(i18n.tr("drill.menu.failed"));
        });
        UnfinishedDrillsView unfinished = unfinished(p.displayName(), null);
        VBox box = new VBox(16, title, note, unfinished.root(), list, history);
        box.setId("drill-workspace");
        box.setMaxWidth(720);
        box.setPadding(new javafx.geometry.Insets(32));
        javafx.scene.layout.StackPane centre = new javafx.scene.layout.StackPane(box);
        javafx.scene.layout.StackPane.setAlignment(box, javafx.geometry.Pos.TOP_CENTER);
        return centre;
    }

    private void prepareAhead() {
        if (!preparedAhead) {
            preparedAhead = true;
            preparing = prepareAhead.apply(options.dataDir());
        }
    }

    /**
     * The trainee's drill menu: filled with the bundled scenarios once they are read (in the background), then the
     * history. Starts making the scenarios' counties ahead.
     */
    public Menu menu(Principal p, Supplier<Window> owner) {
        Menu menu = new Menu(i18n.tr("drill.menu"));
        menu.setId("menu-drill");
        MenuItem loading = new MenuItem(i18n.tr("drill.menu.loading"));
        loading.setDisable(true);
        MenuItem history = new MenuItem(i18n.tr("drill.control.history"));
        history.setId("menu-drill-history");
        history.setOnAction(e -> openHistory(p.displayName(), owner.get()));
        menu.getItems().setAll(loading, history);
        prepareAhead();
        tasks.run(DrillTemplates::bundled, scenarios -> {
            List<MenuItem> items = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                String file = org.commandroom.core.drill.ScenarioLoader.BUNDLED_FILES.get(i);
                MenuItem item = new MenuItem(i18n.tr("drill.menu.start", s.name(i18n.locale())));
                item.setId("menu-drill-" + s.id());
                item.setOnAction(e -> start(file, p.displayName()));
                items.add(item);
            }
            items.add(new javafx.scene.control.SeparatorMenuItem());
            items.add(history);
            menu.getItems().setAll(items);
        }, err -> {
            LOG.error("The bundled drills could not be read", err);
            loading.setText(i18n.tr("drill.menu.failed"));
        });
        return menu;
    }

    /**
     * Starts a bundled scenario for the trainee in a window of its own (the instructor's beside it); while a drill runs,
     * another is not started and its window is brought forward instead. Closing the desk's window ends the drill.
     */
    public void start(String scenarioFile, String trainee) {
        if (runningStage != null && runningStage.isShowing()) {
            runningStage.toFront();
            return;
        }
        DrillContext context = new DrillContext(options, new DrillOptions(Optional.of(scenarioFile), trainee),
                Platform::runLater);
        open(context, context::start, trainee, false);
    }

    /**
     * Takes up again a drill a crash cut short (or closed without its report), in a window of its own as a new one
     * starts, its clock paused where it was left. While a drill runs, that one is brought forward instead.
     *
     * @return false when a drill is open already (nothing taken up)
     */
    public boolean resume(DrillHistory.Unfinished drill) {
        if (runningStage != null && runningStage.isShowing()) {
            runningStage.toFront();
            return false;
        }
        DrillContext context = new DrillContext(options, new DrillOptions(Optional.empty(), drill.trainee()),
                Platform::runLater);
        resumedDir = drill.directory();
        open(context, () -> context.resume(drill.directory()), drill.trainee(), true);
        return true;
    }

    private void open(DrillContext context, java.util.concurrent.Callable<org.commandroom.app.AppServices> starting,
                      String trainee, boolean resuming) {
        Stage stage = new Stage();
        Label status = DrillWindows.preparing(stage, i18n);
        // The drill ends with its desk's window; closing its database is I/O, so not on the FX thread.
        stage.setOnHidden(e -> {
            Thread closer = new Thread(() -> {
                context.close();
                // closed without its report, the drill is offered again (as closed, no longer as cut short)
                Platform.runLater(() -> afterClose.forEach(Runnable::run));
            }, "drill-close");
            closer.setDaemon(false);
            closer.start();
            if (running == context) {
                running = null;
                runningStage = null;
                resumedDir = null;
            }
        });
        running = context;
        runningStage = stage;
        stage.show();
        context.tasks().runLong(starting, services -> {
            if (!stage.isShowing()) {
                return;
            }
            DrillWindows windows = new DrillWindows(context.session(), services, context.tasks(), i18n, trainee);
            windows.show(stage, i18n);
        }, e -> {
            LOG.error("The drill could not start", e);
            if (resuming) {
                // most likely open in another console (H2's file lock): said so, without the error's text
                status.setText(i18n.tr("drill.unfinished.failed"));
                return;
            }
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof ScenarioInvalid)) {
                cause = cause.getCause();
            }
            status.setText(i18n.tr("drill.control.failed", cause instanceof ScenarioInvalid
                    ? cause.getMessage() : Tasks.rootMessage(e)));
        });
    }

    /**
     * The trainee's drills left without a report, read from this console's data directory (the drill open in this
     * console left out), each to be taken up again or scored as it stands.
     *
     * @param afterScoring run on the FX thread after a drill was scored (the history refreshes), or null
     */
    UnfinishedDrillsView unfinished(String trainee, Runnable afterScoring) {
        UnfinishedDrillsView view = new UnfinishedDrillsView(i18n, DrillSession.ZONE);
        Runnable reload = () -> tasks.run(() -> unfinishedNow(trainee), view::show, err -> {
            LOG.error("The unfinished drills could not be read", err);
            view.say(i18n.tr("drill.history.failed"));
        });
        view.setOnResume(u -> {
            if (!resume(u)) {
                view.say(i18n.tr("drill.unfinished.busy"));
            } else {
                view.say("");
                reload.run();
            }
        });
        view.setOnScore(u -> tasks.runLong(() -> {
            if (isRunning(u.directory())) {
                throw new IllegalStateException("the drill is open in this console");
            }
            try (DrillSession s = DrillSession.resume(u.directory(), Runnable::run)) {
                return DrillControlViewModel.write(s, i18n);
            }
        }, w -> {
            view.say(i18n.tr("drill.unfinished.scored", w.total(), w.max(), w.file()));
            reload.run();
            if (afterScoring != null) {
                afterScoring.run();
            }
        }, err -> {
            LOG.error("Drill {} could not be scored", u.directory(), err);
            view.busy(false);
            view.say(i18n.tr("drill.unfinished.failed"));
        }));
        reload.run();
        afterClose.add(reload);
        return view;
    }

    private List<DrillHistory.Unfinished> unfinishedNow(String trainee) throws java.io.IOException {
        return DrillHistory.unfinished(options.dataDir(), trainee).stream().filter(u -> !isRunning(u.directory())).toList();
    }

    /** Whether the drill of that folder is the one open in this console (its database is open here). */
    private boolean isRunning(java.nio.file.Path dir) {
        DrillContext r = running;
        DrillSession s = r == null ? null : r.session();
        return (s != null && s.directory().equals(dir)) || dir.equals(resumedDir);
    }

    /** The trainee's finished drills, read from this console's data directory, in a window. */
    public void openHistory(String trainee, Window owner) {
        DrillHistoryView view = new DrillHistoryView(i18n, DrillSession.ZONE);
        Runnable readHistory = () -> tasks.run(() -> DrillHistory.read(options.dataDir(), trainee), view::show,
                err -> view.failed());
        UnfinishedDrillsView unfinished = unfinished(trainee, readHistory);
        VBox content = new VBox(12, unfinished.root(), view.root());
        content.setPadding(new javafx.geometry.Insets(8));
        javafx.scene.layout.VBox.setVgrow(view.root(), javafx.scene.layout.Priority.ALWAYS);
        Stage stage = new Stage();
        Scene scene = new Scene(content, 760, 480);
        DrillWindows.style(scene);
        stage.setTitle(i18n.tr("drill.history.title", trainee));
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
        }
        org.commandroom.app.ui.common.Windows.showSized(stage, 760, 480);
        view.setOnReplay(entry -> openReplay(entry, stage, view));
        readHistory.run();
    }

    /** Reads a finished drill's folder (off the FX thread) and plays it again in a window of its own, read-only. */
    void openReplay(DrillHistory.Entry entry, Window owner, DrillHistoryView history) {
        tasks.run(() -> org.commandroom.core.drill.DrillReplay.read(entry.directory(), i18n.locale()), replay -> {
            DrillReplayView view = new DrillReplayView(new org.commandroom.core.drill.DrillReplayPlayer(replay, System::nanoTime),
                    i18n);
            Stage stage = new Stage();
            Scene scene = new Scene((Parent) view.root(), 1100, 640);
            DrillWindows.style(scene);
            stage.setTitle(i18n.tr("drill.replay.window", replay.drill().trainee()));
            stage.setScene(scene);
            if (owner != null) {
                stage.initOwner(owner);
            }
            org.commandroom.app.ui.common.Windows.showSized(stage, 1100, 640);
        }, err -> {
            LOG.error("Drill {} could not be replayed", entry.directory(), err);
            history.replayFailed();
        });
    }

    /** The drill started from the menu and still open (tests). */
    DrillContext running() {
        return running;
    }

    /** The background preparation of the bundled counties, once the menu was made (tests). */
    Thread preparing() {
        return preparing;
    }
}
