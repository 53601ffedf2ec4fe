package org.commandroom.core.geo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.commandroom.core.camera.CameraKind;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the live map draws, read in one pass each: grids and communities with their risk grade,
 * micro-grids and key patrol zones, the point layers (deployment points, key places, community
 * police offices) and every camera.
 */
public interface MapLayerDao {

    @SqlQuery("SELECT id, name, risk_grade, boundary_wkt, datum FROM police_grid ORDER BY code")
    @RegisterRowMapper(GridMapper.class)
    List<MapLayers.Grid> policeGrids();

    @SqlQuery("SELECT id, name, risk_grade, boundary_wkt, datum FROM community ORDER BY code")
    @RegisterRowMapper(GridMapper.class)
    List<MapLayers.Grid> communities();

    /** Micro-grids have no risk grade of their own: read as GREEN. */
    @SqlQuery("SELECT id, name, 'GREEN' AS risk_grade, boundary_wkt, datum FROM micro_grid ORDER BY code")
    @RegisterRowMapper(GridMapper.class)
    List<MapLayers.Grid> microGrids();

    @SqlQuery("SELECT id, name, 'GREEN' AS risk_grade, boundary_wkt, datum FROM key_patrol_zone ORDER BY code")
    @RegisterRowMapper(GridMapper.class)
    List<MapLayers.Grid> patrolZones();

    /** The district's own boundary (辖区), usually one row; read as GREEN. */
    @SqlQuery("SELECT id, name, 'GREEN' AS risk_grade, boundary_wkt, datum FROM district_boundary ORDER BY code")
    @RegisterRowMapper(GridMapper.class)
    List<MapLayers.Grid> districts();

    /** The stations' and posts' own boundaries (派出所辖区), where they have one; read as GREEN. */
    @SqlQuery("SELECT id, name, 'GREEN' AS risk_grade, boundary_wkt, datum FROM station WHERE boundary_wkt IS NOT NULL ORDER BY code")
    @RegisterRowMapper(GridMapper.class)
    List<MapLayers.Grid> stationAreas();

    @SqlQuery("SELECT id, name, '' AS kind, lat, lon, datum FROM deployment_point ORDER BY id")
    @RegisterRowMapper(PlaceMapper.class)
    List<MapLayers.Place> deploymentPoints();

    @SqlQuery("SELECT id, name, kind, lat, lon, datum FROM key_place ORDER BY id")
    @RegisterRowMapper(PlaceMapper.class)
    List<MapLayers.Place> keyPlaces();

    @SqlQuery("SELECT id, name, '' AS kind, lat, lon, datum FROM police_office ORDER BY id")
    @RegisterRowMapper(PlaceMapper.class)
    List<MapLayers.Place> policeOffices();

    @SqlQuery("SELECT device_id, name, kind, lat, lon, datum, online FROM camera WHERE removed_at IS NULL ORDER BY id")
    @RegisterRowMapper(CameraMapper.class)
    List<MapLayers.CameraPoint> cameras();

    final class GridMapper implements RowMapper<MapLayers.Grid> {
        @Override
        public MapLayers.Grid map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new MapLayers.Grid(rs.getLong("id"), rs.getString("name"), rs.getString("risk_grade"),
                    rs.getString("boundary_wkt"), Datum.valueOf(rs.getString("datum")));
        }
    }

    final class PlaceMapper implements RowMapper<MapLayers.Place> {
        @Override
        public MapLayers.Place map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new MapLayers.Place(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                    rs.getDouble("lat"), rs.getDouble("lon"), Datum.valueOf(rs.getString("datum")));
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
