package org.commandroom.core.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order proposals are shown in, which depends on the incident's priority.
 *
 * <ul>
 *   <li><b>Routine</b> (priority 2 and 3): responsibility first — the grid's officer (alone before a unit he
 *       crews), the station's units, the others — then fresh positions before stale ones, then travel time, then
 *       call sign.</li>
 *   <li><b>Urgent</b> (priority 1, 紧急): the nearest patrol unit by travel time comes first — the unit with a
 *       fresh position and the shortest travel time to the minute, the station's own unit winning within the same
 *       minute — and the routine order after it, so the grid's officer stays second. Without a fresh position on
 *       any unit the routine order stands.</li>
 * </ul>
 */
final class ProposalRanking {

    static final int URGENT = 1;

    static final Comparator<UnitProposal> ROUTINE_ORDER = Comparator
            .comparing(UnitProposal::responsibility)
            .thenComparing(p -> !p.isOfficerOnly())
            .thenComparing(UnitProposal::stale)
            .thenComparing(UnitProposal::eta, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ProposalRanking::label);

    /** Among units with a fresh position and a travel time: by started minute, then responsibility, then exactly. */
    static final Comparator<UnitProposal> NEAREST_FIRST = Comparator
            .comparing(ProposalRanking::etaMinutes)
            .thenComparing(UnitProposal::responsibility)
            .thenComparing(UnitProposal::eta)
            .thenComparing(ProposalRanking::label);

    private ProposalRanking() {
    }

    static boolean urgent(int priority) {
        return priority <= URGENT;
    }

    /** Ranks the proposals for an incident of this priority and keeps at most {@code limit}. */
    static List<UnitProposal> rank(List<UnitProposal> proposals, int priority, int limit) {
        List<UnitProposal> out = new ArrayList<>(proposals);
        out.sort(ROUTINE_ORDER);
        if (urgent(priority)) {
            proposals.stream().filter(p -> !p.isOfficerOnly() && !p.stale() && p.eta() != null).min(NEAREST_FIRST)
                    .ifPresent(nearest -> {
                        out.remove(nearest);
                        out.add(0, nearest);
                    });
        }
        return List.copyOf(out.size() <= limit ? out : out.subList(0, limit));
    }

    /** Travel time in started minutes: 0:40 and 1:00 are one minute, 1:01 two. */
    private static long etaMinutes(UnitProposal p) {
        return (p.eta().getSeconds() + 59) / 60;
    }

    private static String label(UnitProposal p) {
        return p.label() == null ? "" : p.label();
    }
}
