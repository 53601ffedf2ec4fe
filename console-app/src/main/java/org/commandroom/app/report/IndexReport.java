package org.commandroom.app.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commandroom.app.IndexModule;
import org.commandroom.core.index.CapabilityDef;
import org.commandroom.core.index.IndexDefinition;
import org.commandroom.core.index.IndexRanking;
import org.commandroom.core.index.IndexTrend;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.ReminderService;
import org.commandroom.core.index.Scope;
import org.commandroom.core.index.ScopeResult;
import org.commandroom.core.index.StationFacts;

/**
 * What the printed report of one station and period holds, read at once: the stored index with its
 * capabilities and indicators, the station's ranking row for the index and for each capability (rank in
 * its peer group and overall, change on the previous period and the same period last year), the reminder
 * notices of the period, and the index's twelve-month trend. Blocking: read it on the I/O executor.
 *
 * @param rank             the station's row in the index ranking; null if the station is not ranked
 * @param capabilityRanks  capability code → the station's row in that capability's ranking
 */
public record IndexReport(StationFacts station, Period period, Instant generatedAt, String generatedBy, IndexDefinition definition,
                          ScopeResult result, IndexRanking.RankRow rank, Map<String, IndexRanking.RankRow> capabilityRanks,
                          List<ReminderService.Listed> notices, IndexTrend.Trend trend) {

    /** Reads everything the report of a station and period shows; the period must have been computed. */
    public static IndexReport load(IndexModule module, StationFacts station, Period period, Clock clock, String generatedBy) {
        ScopeResult result = module.trace().result(Scope.of(station), period)
                .orElseThrow(() -> new IllegalStateException("no stored index for " + station.name() + " in " + period
                        + ": compute the period first"));
        IndexDefinition def = module.definitions().current();
        IndexRanking.RankRow rank = row(module.ranking().rank(period, station.scopeKind(), "INDEX"), station);
        Map<String, IndexRanking.RankRow> caps = new LinkedHashMap<>();
        for (CapabilityDef c : def.capabilities()) {
            caps.put(c.code(), row(module.ranking().rank(period, station.scopeKind(), c.code()), station));
        }
        List<ReminderService.Listed> notices = new ArrayList<>();
        for (ReminderService.Listed n : module.reminders().notices(station.id(), 500)) {
            // the notices about this period, and those sent during it (a month's review runs early the next month)
            boolean about = !n.period().start().isBefore(period.start()) && n.period().start().isBefore(period.endExclusive());
            if (about || period.contains(n.createdAt())) {
                notices.add(n);
            }
        }
        YearMonth now = YearMonth.from(LocalDate.ofInstant(clock.instant(), Period.ZONE));
        YearMonth last = YearMonth.from(period.endExclusive().minusMonths(1));
        YearMonth end = last.isAfter(now) ? now : last;
        IndexTrend.Trend trend = module.trend().trend(station.id(), end, "INDEX");
        return new IndexReport(station, period, clock.instant(), generatedBy, def, result, rank, caps, notices, trend);
    }

    private static IndexRanking.RankRow row(List<IndexRanking.RankRow> rows, StationFacts s) {
        return rows.stream().filter(r -> r.scope().id() == s.id()).findFirst().orElse(null);
    }
}
