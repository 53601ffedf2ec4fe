package org.commandroom.core.store;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.Handle;

/**
 * Hands out readable, unique numbers such as {@code J20261123-00042}: a prefix, the local date and a
 * counter that restarts each day. Safe across workstations: the counter row is updated in the
 * caller's transaction, so concurrent callers queue on its lock.
 */
public final class Numbering {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Clock clock;
    private final ZoneId zone;

    public Numbering(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public String next(Handle h, String prefix) {
        String day = LocalDate.now(clock.withZone(zone)).format(DAY);
        String key = prefix + day;
        int updated = h.createUpdate("UPDATE number_counter SET last_value = last_value + 1 WHERE counter_key = :k")
                .bind("k", key).execute();
        if (updated == 0) {
            boolean inTransaction = h.isInTransaction();
            if (inTransaction) {
                h.savepoint("number_counter");
            }
            try {
                h.createUpdate("INSERT INTO number_counter (counter_key, last_value) VALUES (:k, 1)").bind("k", key).execute();
            } catch (RuntimeException raced) {
                // Another workstation created the day's counter first; take the next value from it.
                // (PostgreSQL aborts the transaction on the failed insert unless we roll back to the savepoint.)
                if (inTransaction) {
                    h.rollbackToSavepoint("number_counter");
                }
                h.createUpdate("UPDATE number_counter SET last_value = last_value + 1 WHERE counter_key = :k")
                        .bind("k", key).execute();
            }
        }
        long value = h.createQuery("SELECT last_value FROM number_counter WHERE counter_key = :k")
                .bind("k", key).mapTo(Long.class).one();
        return String.format("%s%s-%05d", prefix, day, value);
    }
}
