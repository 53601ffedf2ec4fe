package org.commandroom.core.eido;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.commandroom.core.io.FileLimit;
import org.commandroom.core.io.FileTooLarge;
import org.commandroom.core.intake.BulkIntake;
import org.commandroom.core.intake.IntakeResult;
import org.commandroom.core.intake.IntakeService;
import org.commandroom.core.job.JobProgress;
import org.jdbi.v3.core.Jdbi;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's file interchange for calls: a CSV or JSON feed of calls through {@link BulkIntake}, and one
 * incident out to / in from a NENA EIDO JSON file through {@link EidoService}. Blocking file and database
 * work: call it off the FX thread. A file that cannot be used is refused with a {@link BadFile} that says
 * which file and why; nothing is written then.
 */
public final class CallFiles {

    private static final Logger LOG = LoggerFactory.getLogger(CallFiles.class);

    /** Larger call files are refused before reading (a day's feed of a county is far smaller). */
    public static final FileLimit CALLS_LIMIT = FileLimit.megabytes(50);

    /** Larger EIDO files are refused before reading (one incident's EIDO is a few KB; {@link EidoService#MAX_CHARS}). */
    public static final FileLimit EIDO_LIMIT = FileLimit.megabytes(8);

    /** {@link #CALLS_LIMIT} in bytes. */
    public static final long MAX_BYTES = CALLS_LIMIT.maxBytes();

    private final Jdbi jdbi;
    private final Clock clock;
    private final IntakeService intake;
    private final BulkIntake bulk;
    private final String domain;
    private final String issuingElement;
    private final AccessGuard guard;
    private volatile boolean exercise;
    private volatile EidoService eido;
    private volatile Path eidoTypeTable;

    /** What a file import or export was refused for: the file and the reason, in English (the screen words it). */
    public static final class BadFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Why, for the screen to say in the user's language. */
        public enum Kind { UNREADABLE, TOO_LARGE, NOT_UTF8, EMPTY, UNWRITABLE }

        private final transient Path file;
        private final Kind kind;

        BadFile(Path file, Kind kind, String message, Throwable cause) {
            super(file + ": " + message, cause);
            this.file = file;
            this.kind = kind;
        }

        public Path file() {
            return file;
        }

