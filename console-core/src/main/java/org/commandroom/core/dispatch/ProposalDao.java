package org.commandroom.core.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.store.Rows;
import org.commandroom.core.unit.UnitKind;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What unit proposals read: available units in service (not retired) with their station, their crews, the grid's officer and where he
 * is (the unit he crews, or his office); and the lock a dispatch takes on its incident.
 */
public interface ProposalDao {

    @SqlQuery("SELECT u.id, u.call_sign, u.kind, u.station_id, s.name AS station_name, u.lat, u.lon, u.datum, u.fix_at, "
            + "u.version FROM patrol_unit u JOIN station s ON s.id = u.station_id WHERE u.status = 'AVAILABLE' "
            + "AND u.retired_at IS NULL ORDER BY u.call_sign")
    @RegisterRowMapper(AvailableMapper.class)
    List<Available> available();

    @SqlQuery("SELECT uc.unit_id, o.id AS officer_id, o.name FROM unit_crew uc JOIN officer o ON o.id = uc.officer_id "
            + "WHERE uc.unit_id IN (<ids>) ORDER BY uc.unit_id, o.badge_no")
    @RegisterRowMapper(CrewMapper.class)
    List<Crew> crews(@BindList("ids") Collection<Long> unitIds);

    @SqlQuery("SELECT o.id, o.name, o.station_id, s.name AS station_name, "
            + "(SELECT COUNT(*) FROM work_order w WHERE w.assignee_officer_id = o.id AND w.status <> 'CLOSED') AS open_orders "
            + "FROM police_grid g JOIN officer o ON o.id = g.officer_id JOIN station s ON s.id = o.station_id WHERE g.id = :grid")
    @RegisterRowMapper(OfficerMapper.class)
    Optional<GridOfficer> gridOfficer(@Bind("grid") long policeGridId);

    /**
     * Locks the incident's row until the transaction ends, so that two dispatches to one incident (two
     * workstations, or two keystrokes) run one after the other and the second sees the first's order.
     */
    @SqlQuery("SELECT id FROM incident WHERE id = :id FOR UPDATE")
    Optional<Long> lockIncident(@Bind("id") long incidentId);

    /** The newest fix of any unit the officer crews, whatever its status: his last known position. */
    @SqlQuery("SELECT u.call_sign, u.kind, u.lat, u.lon, u.datum, u.fix_at FROM unit_crew uc "
            + "JOIN patrol_unit u ON u.id = uc.unit_id WHERE uc.officer_id = :officer AND u.lat IS NOT NULL "
            + "AND u.lon IS NOT NULL AND u.fix_at IS NOT NULL ORDER BY u.fix_at DESC, u.id FETCH FIRST 1 ROWS ONLY")
    @RegisterRowMapper(FixMapper.class)
    Optional<Fix> lastCrewFix(@Bind("officer") long officerId);

    /**
     * The community police office of the grid's community: the office of the community that most of the grid's
     * micro-grids lie in ("一张网").
     */
    @SqlQuery("SELECT po.id, po.name, po.lat, po.lon, po.datum FROM police_grid_micro_grid pm "
            + "JOIN micro_grid m ON m.id = pm.micro_grid_id JOIN police_office po ON po.community_id = m.community_id "
            + "WHERE pm.police_grid_id = :grid GROUP BY po.id, po.name, po.lat, po.lon, po.datum "
            + "ORDER BY COUNT(*) DESC, po.id FETCH FIRST 1 ROWS ONLY")
    @RegisterRowMapper(OfficeMapper.class)
    Optional<Office> gridOffice(@Bind("grid") long policeGridId);

    /** The station's community police offices. */
    @SqlQuery("SELECT id, name, lat, lon, datum FROM police_office WHERE station_id = :station ORDER BY id")
    @RegisterRowMapper(OfficeMapper.class)
    List<Office> stationOffices(@Bind("station") long stationId);

    @SqlQuery("SELECT call_sign FROM patrol_unit WHERE id = :id")
    Optional<String> callSign(@Bind("id") long unitId);

    @SqlQuery("SELECT status FROM patrol_unit WHERE id = :id")
    Optional<String> unitStatus(@Bind("id") long unitId);

    record Available(long id, String callSign, UnitKind kind, long stationId, String stationName, GeoPoint position,
                     Instant fixAt, int version) {
    }

    record Crew(long unitId, long officerId, String name) {
    }

    record GridOfficer(long id, String name, long stationId, String stationName, int openOrders) {
    }

    record Fix(String callSign, UnitKind kind, GeoPoint position, Instant fixAt) {
    }

    record Office(long id, String name, GeoPoint position) {
    }

    final class FixMapper implements RowMapper<Fix> {
        @Override
        public Fix map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Fix(rs.getString("call_sign"), UnitKind.valueOf(rs.getString("kind")), Rows.point(rs, ""),
                    Rows.instant(rs, "fix_at"));
        }
    }

    final class OfficeMapper implements RowMapper<Office> {
        @Override
        public Office map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Office(rs.getLong("id"), rs.getString("name"), Rows.point(rs, ""));
        }
    }

    final class AvailableMapper implements RowMapper<Available> {
        @Override
        public Available map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Available(rs.getLong("id"), rs.getString("call_sign"), UnitKind.valueOf(rs.getString("kind")),
                    rs.getLong("station_id"), rs.getString("station_name"), Rows.point(rs, ""),
                    Rows.instant(rs, "fix_at"), rs.getInt("version"));
        }
    }

    final class CrewMapper implements RowMapper<Crew> {
        @Override
        public Crew map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Crew(rs.getLong("unit_id"), rs.getLong("officer_id"), rs.getString("name"));
        }
    }

    final class OfficerMapper implements RowMapper<GridOfficer> {
        @Override
        public GridOfficer map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new GridOfficer(rs.getLong("id"), rs.getString("name"), rs.getLong("station_id"),
                    rs.getString("station_name"), rs.getInt("open_orders"));
        }
    }
}
