package org.commandroom.app.ui.admin.setup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.jobs.Job;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.job.JobCancelled;
import org.commandroom.core.org.OrgImportResult;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.org.SheetProblem;

/**
 * One workbook import page of the set-up screen (the organisation, the patrol units, the house register): write the
 * empty template, choose the filled file, <b>check</b> it (the core import as a dry run: every wrong cell listed with
 * its sheet, row and column, nothing written), then <b>import</b> it, which is offered only after a clean check of
 * the same file, unchanged since. Checking and importing are jobs ({@link Tasks#runJob}); the file is read off the FX
 * thread, as is the template written. A refusal for want of the set-up permission, a file that is no workbook, too
 * large, gone or changed since its check, each is one line in the user's words.
 */
public final class WorkbookImportViewModel {

    /** The core import of this workbook: {@code OrgImportService::importOrganisation} and the like. */
    @FunctionalInterface
    public interface Importer {
        OrgImportResult importWorkbook(byte[] file, String fileName, String actor, boolean dryRun);
    }

    /** Writes the empty template in the headers' language ({@link Locale#ROOT} Chinese, English). */
    @FunctionalInterface
    public interface TemplateWriter {
        void write(Locale headers, OutputStream out) throws IOException;
    }

    /** How the last outcome reads: plain, good news, or a refusal. */
    public enum Tone { INFO, SUCCESS, ERROR }

    /** One problem of a rejected file, as the table shows it. */
    public record ProblemRow(String sheet, String row, String column, String message) {
    }

    /** The file could not be checked or imported for a reason of its own. */
    private static final class FileFault extends Exception {
        enum Kind { MISSING, UNREADABLE, TOO_LARGE, CHANGED }

        final Kind kind;

        FileFault(Kind kind) {
            super(kind.name(), null, false, false);
            this.kind = kind;
        }
    }

    /** A file read for a check or an import: its bytes and their digest. */
    private record Content(byte[] bytes, byte[] digest) {
    }

    /** What a check or import came to: the core's answer, or why the file could not be given to it. */
    private record Outcome(OrgImportResult result, byte[] digest, FileFault.Kind fault) {
        static Outcome of(FileFault f) {
            return new Outcome(null, null, f.kind);
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkbookImportViewModel.class);
    /** The tables the core imports count, in the order the result names them. */
    private static final List<String> TABLES = List.of("bureau", "station", "team", "officer", "unit", "house");

    private final String templateFile;
    private final TemplateWriter template;
    private final Importer importer;
    private final Tasks tasks;
    private final I18n i18n;
    private final Supplier<String> actor;
    private final Runnable onImported;

    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper checkedClean = new ReadOnlyBooleanWrapper(this, "checkedClean");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone", Tone.INFO);
    private final ReadOnlyObjectWrapper<Job> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final ReadOnlyObjectWrapper<OrgImportResult> lastResult = new ReadOnlyObjectWrapper<>(this, "lastResult");
    private final ObservableList<ProblemRow> problems = FXCollections.observableArrayList();
    private final ObservableList<ProblemRow> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final BooleanBinding canCheck;
    private final BooleanBinding canImport;
    /** The digest of the file as it was checked clean; an import reads it again and compares. */
    private byte[] checkedDigest;
    private Path checkedPath;

    /**
     * @param templateFile the template's file name ({@code organisation.xlsx}…)
     * @param onImported   runs on the FX thread after an accepted import (the checklist counts again)
     */
    public WorkbookImportViewModel(String templateFile, TemplateWriter template, Importer importer, Tasks tasks,
                                   I18n i18n, Supplier<String> actor, Runnable onImported) {
        this.templateFile = Objects.requireNonNull(templateFile, "templateFile");
        this.template = Objects.requireNonNull(template, "template");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.onImported = Objects.requireNonNull(onImported, "onImported");
        canCheck = Bindings.createBooleanBinding(() -> file.get() != null && !busy.get(), file, busy);
        canImport = Bindings.createBooleanBinding(() -> checkedClean.get() && !busy.get(), checkedClean, busy);
        // Another file, or the same chosen again: what was checked no longer stands.
        file.addListener((o, was, is) -> {
            checkedClean.set(false);
            checkedDigest = null;
            checkedPath = null;
            problems.clear();
            lastResult.set(null);
            say(is == null ? "" : i18n.tr("admin.setup.file.chosen", name(is)), Tone.INFO);
        });
    }

    // ---- the template -------------------------------------------------------------------------------------

    /** The template's file name. */
    public String templateFile() {
        return templateFile;
    }

    /**
     * Writes the empty template into {@code dir}, off the FX thread. A template already there is overwritten only when
     * {@code overwrite} (asked on the FX thread with the file's path) says so.
     */
    public void writeTemplate(Path dir, Predicate<Path> overwrite) {
        Objects.requireNonNull(dir, "dir");
        if (busy.get()) {
            return;
        }
        writeTemplate(dir.resolve(templateFile), false, overwrite);
    }

