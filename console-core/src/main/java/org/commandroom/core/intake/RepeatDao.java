package org.commandroom.core.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Look-ups behind repeat detection, and the stored flags. At most {@value #LIMIT} matches per criterion. */
public interface RepeatDao {

    int LIMIT = 200;

    String SELECT = "SELECT id, incident_no, received_at, address, caller_number, incident_type, lat, lon, datum FROM incident ";
    String WINDOW = " AND received_at >= :from AND received_at <= :to AND id <> :id ORDER BY received_at DESC, id DESC "
            + "FETCH FIRST " + LIMIT + " ROWS ONLY";

    @SqlQuery(SELECT + "WHERE caller_number = :caller" + WINDOW)
    @RegisterRowMapper(CandidateMapper.class)
    List<Candidate> sameCaller(@Bind("caller") String caller, @Bind("from") Instant from, @Bind("to") Instant to,
                               @Bind("id") long excludeId);

    @SqlQuery(SELECT + "WHERE address = :address" + WINDOW)
    @RegisterRowMapper(CandidateMapper.class)
    List<Candidate> sameAddress(@Bind("address") String address, @Bind("from") Instant from, @Bind("to") Instant to,
                                @Bind("id") long excludeId);

    /** Incidents stored in {@code datum} inside a latitude/longitude box (the caller filters by true distance). */
    @SqlQuery(SELECT + "WHERE lat BETWEEN :minLat AND :maxLat AND lon BETWEEN :minLon AND :maxLon AND datum = :datum" + WINDOW)
    @RegisterRowMapper(CandidateMapper.class)
    List<Candidate> inBox(@Bind("minLat") double minLat, @Bind("maxLat") double maxLat, @Bind("minLon") double minLon,
                          @Bind("maxLon") double maxLon, @Bind("datum") String datum, @Bind("from") Instant from,
                          @Bind("to") Instant to, @Bind("id") long excludeId);

    /** The given incidents, received in the window (the in-memory index's matches read back). */
    @SqlQuery(SELECT + "WHERE id IN (<ids>)")
    @RegisterRowMapper(CandidateMapper.class)
    List<Candidate> byIds(@org.jdbi.v3.sqlobject.customizer.BindList("ids") java.util.Collection<Long> ids);

    @SqlUpdate("INSERT INTO incident_repeat (incident_id, flagged_at, reasons, earlier_count, rule_min_count, rule_days, "
            + "rule_metres) VALUES (:id, :at, :reasons, :count, :k, :days, :metres)")
    void insertFlag(@Bind("id") long incidentId, @Bind("at") Instant at, @Bind("reasons") String reasons,
                    @Bind("count") int earlierCount, @Bind("k") int minCount, @Bind("days") long days,
                    @Bind("metres") double metres);

    /** The links of one flagged incident, in one JDBC batch; the lists are parallel. */
    @SqlBatch("INSERT INTO incident_repeat_link (incident_id, earlier_incident_id, reasons, distance_m) "
            + "VALUES (:id, :earlier, :reasons, :distance)")
    void insertLinks(@Bind("id") long incidentId, @Bind("earlier") List<Long> earlierIds, @Bind("reasons") List<String> reasons,
                     @Bind("distance") List<Double> distancesMetres);

    @SqlQuery("SELECT incident_id, reasons, rule_min_count, rule_days, rule_metres FROM incident_repeat WHERE incident_id = :id")
    @RegisterRowMapper(FlagMapper.class)
    Optional<Flag> flag(@Bind("id") long incidentId);

    @SqlQuery("SELECT i.id, i.incident_no, i.received_at, i.address, i.caller_number, i.incident_type, l.reasons, l.distance_m "
            + "FROM incident_repeat_link l JOIN incident i ON i.id = l.earlier_incident_id WHERE l.incident_id = :id "
            + "ORDER BY i.received_at DESC, i.id DESC")
    @RegisterRowMapper(LinkMapper.class)
    List<EarlierIncident> links(@Bind("id") long incidentId);

    @SqlQuery("SELECT COUNT(*) FROM incident_repeat WHERE incident_id = :id")
    int isFlagged(@Bind("id") long incidentId);

    /** An incident that might be a repeat's predecessor. */
    record Candidate(long id, String incidentNo, Instant receivedAt, String address, String callerNumber,
                     IncidentType type, GeoPoint position) {
    }

    /** A stored flag (without its links). */
    record Flag(long incidentId, String reasons, int minCount, int days, double metres) {
    }

    final class CandidateMapper implements RowMapper<Candidate> {
        @Override
        public Candidate map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Candidate(rs.getLong("id"), rs.getString("incident_no"), Rows.instant(rs, "received_at"),
                    rs.getString("address"), rs.getString("caller_number"), IncidentType.valueOf(rs.getString("incident_type")),
                    Rows.point(rs, ""));
        }
    }

    final class FlagMapper implements RowMapper<Flag> {
        @Override
        public Flag map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Flag(rs.getLong("incident_id"), rs.getString("reasons"), rs.getInt("rule_min_count"),
                    rs.getInt("rule_days"), rs.getDouble("rule_metres"));
        }
    }

    final class LinkMapper implements RowMapper<EarlierIncident> {
        @Override
        public EarlierIncident map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new EarlierIncident(rs.getLong("id"), rs.getString("incident_no"), Rows.instant(rs, "received_at"),
                    rs.getString("address"), rs.getString("caller_number"),
                    IncidentType.valueOf(rs.getString("incident_type")), RepeatDetector.parseReasons(rs.getString("reasons")),
                    Rows.nullableDouble(rs, "distance_m"));
        }
    }
}
