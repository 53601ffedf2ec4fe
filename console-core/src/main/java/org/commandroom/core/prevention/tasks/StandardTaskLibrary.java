package org.commandroom.core.prevention.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.org.OrgImportResult;
import org.commandroom.core.org.SheetProblem;
import org.commandroom.core.text.Text;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library of standard tasks (标准件, seed 004; docs/PREVENTION.md) as the database keeps it: read by anyone,
 * filled with the product's default set ({@link StandardTaskSheet#DEFAULTS}, 35 tasks) the first time it is read while it
 * has never held a task, edited one task at a time or replaced from the bureau's own .xlsx or CSV. Editing and
 * importing need {@link Permission#SETUP} and are audited; an import is all or nothing and may be a dry run.
 */
public final class StandardTaskLibrary {

    public static final String TABLE = "standard_task";
    /** Who the default set is recorded as written by. */
    public static final String PRODUCT = "product";
    private static final Logger LOG = LoggerFactory.getLogger(StandardTaskLibrary.class);
    private static final String SELECT = "SELECT code, title_zh, title_en, lead_department, basis, measures, completion, "
            + "time_limit_hours, feedback_items, active FROM standard_task";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AccessGuard guard;
    private volatile boolean defaultsChecked;

    public StandardTaskLibrary(Jdbi jdbi, Clock clock, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.guard = Objects.requireNonNull(guard);
    }

    /** The product's default set, as bundled. */
    public static List<LibraryTask> defaults() {
        try (InputStream in = StandardTaskLibrary.class.getResourceAsStream(StandardTaskSheet.DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + StandardTaskSheet.DEFAULTS + " is missing");
            }
            StandardTaskSheet.Read read = StandardTaskSheet.read(in.readAllBytes(), StandardTaskSheet.DEFAULTS);
            if (!read.accepted()) {
                throw new IllegalStateException("the bundled " + StandardTaskSheet.DEFAULTS + " has problems: " + read.problems());
            }
            return read.tasks();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fills the library with the default set if it has never held a task (a bureau that imported its own first keeps
     * only its own). Idempotent; safe when two workstations start together.
     *
     * @return how many tasks were loaded (0 when the library had tasks)
     */
    public int ensureDefaults() {
        if (defaultsChecked) {
            return 0;
        }
        int loaded;
        try {
            loaded = jdbi.inTransaction(h -> {
                if (h.createQuery("SELECT COUNT(*) FROM standard_task").mapTo(Integer.class).one() > 0) {
                    return 0;
                }
                Instant now = clock.instant();
                List<LibraryTask> tasks = defaults();
                for (LibraryTask t : tasks) {
                    insert(h, t, "BUNDLED", now, PRODUCT);
                }
                return tasks.size();
            });
        } catch (RuntimeException e) {
            // Another workstation loaded them at the same moment: the library has its tasks either way.
            if (jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM standard_task").mapTo(Integer.class).one()) == 0) {
                throw e;
            }
            loaded = 0;
        }
        defaultsChecked = true;
        if (loaded > 0) {
            LOG.info("Standard-task library filled with the product's {} default tasks", loaded);
        }
        return loaded;
    }

    /** Every task, by code; retired ones only when asked for. */
    public List<LibraryTask> all(boolean withRetired) {
        ensureDefaults();
        return jdbi.withHandle(h -> h.createQuery(SELECT + (withRetired ? "" : " WHERE active = TRUE") + " ORDER BY code")
                .map((rs, ctx) -> task(rs)).list());
    }

    /**
     * The active tasks whose code, titles, lead department, basis, measures or standard contain every word of
     * {@code query} (blank-separated, case ignored); all of them for a blank query.
     */
    public List<LibraryTask> search(String query) {
        List<LibraryTask> all = all(false);
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return all;
        }
        String[] words = q.split("\\s+");
        List<LibraryTask> out = new ArrayList<>();
        for (LibraryTask t : all) {
            String hay = String.join("\n", t.code(), t.titleZh(), t.titleEn(), t.leadDepartment(), t.basis(), t.measures(),
                    t.completion(), t.itemsCell()).toLowerCase(Locale.ROOT);
            boolean every = true;
            for (String w : words) {
                every &= hay.contains(w);
            }
            if (every) {
                out.add(t);
            }
        }
        return out;
    }

    public Optional<LibraryTask> find(String code) {
        ensureDefaults();
        return jdbi.withHandle(h -> find(h, code));
    }

    static Optional<LibraryTask> find(Handle h, String code) {
        return h.createQuery(SELECT + " WHERE code = :c").bind("c", code).map((rs, ctx) -> task(rs)).findOne();
    }

    /**
     * Adds or changes one task (by code); needs {@link Permission#SETUP}.
     *
     * @throws IllegalArgumentException naming what is wrong; nothing written
     */
    public void save(LibraryTask t, String actor) {
        guard.require(Permission.SETUP, "STANDARD_TASK_SAVE", "STANDARD_TASK", null);
        List<String> wrong = problems(t);
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException("standard task " + t.code() + ": " + String.join("; ", wrong));
        }
        ensureDefaults();
        jdbi.useTransaction(h -> {
            Instant now = clock.instant();
            boolean known = find(h, t.code()).isPresent();
            if (known) {
                update(h, t, "EDITED", now, actor);
            } else {
                insert(h, t, "EDITED", now, actor);
            }
            guard.audit(h, now, actor, "STANDARD_TASK_SAVE", "STANDARD_TASK", null,
                    (known ? "changed " : "added ") + t.code() + " " + t.titleZh() + (t.active() ? "" : " (retired)"));
        });
    }

    /** What is wrong with a task typed in a form, in English (the import names its cells instead). */
    static List<String> problems(LibraryTask t) {
        List<String> out = new ArrayList<>();
        if (!t.code().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,31}")) {
            out.add("code '" + t.code() + "' is not letters, digits, - and _ (at most 32)");
        }
        length(out, "title", t.titleZh(), 100, true);
        length(out, "English title", t.titleEn(), 200, true);
        length(out, "lead department", t.leadDepartment(), 100, true);
        length(out, "basis", t.basis(), 1000, true);
        length(out, "measures", t.measures(), 2000, true);
        length(out, "standard of completion", t.completion(), 1000, true);
        String items = StandardTaskSheet.itemsProblem(t.feedbackItems());
        if (items != null) {
            out.add(Text.of(items, LibraryTask.MAX_ITEMS, LibraryTask.MAX_ITEM_LENGTH).english());
        }
        return out;
    }

    private static void length(List<String> out, String what, String v, int max, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                out.add(what + " is empty");
            }
        } else if (v.codePointCount(0, v.length()) > max) {
            out.add(what + " is longer than " + max + " characters");
        }
    }

    /**
     * Imports the bureau's library from an .xlsx or CSV ({@link StandardTaskSheet}): all or nothing, every problem
     * named by sheet (or file), row and column; tasks upserted by code, tasks missing from the file kept. Needs
     * {@link Permission#SETUP}; an accepted import is audited ({@code IMPORT}, entity {@code STANDARD_TASK}).
     *
     * @param dryRun check and count only; write nothing
     */
    public OrgImportResult importFile(byte[] file, String fileName, String actor, boolean dryRun) {
        guard.require(Permission.SETUP, "IMPORT", "STANDARD_TASK", null);
        StandardTaskSheet.Read read = StandardTaskSheet.read(file, fileName);
        if (!read.accepted()) {
            LOG.info("Standard tasks {} rejected: {} problem(s), first: {}", fileName, read.problems().size(),
                    read.problems().get(0));
            return new OrgImportResult(false, false, fileName, Map.of(), read.problems());
        }
        // A bureau that imports its own library before anyone opened it keeps only its own.
        defaultsChecked = defaultsChecked || !dryRun;
        OrgImportResult r = jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            int[] counts = new int[3];
            for (LibraryTask t : read.tasks()) {
                Optional<LibraryTask> before = find(h, t.code());
                if (before.isEmpty()) {
                    counts[0]++;
                    if (!dryRun) {
                        insert(h, t, "IMPORTED", now, actor);
                    }
                } else if (!before.get().equals(t)) {
                    counts[1]++;
                    if (!dryRun) {
                        update(h, t, "IMPORTED", now, actor);
                    }
                } else {
                    counts[2]++;
                }
            }
            OrgImportResult.Counts c = new OrgImportResult.Counts(counts[0], counts[1], counts[2]);
            if (!dryRun) {
                guard.audit(h, now, actor, "IMPORT", "STANDARD_TASK", null, "import standard tasks from "
                        + (fileName.length() > 200 ? fileName.substring(0, 200) : fileName) + ": " + c);
            }
            return new OrgImportResult(true, dryRun, fileName, Map.of(TABLE, c), List.<SheetProblem>of());
        });
        LOG.info("Standard tasks {}{}: {}", fileName, dryRun ? " (dry run)" : "", r.count(TABLE));
        return r;
    }

    private static void insert(Handle h, LibraryTask t, String origin, Instant now, String actor) {
        h.createUpdate("INSERT INTO standard_task (code, title_zh, title_en, lead_department, basis, measures, completion, "
                        + "time_limit_hours, feedback_items, active, origin, updated_at, updated_by) VALUES (:code, :zh, :en, "
                        + ":lead, :basis, :measures, :completion, :hours, :items, :active, :origin, :at, :by)")
                .bind("code", t.code()).bind("zh", t.titleZh()).bind("en", t.titleEn()).bind("lead", t.leadDepartment())
                .bind("basis", t.basis()).bind("measures", t.measures()).bind("completion", t.completion())
                .bind("hours", t.timeLimitHours()).bind("items", String.join("\n", t.feedbackItems()))
                .bind("active", t.active()).bind("origin", origin).bind("at", now).bind("by", cut(actor)).execute();
    }

    private static void update(Handle h, LibraryTask t, String origin, Instant now, String actor) {
        h.createUpdate("UPDATE standard_task SET title_zh = :zh, title_en = :en, lead_department = :lead, basis = :basis, "
                        + "measures = :measures, completion = :completion, time_limit_hours = :hours, feedback_items = :items, "
                        + "active = :active, origin = :origin, updated_at = :at, updated_by = :by WHERE code = :code")
                .bind("code", t.code()).bind("zh", t.titleZh()).bind("en", t.titleEn()).bind("lead", t.leadDepartment())
                .bind("basis", t.basis()).bind("measures", t.measures()).bind("completion", t.completion())
                .bind("hours", t.timeLimitHours()).bind("items", String.join("\n", t.feedbackItems()))
                .bind("active", t.active()).bind("origin", origin).bind("at", now).bind("by", cut(actor)).execute();
    }

    private static String cut(String actor) {
        String a = actor == null || actor.isBlank() ? "(unknown)" : actor;
        return a.length() > 64 ? a.substring(0, 64) : a;
    }

    private static LibraryTask task(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LibraryTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), StandardTaskSheet.items(rs.getString(9)), rs.getBoolean(10));
    }
}