    private void writeTemplate(Path target, boolean replace, Predicate<Path> overwrite) {
        busy.set(true);
        Locale headers = "en".equals(i18n.locale().getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        tasks.run(() -> {
            // CREATE_NEW: whether a template is already there is decided by the file system, in the same step.
            StandardOpenOption how = replace ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.CREATE_NEW;
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    how)) {
                template.write(headers, out);
            } catch (FileAlreadyExistsException e) {
                return false;
            }
            return true;
        }, written -> {
            busy.set(false);
            if (written) {
                say(i18n.tr("admin.setup.template.written", target.toAbsolutePath().toString()), Tone.SUCCESS);
            } else if (overwrite.test(target)) {
                writeTemplate(target, true, overwrite);
            } else {
                say(i18n.tr("admin.setup.template.kept", target.toAbsolutePath().toString()), Tone.INFO);
            }
        }, e -> {
            busy.set(false);
            LOG.warn("Template {} not written: {}", target, e.toString());
            say(i18n.tr("admin.setup.template.failed", target.toAbsolutePath().toString()), Tone.ERROR);
        });
    }

    // ---- check and import ---------------------------------------------------------------------------------

    /** Checks the chosen file as a dry run of the import: every problem listed, nothing written. */
    public void check() {
        Path chosen = file.get();
        if (chosen == null) {
            say(i18n.tr("admin.setup.file.none"), Tone.ERROR);
            return;
        }
        if (busy.get()) {
            return;
        }
        runOnFile("setupCheck", chosen, null, true, out -> {
            if (!chosen.equals(file.get())) {
                return; // another file was chosen meanwhile; its own check will speak
            }
            if (out.fault() != null) {
                fault(chosen, out.fault());
                return;
            }
            lastResult.set(out.result());
            if (out.result().accepted()) {
                checkedDigest = out.digest();
                checkedPath = chosen;
                checkedClean.set(true);
                say(i18n.tr("admin.setup.check.clean", name(chosen), counts(out.result())), Tone.SUCCESS);
            } else {
                rejected(chosen, out.result(), "admin.setup.check.rejected");
            }
        });
    }

    /** Imports the file that was checked clean, if it is unchanged since; otherwise says to check it again. */
    public void importChecked() {
        Path chosen = file.get();
        if (!checkedClean.get() || busy.get() || chosen == null || !chosen.equals(checkedPath)) {
            return;
        }
        runOnFile("setupImport", chosen, checkedDigest, false, out -> {
            checkedClean.set(false); // imported, or not importable as checked: a new import needs a new check
            if (out.fault() != null) {
                fault(chosen, out.fault());
                return;
            }
            lastResult.set(out.result());
            if (out.result().accepted()) {
                say(i18n.tr("admin.setup.import.done", name(chosen), counts(out.result())), Tone.SUCCESS);
                onImported.run();
            } else {
                // The database changed between the check and the import (another workstation): nothing was written.
                rejected(chosen, out.result(), "admin.setup.import.rejected");
            }
        });
    }

    /**
     * Reads the chosen file off the FX thread and hands it to the importer, as a dry run or for real; with
     * {@code expected} set, a file whose digest differs is not imported (it changed since it was checked).
     */
    private void runOnFile(String jobName, Path chosen, byte[] expected, boolean dryRun,
                           java.util.function.Consumer<Outcome> done) {
        start();
        String who = actor.get();
        Job j = tasks.job(jobName);
        job.set(j);
        tasks.runJob(j, () -> {
            Content c;
            try {
                c = read(chosen);
            } catch (FileFault f) {
                return Outcome.of(f);
            }
            if (expected != null && !Arrays.equals(expected, c.digest())) {
                return Outcome.of(new FileFault(FileFault.Kind.CHANGED));
            }
            j.checkpoint();
            j.cancellable(false); // one transaction from here: the whole file or nothing, rolled back on a dry run
            return new Outcome(importer.importWorkbook(c.bytes(), name(chosen), who, dryRun), c.digest(), null);
        }, out -> {
            busy.set(false);
            done.accept(out);
        }, e -> failed(chosen, e));
    }

    private void start() {
        busy.set(true);
        checkedClean.set(false);
        problems.clear();
        lastResult.set(null);
        say(i18n.tr("admin.setup.working"), Tone.INFO);
    }

