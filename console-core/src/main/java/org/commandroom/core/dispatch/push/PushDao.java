package org.commandroom.core.dispatch.push;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The push outbox and the record of terminal acknowledgements. */
public interface PushDao {

    /** One message waiting in (or delivered from) the outbox. */
    record OutboxRow(long id, long orderId, String topic, String payload, Instant createdAt, int attempts,
                     Instant lastAttemptAt, Instant deliveredAt, String lastError) {
    }

    /** Where an order goes and what the message says about its incident. */
    record PushTarget(String callSign, String bureauCode, PushMessages.IncidentInfo incident, GeoPoint incidentPosition) {
    }

    @SqlQuery("SELECT u.call_sign, b.code AS bureau_code, i.incident_no, i.incident_type, i.priority, i.address, "
            + "i.description, i.lat, i.lon, i.datum FROM work_order o JOIN patrol_unit u ON u.id = o.unit_id "
            + "JOIN station s ON s.id = o.station_id JOIN bureau b ON b.id = s.bureau_id "
            + "LEFT JOIN incident i ON i.id = o.incident_id WHERE o.id = :orderId")
    @RegisterRowMapper(TargetMapper.class)
    Optional<PushTarget> target(@Bind("orderId") long orderId);

    @SqlUpdate("INSERT INTO push_outbox (order_id, unit_id, topic, payload, created_at, message_type) "
            + "VALUES (:orderId, :unitId, :topic, :payload, :at, :type)")
    @GetGeneratedKeys("id")
    long enqueue(@Bind("orderId") long orderId, @Bind("unitId") long unitId, @Bind("topic") String topic,
                 @Bind("payload") String payload, @Bind("at") Instant at, @Bind("type") String messageType);

    /** An ORDER message. */
    default long enqueue(long orderId, long unitId, String topic, String payload, Instant at) {
        return enqueue(orderId, unitId, topic, payload, at, "ORDER");
    }

    /** The call-sign of a unit and the bureau of an order's station: where a message about the order to it goes. */
    @SqlQuery("SELECT u.call_sign FROM patrol_unit u WHERE u.id = :unitId")
    Optional<String> callSignOfUnit(@Bind("unitId") long unitId);

    @SqlQuery("SELECT id, order_id, topic, payload, created_at, attempts, last_attempt_at, delivered_at, last_error "
            + "FROM push_outbox WHERE delivered_at IS NULL ORDER BY id FETCH FIRST :limit ROWS ONLY")
    @RegisterRowMapper(OutboxMapper.class)
    List<OutboxRow> undelivered(@Bind("limit") int limit);

    @SqlQuery("SELECT id, order_id, topic, payload, created_at, attempts, last_attempt_at, delivered_at, last_error "
            + "FROM push_outbox WHERE order_id = :orderId AND message_type IN ('ORDER', 'AMEND') ORDER BY id")
    @RegisterRowMapper(OutboxMapper.class)
    List<OutboxRow> forOrder(@Bind("orderId") long orderId);

    @SqlQuery("SELECT COUNT(*) FROM push_outbox WHERE delivered_at IS NULL")
    long undeliveredCount();

    @SqlUpdate("UPDATE push_outbox SET delivered_at = :at, attempts = attempts + 1, last_attempt_at = :at, "
            + "last_error = NULL WHERE id = :id AND delivered_at IS NULL")
    int markDelivered(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE push_outbox SET attempts = attempts + 1, last_attempt_at = :at, last_error = :error "
            + "WHERE id = :id AND delivered_at IS NULL")
    int markFailed(@Bind("id") long id, @Bind("at") Instant at, @Bind("error") String error);

    @SqlQuery("SELECT COUNT(*) FROM push_inbound WHERE message_id = :messageId")
    int inboundCount(@Bind("messageId") String messageId);

    @SqlUpdate("INSERT INTO push_inbound (message_id, call_sign, order_id, action, terminal_at, received_at, outcome) "
            + "VALUES (:messageId, :callSign, :orderId, :action, :terminalAt, :receivedAt, :outcome)")
    void recordInbound(@Bind("messageId") String messageId, @Bind("callSign") String callSign,
                       @Bind("orderId") Long orderId, @Bind("action") AckAction action,
                       @Bind("terminalAt") Instant terminalAt, @Bind("receivedAt") Instant receivedAt,
                       @Bind("outcome") String outcome);

    @SqlQuery("SELECT u.call_sign FROM work_order o JOIN patrol_unit u ON u.id = o.unit_id WHERE o.id = :orderId")
    Optional<String> callSignOfOrder(@Bind("orderId") long orderId);

