package org.commandroom.core.dispatch.escalation;

import java.time.Instant;
import java.util.List;

/**
 * The result of one look at the open orders.
 *
 * @param at              the clock's time of the scan
 * @param entries         overdue, nearly due or warned deadlines, soonest (most overdue) first
 * @param newlyEscalated  the deadlines this scan recorded as missed (another workstation may have
 *                        recorded others; those appear in {@code entries} with escalated = true)
 */
public record EscalationScan(Instant at, List<EscalationEntry> entries, List<EscalationEntry> newlyEscalated) {

    public EscalationScan {
        entries = List.copyOf(entries);
        newlyEscalated = List.copyOf(newlyEscalated);
    }

    public long overdueCount() {
        return entries.stream().filter(e -> e.overdueAt(at)).count();
    }

    /** Deadlines at their early warning, not yet missed. */
    public long warningCount() {
        return entries.stream().filter(e -> e.state(at) == EscalationEntry.State.WARNING).count();
    }
}
