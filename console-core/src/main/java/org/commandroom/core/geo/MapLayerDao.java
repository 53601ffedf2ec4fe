package org.commandroom.core.geo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.commandroom.core.camera.CameraKind;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the live map draws, read in one pass each: grids with their risk grade, and every camera. */
public interface MapLayerDao {

    @SqlQuery("SELECT id, name, risk_grade, boundary_wkt, datum FROM police_grid ORDER BY code")
    @RegisterRowMapper(GridMapper.class)
    List<MapLayers.Grid> policeGrids();

    @SqlQuery("SELECT device_id, name, kind, lat, lon, datum, online FROM camera ORDER BY id")
    @RegisterRowMapper(CameraMapper.class)
    List<MapLayers.CameraPoint> cameras();

    final class GridMapper implements RowMapper<MapLayers.Grid> {
        @Override
        public MapLayers.Grid map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new MapLayers.Grid(rs.getLong("id"), rs.getString("name"), rs.getString("risk_grade"),
                    rs.getString("boundary_wkt"), Datum.valueOf(rs.getString("datum")));
        }
    }

    final class CameraMapper implements RowMapper<MapLayers.CameraPoint> {
        @Override
        public MapLayers.CameraPoint map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new MapLayers.CameraPoint(rs.getString("device_id"), rs.getString("name"),
                    CameraKind.valueOf(rs.getString("kind")), rs.getDouble("lat"), rs.getDouble("lon"),
                    Datum.valueOf(rs.getString("datum")), rs.getBoolean("online"));
        }
    }
}
