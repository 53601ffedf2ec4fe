package org.commandroom.core.incident;

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

/** Incidents in the database. Writes go through {@link IncidentService}, which also logs the change. */
public interface IncidentDao {

    String COLUMNS = "id, incident_no, received_at, caller_number, address, lat, lon, datum, incident_type, "
            + "priority, description, station_id, police_grid_id, status, closed_at, version";

    String QUEUE_SELECT = "SELECT i.id, i.incident_no, i.received_at, i.incident_type, i.priority, i.status, "
            + "i.address, i.caller_number, g.name AS grid_name, s.name AS station_name, i.lat, i.lon, i.datum "
            + "FROM incident i LEFT JOIN police_grid g ON g.id = i.police_grid_id "
            + "LEFT JOIN station s ON s.id = i.station_id ";

    /** With the link to the caller's previous call ({@link CallerLinks}); then {@link CallerLinks#relinkLater}. */
    @SqlUpdate("INSERT INTO incident (incident_no, received_at, caller_number, address, lat, lon, datum, category, "
            + "incident_type, priority, description, station_id, police_grid_id, status, closed_at, caller_prior_id, caller_prior_at) VALUES "
            + "(:no, :receivedAt, :caller, :address, :lat, :lon, :datum, :category, :type, :priority, :description, "
            + ":stationId, :gridId, :status, :closedAt, " + CallerLinks.NEW_PRIOR_ID + ", " + CallerLinks.NEW_PRIOR_AT + ")")
    @GetGeneratedKeys("id")
    long insertRow(@Bind("no") String incidentNo, @Bind("receivedAt") Instant receivedAt,
                   @Bind("caller") String callerNumber, @Bind("address") String address,
                   @Bind("lat") Double lat, @Bind("lon") Double lon, @Bind("datum") String datum,
                   @Bind("category") IncidentCategory category, @Bind("type") IncidentType type,
                   @Bind("priority") int priority, @Bind("description") String description,
                   @Bind("stationId") Long stationId, @Bind("gridId") Long policeGridId,
                   @Bind("status") IncidentStatus status, @Bind("closedAt") Instant closedAt);

    /** Inserts the incident (its id and version are ignored) and returns the new id. */
    default long insert(Incident i) {
        return insertRow(i.incidentNo(), i.receivedAt(), i.callerNumber(), i.address(),
                i.position() == null ? null : i.position().lat(),
                i.position() == null ? null : i.position().lon(),
                i.position() == null ? "WGS84" : i.position().datum().name(),
                i.category(), i.type(), i.priority(), i.description(), i.stationId(), i.policeGridId(),
                i.status(), i.closedAt());
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM incident WHERE id = :id")
    @RegisterRowMapper(IncidentMapper.class)
    Optional<Incident> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM incident WHERE incident_no = :no")
    @RegisterRowMapper(IncidentMapper.class)
    Optional<Incident> findByNumber(@Bind("no") String incidentNo);

    /** The open incidents, most urgent first, then the longest waiting. */
    @SqlQuery(QUEUE_SELECT + "WHERE i.status IN ('NEW', 'DISPATCHED', 'ON_SCENE') ORDER BY i.priority, i.received_at")
    @RegisterRowMapper(QueueEntryMapper.class)
    List<QueueEntry> openQueue();

    /** Queue lines for the given incidents, whatever their status (used to apply live changes). */
    @SqlQuery(QUEUE_SELECT + "WHERE i.id IN (<ids>)")
    @RegisterRowMapper(QueueEntryMapper.class)
    List<QueueEntry> queueEntries(@BindList("ids") Collection<Long> ids);

    @SqlQuery("SELECT " + COLUMNS + " FROM incident WHERE status IN ('NEW', 'DISPATCHED', 'ON_SCENE') ORDER BY received_at")
    @RegisterRowMapper(IncidentMapper.class)
    List<Incident> openIncidents();

    @SqlUpdate("UPDATE incident SET status = :status, closed_at = :closedAt, version = version + 1 "
            + "WHERE id = :id AND version = :version")
    int updateStatus(@Bind("id") long id, @Bind("version") int expectedVersion,
                     @Bind("status") IncidentStatus status, @Bind("closedAt") Instant closedAt);

    @SqlQuery("SELECT COUNT(*) FROM incident")
    long count();

    @SqlQuery("SELECT MAX(received_at) FROM incident")
    Optional<Instant> latestReceivedAt();

    final class IncidentMapper implements RowMapper<Incident> {
        @Override
        public Incident map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Incident(
                    rs.getLong("id"),
                    rs.getString("incident_no"),
                    Rows.instant(rs, "received_at"),
                    rs.getString("caller_number"),
                    rs.getString("address"),
                    Rows.point(rs, ""),
                    IncidentType.valueOf(rs.getString("incident_type")),
                    rs.getInt("priority"),
                    rs.getString("description"),
                    Rows.nullableLong(rs, "station_id"),
                    Rows.nullableLong(rs, "police_grid_id"),
                    IncidentStatus.valueOf(rs.getString("status")),
                    Rows.instant(rs, "closed_at"),
                    rs.getInt("version"));
        }
    }

    final class QueueEntryMapper implements RowMapper<QueueEntry> {
        @Override
        public QueueEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new QueueEntry(
                    rs.getLong("id"),
                    rs.getString("incident_no"),
                    Rows.instant(rs, "received_at"),
                    IncidentType.valueOf(rs.getString("incident_type")),
                    rs.getInt("priority"),
                    IncidentStatus.valueOf(rs.getString("status")),
                    rs.getString("address"),
                    rs.getString("caller_number"),
                    rs.getString("grid_name"),
                    rs.getString("station_name"),
                    Rows.point(rs, ""));
        }
    }
}
