package org.commandroom.core.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.commandroom.core.geo.Datum;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the search index reads: only what a hit shows and where it is. */
interface SearchDao {

    String INCIDENT = "SELECT id, incident_no AS title, incident_type AS kind, address AS detail, lat, lon, datum FROM incident ";
    String UNIT = "SELECT id, call_sign AS title, kind, status AS detail, lat, lon, datum FROM patrol_unit ";

    /** A row: id, title (number, call-sign, name), kind, detail, position (lat null when none). */
    record Row(String id, String title, String kind, String detail, Double lat, Double lon, Datum datum) {
    }

    @SqlQuery(INCIDENT + "WHERE status IN ('NEW', 'DISPATCHED', 'ON_SCENE') OR received_at >= :since")
    @RegisterRowMapper(RowMapperImpl.class)
    List<Row> incidentsSince(@Bind("since") Instant since);

    @SqlQuery(INCIDENT + "WHERE id IN (<ids>) AND (status IN ('NEW', 'DISPATCHED', 'ON_SCENE') OR received_at >= :since)")
    @RegisterRowMapper(RowMapperImpl.class)
    List<Row> incidents(@BindList("ids") Collection<Long> ids, @Bind("since") Instant since);

    @SqlQuery(UNIT)
    @RegisterRowMapper(RowMapperImpl.class)
    List<Row> units();

    @SqlQuery(UNIT + "WHERE id IN (<ids>)")
    @RegisterRowMapper(RowMapperImpl.class)
    List<Row> units(@BindList("ids") Collection<Long> ids);

    @SqlQuery("SELECT device_id AS id, device_id AS title, kind, name AS detail, lat, lon, datum FROM camera WHERE removed_at IS NULL ORDER BY device_id")
    @RegisterRowMapper(RowMapperImpl.class)
    List<Row> cameras();

    @SqlQuery("SELECT id, name AS title, kind, '' AS detail, lat, lon, datum FROM key_place")
    @RegisterRowMapper(RowMapperImpl.class)
    List<Row> keyPlaces();

    /** Police grids and communities: the boundary goes in {@code detail}, the code in {@code kind}. */
    @SqlQuery("SELECT id, name AS title, code AS kind, boundary_wkt AS detail, CAST(NULL AS DOUBLE PRECISION) AS lat, "
            + "CAST(NULL AS DOUBLE PRECISION) AS lon, datum FROM police_grid")
    @RegisterRowMapper(RowMapperImpl.class)
    List<Row> policeGrids();

    @SqlQuery("SELECT id, name AS title, code AS kind, boundary_wkt AS detail, CAST(NULL AS DOUBLE PRECISION) AS lat, "
            + "CAST(NULL AS DOUBLE PRECISION) AS lon, datum FROM community")
    @RegisterRowMapper(RowMapperImpl.class)
    List<Row> communities();

    final class RowMapperImpl implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            double lat = rs.getDouble("lat");
            Double la = rs.wasNull() ? null : lat;
            double lon = rs.getDouble("lon");
            Double lo = rs.wasNull() ? null : lon;
            return new Row(rs.getString("id"), rs.getString("title"), rs.getString("kind"), rs.getString("detail"),
                    la, lo, Datum.valueOf(rs.getString("datum")));
        }
    }
}