    /** A unit of this bureau, by its call-sign: {@code [id, lat, lon, datum, fix_at]} read by {@link UnitMapper}. */
    @SqlQuery("SELECT u.id, u.lat, u.lon, u.datum, u.fix_at FROM patrol_unit u JOIN station s ON s.id = u.station_id "
            + "JOIN bureau b ON b.id = s.bureau_id WHERE u.call_sign = :callSign AND b.code = :bureau")
    @RegisterRowMapper(UnitMapper.class)
    Optional<UnitHere> unitOfBureau(@Bind("callSign") String callSign, @Bind("bureau") String bureauCode);

    /** A unit as the listener needs it: its id and last stored position (null when it has none). */
    record UnitHere(long id, GeoPoint position, Instant fixAt) {
    }

    final class UnitMapper implements RowMapper<UnitHere> {
        @Override
        public UnitHere map(ResultSet rs, StatementContext ctx) throws SQLException {
            Double lat = Rows.nullableDouble(rs, "lat");
            Double lon = Rows.nullableDouble(rs, "lon");
            GeoPoint p = lat == null || lon == null ? null : new GeoPoint(lat, lon, Datum.valueOf(rs.getString("datum")));
            return new UnitHere(rs.getLong("id"), p, Rows.instant(rs, "fix_at"));
        }
    }

    @SqlUpdate("INSERT INTO unit_status_history (unit_id, status, at, terminal_at, order_id, source) "
            + "VALUES (:unitId, :status, :at, :terminalAt, :orderId, 'TERMINAL')")
    void recordStatus(@Bind("unitId") long unitId, @Bind("status") String status, @Bind("at") Instant at,
                      @Bind("terminalAt") Instant terminalAt, @Bind("orderId") Long orderId);

    @SqlUpdate("UPDATE patrol_unit SET status = :status, version = version + 1 WHERE id = :id")
    int setUnitStatus(@Bind("id") long unitId, @Bind("status") String status);

    @SqlUpdate("INSERT INTO unit_emergency (unit_id, message_id, raised_at, terminal_at, lat, lon, datum, fix_at, text) "
            + "VALUES (:unitId, :messageId, :raisedAt, :terminalAt, :lat, :lon, :datum, :fixAt, :text)")
    @GetGeneratedKeys("id")
    long recordEmergency(@Bind("unitId") long unitId, @Bind("messageId") String messageId,
                         @Bind("raisedAt") Instant raisedAt, @Bind("terminalAt") Instant terminalAt,
                         @Bind("lat") Double lat, @Bind("lon") Double lon, @Bind("datum") String datum,
                         @Bind("fixAt") Instant fixAt, @Bind("text") String text);

    final class TargetMapper implements RowMapper<PushTarget> {
        @Override
        public PushTarget map(ResultSet rs, StatementContext ctx) throws SQLException {
            String no = rs.getString("incident_no");
            PushMessages.IncidentInfo incident = no == null ? null : new PushMessages.IncidentInfo(no,
                    rs.getString("incident_type"), rs.getInt("priority"), rs.getString("address"),
                    rs.getString("description"));
            Double lat = Rows.nullableDouble(rs, "lat");
            Double lon = Rows.nullableDouble(rs, "lon");
            GeoPoint position = lat == null || lon == null ? null
                    : new GeoPoint(lat, lon, Datum.valueOf(rs.getString("datum")));
            return new PushTarget(rs.getString("call_sign"), rs.getString("bureau_code"), incident, position);
        }
    }

    final class OutboxMapper implements RowMapper<OutboxRow> {
        @Override
        public OutboxRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new OutboxRow(rs.getLong("id"), rs.getLong("order_id"), rs.getString("topic"),
                    rs.getString("payload"), Rows.instant(rs, "created_at"), rs.getInt("attempts"),
                    Rows.instant(rs, "last_attempt_at"), Rows.instant(rs, "delivered_at"), rs.getString("last_error"));
        }
    }

    /** Gives the order its terminal identity unless it has one; the caller reads it back with {@link #orderUid}. */
    @SqlUpdate("UPDATE work_order SET order_uid = :uid WHERE id = :orderId AND order_uid IS NULL")
    int assignOrderUid(@Bind("orderId") long orderId, @Bind("uid") String uid);

    @SqlQuery("SELECT order_uid FROM work_order WHERE id = :orderId")
    Optional<String> orderUid(@Bind("orderId") long orderId);
}