    private static Content read(Path path) throws IOException, FileFault {
        try {
            if (!Files.isRegularFile(path)) {
                throw new FileFault(FileFault.Kind.MISSING);
            }
            // Larger than the import reads: say so without reading it into memory.
            if (Files.size(path) > OrgWorkbook.MAX_FILE_BYTES) {
                throw new FileFault(FileFault.Kind.TOO_LARGE);
            }
            byte[] bytes = Files.readAllBytes(path);
            return new Content(bytes, MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchFileException e) {
            throw new FileFault(FileFault.Kind.MISSING);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new FileFault(FileFault.Kind.UNREADABLE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void rejected(Path chosen, OrgImportResult result, String key) {
        List<SheetProblem> parsed = result.sheetProblems();
        SheetProblem first = parsed.isEmpty() ? null : parsed.get(0);
        if (first != null && first.kind() == SheetProblem.Kind.NOT_WORKBOOK) {
            say(i18n.tr("admin.setup.file.notWorkbook", name(chosen)), Tone.ERROR);
            return;
        }
        if (first != null && first.kind() == SheetProblem.Kind.TOO_LARGE) {
            say(i18n.tr("admin.setup.file.tooLarge", name(chosen), OrgWorkbook.MAX_FILE_BYTES / (1024 * 1024)), Tone.ERROR);
            return;
        }
        List<ProblemRow> rows = new ArrayList<>();
        for (SheetProblem p : parsed) {
            rows.add(new ProblemRow(p.sheet() == null ? "" : p.sheet(), p.row() > 0 ? Integer.toString(p.row()) : "",
                    p.column() == null ? "" : i18n.tr("admin.setup.problem.column", p.column(), p.header()),
                    p.message(i18n.locale())));
        }
        problems.setAll(rows);
        say(i18n.tr(key, name(chosen), rows.size()), Tone.ERROR);
    }

    private void failed(Path chosen, Exception e) {
        busy.set(false);
        if (e instanceof JobCancelled) {
            say(i18n.tr("admin.setup.cancelled", name(chosen)), Tone.INFO);
        } else if (isDenied(e)) {
            say(i18n.tr("admin.setup.refused"), Tone.ERROR);
        } else {
            say(i18n.tr("admin.setup.failed", Failures.text(e, i18n)), Tone.ERROR);
        }
    }

    private void fault(Path chosen, FileFault.Kind kind) {
        say(switch (kind) {
            case MISSING -> i18n.tr("admin.setup.file.missing", chosen.toAbsolutePath().normalize().toString());
            case UNREADABLE -> i18n.tr("admin.setup.file.unreadable", name(chosen));
            case TOO_LARGE -> i18n.tr("admin.setup.file.tooLarge", name(chosen), OrgWorkbook.MAX_FILE_BYTES / (1024 * 1024));
            case CHANGED -> i18n.tr("admin.setup.file.changed", name(chosen));
        }, Tone.ERROR);
    }

    private static boolean isDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AccessDenied) {
                return true;
            }
        }
        return false;
    }

    /** What an accepted import wrote (or a check would write), table by table, in the user's words. */
    private String counts(OrgImportResult r) {
        List<String> parts = new ArrayList<>();
        List<String> tables = new ArrayList<>(TABLES);
        r.counts().keySet().stream().filter(t -> !TABLES.contains(t)).sorted().forEach(tables::add);
        for (String table : tables) {
            OrgImportResult.Counts c = r.counts().get(table);
            if (c != null) {
                parts.add(i18n.tr("admin.setup.counts.table", tableName(table), c.inserted(), c.updated(), c.unchanged()));
            }
        }
        return String.join(i18n.tr("admin.setup.counts.separator"), parts);
    }

    private String tableName(String table) {
        return switch (table) {
            case "bureau" -> i18n.tr("admin.setup.table.bureau");
            case "station" -> i18n.tr("admin.setup.table.station");
            case "team" -> i18n.tr("admin.setup.table.team");
            case "officer" -> i18n.tr("admin.setup.table.officer");
            case "unit" -> i18n.tr("admin.setup.table.unit");
            case "house" -> i18n.tr("admin.setup.table.house");
            default -> table;
        };
    }

    private static String name(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }

    private void say(String text, Tone how) {
        tone.set(how);
        message.set(text);
    }

    // ---- properties ---------------------------------------------------------------------------------------

    /** The chosen workbook; set by the file chooser (or a test). Choosing another file drops the last check. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while the chosen file has passed a check and is not yet imported. */
    public ReadOnlyBooleanProperty checkedCleanProperty() {
        return checkedClean.getReadOnlyProperty();
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    /** Import is offered only after a clean check of the chosen file, and not while something runs. */
    public BooleanBinding canImportProperty() {
        return canImport;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** The check or import running or run last, for the job bar; null before any. */
    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    /** What the last check or import answered; null before any, while one runs, or after a failure. */
    public ReadOnlyObjectProperty<OrgImportResult> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    /** Every problem of the last rejected file, in the order the import found them. */
    public ObservableList<ProblemRow> problems() {
        return problemsView;
    }
}
