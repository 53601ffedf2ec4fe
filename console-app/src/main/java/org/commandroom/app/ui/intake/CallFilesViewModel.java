package org.commandroom.app.ui.intake;

import org.commandroom.app.ui.common.Failures;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.jobs.Job;
import org.commandroom.core.eido.CallFiles;
import org.commandroom.core.eido.EidoInvalid;
import org.commandroom.core.intake.BulkIntake;
import org.commandroom.core.intake.IntakeRejected;
import org.commandroom.core.intake.IntakeResult;
import org.commandroom.core.job.JobCancelled;

/**
 * The file actions of the command tool bar, behind the file choosers: import a feed of calls (CSV or JSON,
 * every bad row reported with its line and why, the good ones kept), export the selected incident as an
 * EIDO JSON file, import an EIDO file as a new call. The imports are jobs ({@link Tasks#runJob}: their own
 * executor, a progress bar and a cancel, {@link #jobProperty()}); a feed is imported 200 rows at a time and a
 * cancel keeps the rows before it and names the lines left. The export is a short write on the I/O executor.
 * The outcome is one line in {@link #messageProperty()} and, for a feed, an {@link ImportOutcome} for the
 * result dialog.
 */
public final class CallFilesViewModel {

    /** What a feed import did, worded for the result dialog; {@code cancelled} when the user stopped it. */
    public record ImportOutcome(String file, int rowsRead, int kept, List<String> problems, String summary, boolean cancelled) {
    }

    private final CallFiles files;
    private final Tasks tasks;
    private final I18n i18n;
    private final String actor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyObjectWrapper<Job> job = new ReadOnlyObjectWrapper<>(this, "job");
    private Consumer<ImportOutcome> onImported = o -> { };
    private Consumer<IntakeResult> onEidoImported = r -> { };

    public CallFilesViewModel(CallFiles files, Tasks tasks, I18n i18n, String actor) {
        this.files = files;
        this.tasks = tasks;
        this.i18n = i18n;
        this.actor = actor;
    }

    /** Called on the FX thread after a feed import, to show the result dialog. */
    public void setOnImported(Consumer<ImportOutcome> onImported) {
        this.onImported = onImported;
    }

    /** Called on the FX thread after an EIDO file was recorded as a call. */
    public void setOnEidoImported(Consumer<IntakeResult> onEidoImported) {
        this.onEidoImported = onEidoImported;
    }

    /** Imports a CSV or JSON feed of calls. */
    public void importCalls(Path file) {
        if (!start()) {
            return;
        }
        String name = name(file);
        Job j = tasks.job("importCalls");
        job.set(j);
        tasks.runJob(j, () -> files.importCalls(file, actor, j), r -> {
            busy.set(false);
            if (r.cancelled()) {
                j.moveTo(Job.State.CANCELLED); // stopped between batches, the batches before it kept
            }
            ImportOutcome o = outcome(name, r);
            say(o.summary(), !o.problems().isEmpty() && o.kept() == 0);
            onImported.accept(o);
        }, e -> {
            busy.set(false);
            say(e instanceof JobCancelled ? i18n.tr("files.import.cancelledBeforeStart", name)
                    : i18n.tr("files.import.failed", name, reason(e)), !(e instanceof JobCancelled));
        });
    }

    ImportOutcome outcome(String name, BulkIntake.Report r) {
        return outcome(name, new CallFiles.CallImport(r, false, 0, 0));
    }

    ImportOutcome outcome(String name, CallFiles.CallImport c) {
        BulkIntake.Report r = c.report();
        List<String> problems = r.problems().stream().map(p -> i18n.tr("files.import.problem", p.line(),
                p.field() == null ? "" : i18n.tr("files.import.problem.field", p.field()), p.reason())).toList();
        String summary = c.cancelled()
                ? i18n.tr("files.import.cancelled", name, r.imported().size(), c.rowsLeft(), c.firstLineLeft())
                : i18n.tr("files.import.done", name, r.rowsRead(), r.imported().size(), r.problems().size());
        return new ImportOutcome(name, r.rowsRead(), r.imported().size(), problems, summary, c.cancelled());
    }

