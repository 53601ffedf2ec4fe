package org.commandroom.core.dispatch.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.commandroom.core.dispatch.OrderDao;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds orders whose sign-for or feedback deadline ({@code DeadlinePolicy}: 5 or 30 min, 3/6/9/24 h) has passed,
 * is within {@code horizon}, or has reached its early warning (two thirds of its window gone, {@link
 * EscalationEntry#warnAt}), and records each missed deadline once: an {@code order_escalation} row and an
 * ESCALATED event on the order's trail, in one transaction. The row's primary key (order, kind) makes that
 * once across every workstation scanning the same database: a second insert fails and is skipped.
 * Time comes from the caller ({@link #scan(Instant)}), so tests run it on a fixed clock.
 */
public final class EscalationService {

    private static final Logger LOG = LoggerFactory.getLogger(EscalationService.class);

    /** The actor of ESCALATED events: the console itself, not a person. */
    public static final String ACTOR = "SYSTEM";

    /** Deadlines this close are listed before they are missed. */
    public static final Duration DEFAULT_HORIZON = Duration.ofMinutes(30);

    private static final Comparator<EscalationEntry> SOONEST_FIRST = Comparator
            .comparing(EscalationEntry::deadline)
            .thenComparingLong(e -> e.order().id())
            .thenComparing(EscalationEntry::kind);

    private final Jdbi jdbi;
    private final ChangeRecorder changes;
    private final Duration horizon;

    public EscalationService(Jdbi jdbi, ChangeRecorder changes, Duration horizon) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.horizon = horizon;
    }

    public EscalationService(Jdbi jdbi, ChangeRecorder changes) {
        this(jdbi, changes, DEFAULT_HORIZON);
    }

    public Duration horizon() {
        return horizon;
    }

    /** Looks at every order with a running deadline at {@code now}; records what became overdue. */
    public EscalationScan scan(Instant now) {
        List<OrderBoardEntry> running = jdbi.withHandle(h ->
                OrderFollowUp.enrich(h, h.attach(FollowUpDao.class).running()));
        List<EscalationEntry> entries = new ArrayList<>();
        List<EscalationEntry> recorded = new ArrayList<>();
        for (OrderBoardEntry o : running) {
            for (EscalationKind k : EscalationKind.values()) {
                Instant deadline = o.pendingDeadline(k);
                if (deadline == null) {
                    continue;
                }
                Instant warnAt = EscalationEntry.warnAt(o.issuedAt(), deadline);
                boolean close = !deadline.isAfter(now.plus(horizon));
                boolean warned = warnAt != null && !now.isBefore(warnAt);
                if (!close && !warned) {
                    continue;
                }
                boolean escalated = o.escalated().contains(k);
                if (!escalated && now.isAfter(deadline)) {
                    if (record(o, k, deadline, now)) {
                        recorded.add(new EscalationEntry(o, k, deadline, warnAt, true));
                    }
                    escalated = true;
                }
                entries.add(new EscalationEntry(o, k, deadline, warnAt, escalated));
            }
        }
        entries.sort(SOONEST_FIRST);
        recorded.sort(SOONEST_FIRST);
        return new EscalationScan(now, entries, recorded);
    }

    /**
     * Records one missed deadline. Returns true when this call recorded it, false when another
     * workstation had recorded it already (then nothing is written a second time).
     */
    private boolean record(OrderBoardEntry o, EscalationKind k, Instant deadline, Instant now) {
        try {
            return jdbi.inTransaction(h -> {
                FollowUpDao dao = h.attach(FollowUpDao.class);
                if (dao.escalationCount(o.id(), k) > 0) {
                    return false;
                }
                dao.insertEscalation(o.id(), k, deadline, now, changes.origin());
                h.attach(OrderDao.class).appendEvent(o.id(), now, ACTOR, OrderEventType.ESCALATED,
                        k.eventCode() + " " + deadline);
                changes.record(h, Entity.ORDER, o.id(), ChangeOp.UPDATE);
                LOG.info("Order {} escalated: {} deadline {} missed", o.orderNo(), k, deadline);
                return true;
            });
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                LOG.debug("Order {} {} escalated concurrently by another workstation", o.orderNo(), k);
                return false;
            }
            throw e;
        }
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
