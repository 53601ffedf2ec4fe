package org.commandroom.core.dispatch.push;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to publish the push outbox, held by one workstation per database at a time (table
 * {@code push_publisher_lease}, migration V22). {@link #tryHold()} takes the lease when it is free or expired and
 * renews it when this workstation holds it; the holder calls it every {@code ttl / 3}. A workstation that dies stops
 * renewing and the lease expires after {@code ttl}; the next one to try takes it over. Times come from the
 * database's clock, so workstations' clocks do not matter; taking over is a compare-and-set on the lease's epoch.
 *
 * <p>{@link #held()} is this workstation's own view, on its monotonic clock: true until the last successful renewal
 * plus the ttl less a margin, so it stops believing it holds the lease before any other workstation can take it
 * (unless the database's clock jumps).
 */
public final class PublisherLease {

    private static final Logger LOG = LoggerFactory.getLogger(PublisherLease.class);
    private static final String NAME = "outbox";

    /** The lease as stored. */
    public record Holder(String holder, long epoch, Instant expiresAt) {
    }

    private final Jdbi jdbi;
    private final String me;
    private final Duration ttl;
    private final Object lock = new Object();
    private long myEpoch = -1;
    private long validUntilNanos;
    private boolean wasHeld;

    /**
     * @param me  this workstation, unique among those sharing the database (the MQTT client id serves)
     * @param ttl how long the lease lasts without a renewal; a take-over happens within about ttl of a death
     */
    public PublisherLease(Jdbi jdbi, String me, Duration ttl) {
        this.jdbi = jdbi;
        this.me = me;
        this.ttl = ttl;
    }

    /** 10 s: a dead workstation's orders wait at most about 10 s for another to send them. */
    public PublisherLease(Jdbi jdbi, String me) {
        this(jdbi, me, Duration.ofSeconds(10));
    }

    public String me() {
        return me;
    }

    public Duration ttl() {
        return ttl;
    }

    /** How often the holder should call {@link #tryHold()}. */
    public Duration renewEvery() {
        return ttl.dividedBy(3);
    }

    /**
     * Takes or renews the lease; returns whether this workstation holds it now. A database error is logged and
     * counts as not held (the local validity runs out on its own).
     */
    public boolean tryHold() {
        long started = System.nanoTime();
        boolean ok;
        try {
            ok = jdbi.inTransaction(this::tryHold);
        } catch (RuntimeException e) {
            LOG.debug("Publisher lease not renewed: {}", e.toString());
            ok = false;
        }
        synchronized (lock) {
            if (ok) {
                // Counted from before the statement: the database's expiry is at least this late.
                validUntilNanos = started + ttl.toNanos() - ttl.toNanos() / 5;
            }
            boolean now = held();
            if (now != wasHeld) {
                if (now) {
                    LOG.info("This workstation ({}) now publishes the push outbox (lease epoch {})", me, myEpoch);
                } else {
                    LOG.warn("This workstation ({}) no longer holds the push publisher lease; another sends the orders", me);
                }
                wasHeld = now;
            }
            return now;
        }
    }

    private boolean tryHold(Handle h) {
        long now = h.createQuery("SELECT CURRENT_TIMESTAMP").mapTo(Instant.class).one().toEpochMilli();
        Holder current = current(h).orElseThrow(() -> new IllegalStateException("push_publisher_lease has no outbox row"));
        long expires = now + ttl.toMillis();
        long mine;
        synchronized (lock) {
            mine = myEpoch;
        }
        if (me.equals(current.holder()) && current.epoch() == mine) {
            return h.createUpdate("UPDATE push_publisher_lease SET expires_at = :exp WHERE name = :n AND holder = :me "
                            + "AND epoch = :epoch")
                    .bind("exp", expires).bind("n", NAME).bind("me", me).bind("epoch", mine).execute() == 1;
        }
        // Held by an earlier run of this same workstation (killed before it could release): take it back at once.
        boolean free = current.holder() == null || me.equals(current.holder()) || current.expiresAt().toEpochMilli() <= now;
        if (!free) {
            return false;
        }
        long next = current.epoch() + 1;
        boolean won = h.createUpdate("UPDATE push_publisher_lease SET holder = :me, epoch = :next, expires_at = :exp, "
                        + "acquired_at = :now WHERE name = :n AND epoch = :seen")
                .bind("me", me).bind("next", next).bind("exp", expires).bind("now", now).bind("n", NAME)
                .bind("seen", current.epoch()).execute() == 1;
        if (won) {
            synchronized (lock) {
                myEpoch = next;
            }
        }
        return won;
    }

    /** Whether this workstation may publish now (its own view; see the class comment). */
    public boolean held() {
        synchronized (lock) {
            return myEpoch >= 0 && validUntilNanos - System.nanoTime() > 0;
        }
    }

    /** Gives the lease up at once (a clean shutdown), so another workstation need not wait for it to expire. */
    public void release() {
        long mine;
        synchronized (lock) {
            mine = myEpoch;
            myEpoch = -1;
            validUntilNanos = System.nanoTime();
            wasHeld = false;
        }
        if (mine < 0) {
            return;
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("UPDATE push_publisher_lease SET expires_at = 0 WHERE name = :n "
                    + "AND holder = :me AND epoch = :epoch").bind("n", NAME).bind("me", me).bind("epoch", mine).execute());
            LOG.info("This workstation ({}) released the push publisher lease", me);
        } catch (RuntimeException e) {
            LOG.debug("Publisher lease not released (it expires on its own): {}", e.toString());
        }
    }

    /** Who holds the lease, as stored. */
    public Optional<Holder> current() {
        return jdbi.withHandle(PublisherLease::current);
    }

    private static Optional<Holder> current(Handle h) {
        return h.createQuery("SELECT holder, epoch, expires_at FROM push_publisher_lease WHERE name = :n")
                .bind("n", NAME)
                .map((rs, ctx) -> new Holder(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))))
                .findOne();
    }
}
