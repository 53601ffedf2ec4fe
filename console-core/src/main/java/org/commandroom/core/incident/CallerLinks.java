package org.commandroom.core.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * 一人多警: each incident's link to its caller's previous call ({@code incident.caller_prior_id} and
 * {@code caller_prior_at}, migration V7). The previous call is the most recent earlier incident with the same
 * caller number, earlier in (received_at, id) order; a call without a number has none.
 *
 * <p>The link is derived data kept on insert, in the inserting transaction, by every path that stores incidents:
 * {@link IncidentDao#insert} (through {@link IncidentService#record(org.jdbi.v3.core.Handle, Incident)}: intake, bulk
 * intake, the demo simulator) and the demo generator's bulk writer compute it in the INSERT ({@link #NEW_PRIOR_ID}),
 * then {@link #relinkLater} fixes the same number's later calls when a call came in out of time order (an import
 * of old calls). Code that writes incidents with plain SQL must call {@link #link} after; {@link #relinkAll}
 * repairs a whole table.
 *
 * <p>The prevention index's repeat-caller indicators read {@code caller_prior_at}: a call can only be a repeat within
 * N days when its caller's previous call is within N days, so the exact test of the indicator's definition runs only
 * for those few calls (docs/INDEX.md).
 */
public final class CallerLinks {

    /** The previous call of the row being updated (unaliased {@code incident}): its id and time, or nothing. */
    static final String PREVIOUS_CALL = "(SELECT p.id, p.received_at FROM incident p WHERE p.caller_number = incident.caller_number"
            + " AND p.received_at <= incident.received_at AND (p.received_at < incident.received_at OR p.id < incident.id)"
            + " ORDER BY p.received_at DESC, p.id DESC FETCH FIRST 1 ROW ONLY)";

    /**
     * The previous call of an incident being inserted with the binds {@code :caller} and {@code :receivedAt}: the new
     * row's id is larger than every stored one, so every stored call of the number received at or before it is earlier.
     * For the INSERT's {@code caller_prior_id}; {@link #NEW_PRIOR_AT} for its {@code caller_prior_at}. Then
     * {@link #relinkLater} for the calls it may have come before.
     */
    public static final String NEW_PRIOR_ID = "(SELECT p.id FROM incident p WHERE p.caller_number = :caller AND p.received_at <= :receivedAt"
            + " ORDER BY p.received_at DESC, p.id DESC FETCH FIRST 1 ROW ONLY)";

    /** The time of the previous call of an incident being inserted (see {@link #NEW_PRIOR_ID}). */
    public static final String NEW_PRIOR_AT = "(SELECT p.received_at FROM incident p WHERE p.caller_number = :caller"
            + " AND p.received_at <= :receivedAt ORDER BY p.received_at DESC, p.id DESC FETCH FIRST 1 ROW ONLY)";

    /** Ids per statement (the IN list). */
    private static final int CHUNK = 1000;

    private CallerLinks() {
    }

    /**
     * Links newly stored incidents to their callers' previous calls, and relinks the later calls of the same numbers
     * (which only change when a call was stored out of time order). Returns the rows written.
     *
     * <p>One look-up of the new calls' numbers with their earliest time, then one batched statement per number that
     * relinks that number's calls from that time on, through the (caller_number, received_at) index. (A single
     * statement with {@code caller_number IN (SELECT ...)} is what PostgreSQL would like, but H2 re-runs the subquery
     * for every row of the table.)
     */
    public static int link(Handle h, Collection<Long> newIncidentIds) {
        return relink(h, earliest(h, newIncidentIds, "SELECT caller_number, MIN(received_at) AS t FROM incident WHERE id IN (<ids>) "
                + "AND caller_number IS NOT NULL GROUP BY caller_number"));
    }

    /**
     * After incidents were inserted with their own link ({@link #NEW_PRIOR_ID}): relinks the numbers of those that came
     * in out of time order, i.e. that have a call stored before them but received after them (an import of old calls).
     * For calls recorded in time order this is one look-up that finds nothing. Returns the rows written.
     */
    public static int relinkLater(Handle h, Collection<Long> newIncidentIds) {
        return relink(h, earliest(h, newIncidentIds, "SELECT n.caller_number, MIN(n.received_at) AS t FROM incident n WHERE n.id IN (<ids>) "
                + "AND n.caller_number IS NOT NULL AND EXISTS (SELECT 1 FROM incident l WHERE l.caller_number = n.caller_number "
                + "AND l.received_at > n.received_at AND l.id < n.id) GROUP BY n.caller_number"));
    }

    /** Number → earliest time, from a query over the given ids (bound as the list {@code ids}). */
    private static Map<String, Instant> earliest(Handle h, Collection<Long> newIncidentIds, String sql) {
        List<Long> ids = new ArrayList<>(newIncidentIds);
        Map<String, Instant> earliest = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            h.createQuery(sql).bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString("caller_number"), Rows.instant(rs, "t")))
                    .forEach(e -> earliest.merge(e.getKey(), e.getValue(), (a, b) -> a.isBefore(b) ? a : b));
        }
        return earliest;
    }

    /** Relinks each number's calls from its time on. */
    private static int relink(Handle h, Map<String, Instant> earliest) {
        if (earliest.isEmpty()) {
            return 0;
        }
        PreparedBatch batch = h.prepareBatch("UPDATE incident SET (caller_prior_id, caller_prior_at) = " + PREVIOUS_CALL
                + " WHERE caller_number = :caller AND received_at >= :from");
        earliest.forEach((caller, t) -> batch.bind("caller", caller).bind("from", t).add());
        return IntStream.of(batch.execute()).sum();
    }

    /** Links one newly stored incident (see {@link #link(Handle, Collection)}). */
    public static int link(Handle h, long newIncidentId) {
        return link(h, List.of(newIncidentId));
    }

    /**
     * Recomputes every incident's link and writes the ones that differ: a repair after incidents were written by plain
     * SQL, and how the demo generator links the million calls it wrote in bulk (one pass, instead of a look-up in
     * every INSERT). Reads every call with a number once, in (caller_number, received_at, id) order, and works out
     * each call's predecessor as it goes; then updates only the rows whose stored link is not that one. Returns the
     * rows written.
     */
    public static int relinkAll(Handle h) {
        int cleared = h.createUpdate("UPDATE incident SET caller_prior_id = NULL, caller_prior_at = NULL WHERE caller_number IS NULL "
                + "AND caller_prior_id IS NOT NULL").execute();
        List<Object[]> changes = new ArrayList<>();
        String[] number = {null};
        Long[] priorId = {null};
        Instant[] priorAt = {null};
        h.createQuery("SELECT id, caller_number, received_at, caller_prior_id, caller_prior_at FROM incident "
                        + "WHERE caller_number IS NOT NULL ORDER BY caller_number, received_at, id")
                .setFetchSize(10_000)
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    String caller = rs.getString("caller_number");
                    Instant at = Rows.instant(rs, "received_at");
                    Long storedId = rs.getObject("caller_prior_id") == null ? null : rs.getLong("caller_prior_id");
                    Instant storedAt = Rows.instant(rs, "caller_prior_at");
                    if (!caller.equals(number[0])) {
                        number[0] = caller;
                        priorId[0] = null;
                        priorAt[0] = null;
                    }
                    if (!java.util.Objects.equals(storedId, priorId[0]) || !java.util.Objects.equals(storedAt, priorAt[0])) {
                        changes.add(new Object[] {id, priorId[0], priorAt[0]});
                    }
                    priorId[0] = id;
                    priorAt[0] = at;
                    return id;
                })
                .forEach(id -> { });
        int written = 0;
        for (int from = 0; from < changes.size(); from += CHUNK) {
            PreparedBatch batch = h.prepareBatch("UPDATE incident SET caller_prior_id = :p, caller_prior_at = :a WHERE id = :id");
            for (Object[] c : changes.subList(from, Math.min(changes.size(), from + CHUNK))) {
                batch.bind("id", (Long) c[0]).bindByType("p", c[1], Long.class).bindByType("a", c[2], Instant.class).add();
            }
            written += IntStream.of(batch.execute()).sum();
        }
        return cleared + written;
    }
}
