package org.commandroom.app.drill;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.commandroom.app.report.CjkFont;
import org.commandroom.app.report.DrillReportPdf;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.drill.DrillClock;
import org.commandroom.core.drill.DrillEvent;
import org.commandroom.core.drill.DrillHistory;
import org.commandroom.core.drill.DrillReport;
import org.commandroom.core.drill.DrillSession;
import org.commandroom.core.drill.ScenarioLoader;

/**
 * The DRILL banner's and the instructor's clock control's state: the banner line (演练 · scenario · scenario clock),
 * whether the clock runs and how fast, the last thing that happened, and the report once written. The clock is in
 * memory (start, pause, speed are immediate); jumping plays the timeline and writing the report are I/O and go through
 * {@link Tasks}. Never touches a node. {@link #refresh()} is called by the views' beat.
 */
public final class DrillControlViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DrillControlViewModel.class);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DrillSession session;
    private final Tasks tasks;
    private final I18n i18n;
    private final ZoneId zone;
    private final StringProperty banner = new SimpleStringProperty("");
    private final StringProperty elapsed = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final IntegerProperty speed = new SimpleIntegerProperty(1);
    private final BooleanProperty finished = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty lastEvent = new SimpleStringProperty("");
    private final StringProperty lastTraineeEvent = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Path> report = new SimpleObjectProperty<>();
    private final ObjectProperty<DrillReport> reportData = new SimpleObjectProperty<>();
    private final javafx.collections.ObservableList<Injectable> injectables = javafx.collections.FXCollections.observableArrayList();
    private final Consumer<DrillEvent> onEvent;

    public DrillControlViewModel(DrillSession session, Tasks tasks, I18n i18n) {
        this.session = session;
        this.tasks = tasks;
        this.i18n = i18n;
        this.zone = session.clock().getZone();
        this.onEvent = e -> tasks.fx(() -> {
            String line = i18n.tr("drill.event.last", ScenarioLoader.format(java.time.Duration.between(
                    session.clock().start(), e.at())) + " " + e.text());
            lastEvent.set(line);
            if (!"UNIT".equals(e.kind())) {
                // A unit's scripted behaviour (one that will never sign, a terminal going offline) is the answer key's
                // business: the trainee learns of it only by what the unit does.
                lastTraineeEvent.set(line);
            }
            refresh();
            if ("END".equals(e.kind())) {
                // The drill is over: its after-action report is written at once.
                writeReport();
            }
        });
        for (org.commandroom.core.drill.Scenario.Entry e : session.scenario().injectable()) {
            injectables.add(new Injectable(org.commandroom.core.drill.Scenario.idOf(e), describe(e, session.scenario().colon())));
        }
        refresh();
    }

    /** An event the instructor may inject: its id and what the list shows. */
    public record Injectable(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static String describe(org.commandroom.core.drill.Scenario.Entry e, String colon) {
        String text;
        if (e instanceof org.commandroom.core.drill.Scenario.Call c) {
            text = c.address() + colon + c.says();
        } else if (e instanceof org.commandroom.core.drill.Scenario.Inject i) {
            text = i.address() + colon + i.says();
        } else {
            text = "";
        }
        String id = org.commandroom.core.drill.Scenario.idOf(e);
        return id + " · " + (text.length() > 60 ? text.substring(0, 59) + "…" : text);
    }

    /** Follows the session's events (call when shown). */
    public void activate() {
        session.addListener(onEvent);
    }

    /** Stops following them (call when hidden). */
    public void deactivate() {
        session.removeListener(onEvent);
    }

    /** Reads the clock again: the banner's time, running, speed, elapsed. In memory; cheap. */
    public void refresh() {
        DrillClock.State s = session.clock().state();
        Instant start = session.clock().start();
        String state = s.running() ? i18n.tr("drill.banner.speed", s.speed()) : i18n.tr("drill.banner.paused");
        banner.set(i18n.tr("drill.banner", session.scenario().name(i18n.locale()), TIME.withZone(zone).format(s.now())) + " · " + state);
        elapsed.set(i18n.tr("drill.control.elapsed", ScenarioLoader.format(java.time.Duration.between(start, s.now())),
                ScenarioLoader.format(session.scenario().duration())));
        running.set(s.running());
        speed.set(s.speed());
        finished.set(session.isFinished());
    }

    public void start() {
        if (!session.isFinished()) {
            session.clock().resume();
        }
        refresh();
    }

    public void pause() {
        session.clock().pause();
        refresh();
    }

    public void setSpeed(int newSpeed) {
        session.clock().setSpeed(Math.max(DrillClock.MIN_SPEED, Math.min(DrillClock.MAX_SPEED, newSpeed)));
        refresh();
    }

    /** Jumps the scenario clock to the next event and plays it (off the FX thread). */
    public void jump() {
        if (busy.get() || session.isFinished()) {
            return;
        }
        busy.set(true);
        tasks.run(session::jumpToNextEvent, done -> {
            busy.set(false);
            refresh();
        }, e -> {
            busy.set(false);
            message.set(i18n.tr("drill.control.failed", Tasks.rootMessage(e)));
        });
    }

    /** Ends the drill where it stands (if still running) and writes the after-action report as PDF in its folder. */
    public void writeReport() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        session.clock().pause();
        tasks.run(() -> write(session, i18n), w -> {
            busy.set(false);
            report.set(w.file());
            reportData.set(w.report());
            message.set(i18n.tr("drill.control.reportSaved", w.file()) + " · " + i18n.tr("drill.control.score", w.total(), w.max()));
            refresh();
        }, e -> {
            busy.set(false);
            message.set(i18n.tr("drill.control.failed", Tasks.rootMessage(e)));
        });
    }

    /** A report written: its PDF, the score and the report's data. */
    record Written(Path file, int total, int max, DrillReport report) {
    }

    /**
     * Scores the drill as it stands and writes its after-action report, the PDF in its folder and its result (the
     * history's). Blocking.
     */
    static Written write(DrillSession session, I18n i18n) throws java.io.IOException {
        DrillReport r = DrillReport.of(session, Instant.now());
        Path file = session.directory().resolve("report-" + session.scenario().id() + ".pdf");
        new DrillReportPdf(CjkFont.find(), i18n::tr, session.clock().getZone()).write(r, file);
        DrillHistory.write(r, session.directory(), file);
        return new Written(file, r.score().total(), r.score().maxPoints(), r);
    }

    /** The instructor injects one of the scenario's injectable events now (off the FX thread). */
    public void inject(Injectable which) {
        if (which == null) {
            return;
        }
        tasks.run(() -> session.inject(which.id()), played -> {
            message.set(played.isPresent() ? i18n.tr("drill.control.injected", which.label()) : i18n.tr("drill.control.injectRefused"));
            refresh();
        }, e -> message.set(i18n.tr("drill.control.failed", Tasks.rootMessage(e))));
    }

    /** The instructor puts a call of his own through intake now (off the FX thread). */
    public void newCall(String address, org.commandroom.core.incident.IncidentType type, String caller, String says) {
        if (address == null || address.isBlank() || says == null || says.isBlank() || type == null) {
            message.set(i18n.tr("drill.control.newCall.incomplete"));
            return;
        }
        String where = address.strip();
        tasks.run(() -> session.newCall(where, type, caller == null || caller.isBlank() ? null : caller.strip(), says.strip()),
                played -> {
                    message.set(played.isPresent() ? i18n.tr("drill.control.injected", played.get().text())
                            : i18n.tr("drill.control.newCall.refused", where));
                    refresh();
                }, e -> message.set(i18n.tr("drill.control.failed", Tasks.rootMessage(e))));
    }

    /**
     * The instructor writes a note on the timeline at the scenario clock's time now; it is written to the drill's
     * journal off the FX thread, and {@code onSaved} runs (on the FX thread) once it is on disk. Blank text: nothing.
     */
    public void addNote(String text, Runnable onSaved) {
        if (text == null || text.isBlank()) {
            return;
        }
        java.time.Instant at = session.clock().instant();
        String author = i18n.tr("drill.control.instructor");
        tasks.run(() -> session.addNote(author, text, at), saved -> saved.ifPresent(n -> {
            message.set(i18n.tr("drill.control.noteSaved", ScenarioLoader.format(java.time.Duration.between(
                    session.clock().start(), n.at()))));
            onSaved.run();
        }), e -> message.set(i18n.tr("drill.control.failed", Tasks.rootMessage(e))));
    }

    /** The trainee's finished drills in this console's data directory, newest first (off the FX thread). */
    public void loadHistory(Consumer<java.util.List<DrillHistory.Entry>> onLoaded, Consumer<Exception> onError) {
        tasks.run(() -> DrillHistory.read(dataDir(), session.trainee()), onLoaded::accept, onError::accept);
    }

    /**
     * This drill, read back from its folder to be played again (off the FX thread; once its report is written); a
     * failure is said in the message line, without its exception text.
     */
    public void loadReplay(Consumer<org.commandroom.core.drill.DrillReplay> onLoaded) {
        tasks.run(() -> org.commandroom.core.drill.DrillReplay.read(session.directory(), i18n.locale()), onLoaded::accept, e -> {
            LOG.error("The drill {} could not be read for its replay", session.directory(), e);
            message.set(i18n.tr("drill.replay.failed"));
        });
    }

    /** The data directory the drill's folder lies in ({@code <data dir>/drills/<drill>/}). */
    Path dataDir() {
        return session.directory().getParent().getParent();
    }

    public javafx.collections.ObservableList<Injectable> injectables() {
        return injectables;
    }

    /** The report last written, for the screen. */
    public ReadOnlyObjectProperty<DrillReport> reportDataProperty() {
        return reportData;
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner;
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyIntegerProperty speedProperty() {
        return speed;
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty lastEventProperty() {
        return lastEvent;
    }

    /** The latest event the trainee's desk may show: calls and reported sightings, never a unit's scripted behaviour. */
    public ReadOnlyStringProperty lastTraineeEventProperty() {
        return lastTraineeEvent;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<Path> reportProperty() {
        return report;
    }

    public DrillSession session() {
        return session;
    }
}
