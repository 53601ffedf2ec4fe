package org.commandroom.core.field.receiver;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.Jdbi;

/**
 * Which unit each receiver belongs to ({@code field_receiver}, migration V19). Changing the mapping is set-up work:
 * it needs {@link Permission#SETUP} (an administrator, or the command line with the database's credentials).
 */
public final class ReceiverMappings {

    /** One mapping row. */
    public record Mapping(long id, ReceiverKind kind, String key, long unitId, String callSign, String note,
                          Instant assignedAt, String assignedBy) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final AccessGuard guard;

    public ReceiverMappings(Jdbi jdbi, Clock clock, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** Every mapping, by kind and key. */
    public List<Mapping> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.id, r.kind, r.receiver_key, r.unit_id, u.call_sign, r.note, "
                        + "r.assigned_at, r.assigned_by FROM field_receiver r JOIN patrol_unit u ON u.id = r.unit_id "
                        + "ORDER BY r.kind, r.receiver_key")
                .map((rs, ctx) -> new Mapping(rs.getLong("id"), ReceiverKind.valueOf(rs.getString("kind")),
                        rs.getString("receiver_key"), rs.getLong("unit_id"), rs.getString("call_sign"),
                        rs.getString("note"), Rows.instant(rs, "assigned_at"), rs.getString("assigned_by")))
                .list());
    }

    /** The lookup the receivers use: (kind, key) → unit id. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new HashMap<>();
        for (Mapping m : all()) {
            out.put(lookupKey(m.kind(), m.key()), m.unitId());
        }
        return out;
    }

    static String lookupKey(ReceiverKind kind, String key) {
        return kind.name() + " " + key;
    }

    /**
     * Maps the receiver to the unit with this call sign, replacing an earlier mapping of the same receiver.
     *
     * @return the unit's id
     * @throws IllegalArgumentException when no unit has the call sign or the key is blank or too long
     */
    public long assign(ReceiverKind kind, String key, String callSign, String note, String actor) {
        Objects.requireNonNull(kind, "kind");
        guard.require(Permission.SETUP, "RECEIVER_ASSIGN", "RECEIVER", null);
        String k = normaliseKey(key);
        return jdbi.inTransaction(h -> {
            Optional<Long> unit = h.createQuery("SELECT id FROM patrol_unit WHERE call_sign = :cs")
                    .bind("cs", callSign).mapTo(Long.class).findOne();
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("no unit with call sign " + callSign);
            }
            int n = h.createUpdate("UPDATE field_receiver SET unit_id = :unit, note = :note, assigned_at = :at, "
                            + "assigned_by = :by WHERE kind = :kind AND receiver_key = :key")
                    .bind("unit", unit.get()).bind("note", note).bind("at", clock.instant()).bind("by", actor)
                    .bind("kind", kind.name()).bind("key", k).execute();
            if (n == 0) {
                h.createUpdate("INSERT INTO field_receiver (kind, receiver_key, unit_id, note, assigned_at, assigned_by) "
                                + "VALUES (:kind, :key, :unit, :note, :at, :by)")
                        .bind("kind", kind.name()).bind("key", k).bind("unit", unit.get()).bind("note", note)
                        .bind("at", clock.instant()).bind("by", actor).execute();
            }
            guard.audit(h, clock.instant(), actor, "RECEIVER_ASSIGN", "RECEIVER", null,
                    kind + " " + k + " -> " + callSign);
            return unit.get();
        });
    }

    /** Removes the receiver's mapping; its fixes are then dropped (logged once). Returns whether one was removed. */
    public boolean remove(ReceiverKind kind, String key, String actor) {
        guard.require(Permission.SETUP, "RECEIVER_REMOVE", "RECEIVER", null);
        String k = normaliseKey(key);
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM field_receiver WHERE kind = :kind AND receiver_key = :key")
                    .bind("kind", kind.name()).bind("key", k).execute();
            if (n > 0) {
                guard.audit(h, clock.instant(), actor, "RECEIVER_REMOVE", "RECEIVER", null, kind + " " + k);
            }
            return n > 0;
        });
    }

    static String normaliseKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a receiver key is needed");
        }
        String k = key.strip();
        if (k.length() > 255) {
            throw new IllegalArgumentException("receiver key longer than 255 characters");
        }
        return k;
    }
}
