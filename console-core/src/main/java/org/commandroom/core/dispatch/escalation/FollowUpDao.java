package org.commandroom.core.dispatch.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reads for the orders panel and the escalation list, and the record of missed deadlines. */
public interface FollowUpDao {

    String BOARD_SELECT = "SELECT o.id, o.order_no, o.kind, o.status, o.incident_id, i.incident_no, s.name AS station_name, "
            + "u.call_sign, f.name AS officer_name, o.summary, o.created_at, o.issued_at, o.sign_deadline, o.signed_at, "
            + "o.feedback_deadline, o.fed_back_at, o.closed_at, o.version, o.received_at, o.cancelled_at "
            + "FROM work_order o JOIN station s ON s.id = o.station_id "
            + "LEFT JOIN incident i ON i.id = o.incident_id "
            + "LEFT JOIN patrol_unit u ON u.id = o.unit_id "
            + "LEFT JOIN officer f ON f.id = o.assignee_officer_id ";

    /** The order's own columns, before push state, feedback text and escalations are added. */
    record BoardRow(long id, String orderNo, OrderKind kind, OrderStatus status, Long incidentId, String incidentNo,
                    String stationName, String callSign, String officerName, String summary, Instant createdAt,
                    Instant issuedAt, Instant signDeadline, Instant signedAt, Instant feedbackDeadline,
                    Instant fedBackAt, Instant closedAt, int version, Instant receivedAt, Instant cancelledAt) {
    }

    /** An outbox row reduced to what the push state needs. */
    record OutboxState(long id, long orderId, Instant createdAt, Instant deliveredAt, int attempts, String lastError) {
    }

    record Escalated(long orderId, EscalationKind kind) {
    }

    record Text(long orderId, String text) {
    }

    @SqlQuery(BOARD_SELECT + "WHERE o.status <> 'CLOSED' ORDER BY o.created_at, o.id")
    @RegisterRowMapper(BoardMapper.class)
    List<BoardRow> openBoard();

    @SqlQuery(BOARD_SELECT + "WHERE o.id IN (<ids>)")
    @RegisterRowMapper(BoardMapper.class)
    List<BoardRow> board(@BindList("ids") Collection<Long> ids);

    /** Orders with a running deadline: issued and not yet signed, or signed and not yet fed back. */
    @SqlQuery(BOARD_SELECT + "WHERE o.status IN ('ISSUED', 'SIGNED') ORDER BY o.id")
    @RegisterRowMapper(BoardMapper.class)
    List<BoardRow> running();

    @SqlQuery("SELECT id, order_id, created_at, delivered_at, attempts, last_error FROM push_outbox "
            + "WHERE order_id IN (<ids>) AND message_type IN ('ORDER', 'AMEND') ORDER BY id")
    @RegisterRowMapper(OutboxMapper.class)
    List<OutboxState> outbox(@BindList("ids") Collection<Long> ids);

    @SqlQuery("SELECT order_id, detail FROM work_order_event WHERE event = 'FED_BACK' AND order_id IN (<ids>) ORDER BY id")
    @RegisterRowMapper(TextMapper.class)
    List<Text> feedbackTexts(@BindList("ids") Collection<Long> ids);

    @SqlQuery("SELECT order_id, kind FROM order_escalation WHERE order_id IN (<ids>)")
    @RegisterRowMapper(EscalatedMapper.class)
    List<Escalated> escalations(@BindList("ids") Collection<Long> ids);

    @SqlUpdate("INSERT INTO order_escalation (order_id, kind, deadline, escalated_at, workstation) "
            + "VALUES (:orderId, :kind, :deadline, :at, :workstation)")
    void insertEscalation(@Bind("orderId") long orderId, @Bind("kind") EscalationKind kind,
                          @Bind("deadline") Instant deadline, @Bind("at") Instant at,
                          @Bind("workstation") String workstation);

    @SqlQuery("SELECT COUNT(*) FROM order_escalation WHERE order_id = :orderId AND kind = :kind")
    int escalationCount(@Bind("orderId") long orderId, @Bind("kind") EscalationKind kind);

    @SqlQuery("SELECT e.id, e.order_id, o.order_no, e.at, e.actor, e.event, e.detail FROM work_order_event e "
            + "JOIN work_order o ON o.id = e.order_id WHERE e.order_id = :orderId ORDER BY e.at, e.id")
    @RegisterRowMapper(TrailMapper.class)
    List<TrailEvent> orderTrail(@Bind("orderId") long orderId);

    @SqlQuery("SELECT e.id, e.order_id, o.order_no, e.at, e.actor, e.event, e.detail FROM work_order_event e "
            + "JOIN work_order o ON o.id = e.order_id WHERE o.incident_id = :incidentId ORDER BY e.at, e.id")
    @RegisterRowMapper(TrailMapper.class)
    List<TrailEvent> incidentTrail(@Bind("incidentId") long incidentId);

    final class BoardMapper implements RowMapper<BoardRow> {
        @Override
        public BoardRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new BoardRow(rs.getLong("id"), rs.getString("order_no"), OrderKind.valueOf(rs.getString("kind")),
                    OrderStatus.valueOf(rs.getString("status")), Rows.nullableLong(rs, "incident_id"),
                    rs.getString("incident_no"), rs.getString("station_name"), rs.getString("call_sign"),
                    rs.getString("officer_name"), rs.getString("summary"), Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "issued_at"), Rows.instant(rs, "sign_deadline"), Rows.instant(rs, "signed_at"),
                    Rows.instant(rs, "feedback_deadline"), Rows.instant(rs, "fed_back_at"),
                    Rows.instant(rs, "closed_at"), rs.getInt("version"), Rows.instant(rs, "received_at"),
                    Rows.instant(rs, "cancelled_at"));
        }
    }

    final class OutboxMapper implements RowMapper<OutboxState> {
        @Override
        public OutboxState map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new OutboxState(rs.getLong("id"), rs.getLong("order_id"), Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "delivered_at"), rs.getInt("attempts"), rs.getString("last_error"));
        }
    }

    final class TextMapper implements RowMapper<Text> {
        @Override
        public Text map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Text(rs.getLong("order_id"), rs.getString("detail"));
        }
    }

    final class EscalatedMapper implements RowMapper<Escalated> {
        @Override
        public Escalated map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Escalated(rs.getLong("order_id"), EscalationKind.valueOf(rs.getString("kind")));
        }
    }

    final class TrailMapper implements RowMapper<TrailEvent> {
        @Override
        public TrailEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new TrailEvent(rs.getLong("id"), rs.getLong("order_id"), rs.getString("order_no"),
                    Rows.instant(rs, "at"), rs.getString("actor"), OrderEventType.valueOf(rs.getString("event")),
                    rs.getString("detail"));
        }
    }
}
