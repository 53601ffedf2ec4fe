package org.commandroom.app.ui.admin.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.roster.RosterRejected;
import org.commandroom.core.roster.RosterService;
import org.commandroom.core.roster.RosterService.OfficerChoice;
import org.commandroom.core.roster.RosterService.Scope;
import org.commandroom.core.roster.RosterService.Shift;
import org.commandroom.core.roster.RosterService.ShiftEdit;

/**
 * The duty roster tab's state (值班表, issue 12): whose roster (the bureau's command room or a station), which week,
 * that week's shifts, the officers the form offers, who is on duty now, and one message line. Every read and write
 * runs off the FX thread; a refusal comes back as every problem in the user's words, and the week is read again after
 * each change. A shift is entered as a date and two times of day: an end not after the start is the next day's (the
 * night shift 20:00-08:00).
 */
public final class RosterViewModel {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("H:mm");

    private final Supplier<RosterService> service;
    private final Tasks tasks;
    private final I18n i18n;
    private final String actor;
    private final ZoneId zone;
    private final Supplier<Instant> now;

    private final ObservableList<Scope> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> weekStart = new SimpleObjectProperty<>();
    private final ObservableList<Shift> shifts = FXCollections.observableArrayList();
    private final ObservableList<OfficerChoice> officers = FXCollections.observableArrayList();
    private final SimpleStringProperty onDuty = new SimpleStringProperty("");
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleBooleanProperty failed = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /**
     * @param now   the clock's instant (the week shown first, who is on duty)
     * @param actor the signed-in user's log-in, for the trail
     */
    public RosterViewModel(Supplier<RosterService> service, Tasks tasks, I18n i18n, String actor, ZoneId zone,
                           Supplier<Instant> now) {
        this.service = service;
        this.tasks = tasks;
        this.i18n = i18n;
        this.actor = actor;
        this.zone = zone;
        this.now = now;
        Scope room = new Scope(null, i18n.tr("admin.roster.commandRoom"));
        scopes.add(room);
        scope.set(room);
        weekStart.set(RosterService.mondayOf(now.get().atZone(zone).toLocalDate()));
    }

    public ObservableList<Scope> scopes() {
        return scopes;
    }

    /** Whose roster is shown; changing it reads the week again. */
    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** The Monday of the week shown. */
    public ObjectProperty<LocalDate> weekStartProperty() {
        return weekStart;
    }

    public ObservableList<Shift> shifts() {
        return shifts;
    }

    public ObservableList<OfficerChoice> officers() {
        return officers;
    }

    /** Who is on duty now for the roster shown, or that no shift covers now. */
    public ReadOnlyStringProperty onDutyProperty() {
        return onDuty;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Reads the stations, the officers and the week. */
    public void load() {
        tasks.run(() -> {
            RosterService s = service.get();
            return new Object[] {s.stations(), s.officers()};
        }, r -> {
            @SuppressWarnings("unchecked")
            List<Scope> st = (List<Scope>) r[0];
            @SuppressWarnings("unchecked")
            List<OfficerChoice> of = (List<OfficerChoice>) r[1];
            // The command room stays in the list (replacing it would clear the choice on screen); the stations follow.
            scopes.remove(1, scopes.size());
            scopes.addAll(st);
            officers.setAll(of);
        }, this::failed);
        readWeek();
    }

    /** Reads the week shown and who is on duty now. */
    public void readWeek() {
        String code = code();
        LocalDate week = weekStart.get();
        Instant at = now.get();
        tasks.run(() -> {
            RosterService s = service.get();
            return new Object[] {s.week(code, week), s.onDuty(code, at)};
        }, r -> {
            @SuppressWarnings("unchecked")
            List<Shift> list = (List<Shift>) r[0];
            @SuppressWarnings("unchecked")
            java.util.Optional<Shift> on = (java.util.Optional<Shift>) r[1];
            shifts.setAll(list);
            onDuty.set(on.map(s -> i18n.tr("admin.roster.onDuty", s.commanderNames(),
                    s.leader() == null ? i18n.tr("admin.roster.noLeader") : s.leader().name(), span(s)))
                    .orElse(i18n.tr("admin.roster.noneNow")));
        }, this::failed);
    }

    public void previousWeek() {
        weekStart.set(weekStart.get().minusWeeks(1));
        readWeek();
    }

    public void nextWeek() {
        weekStart.set(weekStart.get().plusWeeks(1));
        readWeek();
    }

    public void thisWeek() {
        weekStart.set(RosterService.mondayOf(now.get().atZone(zone).toLocalDate()));
        readWeek();
    }

    /** Shows another roster. */
    public void choose(Scope s) {
        scope.set(s == null ? scopes.get(0) : s);
        readWeek();
    }

    /**
     * Adds ({@code id} null) or changes a shift.
     *
     * @param start      time of day as typed (8:00, 08:00)
     * @param end        time of day as typed; not after the start: the next day
     * @param commanders badge numbers, at least one
     * @param leader     badge number or null
     */
    public void save(Long id, LocalDate date, String start, String end, List<String> commanders, String leader, String notes) {
        Instant[] span;
        try {
            span = span(date, start, end, zone);
        } catch (DateTimeParseException | NullPointerException e) {
            failed.set(true);
            message.set(i18n.tr("admin.roster.badTime"));
            return;
        }
        ShiftEdit edit = new ShiftEdit(id, code(), span[0], span[1], commanders, leader, notes);
        run(() -> service.get().save(edit, actor),
                saved -> i18n.tr(id == null ? "admin.roster.added" : "admin.roster.changed", describe(saved)));
    }

    /** Deletes a shift (the view has asked first). */
    public void delete(Shift s) {
        run(() -> {
            service.get().delete(s.id(), actor);
            return s;
        }, gone -> i18n.tr("admin.roster.deleted", describe(gone)));
    }

    /** Copies the previous week's shifts into the week shown. */
    public void copyLastWeek() {
        LocalDate to = weekStart.get();
        String code = code();
        run(() -> service.get().copyWeek(code, to.minusWeeks(1), to, actor),
                added -> i18n.tr("admin.roster.copied", added.size()));
    }

    /** At most this many problems of a workbook are listed in the message line. */
    static final int PROBLEMS_SHOWN = 10;

    private final ObjectProperty<java.nio.file.Path> checked = new SimpleObjectProperty<>();
    private int checkedShifts;

    /** A workbook checked clean and waiting for the user's yes ({@link #importChecked}), or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<java.nio.file.Path> checkedProperty() {
        return checked;
    }

    /** How many shifts the checked workbook adds. */
    public int checkedShifts() {
        return checkedShifts;
    }

    /** Writes the roster's .xlsx template to {@code file} (in the user's language). */
    public void writeTemplate(java.nio.file.Path file) {
        run(() -> {
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                org.commandroom.core.roster.RosterWorkbook.template(i18n.locale(), out);
            }
            return file;
        }, f -> i18n.tr("admin.roster.templateWritten", f.getFileName()));
    }

