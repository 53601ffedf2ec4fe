package org.commandroom.core.geo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Roads, water and place names of the offline base map ({@code base_map_feature}, migrations V6 and V32). */
public interface BaseMapDao {

    @SqlBatch("INSERT INTO base_map_feature (kind, name, geometry_wkt, datum) VALUES (:kind, :name, :wkt, :datum)")
    void insertAll(@Bind("kind") List<String> kinds, @Bind("name") List<String> names, @Bind("wkt") List<String> wkts,
                   @Bind("datum") String datum);

    /** One batch of features with their OpenStreetMap class (the OSM base-map import). */
    @SqlBatch("INSERT INTO base_map_feature (kind, name, geometry_wkt, datum, detail) "
            + "VALUES (:kind, :name, :wkt, :datum, :detail)")
    void insertDetailed(@Bind("kind") List<String> kinds, @Bind("name") List<String> names, @Bind("wkt") List<String> wkts,
                        @Bind("detail") List<String> details, @Bind("datum") String datum);

    @SqlUpdate("DELETE FROM base_map_feature")
    int deleteAll();

    @SqlQuery("SELECT COUNT(*) FROM base_map_feature")
    long countAll();

    @SqlQuery("SELECT id, kind, name, geometry_wkt, datum, detail FROM base_map_feature ORDER BY id")
    @RegisterRowMapper(FeatureMapper.class)
    List<MapLayers.BaseFeature> all();

    @SqlQuery("SELECT COUNT(*) FROM base_map_feature WHERE kind = :kind")
    long count(@Bind("kind") String kind);

    @SqlUpdate("DELETE FROM base_map_feature WHERE kind = :kind")
    int deleteKind(@Bind("kind") String kind);

    final class FeatureMapper implements RowMapper<MapLayers.BaseFeature> {
        @Override
        public MapLayers.BaseFeature map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new MapLayers.BaseFeature(rs.getLong("id"), MapLayers.BaseKind.valueOf(rs.getString("kind")),
                    rs.getString("name"), rs.getString("geometry_wkt"), Datum.valueOf(rs.getString("datum")),
                    rs.getString("detail"));
        }
    }
}
