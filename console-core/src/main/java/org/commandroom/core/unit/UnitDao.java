package org.commandroom.core.unit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Patrol units in the database. Writes go through {@link UnitService}, which logs the change. */
public interface UnitDao {

    String COLUMNS = "id, call_sign, kind, station_id, zone_id, status, lat, lon, datum, heading, fix_at, version";

    String BOARD_SELECT = "SELECT u.id, u.call_sign, u.kind, u.status, s.name AS station_name, u.lat, u.lon, "
            + "u.datum, u.heading, u.fix_at, u.version FROM patrol_unit u JOIN station s ON s.id = u.station_id ";

    @SqlUpdate("INSERT INTO patrol_unit (call_sign, kind, station_id, zone_id, status, lat, lon, datum, heading, fix_at) "
            + "VALUES (:callSign, :kind, :stationId, :zoneId, :status, :lat, :lon, :datum, :heading, :fixAt)")
    @GetGeneratedKeys("id")
    long insertRow(@Bind("callSign") String callSign, @Bind("kind") UnitKind kind, @Bind("stationId") long stationId,
                   @Bind("zoneId") Long zoneId, @Bind("status") UnitStatus status, @Bind("lat") Double lat,
                   @Bind("lon") Double lon, @Bind("datum") String datum, @Bind("heading") Double heading,
                   @Bind("fixAt") Instant fixAt);

    /** Inserts the unit (its id and version are ignored) and returns the new id. */
    default long insert(PatrolUnit u) {
        return insertRow(u.callSign(), u.kind(), u.stationId(), u.zoneId(), u.status(),
                u.position() == null ? null : u.position().lat(),
                u.position() == null ? null : u.position().lon(),
                u.position() == null ? "WGS84" : u.position().datum().name(),
                u.heading(), u.fixAt());
    }

    @SqlUpdate("INSERT INTO unit_crew (unit_id, officer_id) VALUES (:unitId, :officerId)")
    void addCrew(@Bind("unitId") long unitId, @Bind("officerId") long officerId);

    @SqlQuery("SELECT " + COLUMNS + " FROM patrol_unit WHERE id = :id")
    @RegisterRowMapper(UnitMapper.class)
    Optional<PatrolUnit> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM patrol_unit ORDER BY call_sign")
    @RegisterRowMapper(UnitMapper.class)
    List<PatrolUnit> all();

    @SqlQuery(BOARD_SELECT + "ORDER BY u.call_sign")
    @RegisterRowMapper(BoardMapper.class)
    List<UnitBoardEntry> board();

    /** The board without retired units (停用), for choosing a unit to give work to. */
    @SqlQuery(BOARD_SELECT + "WHERE u.retired_at IS NULL ORDER BY u.call_sign")
    @RegisterRowMapper(BoardMapper.class)
    List<UnitBoardEntry> boardInService();

    @SqlQuery(BOARD_SELECT + "WHERE u.id IN (<ids>)")
    @RegisterRowMapper(BoardMapper.class)
    List<UnitBoardEntry> boardEntries(@BindList("ids") Collection<Long> ids);

    /** Crew names per unit, as (unit id, officer name) pairs in name order. */
    @SqlQuery("SELECT uc.unit_id, o.name FROM unit_crew uc JOIN officer o ON o.id = uc.officer_id "
            + "WHERE uc.unit_id IN (<ids>) ORDER BY uc.unit_id, o.badge_no")
    @RegisterRowMapper(CrewMapper.class)
    List<CrewMember> crew(@BindList("ids") Collection<Long> unitIds);

    @SqlQuery("SELECT uc.unit_id, o.name FROM unit_crew uc JOIN officer o ON o.id = uc.officer_id ORDER BY uc.unit_id, o.badge_no")
    @RegisterRowMapper(CrewMapper.class)
    List<CrewMember> allCrew();

    /** A terminal's position report; does not touch the version (it never conflicts with an assignment). */
    @SqlUpdate("UPDATE patrol_unit SET lat = :lat, lon = :lon, datum = :datum, heading = :heading, fix_at = :fixAt WHERE id = :id")
    int updatePosition(@Bind("id") long id, @Bind("lat") double lat, @Bind("lon") double lon,
                       @Bind("datum") String datum, @Bind("heading") Double heading, @Bind("fixAt") Instant fixAt);

    /** Changes the status only if nobody else changed the unit since {@code expectedVersion} was read. */
    @SqlUpdate("UPDATE patrol_unit SET status = :status, version = version + 1 WHERE id = :id AND version = :version")
    int updateStatus(@Bind("id") long id, @Bind("version") int expectedVersion, @Bind("status") UnitStatus status);

    record CrewMember(long unitId, String name) {
    }

    final class CrewMapper implements RowMapper<CrewMember> {
        @Override
        public CrewMember map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CrewMember(rs.getLong("unit_id"), rs.getString("name"));
        }
    }

    final class UnitMapper implements RowMapper<PatrolUnit> {
        @Override
        public PatrolUnit map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PatrolUnit(
                    rs.getLong("id"),
                    rs.getString("call_sign"),
                    UnitKind.valueOf(rs.getString("kind")),
                    rs.getLong("station_id"),
                    Rows.nullableLong(rs, "zone_id"),
                    UnitStatus.valueOf(rs.getString("status")),
                    Rows.point(rs, ""),
                    Rows.nullableDouble(rs, "heading"),
                    Rows.instant(rs, "fix_at"),
                    rs.getInt("version"));
        }
    }

    final class BoardMapper implements RowMapper<UnitBoardEntry> {
        @Override
        public UnitBoardEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new UnitBoardEntry(
                    rs.getLong("id"),
                    rs.getString("call_sign"),
                    UnitKind.valueOf(rs.getString("kind")),
                    UnitStatus.valueOf(rs.getString("status")),
                    rs.getString("station_name"),
                    List.of(),
                    Rows.point(rs, ""),
                    Rows.nullableDouble(rs, "heading"),
                    Rows.instant(rs, "fix_at"),
                    rs.getInt("version"));
        }
    }
}