    /**
     * Checks a workbook (nothing written): its problems in the message line, or, when clean, the file waits in
     * {@link #checkedProperty()} for the user's yes.
     */
    public void check(java.nio.file.Path file) {
        checked.set(null);
        busy.set(true);
        tasks.run(() -> org.commandroom.core.roster.RosterWorkbook.importFile(service.get(),
                org.commandroom.core.roster.RosterWorkbook.LIMIT.read(file), file.getFileName().toString(), true, actor), r -> {
            busy.set(false);
            if (r.problems().isEmpty()) {
                failed.set(false);
                checkedShifts = r.shifts();
                message.set(i18n.tr("admin.roster.checkedClean", file.getFileName(), r.shifts()));
                checked.set(file);
            } else {
                failed.set(true);
                message.set(problems(r.problems()));
            }
        }, e -> {
            busy.set(false);
            failed(e);
        });
    }

    /** Imports the workbook checked clean (all or none). */
    public void importChecked() {
        java.nio.file.Path file = checked.get();
        checked.set(null);
        if (file == null) {
            return;
        }
        busy.set(true);
        tasks.run(() -> org.commandroom.core.roster.RosterWorkbook.importFile(service.get(),
                org.commandroom.core.roster.RosterWorkbook.LIMIT.read(file), file.getFileName().toString(), false, actor), r -> {
            busy.set(false);
            failed.set(!r.written());
            message.set(r.written() ? i18n.tr("admin.roster.imported", r.shifts()) : problems(r.problems()));
            readWeek();
        }, e -> {
            busy.set(false);
            failed(e);
        });
    }

    /** The checked workbook is not imported after all. */
    public void cancelChecked() {
        checked.set(null);
    }

    private String problems(List<org.commandroom.core.org.SheetProblem> problems) {
        List<String> shown = problems.stream().limit(PROBLEMS_SHOWN).map(p -> p.text(i18n.locale())).toList();
        String more = problems.size() > PROBLEMS_SHOWN ? i18n.tr("admin.roster.moreProblems", problems.size() - PROBLEMS_SHOWN) : "";
        return i18n.tr("admin.roster.fileRefused", problems.size(), String.join("\n", shown) + more);
    }

    /** The start and end of a shift entered as a date and two times of day (end not after start: the next day). */
    public static Instant[] span(LocalDate date, String start, String end, ZoneId zone) {
        LocalTime a = LocalTime.parse(start.strip(), HM);
        LocalTime b = LocalTime.parse(end.strip(), HM);
        LocalDate endDate = b.isAfter(a) ? date : date.plusDays(1);
        return new Instant[] {date.atTime(a).atZone(zone).toInstant(), endDate.atTime(b).atZone(zone).toInstant()};
    }

    /** A shift's times as the table and messages show them: 11-23 周一 20:00–08:00（次日）. */
    public String span(Shift s) {
        var a = s.startsAt().atZone(zone);
        var b = s.endsAt().atZone(zone);
        String day = DateTimeFormatter.ofPattern(i18n.tr("admin.roster.dayPattern"), i18n.locale()).format(a);
        String times = a.toLocalTime() + "–" + b.toLocalTime();
        long days = java.time.temporal.ChronoUnit.DAYS.between(a.toLocalDate(), b.toLocalDate());
        return day + " " + times + (days == 1 ? i18n.tr("admin.roster.nextDay") : days > 1 ? " +" + days : "");
    }

    public String describe(Shift s) {
        return span(s) + " " + s.commanderNames();
    }

    /** One problem of a refused change, in the user's words. */
    public String problemText(RosterRejected.Problem p) {
        return i18n.tr(I18n.ENUM_PREFIXES.get(RosterRejected.Code.class) + "." + p.code().name(), p.args().toArray());
    }

    private String code() {
        Scope s = scope.get();
        return s == null ? null : s.stationCode();
    }

    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Function<T, String> said) {
        busy.set(true);
        tasks.run(work, done -> {
            busy.set(false);
            failed.set(false);
            message.set(said.apply(done));
            readWeek();
        }, e -> {
            busy.set(false);
            failed(e);
        });
    }

    private void failed(Exception e) {
        failed.set(true);
        if (e instanceof RosterRejected rejected) {
            message.set(i18n.tr("admin.roster.refused", String.join("；",
                    rejected.problems().stream().map(this::problemText).toList())));
        } else {
            message.set(Failures.text(e, i18n));
        }
    }
}
