package org.commandroom.core.index;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The prevention index as the map colours by it: each station's (and street post's) value for a month, and each
 * police grid's station's value. Reads only (the desk's legend and the wall's map both use it). Blocking: call it
 * off the FX thread.
 */
public final class MapIndexValues {

    private MapIndexValues() {
    }

    /** The prevention index of every station and street post for a month, by station id (those without one absent). */
    public static Map<Long, Double> stations(IndexRanking ranking, YearMonth month) {
        Map<Long, Double> byStation = new HashMap<>();
        for (ScopeKind kind : List.of(ScopeKind.STATION, ScopeKind.STREET_POST)) {
            for (IndexRanking.RankRow r : ranking.rank(Period.month(month), kind, "INDEX")) {
                if (r.score() != null) {
                    byStation.put(r.scope().id(), r.score());
                }
            }
        }
        return byStation;
    }

    /** Each police grid's station's value, by grid id as text (the map's area ids); grids of a station without one absent. */
    public static Map<String, Double> gridsByStation(Jdbi jdbi, Map<Long, Double> byStation) {
        Map<String, Double> out = new HashMap<>();
        List<long[]> grids = jdbi.withHandle(h -> h.createQuery("SELECT id, station_id FROM police_grid")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
        for (long[] g : grids) {
            Double v = byStation.get(g[1]);
            if (v != null) {
                out.put(Long.toString(g[0]), v);
            }
        }
        return out;
    }
}
