package org.commandroom.core.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Horizontal and vertical comparison (横向、纵向比较): stations ranked within their peer group and overall,
 * each with its change against the previous period and the same period last year. Posts are ranked
 * among posts. Peer groups follow the definition: the station's own peer_group column, or quantile
 * groups of 110 volume, resident population and area (Haidian: 4 groups).
 */
public final class IndexRanking {

    /**
     * One row of the ranking. Changes are in index points (score minus the earlier score); null when either is missing.
     */
    public record RankRow(Scope scope, String code, String name, PeerGroup peerGroup, Double score, int rankInGroup,
                          int groupSize, int rankOverall, Double previous, Double changeOnPrevious, Double lastYear,
                          Double changeOnLastYear) {
    }

    private final Jdbi jdbi;
    private final IndexDefinitions definitions;

    public IndexRanking(Jdbi jdbi, IndexDefinitions definitions) {
        this.jdbi = jdbi;
        this.definitions = definitions;
    }

    /**
     * Ranks the stations (or posts) by a part of the stored scores: "INDEX" or a capability code.
     */
    public List<RankRow> rank(Period period, ScopeKind kind, String part) {
        if (kind == ScopeKind.BUREAU) {
            throw new IllegalArgumentException("the bureau is not ranked; rank STATION or STREET_POST");
        }
        return jdbi.withHandle(h -> {
            List<StationFacts> stations = StationFacts.load(h).stream().filter(s -> s.scopeKind() == kind).toList();
            Map<Long, PeerGroup> groups = peerGroups(h, stations, period);
            Map<Long, Map<String, Double>> now = IndexStore.scores(h, Set.of(kind), period);
            Map<Long, Map<String, Double>> prev = IndexStore.scores(h, Set.of(kind), period.previous());
            Map<Long, Map<String, Double>> ly = IndexStore.scores(h, Set.of(kind), period.sameLastYear());
            Comparator<StationFacts> byScore = Comparator.comparing(
                    (StationFacts s) -> now.getOrDefault(s.id(), Map.of()).get(part), Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(StationFacts::code);
            List<StationFacts> sorted = new ArrayList<>(stations);
            sorted.sort(byScore);
            Map<Long, Integer> overall = ranks(sorted, now, part);
            Map<PeerGroup, List<StationFacts>> byGroup = new LinkedHashMap<>();
            for (StationFacts s : sorted) {
                byGroup.computeIfAbsent(groups.get(s.id()), g -> new ArrayList<>()).add(s);
            }
            List<RankRow> out = new ArrayList<>();
            for (StationFacts s : sorted) {
                List<StationFacts> group = byGroup.get(groups.get(s.id()));
                int inGroup = ranks(group, now, part).get(s.id());
                Double score = now.getOrDefault(s.id(), Map.of()).get(part);
                Double p = prev.getOrDefault(s.id(), Map.of()).get(part);
                Double l = ly.getOrDefault(s.id(), Map.of()).get(part);
                out.add(new RankRow(Scope.of(s), s.code(), s.name(), groups.get(s.id()), score, inGroup, group.size(),
                        overall.get(s.id()), p, diff(score, p), l, diff(score, l)));
            }
            return out;
        });
    }

    /** Peer group of each station of a kind for a period, by the definition's grouping rule. */
    public Map<Long, PeerGroup> peerGroups(Period period, ScopeKind kind) {
        return jdbi.withHandle(h -> peerGroups(h, StationFacts.load(h).stream().filter(s -> s.scopeKind() == kind).toList(), period));
    }

    private Map<Long, PeerGroup> peerGroups(Handle h, List<StationFacts> stations, Period period) {
        IndexDefinition.PeerGrouping rule = definitions.current().peerGrouping();
        Map<Long, PeerGroup> out = new HashMap<>();
        if (rule.method() == IndexDefinition.PeerGrouping.Method.STATION_COLUMN) {
            stations.forEach(s -> out.put(s.id(), PeerGroup.named(s.peerGroup())));
            return out;
        }
        Map<Long, Long> volume = new HashMap<>();
        if (rule.metrics().contains(IndexDefinition.PeerGrouping.Metric.INCIDENTS)) {
            h.createQuery("SELECT station_id, COUNT(*) FROM incident WHERE station_id IS NOT NULL AND received_at >= :f "
                            + "AND received_at < :t GROUP BY station_id")
                    .bind("f", period.startsAt()).bind("t", period.endsAt())
                    .map((rs, ctx) -> volume.put(rs.getLong(1), rs.getLong(2))).list();
        }
        // each metric becomes a rank from 0 (smallest) to 1 (largest); the composite is their mean
        Map<Long, Double> composite = new HashMap<>();
        stations.forEach(s -> composite.put(s.id(), 0.0));
        for (IndexDefinition.PeerGrouping.Metric m : rule.metrics()) {
            List<StationFacts> order = new ArrayList<>(stations);
            order.sort(Comparator.comparingDouble((StationFacts s) -> switch (m) {
                case INCIDENTS -> volume.getOrDefault(s.id(), 0L);
                case POPULATION -> s.population();
                case AREA -> s.areaKm2();
            }).thenComparing(StationFacts::code));
            for (int i = 0; i < order.size(); i++) {
                double r = order.size() == 1 ? 0 : i / (double) (order.size() - 1);
                composite.merge(order.get(i).id(), r / rule.metrics().size(), Double::sum);
            }
        }
        List<StationFacts> order = new ArrayList<>(stations);
        order.sort(Comparator.comparingDouble((StationFacts s) -> -composite.get(s.id())).thenComparing(StationFacts::code));
        int groups = Math.max(1, Math.min(rule.groups(), order.size()));
        for (int i = 0; i < order.size(); i++) {
            int g = i * groups / order.size() + 1;
            out.put(order.get(i).id(), PeerGroup.quantile(g));
        }
        return out;
    }

    /** Competition ranking (1, 2, 2, 4) of a list already sorted by score; stations without a score rank last. */
    private static Map<Long, Integer> ranks(List<StationFacts> sorted, Map<Long, Map<String, Double>> scores, String part) {
        Map<Long, Integer> out = new HashMap<>();
        Double last = null;
        int lastRank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Double s = scores.getOrDefault(sorted.get(i).id(), Map.of()).get(part);
            int rank = (i > 0 && s != null && s.equals(last)) ? lastRank : i + 1;
            out.put(sorted.get(i).id(), rank);
            last = s;
            lastRank = rank;
        }
        return out;
    }

    private static Double diff(Double a, Double b) {
        return a == null || b == null ? null : Scorer.round(a - b);
    }
}
