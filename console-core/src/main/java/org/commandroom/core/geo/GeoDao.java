package org.commandroom.core.geo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The map: streets → communities → micro-grids (governance grids), police grids matched onto
 * micro-grids, key patrol zones, deployment points, key places and community police offices.
 * Polygons are WKT (x = longitude, y = latitude), every row names its datum.
 */
public interface GeoDao {

    @SqlUpdate("INSERT INTO street (code, name, boundary_wkt, datum) VALUES (:code, :name, :wkt, :datum)")
    @GetGeneratedKeys("id")
    long insertStreet(@Bind("code") String code, @Bind("name") String name, @Bind("wkt") String wkt,
                      @Bind("datum") String datum);

    @SqlUpdate("INSERT INTO community (street_id, code, name, population, risk_grade, boundary_wkt, datum) "
            + "VALUES (:streetId, :code, :name, :population, :risk, :wkt, :datum)")
    @GetGeneratedKeys("id")
    long insertCommunity(@Bind("streetId") long streetId, @Bind("code") String code, @Bind("name") String name,
                         @Bind("population") int population, @Bind("risk") String riskGrade,
                         @Bind("wkt") String wkt, @Bind("datum") String datum);

    @SqlBatch("INSERT INTO micro_grid (community_id, code, name, population, boundary_wkt, datum) "
            + "VALUES (:communityId, :code, :name, :population, :wkt, :datum)")
    @GetGeneratedKeys("id")
    long[] insertMicroGrids(@Bind("communityId") List<Long> communityIds, @Bind("code") List<String> codes,
                            @Bind("name") List<String> names, @Bind("population") List<Integer> populations,
                            @Bind("wkt") List<String> wkts, @Bind("datum") String datum);

    @SqlUpdate("INSERT INTO police_grid (station_id, code, name, officer_id, risk_grade, boundary_wkt, datum) "
            + "VALUES (:stationId, :code, :name, :officerId, :risk, :wkt, :datum)")
    @GetGeneratedKeys("id")
    long insertPoliceGrid(@Bind("stationId") long stationId, @Bind("code") String code, @Bind("name") String name,
                          @Bind("officerId") Long officerId, @Bind("risk") String riskGrade,
                          @Bind("wkt") String wkt, @Bind("datum") String datum);

    @SqlBatch("INSERT INTO police_grid_micro_grid (police_grid_id, micro_grid_id) VALUES (:policeGridId, :microGridId)")
    void matchMicroGrids(@Bind("policeGridId") long policeGridId, @Bind("microGridId") List<Long> microGridIds);

    @SqlUpdate("INSERT INTO key_patrol_zone (station_id, code, name, boundary_wkt, datum) "
            + "VALUES (:stationId, :code, :name, :wkt, :datum)")
    @GetGeneratedKeys("id")
    long insertKeyPatrolZone(@Bind("stationId") long stationId, @Bind("code") String code, @Bind("name") String name,
                             @Bind("wkt") String wkt, @Bind("datum") String datum);

    @SqlBatch("INSERT INTO deployment_point (station_id, name, lat, lon, datum) VALUES (:stationId, :name, :lat, :lon, :datum)")
    void insertDeploymentPoints(@Bind("stationId") List<Long> stationIds, @Bind("name") List<String> names,
                                @Bind("lat") List<Double> lats, @Bind("lon") List<Double> lons, @Bind("datum") String datum);

    @SqlBatch("INSERT INTO key_place (station_id, name, kind, lat, lon, datum) VALUES (:stationId, :name, :kind, :lat, :lon, :datum)")
    void insertKeyPlaces(@Bind("stationId") List<Long> stationIds, @Bind("name") List<String> names,
                         @Bind("kind") List<String> kinds, @Bind("lat") List<Double> lats, @Bind("lon") List<Double> lons,
                         @Bind("datum") String datum);

    @SqlBatch("INSERT INTO police_office (station_id, community_id, name, lat, lon, datum) "
            + "VALUES (:stationId, :communityId, :name, :lat, :lon, :datum)")
    void insertPoliceOffices(@Bind("stationId") List<Long> stationIds, @Bind("communityId") List<Long> communityIds,
                             @Bind("name") List<String> names, @Bind("lat") List<Double> lats,
                             @Bind("lon") List<Double> lons, @Bind("datum") String datum);

    @SqlQuery("SELECT id, code, name, boundary_wkt, datum FROM street ORDER BY code")
    @RegisterRowMapper(AreaMapper.class)
    List<Area> streets();

    @SqlQuery("SELECT id, code, name, boundary_wkt, datum, street_id AS parent_id FROM community ORDER BY code")
    @RegisterRowMapper(AreaMapper.class)
    List<Area> communities();

    @SqlQuery("SELECT id, code, name, boundary_wkt, datum, community_id AS parent_id FROM micro_grid ORDER BY code")
    @RegisterRowMapper(AreaMapper.class)
    List<Area> microGrids();

    @SqlQuery("SELECT id, code, name, boundary_wkt, datum, station_id AS parent_id FROM police_grid ORDER BY code")
    @RegisterRowMapper(AreaMapper.class)
    List<Area> policeGrids();

    @SqlQuery("SELECT id, code, name, boundary_wkt, datum, station_id AS parent_id FROM key_patrol_zone ORDER BY code")
    @RegisterRowMapper(AreaMapper.class)
    List<Area> keyPatrolZones();

    /**
     * A named polygon (street, community, grid or zone) with the id of the area it belongs to
     * (street of a community, community of a micro-grid, station of a police grid or zone; null for a street).
     */
    record Area(long id, String code, String name, String boundaryWkt, Datum datum, Long parentId) {
    }

    final class AreaMapper implements RowMapper<Area> {
        @Override
        public Area map(ResultSet rs, StatementContext ctx) throws SQLException {
            Long parent = null;
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                if ("parent_id".equalsIgnoreCase(rs.getMetaData().getColumnLabel(i))) {
                    parent = rs.getLong(i);
                    if (rs.wasNull()) {
                        parent = null;
                    }
                }
            }
            return new Area(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("boundary_wkt"),
                    Datum.valueOf(rs.getString("datum")), parent);
        }
    }
}
