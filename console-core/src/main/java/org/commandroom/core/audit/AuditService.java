package org.commandroom.core.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.job.JobProgress;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's reading of the audit trail (issue 11): search it with filters, newest first, a page at a time;
 * verify its hash chain; export the rows of a filter to CSV for Excel. Every method needs
 * {@link Permission#READ_AUDIT}; without it the call fails with {@link org.commandroom.core.access.AccessDenied}
 * after the refusal is audited ({@link AccessGuard#require}). Exporting is itself audited ({@value #EXPORT}, with
 * the filter and the file). Reading writes nothing else.
 *
 * <p>The trail can hold millions of rows: a page is a keyset read on {@code seq} (the rows before the last one
 * shown), never an offset, and never the whole table; the export and the verification stream the rows. Rows
 * written before the hash chain existed and not yet sealed (no seq; the console seals them when it starts) are not
 * listed. Blocking: never on the FX thread.
 */
public final class AuditService {

    private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);

    /** The entity of the refusals of this service's reads. */
    public static final String ENTITY = "AUDIT";
    /** The audit action of an export (and of a refused one). */
    public static final String EXPORT = "AUDIT_EXPORT";
    /** The action a refused search or list of actions is audited as. */
    public static final String READ = "AUDIT_READ";
    /** The action a refused verification is audited as. */
    public static final String VERIFY = "AUDIT_VERIFY";
    /** The largest page {@link #search} returns. */
    public static final int MAX_PAGE = 1000;
    /** The export's columns, in English; a screen may pass its own words ({@link #exportCsv}). */
    public static final List<String> CSV_HEADER = List.of("seq", "time", "actor", "workstation", "action", "entity",
            "entity_id", "detail", "row_hash");
    /** Which export columns are free text (a formula in them is defused, {@link AuditCsv}). */
    private static final boolean[] CSV_TEXT = {false, false, true, true, true, true, false, true, false};
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    /** Rows between two looks at an export's {@link JobProgress}. */
    private static final int PROGRESS_EVERY = 1000;
    /** More distinct actions than this and the list stops (a trail does not hold that many kinds of action). */
    private static final int MAX_DISTINCT = 500;

    private static final String COLUMNS = "id, seq, at, actor, workstation, action, entity, entity_id, detail, row_hash";
    private static final char LIKE_ESCAPE = '!';

    private final Jdbi jdbi;
    private final Clock clock;
    private final AccessGuard guard;

    /**
     * @param clock when the export happened, and the time zone the export writes times in (the station's)
     * @param guard checks {@link Permission#READ_AUDIT} for the workstation's principal
     */
    public AuditService(Jdbi jdbi, Clock clock, AccessGuard guard) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.guard = guard;
    }

    /** The actions present in the trail, in alphabetical order (for the screen's choice of action). */
    public List<String> actions() {
        guard.require(Permission.READ_AUDIT, READ, ENTITY, null);
        return jdbi.withHandle(h -> distinct(h, Column.ACTION));
    }

    /** The kinds of record present in the trail ({@code ORDER}, {@code USER} …), in alphabetical order. */
    public List<String> entities() {
        guard.require(Permission.READ_AUDIT, READ, ENTITY, null);
        return jdbi.withHandle(h -> distinct(h, Column.ENTITY));
    }

    /** The newest rows that match, at most {@code pageSize} ({@link #MAX_PAGE} at most). */
    public AuditPage search(AuditFilter filter, int pageSize) {
        return page(filter, null, pageSize);
    }

    /** The next page: the newest rows that match among those older than row {@code beforeSeq}. */
    public AuditPage more(AuditFilter filter, long beforeSeq, int pageSize) {
        return page(filter, beforeSeq, pageSize);
    }

    private AuditPage page(AuditFilter filter, Long beforeSeq, int pageSize) {
        guard.require(Permission.READ_AUDIT, READ, ENTITY, null);
        int size = Math.max(1, Math.min(MAX_PAGE, pageSize));
        List<AuditEntry> rows = jdbi.withHandle(h -> select(h, filter, beforeSeq, size + 1).map(ENTRY).list());
        boolean more = rows.size() > size;
        return new AuditPage(more ? rows.subList(0, size) : rows, more);
    }

    /**
     * Recomputes the whole hash chain ({@link AuditChain#verify}): the rows checked and each break found. Read-only;
     * streams the trail; stops with {@link org.commandroom.core.job.JobCancelled} when {@code progress} asks.
     */
    public AuditChain.Verification verify(JobProgress progress) {
        guard.require(Permission.READ_AUDIT, VERIFY, ENTITY, null);
        return AuditChain.verify(jdbi, progress);
    }

    /** As {@link #exportCsv(AuditFilter, Path, List, JobProgress)} with the English header and nobody watching. */
    public long exportCsv(AuditFilter filter, Path file) throws IOException {
        return exportCsv(filter, file, CSV_HEADER, JobProgress.NONE);
    }

    /**
     * Writes every row that matches to {@code file} as CSV, newest first: UTF-8 with a byte-order mark (so that Excel
     * shows the Chinese), RFC 4180 quoting, a header row, times in the clock's zone ({@code yyyy-MM-dd HH:mm:ss}).
     * The rows are streamed from the database to the file, never held. The file appears whole or not at all: it is
     * written beside under a temporary name and moved into place at the end; a failure or a cancel (at a
     * {@code progress} checkpoint) leaves no file. The export is audited ({@value #EXPORT}: how many rows, where, and
     * the filter) before the file is moved into place, so that no file leaves without its row in the trail.
     *
     * @param header the column names, {@link #CSV_HEADER}'s nine in the screen's words
     * @return the rows written (the header not counted)
     */
    public long exportCsv(AuditFilter filter, Path file, List<String> header, JobProgress progress) throws IOException {
        if (header.size() != CSV_HEADER.size()) {
            throw new IllegalArgumentException("the header names " + header.size() + " columns, not "
                    + CSV_HEADER.size());
        }
        guard.require(Permission.READ_AUDIT, EXPORT, ENTITY, null);
        Path target = file.toAbsolutePath();
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long rows;
        boolean written = false;
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(part),
                    StandardCharsets.UTF_8), 1 << 16)) {
                out.write(AuditCsv.BOM);
                if (guard.exercise()) {
                    // a drill database's trail: its first line says so (docs/drill/SCENARIOS.md)
                    AuditCsv.record(out, List.of(org.commandroom.core.text.ExerciseMark.MARK), null);
                }
                AuditCsv.record(out, header, null);
                rows = write(filter, out, progress);
            }
            progress.cancellable(false);
            // Audited before the file is in place: an export the trail cannot record (the database gone meanwhile)
            // leaves no file.
            String detail = rows + " rows to " + target + "; " + filter.describe();
            jdbi.useTransaction(h -> guard.audit(h, clock.instant(), actor(), EXPORT, ENTITY, null, detail));
            move(part, target);
            written = true;
            LOG.info("Audit trail exported: {}", detail);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (!written) {
                Files.deleteIfExists(part);
            }
        }
        return rows;
    }

    private long write(AuditFilter filter, Writer out, JobProgress progress) {
        long[] n = {0};
        // A transaction with a fetch size: PostgreSQL's driver then reads through a cursor, not the whole result.
        jdbi.useTransaction(h -> select(h, filter, null, null).setFetchSize(PROGRESS_EVERY).map(ENTRY).useStream(rows ->
                rows.forEach(r -> {
                    try {
                        AuditCsv.record(out, Arrays.asList(Long.toString(r.seq()),
                                CSV_TIME.format(r.at().atZone(clock.getZone())), r.actor(), r.workstation(),
                                r.action(), r.entity(), r.entityId() == null ? null : r.entityId().toString(),
                                r.detail(), r.rowHash()), CSV_TEXT);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (++n[0] % PROGRESS_EVERY == 0) {
                        progress.checkpoint();
                        progress.progress(n[0], 0);
                    }
                })));
        return n[0];
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String actor() {
        var p = guard.principal();
        return p == null ? "(tool)" : p.login();
    }

    // ---- the query ------------------------------------------------------------------------------------------------

    /**
     * The rows that match, newest first, from before {@code beforeSeq} when given, at most {@code limit} when given.
     * The statement is put together from fixed pieces; every value is bound.
     *
     * <p>A page first picks the seqs of its rows, then reads those rows: where an index covers the filter (action,
     * actor, entity or time, each indexed with seq by V26) the seqs come from the index alone, and only the rows of
     * the page are read from the table, not every row of the filter to sort them (on H2, a page of one user's rows
     * among a million went from seconds to milliseconds).
     */
    private static Query select(Handle h, AuditFilter f, Long beforeSeq, Integer limit) {
        StringBuilder where = new StringBuilder(" FROM audit_log WHERE seq IS NOT NULL");
        if (beforeSeq != null) {
            where.append(" AND seq < :before");
        }
        if (f.from() != null) {
            where.append(" AND at >= :from");
        }
        if (f.to() != null) {
            where.append(" AND at < :to");
        }
        if (f.actor() != null) {
            where.append(f.actorPrefix() ? " AND actor LIKE :actor ESCAPE '" + LIKE_ESCAPE + "'" : " AND actor = :actor");
        }
        if (f.action() != null) {
            where.append(" AND action = :action");
        }
        if (f.entity() != null) {
            where.append(" AND entity = :entity");
        }
        Long textId = f.textAsId();
        if (f.text() != null) {
            where.append(" AND (LOWER(detail) LIKE :text ESCAPE '").append(LIKE_ESCAPE).append("'")
                    .append(textId != null ? " OR entity_id = :textId)" : ")");
        }
        String sql = limit == null
                ? "SELECT " + COLUMNS + where + " ORDER BY seq DESC"
                : "SELECT " + COLUMNS + " FROM audit_log WHERE seq IN (SELECT seq" + where
                        + " ORDER BY seq DESC LIMIT :limit) ORDER BY seq DESC";
        Query q = h.createQuery(sql);
        if (beforeSeq != null) {
            q.bind("before", beforeSeq.longValue());
        }
        if (f.from() != null) {
            q.bind("from", f.from());
        }
        if (f.to() != null) {
            q.bind("to", f.to());
        }
        if (f.actor() != null) {
            q.bind("actor", f.actorPrefix() ? likeEscaped(f.actor()) + "%" : f.actor());
        }
        if (f.action() != null) {
            q.bind("action", f.action());
        }
        if (f.entity() != null) {
            q.bind("entity", f.entity());
        }
        if (f.text() != null) {
            q.bind("text", "%" + likeEscaped(f.text().toLowerCase(Locale.ROOT)) + "%");
            if (textId != null) {
                q.bind("textId", textId.longValue());
            }
        }
        if (limit != null) {
            q.bind("limit", limit.intValue());
        }
        return q;
    }

    private static final RowMapper<AuditEntry> ENTRY = (rs, ctx) -> new AuditEntry(rs.getLong("id"), rs.getLong("seq"),
            ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "at", ctx), rs.getString("actor"),
            rs.getString("workstation"), rs.getString("action"), rs.getString("entity"),
            rs.getObject("entity_id", Long.class), rs.getString("detail"), rs.getString("row_hash"));

    private static String likeEscaped(String s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (char c : s.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                b.append(LIKE_ESCAPE);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** The columns whose distinct values are listed; their names are the code's, never a caller's. */
    private enum Column {
        ACTION("action"), ENTITY("entity");

        final String name;

        Column(String name) {
            this.name = name;
        }
    }

    /**
     * The distinct values of a column, read from its index (V26) rather than from every row. PostgreSQL has no skip
     * scan: there it is one index seek per value (the smallest value above the last one found), a few dozen seeks on a
     * trail of millions of rows. H2 skips through the index for a plain DISTINCT itself, while its seek for "above" a
     * value walks every entry equal to it (180,000 for DISPATCH in a million-row trail).
     */
    private static List<String> distinct(Handle h, Column c) {
        List<String> values = new ArrayList<>();
        if (isH2(h)) {
            values.addAll(h.createQuery("SELECT DISTINCT " + c.name + " FROM audit_log").mapTo(String.class).list());
            values.removeIf(java.util.Objects::isNull);
        } else {
            String next = "SELECT " + c.name + " FROM audit_log WHERE " + c.name + " > :after ORDER BY " + c.name
                    + " LIMIT 1";
            String last = h.createQuery("SELECT " + c.name + " FROM audit_log WHERE " + c.name
                    + " IS NOT NULL ORDER BY " + c.name + " LIMIT 1").mapTo(String.class).findOne().orElse(null);
            while (last != null && values.size() < MAX_DISTINCT) {
                values.add(last);
                last = h.createQuery(next).bind("after", last).mapTo(String.class).findOne().orElse(null);
            }
        }
        values.sort(String::compareTo);
        return List.copyOf(values.subList(0, Math.min(values.size(), MAX_DISTINCT)));
    }

    private static boolean isH2(Handle h) {
        try {
            return "H2".equals(h.getConnection().getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the database does not say what it is", e);
        }
    }
}
