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
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Path> report = new SimpleObjectProperty<>();
    private final Consumer<DrillEvent> onEvent;

    public DrillControlViewModel(DrillSession session, Tasks tasks, I18n i18n) {
        this.session = session;
        this.tasks = tasks;
        this.i18n = i18n;
        this.zone = session.clock().getZone();
        this.onEvent = e -> tasks.fx(() -> {
            lastEvent.set(i18n.tr("drill.event.last", ScenarioLoader.format(java.time.Duration.between(
                    session.clock().start(), e.at())) + " " + e.text()));
            refresh();
            if ("END".equals(e.kind())) {
                // The drill is over: its after-action report is written at once.
                writeReport();
            }
        });
        refresh();
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
        banner.set(i18n.tr("drill.banner", session.scenario().name(), TIME.withZone(zone).format(s.now())) + " · " + state);
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
        tasks.run(() -> {
            DrillReport r = DrillReport.of(session, Instant.now());
            Path file = session.directory().resolve("report-" + session.scenario().id() + ".pdf");
            new DrillReportPdf(CjkFont.find(), i18n::tr, zone).write(r, file);
            return new Written(file, r.score().total(), r.score().maxPoints());
        }, w -> {
            busy.set(false);
            report.set(w.file());
            message.set(i18n.tr("drill.control.reportSaved", w.file()) + " · " + i18n.tr("drill.control.score", w.total(), w.max()));
            refresh();
        }, e -> {
            busy.set(false);
            message.set(i18n.tr("drill.control.failed", Tasks.rootMessage(e)));
        });
    }

    private record Written(Path file, int total, int max) {
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
