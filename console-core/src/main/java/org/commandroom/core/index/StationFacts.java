package org.commandroom.core.index;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the index needs to know about a station or street post: its bureau, kind, resident population
 * and area (denominators and peer groups) and how many police grids it has.
 */
public record StationFacts(long id, long bureauId, String code, String name, ScopeKind scopeKind, int population,
                           double areaKm2, String peerGroup, int policeGrids) {

    public static List<StationFacts> load(Handle h) {
        return h.createQuery("SELECT s.id, s.bureau_id, s.code, s.name, s.kind, s.resident_population, s.area_km2, s.peer_group, "
                        + "(SELECT COUNT(*) FROM police_grid g WHERE g.station_id = s.id) AS grids FROM station s ORDER BY s.code")
                .map((rs, ctx) -> new StationFacts(rs.getLong("id"), rs.getLong("bureau_id"), rs.getString("code"),
                        rs.getString("name"), "POST".equals(rs.getString("kind")) ? ScopeKind.STREET_POST : ScopeKind.STATION,
                        rs.getInt("resident_population"), rs.getDouble("area_km2"), rs.getString("peer_group"), rs.getInt("grids")))
                .list();
    }
}