        public Kind kind() {
            return kind;
        }
    }

    /**
     * @param domain         the agency domain in EIDO identifiers
     * @param issuingElement the workstation, as EIDO's issuing element
     */
    public CallFiles(Jdbi jdbi, Clock clock, IntakeService intake, BulkIntake bulk, String domain, String issuingElement) {
        this(jdbi, clock, intake, bulk, domain, issuingElement, AccessGuard.trusted());
    }

    /** @param guard importing calls needs {@link Permission#IMPORT_CALLS} (and each call {@link Permission#INTAKE}) */
    public CallFiles(Jdbi jdbi, Clock clock, IntakeService intake, BulkIntake bulk, String domain, String issuingElement,
                     AccessGuard guard) {
        this.guard = guard;
        this.jdbi = jdbi;
        this.clock = clock;
        this.intake = intake;
        this.bulk = bulk;
        this.domain = domain;
        this.issuingElement = issuingElement;
    }

    /** Rows recorded between two looks at a cancel (each row is its own transaction of a few ms). */
    static final int BATCH_ROWS = 200;

    /**
     * What an import of a feed did: the bulk import's report over the rows it went through and, when it was
     * cancelled, how many rows were left unread from which line of the file (none of them stored).
     */
    public record CallImport(BulkIntake.Report report, boolean cancelled, int rowsLeft, int firstLineLeft) {
    }

    /**
     * Imports a feed of calls: JSON when the name ends in {@code .json} or the text starts with {@code [} or
     * <code>{</code>, CSV otherwise. Every good row is kept and every bad row reported with its line and why.
     */
    public BulkIntake.Report importCalls(Path file, String actor) {
        return importCalls(file, actor, JobProgress.NONE).report();
    }

    /**
     * As {@link #importCalls(Path, String)}, {@value #BATCH_ROWS} rows at a time, saying how far it is and looking
     * at a cancel between batches. Each row is stored in its own transaction (as always), so a cancelled import
     * keeps the rows before the cancel and says exactly which lines were not imported; a file whose header (or
     * form) is unusable imports nothing, as before.
     */
    public CallImport importCalls(Path file, String actor, JobProgress progress) {
        guard.require(Permission.IMPORT_CALLS, "IMPORT_CALLS", "INCIDENT", null);
        String text = read(file, CALLS_LIMIT);
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String start = body.stripLeading();
        boolean json = name.endsWith(".json") || (!name.endsWith(".csv") && (start.startsWith("[") || start.startsWith("{")));
        List<CallFileBatches.Batch> batches = (json ? CallFileBatches.json(body, BATCH_ROWS) : CallFileBatches.csv(body, BATCH_ROWS))
                .orElse(List.of(new CallFileBatches.Batch(body, 0, 0, 1)));
        int total = batches.stream().mapToInt(CallFileBatches.Batch::rows).sum();
        int rowsRead = 0;
        int done = 0;
        List<BulkIntake.ImportedRow> imported = new ArrayList<>();
        List<BulkIntake.RowProblem> problems = new ArrayList<>();
        CallImport out = null;
        for (int b = 0; b < batches.size(); b++) {
            CallFileBatches.Batch batch = batches.get(b);
            if (progress.cancelRequested()) {
                int left = batches.subList(b, batches.size()).stream().mapToInt(CallFileBatches.Batch::rows).sum();
                out = new CallImport(merged(rowsRead, imported, problems), true, left, batch.firstLine());
                break;
            }
            BulkIntake.Report r = json ? bulk.importJson(batch.text(), actor) : bulk.importCsv(batch.text(), actor);
            rowsRead += r.rowsRead();
            for (BulkIntake.ImportedRow row : r.imported()) {
                imported.add(new BulkIntake.ImportedRow(row.line() + batch.lineShift(), row.incidentId(), row.incidentNo(),
                        row.repeat()));
            }
            for (BulkIntake.RowProblem p : r.problems()) {
                boolean wholeFile = p.line() == 0 || (!json && p.line() == 1); // not a row's line: the file's, or its header's
                problems.add(wholeFile ? p : new BulkIntake.RowProblem(p.line() + batch.lineShift(), p.field(), p.reason()));
            }
            done += batch.rows();
            progress.progress(done, total);
            if (b == 0 && r.rowsRead() == 0 && r.imported().isEmpty() && !r.problems().isEmpty() && r.problems().get(0).line() <= 1) {
                break; // the header or the file's form is wrong: the first batch said so, nothing was stored
            }
        }
        if (out == null) {
            out = new CallImport(merged(rowsRead, imported, problems), false, 0, 0);
        }
        CallImport result = out;
        jdbi.useTransaction(h -> guard.audit(h, clock.instant(), actor, "IMPORT_CALLS", "INCIDENT", null,
                "calls from " + file.getFileName() + ": " + result.report().rowsRead() + " rows read, "
                        + result.report().imported().size() + " kept, " + result.report().problems().size() + " refused"
                        + (result.cancelled() ? ", cancelled with " + result.rowsLeft() + " rows left" : "")));
        LOG.info("Imported calls from {} as {}: {} rows read, {} kept, {} refused{}", file, json ? "JSON" : "CSV",
                out.report().rowsRead(), out.report().imported().size(), out.report().problems().size(),
                out.cancelled() ? ", cancelled with " + out.rowsLeft() + " rows left from line " + out.firstLineLeft() : "");
        return out;
    }

    private static BulkIntake.Report merged(int rowsRead, List<BulkIntake.ImportedRow> imported, List<BulkIntake.RowProblem> problems) {
        List<BulkIntake.RowProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(BulkIntake.RowProblem::line));
        return new BulkIntake.Report(rowsRead, imported, sorted);
    }

    /** Writes the incident as an EIDO JSON document (validated against the schema) to {@code file}. */
    public String exportEido(long incidentId, Path file, String agent) {
        String json = eido().export(incidentId, agent);
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".eido-", ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BadFile(file, BadFile.Kind.UNWRITABLE, "cannot write: " + e.getMessage(), e);
        }
        LOG.info("Exported incident {} as EIDO to {}", incidentId, file);
        return json;
    }

    /**
     * Reads an EIDO file and records it as a new call.
     *
     * @throws EidoInvalid with every problem's JSON path when it is not a valid EIDO
     * @throws org.commandroom.core.intake.IntakeRejected when intake refuses the call (outside the district …)
     */
    public IntakeResult importEido(Path file, String actor) {
        return importEido(file, actor, JobProgress.NONE);
    }

    /**
     * As {@link #importEido(Path, String)}, stopping before the call is recorded when a cancel was asked for (the
     * file is read and checked first; the recording itself is one transaction, finished whole).
     */
    public IntakeResult importEido(Path file, String actor, JobProgress progress) {
        return importEidoReading(file, actor, progress).result();
    }

    /**
     * As {@link #importEido(Path, String, JobProgress)}, with what was read from the file: for an EIDO from elsewhere,
     * every item not taken (at its JSON path, with why), for the screen to show.
     */
    public EidoService.Imported importEidoReading(Path file, String actor, JobProgress progress) {
        guard.require(Permission.IMPORT_CALLS, "IMPORT_EIDO", "INCIDENT", null);
        String json = read(file, EIDO_LIMIT);
        progress.checkpoint();
        progress.cancellable(false);
        EidoService.Imported imported = eido().importReading(json, intake, actor);
        if (!imported.reading().notTaken().isEmpty()) {
            LOG.info("EIDO {} imported as {}; not taken: {}", file.getFileName(), imported.result().incident().incidentNo(),
                    imported.reading().notTaken());
        }
        return imported;
    }

    /**
     * The bureau's EIDO type table ({@link EidoTypeMap#BUREAU_FILE} in the data directory) to read over the bundled
     * one; set before the first EIDO is read (the service is built once).
     */
    public void setEidoTypeTable(Path bureauFile) {
        this.eidoTypeTable = bureauFile;
    }

    /**
     * Marks every EIDO exported as an exercise, for a drill's composition with no signed-in principal (a principal
     * on a drill database marks them by itself: {@link AccessGuard#exercise()}). Set before the first EIDO.
     */
    public void setExercise(boolean exercise) {
        this.exercise = exercise;
    }

    /** The EIDO service, its schema loaded on first use (not at start-up). */
    public EidoService eido() {
        EidoService e = eido;
        if (e == null) {
            synchronized (this) {
                e = eido;
                if (e == null) {
                    EidoTypeMap types = EidoTypeMap.withBureauFile(eidoTypeTable);
                    if (!types.ignored().isEmpty()) {
                        LOG.warn("EIDO type table {}: lines not used: {}", eidoTypeTable, types.ignored());
                    }
                    e = new EidoService(jdbi, clock, EidoSchema.load(), domain, issuingElement, types);
                    e.setExercise(exercise || guard.exercise());
                    eido = e;
                }
            }
        }
        return e;
    }

    /** The file as UTF-8 text; one larger than {@code limit} is refused ({@link FileTooLarge}) before it is read. */
    private static String read(Path file, FileLimit limit) {
        try {
            long size = Files.size(file);
            if (size > limit.maxBytes()) {
                throw new FileTooLarge(file.getFileName().toString(), size, limit);
            }
            if (size == 0) {
                throw new BadFile(file, BadFile.Kind.EMPTY, "the file is empty", null);
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new BadFile(file, BadFile.Kind.NOT_UTF8, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new BadFile(file, BadFile.Kind.UNREADABLE, "cannot read: " + e, e);
        }
    }
}
