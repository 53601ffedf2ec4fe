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
     * @param problems  each break found, located by seq or id; empty when the chain is intact
     */
    public record Verification(long rows, long unchained, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
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

    /** Recomputes the whole chain; read-only. */
    public static Verification verify(Jdbi jdbi) {
        return jdbi.inTransaction(AuditChain::verify);
    }

    public static Verification verify(Handle h) {
        List<String> problems = new ArrayList<>();
        long unchained = h.createQuery("SELECT COUNT(*) FROM audit_log WHERE seq IS NULL").mapTo(Long.class).one();
        long[] count = {0};
        long[] expectedSeq = {1};
        String[] previous = {GENESIS};
        h.createQuery("SELECT " + ROW_COLUMNS + " FROM audit_log WHERE seq IS NOT NULL ORDER BY seq")
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getLong("seq"), rs.getString("prev_hash"),
                        rs.getString("row_hash"), ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "at", ctx),
                        rs.getString("actor"), rs.getString("workstation"), rs.getString("action"),
                        rs.getString("entity"), (Long) rs.getObject("entity_id", Long.class), rs.getString("detail")))
                .useStream(rows -> rows.forEach(r -> {
                    count[0]++;
                    if (r.seq() != expectedSeq[0]) {
                        problems.add("rows " + expectedSeq[0] + (r.seq() - 1 > expectedSeq[0] ? "-" + (r.seq() - 1) : "")
                                + " are missing (next row present is " + r.seq() + ", id " + r.id() + ")");
                    } else if (!previous[0].equals(r.prevHash())) {
                        problems.add("row " + r.seq() + " (id " + r.id() + ") does not follow the row before it");
                    }
                    String recomputed = hash(r.prevHash() == null ? "" : r.prevHash(), r.seq(), r.at(), r.actor(),
                            r.workstation(), r.action(), r.entity(), r.entityId(), r.detail());
                    if (!recomputed.equals(r.rowHash())) {
                        problems.add("row " + r.seq() + " (id " + r.id() + ") was changed after it was written");
                    }
                    expectedSeq[0] = r.seq() + 1;
                    previous[0] = r.rowHash();
                }));
        Head head = h.createQuery("SELECT seq, row_hash FROM audit_head WHERE id = 1")
                .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2))).findOne()
                .orElse(new Head(-1, ""));
        if (head.seq() != expectedSeq[0] - 1) {
            problems.add("the chain's head is at row " + head.seq() + " but the last row present is "
                    + (expectedSeq[0] - 1) + ": rows at the end were deleted");
        } else if (!head.rowHash().equals(previous[0])) {
            problems.add("the last row " + head.seq() + " differs from the one the chain's head recorded");
        }
        return new Verification(count[0], unchained, List.copyOf(problems));
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
