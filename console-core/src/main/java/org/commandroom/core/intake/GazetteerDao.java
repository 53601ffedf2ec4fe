package org.commandroom.core.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the gazetteer is built from: named points, areas (for their interior points) and addresses seen. */
public interface GazetteerDao {

    @SqlQuery("SELECT 'KEY_PLACE' AS kind, name, lat, lon, datum, station_id, 0 AS uses FROM key_place "
            + "UNION ALL SELECT 'POLICE_OFFICE', name, lat, lon, datum, station_id, 0 FROM police_office "
            + "UNION ALL SELECT 'DEPLOYMENT_POINT', name, lat, lon, datum, station_id, 0 FROM deployment_point")
    @RegisterRowMapper(PlaceMapper.class)
    List<Place> namedPoints();

    /** Every address given in a call with a position, at the mean of its positions, with how often it was given. */
    @SqlQuery("SELECT 'INCIDENT_ADDRESS' AS kind, address AS name, AVG(lat) AS lat, AVG(lon) AS lon, datum, "
            + "MIN(station_id) AS station_id, COUNT(*) AS uses FROM incident WHERE lat IS NOT NULL AND lon IS NOT NULL "
            + "GROUP BY address, datum")
    @RegisterRowMapper(PlaceMapper.class)
    List<Place> incidentAddresses();

    /** The addresses of the given incidents (new calls to add to a loaded gazetteer). */
    @SqlQuery("SELECT 'INCIDENT_ADDRESS' AS kind, address AS name, lat, lon, datum, station_id, 1 AS uses FROM incident "
            + "WHERE id IN (<ids>) AND lat IS NOT NULL AND lon IS NOT NULL")
    @RegisterRowMapper(PlaceMapper.class)
    List<Place> addressesOf(@BindList("ids") Collection<Long> incidentIds);

    /** Communities (kind COMMUNITY) and streets (kind STREET) with their boundary, to place them at an interior point. */
    @SqlQuery("SELECT 'COMMUNITY' AS kind, name, boundary_wkt, datum FROM community "
            + "UNION ALL SELECT 'STREET', name, boundary_wkt, datum FROM street")
    @RegisterRowMapper(AreaMapper.class)
    List<NamedArea> areas();

    record NamedArea(PlaceKind kind, String name, String wkt, Datum datum) {
    }

    final class PlaceMapper implements RowMapper<Place> {
        @Override
        public Place map(ResultSet rs, StatementContext ctx) throws SQLException {
            GeoPoint p = new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon"), Datum.valueOf(rs.getString("datum")));
            return new Place(PlaceKind.valueOf(rs.getString("kind")), rs.getString("name"), p,
                    Rows.nullableLong(rs, "station_id"), rs.getInt("uses"));
        }
    }

    final class AreaMapper implements RowMapper<NamedArea> {
        @Override
        public NamedArea map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new NamedArea(PlaceKind.valueOf(rs.getString("kind")), rs.getString("name"),
                    rs.getString("boundary_wkt"), Datum.valueOf(rs.getString("datum")));
        }
    }
}
