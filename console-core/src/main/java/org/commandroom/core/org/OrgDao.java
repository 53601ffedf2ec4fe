package org.commandroom.core.org;

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

/** The organisation: bureau, stations and posts, teams, officers (民警 and 辅警). */
public interface OrgDao {

    @SqlUpdate("INSERT INTO bureau (code, name) VALUES (:code, :name)")
    @GetGeneratedKeys("id")
    long insertBureau(@Bind("code") String code, @Bind("name") String name);

    @SqlUpdate("INSERT INTO station (bureau_id, code, name, kind, resident_population, area_km2, peer_group, boundary_wkt, datum) "
            + "VALUES (:bureauId, :code, :name, :kind, :population, :areaKm2, :peerGroup, :wkt, :datum)")
    @GetGeneratedKeys("id")
    long insertStation(@Bind("bureauId") long bureauId, @Bind("code") String code, @Bind("name") String name,
                       @Bind("kind") String kind, @Bind("population") int population, @Bind("areaKm2") double areaKm2,
                       @Bind("peerGroup") String peerGroup, @Bind("wkt") String boundaryWkt, @Bind("datum") String datum);

    @SqlUpdate("INSERT INTO team (station_id, kind, name) VALUES (:stationId, :kind, :name)")
    @GetGeneratedKeys("id")
    long insertTeam(@Bind("stationId") long stationId, @Bind("kind") String kind, @Bind("name") String name);

    /** Inserts officers in one batch; the lists are parallel and the new ids come back in order. */
    @SqlBatch("INSERT INTO officer (station_id, team_id, badge_no, name, rank_kind, duty, phone) "
            + "VALUES (:stationId, :teamId, :badgeNo, :name, :rankKind, :duty, :phone)")
    @GetGeneratedKeys("id")
    long[] insertOfficers(@Bind("stationId") List<Long> stationIds, @Bind("teamId") List<Long> teamIds,
                          @Bind("badgeNo") List<String> badgeNos, @Bind("name") List<String> names,
                          @Bind("rankKind") List<String> rankKinds, @Bind("duty") List<String> duties,
                          @Bind("phone") List<String> phones);

    @SqlQuery("SELECT id, code, name, kind FROM station ORDER BY code")
    @RegisterRowMapper(StationRowMapper.class)
    List<StationRow> stations();

    @SqlQuery("SELECT COUNT(*) FROM officer WHERE rank_kind = :rankKind")
    long countOfficers(@Bind("rankKind") String rankKind);

    /** A station or post as listed for pickers and reports. */
    record StationRow(long id, String code, String name, String kind) {
    }

    final class StationRowMapper implements RowMapper<StationRow> {
        @Override
        public StationRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new StationRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("kind"));
        }
    }
}
