package org.commandroom.core.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.commandroom.core.job.JobProgress;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit trail's hash chain (docs/ACCESS.md). Row n's hash is SHA-256 over row n-1's hash and row n's fields
 * (seq, time to the microsecond, actor, workstation, action, entity, entity id, detail), each field written with
 * its length so that no two rows can be made to hash alike by moving text between fields. The first row's
 * previous hash is 64 zeros.
 *
 * <p>{@link #verify} detects a changed row (its hash no longer matches), a deleted row (a gap in seq, or a
 * previous hash that no longer matches), and deleted last rows (the head points past the end).
 */
public final class AuditChain {

    /** The previous hash of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The head of the chain: the last row's seq and hash (0 and {@link #GENESIS} when empty). */
    public record Head(long seq, String rowHash) {
    }

    /**
     * What {@link #verify} found.
     *
     * @param rows      the chained rows checked
     * @param unchained rows written before the chain existed and not yet sealed ({@link #seal})
     * @param breaks    the breaks found, in the order of the chain, the first {@link #MAX_BREAKS} of them; empty
     *                  when the chain is intact
     * @param unlisted  how many more breaks were found than are listed (a trail rewritten wholesale breaks at every
     *                  row: the verifier does not hold millions of them)
     */
    public record Verification(long rows, long unchained, List<Break> breaks, long unlisted) {
        public Verification {
            breaks = List.copyOf(breaks);
        }

        public Verification(long rows, long unchained, List<Break> breaks) {
            this(rows, unchained, breaks, 0);
        }

        public boolean intact() {
            return breaks.isEmpty();
        }

        /** Every break found, listed or not. */
        public long breakCount() {
            return breaks.size() + unlisted;
        }

        /** Each break in words for the log and the command line (screens word {@link #breaks} themselves). */
        public List<String> problems() {
            List<String> words = new ArrayList<>(breaks.stream().map(Break::describe).toList());
            if (unlisted > 0) {
                words.add("and " + unlisted + " more");
            }
            return List.copyOf(words);
        }
    }

    /**
     * One break of the chain, located so that a screen can say it in its own language.
     *
     * @param kind    what is wrong
     * @param seq     the row concerned; for {@link Kind#MISSING} the first missing row; for the head's kinds the
     *                row the head records
     * @param lastSeq for {@link Kind#MISSING} the last missing row; for {@link Kind#END_DELETED} and
     *                {@link Kind#HEAD_BEHIND} the last row present; else {@code seq}
     * @param id      the row's id in {@code audit_log} (for {@link Kind#MISSING} the next row present), or null for
     *                the head's kinds
     */
    public record Break(Kind kind, long seq, long lastSeq, Long id) {

        /** What is wrong. */
        public enum Kind {
            /** Rows seq..lastSeq are gone from the middle of the trail. */
            MISSING,
            /** The row's previous hash is not the hash of the row before it. */
            DOES_NOT_FOLLOW,
            /** The row's fields no longer give its hash. */
            CHANGED,
            /** The head records row seq but the trail ends at lastSeq: rows at the end were deleted. */
            END_DELETED,
            /** The head records row seq but rows up to lastSeq are present: rows were added past the head. */
            HEAD_BEHIND,
            /** The last row is not the one the head recorded. */
            HEAD_DIFFERS,
            /** The head's row itself is gone. */
            HEAD_MISSING
        }

        /** In English, for the log and the command line. */
        public String describe() {
            return switch (kind) {
                case MISSING -> "rows " + seq + (lastSeq > seq ? "-" + lastSeq : "") + " are missing (next row present is "
                        + (lastSeq + 1) + ", id " + id + ")";
                case DOES_NOT_FOLLOW -> "row " + seq + " (id " + id + ") does not follow the row before it";
                case CHANGED -> "row " + seq + " (id " + id + ") was changed after it was written";
                case END_DELETED -> "the chain's head is at row " + seq + " but the last row present is " + lastSeq
                        + ": rows at the end were deleted";
                case HEAD_BEHIND -> "the chain's head is at row " + seq + " but rows up to " + lastSeq
                        + " are present: rows were added past the head";
                case HEAD_DIFFERS -> "the last row " + seq + " differs from the one the chain's head recorded";
                case HEAD_MISSING -> "the chain's head is missing";
            };
        }
    }

