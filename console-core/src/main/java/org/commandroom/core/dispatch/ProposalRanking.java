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
 *   <li><b>Urgent</b> (priority 1, 紧急): travel time first. Units with a fresh position by travel time to the
 *       minute, responsibility deciding within the same minute; then the grid's officer alone (his position is
 *       an office or a busy unit's); then units whose position is stale or unknown, in the same order.</li>
 * </ul>
 *
 * When the list is cut to its limit the grid's officer alone keeps the last place, so that he is always on it.
 */
final class ProposalRanking {

    static final int URGENT = 1;

    static final Comparator<UnitProposal> ROUTINE_ORDER = Comparator
            .comparing(UnitProposal::responsibility)
            .thenComparing(p -> !p.isOfficerOnly())
            .thenComparing(UnitProposal::stale)
            .thenComparing(UnitProposal::eta, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ProposalRanking::label);

    static final Comparator<UnitProposal> URGENT_ORDER = Comparator
            .comparingInt(ProposalRanking::urgentGroup)
            .thenComparing(ProposalRanking::etaMinutes, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(UnitProposal::responsibility)
            .thenComparing(UnitProposal::eta, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ProposalRanking::label);

    private ProposalRanking() {
    }

    static boolean urgent(int priority) {
        return priority <= URGENT;
    }

    /** Ranks the proposals for an incident of this priority and keeps at most {@code limit}. */
    static List<UnitProposal> rank(List<UnitProposal> proposals, int priority, int limit) {
        List<UnitProposal> out = new ArrayList<>(proposals);
        out.sort(urgent(priority) ? URGENT_ORDER : ROUTINE_ORDER);
        if (out.size() <= limit) {
            return List.copyOf(out);
        }
        List<UnitProposal> kept = new ArrayList<>(out.subList(0, limit));
        UnitProposal officer = out.stream().filter(UnitProposal::isOfficerOnly).findFirst().orElse(null);
        if (limit > 0 && officer != null && !kept.contains(officer)) {
            kept.set(limit - 1, officer);
        }
        return List.copyOf(kept);
    }

    /** Urgent: 0 a unit with a fresh position, 1 the officer alone, 2 a unit with a stale or no position. */
    private static int urgentGroup(UnitProposal p) {
        return p.isOfficerOnly() ? 1 : p.stale() ? 2 : 0;
    }

    /** Travel time in started minutes: 0:40 and 1:00 are one minute, 1:01 two. */
    private static Long etaMinutes(UnitProposal p) {
        return p.eta() == null ? null : (p.eta().getSeconds() + 59) / 60;
    }

    private static String label(UnitProposal p) {
        return p.label() == null ? "" : p.label();
    }
}