    /** Writes the incident as an EIDO JSON file. */
    public void exportEido(long incidentId, String incidentNo, Path file) {
        if (!start()) {
            return;
        }
        tasks.run(() -> files.exportEido(incidentId, file, actor), json -> {
            busy.set(false);
            say(i18n.tr("files.eido.exported", incidentNo, file.toAbsolutePath().toString()), false);
        }, e -> {
            busy.set(false);
            say(i18n.tr("files.eido.exportFailed", reason(e)), true);
        });
    }

    /** Records an EIDO file as a new call. */
    public void importEido(Path file) {
        if (!start()) {
            return;
        }
        String name = name(file);
        Job j = tasks.job("importEido");
        job.set(j);
        tasks.runJob(j, () -> files.importEidoReading(file, actor, j), imported -> {
            busy.set(false);
            IntakeResult r = imported.result();
            List<String> notTaken = imported.reading().notTaken().stream().map(n -> n.in(i18n.locale())).toList();
            if (notTaken.isEmpty()) {
                say(i18n.tr("files.eido.imported", r.incident().incidentNo(), name), false);
            } else {
                say(i18n.tr("files.eido.importedNotTaken", r.incident().incidentNo(), name, notTaken.size(),
                        notTaken.stream().limit(2).collect(Collectors.joining("；"))), false);
                details.set(i18n.tr("files.eido.notTakenTitle", notTaken.size()) + "\n" + String.join("\n", notTaken));
            }
            onEidoImported.accept(r);
        }, e -> {
            busy.set(false);
            if (e instanceof JobCancelled) {
                say(i18n.tr("files.eido.cancelled", name), false);
            } else if (e instanceof EidoInvalid invalid) {
                String first = invalid.problems().stream().limit(3).map(p -> p.in(i18n.locale())).collect(Collectors.joining("；"));
                say(i18n.tr(invalid.unusable() ? "files.eido.unusable" : "files.eido.invalid", name,
                        invalid.problems().size(), first), true);
                details.set(invalid.problems().stream().map(p -> p.in(i18n.locale())).collect(Collectors.joining("\n")));
            } else if (e instanceof IntakeRejected r) {
                say(i18n.tr("files.eido.rejected", name, r.reason() == IntakeRejected.Reason.NUMBER_TAKEN
                        ? i18n.tr("files.eido.numberTaken") : IntakeViewModel.reasonText(i18n, r.reason(), name)), true);
            } else {
                say(i18n.tr("files.eido.failed", name, reason(e)), true);
            }
        });
    }

    /** The toolbar asked for an export with nothing selected. */
    public void nothingSelected() {
        say(i18n.tr("files.selectFirst"), true);
    }

    private boolean start() {
        if (busy.get()) {
            return false;
        }
        busy.set(true);
        say(i18n.tr("files.working"), false);
        return true;
    }

    private String reason(Exception e) {
        if (e instanceof org.commandroom.core.io.FileTooLarge large) {
            return large.text().in(i18n.locale());
        }
        if (e instanceof CallFiles.BadFile b) {
            return switch (b.kind()) {
                case UNREADABLE -> i18n.tr("files.bad.unreadable");
                case TOO_LARGE -> i18n.tr("files.bad.tooLarge", CallFiles.MAX_BYTES / (1024 * 1024));
                case NOT_UTF8 -> i18n.tr("files.bad.notUtf8");
                case EMPTY -> i18n.tr("files.bad.empty");
                case UNWRITABLE -> i18n.tr("files.bad.unwritable");
            };
        }
        return Failures.text(e, i18n);
    }

    private static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    private void say(String text, boolean error) {
        messageIsError.set(error);
        message.set(text);
        details.set("");
    }

    /**
     * Everything behind the last message, one item a line: for an EIDO, each item not taken (or each problem that
     * refused it) with its JSON path; empty when there is nothing more to say.
     */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The import running or run last, for the job bar; null before any. */
    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }
}