    public static String hash(String previous, long seq, Instant at, String actor, String workstation, String action,
                              String entity, Long entityId, String detail) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            field(sha, previous);
            field(sha, Long.toString(seq));
            field(sha, at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000));
            field(sha, actor);
            field(sha, workstation);
            field(sha, action);
            field(sha, entity);
            field(sha, entityId == null ? null : entityId.toString());
            field(sha, detail);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void field(MessageDigest sha, String value) {
        if (value == null) {
            sha.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    static String cut(String s, int max) {
        Objects.requireNonNull(s);
        return s.length() <= max ? s : s.substring(0, max);
    }

    private record Row(long id, Long seq, String prevHash, String rowHash, Instant at, String actor,
                       String workstation, String action, String entity, Long entityId, String detail) {
    }

    private static final String ROW_COLUMNS =
            "id, seq, prev_hash, row_hash, at, actor, workstation, action, entity, entity_id, detail";

    /** The most breaks a {@link Verification} lists; it counts the rest. */
    public static final int MAX_BREAKS = 1000;

    /** How many rows the verifier reads between two looks at its {@link JobProgress}. */
    private static final int PROGRESS_EVERY = 10_000;

    /** Recomputes the whole chain; read-only. */
    public static Verification verify(Jdbi jdbi) {
        return verify(jdbi, JobProgress.NONE);
    }

    /**
     * Recomputes the whole chain, read-only, row after row without holding the trail in memory; tells
     * {@code progress} how far it is and stops with {@link org.commandroom.core.job.JobCancelled} when asked to.
     */
    public static Verification verify(Jdbi jdbi, JobProgress progress) {
        return jdbi.inTransaction(h -> verify(h, progress));
    }

    public static Verification verify(Handle h) {
        return verify(h, JobProgress.NONE);
    }

    public static Verification verify(Handle h, JobProgress progress) {
        Breaks breaks = new Breaks();
        long unchained = h.createQuery("SELECT COUNT(*) FROM audit_log WHERE seq IS NULL").mapTo(Long.class).one();
        Optional<Head> recorded = h.createQuery("SELECT seq, row_hash FROM audit_head WHERE id = 1")
                .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2))).findOne();
        long total = recorded.map(Head::seq).orElse(0L);
        long[] count = {0};
        long[] expectedSeq = {1};
        String[] previous = {GENESIS};
        progress.progress(0, total);
        // In a transaction with a fetch size, PostgreSQL's driver reads through a cursor instead of the whole trail.
        h.createQuery("SELECT " + ROW_COLUMNS + " FROM audit_log WHERE seq IS NOT NULL ORDER BY seq")
                .setFetchSize(1000)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getLong("seq"), rs.getString("prev_hash"),
                        rs.getString("row_hash"), ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "at", ctx),
                        rs.getString("actor"), rs.getString("workstation"), rs.getString("action"),
                        rs.getString("entity"), (Long) rs.getObject("entity_id", Long.class), rs.getString("detail")))
                .useStream(rows -> rows.forEach(r -> {
                    count[0]++;
                    if (count[0] % PROGRESS_EVERY == 0) {
                        progress.checkpoint();
                        progress.progress(count[0], Math.max(total, count[0]));
                    }
                    if (r.seq() != expectedSeq[0]) {
                        breaks.add(new Break(Break.Kind.MISSING, expectedSeq[0], r.seq() - 1, r.id()));
                    } else if (!previous[0].equals(r.prevHash())) {
                        breaks.add(new Break(Break.Kind.DOES_NOT_FOLLOW, r.seq(), r.seq(), r.id()));
                    }
                    String recomputed = hash(r.prevHash() == null ? "" : r.prevHash(), r.seq(), r.at(), r.actor(),
                            r.workstation(), r.action(), r.entity(), r.entityId(), r.detail());
                    if (!recomputed.equals(r.rowHash())) {
                        breaks.add(new Break(Break.Kind.CHANGED, r.seq(), r.seq(), r.id()));
                    }
                    expectedSeq[0] = r.seq() + 1;
                    previous[0] = r.rowHash();
                }));
        long last = expectedSeq[0] - 1;
        if (recorded.isEmpty()) {
            breaks.add(new Break(Break.Kind.HEAD_MISSING, -1, last, null));
        } else if (recorded.get().seq() > last) {
            breaks.add(new Break(Break.Kind.END_DELETED, recorded.get().seq(), last, null));
        } else if (recorded.get().seq() < last) {
            breaks.add(new Break(Break.Kind.HEAD_BEHIND, recorded.get().seq(), last, null));
        } else if (!recorded.get().rowHash().equals(previous[0])) {
            breaks.add(new Break(Break.Kind.HEAD_DIFFERS, last, last, null));
        }
        progress.progress(count[0], count[0]);
        return new Verification(count[0], unchained, breaks.listed, breaks.unlisted);
    }

    /** The breaks found: the first {@link #MAX_BREAKS}, and a count of the others. */
    private static final class Breaks {
        final List<Break> listed = new ArrayList<>();
        long unlisted;

        void add(Break b) {
            if (listed.size() < MAX_BREAKS) {
                listed.add(b);
            } else {
                unlisted++;
            }
        }
    }

    /**
     * Chains rows written before the chain existed (no seq), oldest first; returns how many. Run once after the
     * upgrade that added the chain; harmless when there are none.
     */
    public static int seal(Jdbi jdbi) {
        return jdbi.inTransaction(h -> {
            List<Row> rows = h.createQuery("SELECT " + ROW_COLUMNS + " FROM audit_log WHERE seq IS NULL ORDER BY id")
                    .map((rs, ctx) -> new Row(rs.getLong("id"), null, null, null,
                            ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "at", ctx),
                            rs.getString("actor"), rs.getString("workstation"), rs.getString("action"),
                            rs.getString("entity"), (Long) rs.getObject("entity_id", Long.class), rs.getString("detail")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            AuditDao dao = h.attach(AuditDao.class);
            Head head = dao.lockHead();
            long seq = head.seq();
            String prev = head.rowHash();
            for (Row r : rows) {
                seq++;
                String hash = hash(prev, seq, r.at(), r.actor(), r.workstation(), r.action(), r.entity(),
                        r.entityId(), r.detail());
                h.createUpdate("UPDATE audit_log SET seq = :seq, prev_hash = :prev, row_hash = :hash WHERE id = :id")
                        .bind("seq", seq).bind("prev", prev).bind("hash", hash).bind("id", r.id()).execute();
                prev = hash;
            }
            dao.moveHead(seq, prev);
            return rows.size();
        });
    }
}
