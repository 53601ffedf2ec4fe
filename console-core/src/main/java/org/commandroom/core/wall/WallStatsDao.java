package org.commandroom.core.wall;

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
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The wall display's statistics queries. Reads only: this interface has no statement that changes a row, so a wall
 * composed on it cannot write through it (a read-only database login is enough).
 */
public interface WallStatsDao {

    /** When and of which category one incident was received. */
    record Received(Instant at, String category) {
    }

    /** How many incidents of a type a station received in a window (station null: none recorded). */
    record TypeCount(Long stationId, String type, long count) {
    }

    /** Orders of a station past a deadline: not signed for after the sign deadline, not fed back after feedback's. */
    record Overdue(long stationId, String stationName, String stationCode, long unsigned, long noFeedback) {
    }

    /** A station or street post, in code order. */
    record Station(long id, String code, String name) {
    }

    @SqlQuery("SELECT received_at, category FROM incident WHERE received_at >= :from AND received_at < :until")
    @RegisterRowMapper(ReceivedMapper.class)
    List<Received> receivedBetween(@Bind("from") Instant from, @Bind("until") Instant until);

    @SqlQuery("SELECT station_id, incident_type, COUNT(*) AS n FROM incident WHERE received_at >= :from "
            + "AND received_at < :until AND incident_type IN (<types>) GROUP BY station_id, incident_type")
    @RegisterRowMapper(TypeCountMapper.class)
    List<TypeCount> countByStationAndType(@Bind("from") Instant from, @Bind("until") Instant until,
                                          @BindList("types") Collection<String> types);

    @SqlQuery("SELECT s.id, s.name, s.code, "
            + "SUM(CASE WHEN o.status IN ('CREATED', 'ISSUED') AND o.sign_deadline < :now THEN 1 ELSE 0 END) AS unsigned_n, "
            + "SUM(CASE WHEN o.status = 'SIGNED' AND o.feedback_deadline < :now THEN 1 ELSE 0 END) AS feedback_n "
            + "FROM work_order o JOIN station s ON s.id = o.station_id "
            + "WHERE o.status IN ('CREATED', 'ISSUED', 'SIGNED') "
            + "AND (o.sign_deadline < :now OR o.feedback_deadline < :now) "
            + "GROUP BY s.id, s.name, s.code")
    @RegisterRowMapper(OverdueMapper.class)
    List<Overdue> overdueByStation(@Bind("now") Instant now);

    /**
     * The open incidents as the desk's queue lists them, without the caller's number: the wall's read-only database
     * role may not read that column (docs/DATABASE-ROLES.md), and the wall never shows it.
     */
    @SqlQuery("SELECT i.id, i.incident_no, i.received_at, i.incident_type, i.priority, i.status, i.address, "
            + "CAST(NULL AS VARCHAR(20)) AS caller_number, g.name AS grid_name, s.name AS station_name, i.lat, i.lon, "
            + "i.datum FROM incident i LEFT JOIN police_grid g ON g.id = i.police_grid_id "
            + "LEFT JOIN station s ON s.id = i.station_id "
            + "WHERE i.status IN ('NEW', 'DISPATCHED', 'ON_SCENE') ORDER BY i.priority, i.received_at")
    @RegisterRowMapper(org.commandroom.core.incident.IncidentDao.QueueEntryMapper.class)
    List<org.commandroom.core.incident.QueueEntry> openQueue();

    @SqlQuery("SELECT id, code, name FROM station ORDER BY code")
    @RegisterRowMapper(StationMapper.class)
    List<Station> stations();

    @SqlQuery("SELECT setting_value FROM app_setting WHERE setting_key = :key")
    Optional<String> setting(@Bind("key") String key);

    /** Explicit row mappers, as everywhere else in core. */
    final class ReceivedMapper implements RowMapper<Received> {
        @Override
        public Received map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Received(Rows.instant(rs, "received_at"), rs.getString("category"));
        }
    }

    final class TypeCountMapper implements RowMapper<TypeCount> {
        @Override
        public TypeCount map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new TypeCount(Rows.nullableLong(rs, "station_id"), rs.getString("incident_type"), rs.getLong("n"));
        }
    }

    final class OverdueMapper implements RowMapper<Overdue> {
        @Override
        public Overdue map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Overdue(rs.getLong("id"), rs.getString("name"), rs.getString("code"), rs.getLong("unsigned_n"),
                    rs.getLong("feedback_n"));
        }
    }

    final class StationMapper implements RowMapper<Station> {
        @Override
        public Station map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Station(rs.getLong("id"), rs.getString("code"), rs.getString("name"));
        }
    }
}
