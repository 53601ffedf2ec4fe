package org.commandroom.core.dispatch;

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

/** Orders and their trail. State changes go through {@link OrderService}. */
public interface OrderDao {

    String COLUMNS = "id, order_no, kind, incident_id, station_id, unit_id, assignee_officer_id, summary, target_lat, "
            + "target_lon, datum, status, created_at, sign_deadline, feedback_deadline, issued_at, signed_at, "
            + "fed_back_at, closed_at, version";

    @SqlUpdate("INSERT INTO work_order (order_no, kind, incident_id, station_id, unit_id, assignee_officer_id, summary, "
            + "target_lat, target_lon, datum, status, created_at, sign_deadline, feedback_deadline, issued_at, signed_at, "
            + "fed_back_at, closed_at) VALUES (:orderNo, :kind, :incidentId, :stationId, :unitId, :assignee, :summary, "
            + ":lat, :lon, :datum, :status, :createdAt, :signDeadline, :feedbackDeadline, :issuedAt, :signedAt, "
            + ":fedBackAt, :closedAt)")
    @GetGeneratedKeys("id")
    long insertRow(@Bind("orderNo") String orderNo, @Bind("kind") OrderKind kind, @Bind("incidentId") Long incidentId,
                   @Bind("stationId") long stationId, @Bind("unitId") Long unitId, @Bind("assignee") Long assignee,
                   @Bind("summary") String summary, @Bind("lat") Double lat, @Bind("lon") Double lon,
                   @Bind("datum") String datum, @Bind("status") OrderStatus status, @Bind("createdAt") Instant createdAt,
                   @Bind("signDeadline") Instant signDeadline, @Bind("feedbackDeadline") Instant feedbackDeadline,
                   @Bind("issuedAt") Instant issuedAt, @Bind("signedAt") Instant signedAt,
                   @Bind("fedBackAt") Instant fedBackAt, @Bind("closedAt") Instant closedAt);

    /** Inserts the order as given (its id and version are ignored) and returns the new id. */
    default long insert(Order o) {
        return insertRow(o.orderNo(), o.kind(), o.incidentId(), o.stationId(), o.unitId(), o.assigneeOfficerId(),
                o.summary(), o.target() == null ? null : o.target().lat(), o.target() == null ? null : o.target().lon(),
                o.target() == null ? Datum.WGS84.name() : o.target().datum().name(), o.status(), o.createdAt(),
                o.signDeadline(), o.feedbackDeadline(), o.issuedAt(), o.signedAt(), o.fedBackAt(), o.closedAt());
    }

    @SqlUpdate("INSERT INTO work_order_event (order_id, at, actor, event, detail) VALUES (:orderId, :at, :actor, :event, :detail)")
    void appendEvent(@Bind("orderId") long orderId, @Bind("at") Instant at, @Bind("actor") String actor,
                     @Bind("event") OrderEventType event, @Bind("detail") String detail);

    @SqlQuery("SELECT " + COLUMNS + " FROM work_order WHERE id = :id")
    @RegisterRowMapper(OrderMapper.class)
    Optional<Order> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM work_order WHERE incident_id = :incidentId ORDER BY created_at, id")
    @RegisterRowMapper(OrderMapper.class)
    List<Order> forIncident(@Bind("incidentId") long incidentId);

    /** The open (not closed) dispatch order of this incident for this unit, if any. */
    @SqlQuery("SELECT " + COLUMNS + " FROM work_order WHERE incident_id = :incidentId AND unit_id = :unitId "
            + "AND kind = 'DISPATCH' AND status <> 'CLOSED' ORDER BY id FETCH FIRST 1 ROWS ONLY")
    @RegisterRowMapper(OrderMapper.class)
    Optional<Order> openDispatchOfUnit(@Bind("incidentId") long incidentId, @Bind("unitId") long unitId);

    /** The open dispatch order of this incident for this officer sent on his own (no unit), if any. */
    @SqlQuery("SELECT " + COLUMNS + " FROM work_order WHERE incident_id = :incidentId AND unit_id IS NULL "
            + "AND assignee_officer_id = :officerId AND kind = 'DISPATCH' AND status <> 'CLOSED' ORDER BY id "
            + "FETCH FIRST 1 ROWS ONLY")
    @RegisterRowMapper(OrderMapper.class)
    Optional<Order> openDispatchOfOfficer(@Bind("incidentId") long incidentId, @Bind("officerId") long officerId);

    /** The priority (1 urgent .. 3 routine) of the incident an order is about; empty when there is none. */
    @SqlQuery("SELECT priority FROM incident WHERE id = :id")
    Optional<Integer> incidentPriority(@Bind("id") long incidentId);

    @SqlQuery("SELECT " + COLUMNS + " FROM work_order WHERE status <> 'CLOSED' ORDER BY created_at, id")
    @RegisterRowMapper(OrderMapper.class)
    List<Order> openOrders();

    @SqlQuery("SELECT id, order_id, at, actor, event, detail FROM work_order_event WHERE order_id = :orderId ORDER BY at, id")
    @RegisterRowMapper(EventMapper.class)
    List<OrderEvent> trail(@Bind("orderId") long orderId);

    @SqlUpdate("UPDATE work_order SET status = 'ISSUED', issued_at = :at, sign_deadline = :signDeadline, "
            + "feedback_deadline = :feedbackDeadline, version = version + 1 WHERE id = :id AND status = 'CREATED'")
    int markIssued(@Bind("id") long id, @Bind("at") Instant at, @Bind("signDeadline") Instant signDeadline,
                   @Bind("feedbackDeadline") Instant feedbackDeadline);

    @SqlUpdate("UPDATE work_order SET status = 'SIGNED', signed_at = :at, received_at = COALESCE(received_at, :at), "
            + "version = version + 1 WHERE id = :id AND status = 'ISSUED'")
    int markSigned(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE work_order SET status = 'FED_BACK', fed_back_at = :at, version = version + 1 WHERE id = :id AND status = 'SIGNED'")
    int markFedBack(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE work_order SET status = 'CLOSED', closed_at = :at, version = version + 1 WHERE id = :id AND status = 'FED_BACK'")
    int markClosed(@Bind("id") long id, @Bind("at") Instant at);

    /** The terminal has the order (first RECEIPT; a SIGN sets it too if the receipt never came). */
    @SqlUpdate("UPDATE work_order SET received_at = :at WHERE id = :id AND received_at IS NULL "
            + "AND status IN ('ISSUED', 'SIGNED', 'FED_BACK')")
    int markReceived(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE work_order SET en_route_at = :at, en_route_terminal_at = :terminalAt WHERE id = :id "
            + "AND en_route_at IS NULL AND on_scene_at IS NULL AND status IN ('ISSUED', 'SIGNED', 'FED_BACK')")
    int markEnRoute(@Bind("id") long id, @Bind("at") Instant at, @Bind("terminalAt") Instant terminalAt);

    @SqlUpdate("UPDATE work_order SET on_scene_at = :at, on_scene_terminal_at = :terminalAt WHERE id = :id "
            + "AND on_scene_at IS NULL AND status IN ('ISSUED', 'SIGNED', 'FED_BACK')")
    int markOnScene(@Bind("id") long id, @Bind("at") Instant at, @Bind("terminalAt") Instant terminalAt);

    @SqlUpdate("UPDATE work_order SET cleared_at = :at WHERE id = :id AND on_scene_at IS NOT NULL AND cleared_at IS NULL")
    int markCleared(@Bind("id") long id, @Bind("at") Instant at);

    /** Gives an open order to another unit: back to ISSUED, its terminal times start again. */
    @SqlUpdate("UPDATE work_order SET unit_id = :unitId, status = 'ISSUED', signed_at = NULL, received_at = NULL, "
            + "en_route_at = NULL, on_scene_at = NULL, cleared_at = NULL, en_route_terminal_at = NULL, "
            + "on_scene_terminal_at = NULL, sign_deadline = :signDeadline, version = version + 1 "
            + "WHERE id = :id AND status IN ('ISSUED', 'SIGNED') AND unit_id IS NOT NULL AND unit_id <> :unitId")
    int reassign(@Bind("id") long id, @Bind("unitId") long unitId, @Bind("signDeadline") Instant signDeadline);

    @SqlUpdate("UPDATE work_order SET status = 'CLOSED', closed_at = :at, cancelled_at = :at, version = version + 1 "
            + "WHERE id = :id AND status IN ('CREATED', 'ISSUED', 'SIGNED', 'FED_BACK')")
    int markCancelled(@Bind("id") long id, @Bind("at") Instant at);

    /** Reviewed and sent back for more work: FED_BACK → SIGNED with a new feedback deadline. */
    @SqlUpdate("UPDATE work_order SET status = 'SIGNED', fed_back_at = NULL, feedback_deadline = :feedbackDeadline, "
            + "version = version + 1 WHERE id = :id AND status = 'FED_BACK'")
    int markReturned(@Bind("id") long id, @Bind("feedbackDeadline") Instant feedbackDeadline);

    @SqlQuery("SELECT cancelled_at FROM work_order WHERE id = :id")
    Optional<Instant> cancelledAt(@Bind("id") long id);

    @SqlQuery("SELECT o.id, i.received_at AS call_at, o.issued_at, o.received_at, o.signed_at, o.en_route_at, "
            + "o.on_scene_at, o.cleared_at FROM work_order o LEFT JOIN incident i ON i.id = o.incident_id WHERE o.id = :id")
    @RegisterRowMapper(TimesMapper.class)
    Optional<OrderTimes> times(@Bind("id") long id);

    @SqlQuery("SELECT o.id, i.received_at AS call_at, o.issued_at, o.received_at, o.signed_at, o.en_route_at, "
            + "o.on_scene_at, o.cleared_at FROM work_order o LEFT JOIN incident i ON i.id = o.incident_id "
            + "WHERE o.issued_at >= :from AND o.issued_at < :to AND o.kind = 'DISPATCH' ORDER BY o.id")
    @RegisterRowMapper(TimesMapper.class)
    List<OrderTimes> dispatchTimes(@Bind("from") Instant from, @Bind("to") Instant to);

    /**
     * Recomputes the incident's four response times (V28) from its orders, as they stand: dispatched = the first
     * DISPATCH order's created_at, en route = MIN of its orders' en_route_at, on scene = MIN of on_scene_at, cleared =
     * MAX of cleared_at. Every order counts, a cancelled (withdrawn) one too, since what its unit reported happened;
     * a re-assigned order counts with the times of its new unit only, since {@link #reassign} clears the old unit's.
     * Imported history (history_source set) is never touched: its times are the old system's. The one place the
     * live side writes these columns (docs/PUSH.md §8 "Per incident"); called by {@link OrderService} after every
     * change of an order, inside the same transaction. Returns the rows changed (0 or 1).
     */
    @SqlUpdate("UPDATE incident SET "
            + "dispatched_at = (SELECT MIN(o.created_at) FROM work_order o WHERE o.incident_id = incident.id AND o.kind = 'DISPATCH'), "
            + "en_route_at = (SELECT MIN(o.en_route_at) FROM work_order o WHERE o.incident_id = incident.id), "
            + "on_scene_at = (SELECT MIN(o.on_scene_at) FROM work_order o WHERE o.incident_id = incident.id), "
            + "cleared_at = (SELECT MAX(o.cleared_at) FROM work_order o WHERE o.incident_id = incident.id) "
            + "WHERE id = :incidentId AND history_source IS NULL")
    int refreshIncidentTimes(@Bind("incidentId") long incidentId);

    /** The incident an order is about, if any. */
    @SqlQuery("SELECT incident_id FROM work_order WHERE id = :id AND incident_id IS NOT NULL")
    Optional<Long> incidentOf(@Bind("id") long orderId);

    /** The open order of a unit a STATUS without an order is about: its latest signed or issued dispatch. */
    @SqlQuery("SELECT id FROM work_order WHERE unit_id = :unitId AND status IN ('ISSUED', 'SIGNED', 'FED_BACK') "
            + "ORDER BY issued_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
    Optional<Long> latestOpenOfUnit(@Bind("unitId") long unitId);

    final class TimesMapper implements RowMapper<OrderTimes> {
        @Override
        public OrderTimes map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new OrderTimes(rs.getLong("id"), Rows.instant(rs, "call_at"), Rows.instant(rs, "issued_at"),
                    Rows.instant(rs, "received_at"), Rows.instant(rs, "signed_at"), Rows.instant(rs, "en_route_at"),
                    Rows.instant(rs, "on_scene_at"), Rows.instant(rs, "cleared_at"));
        }
    }

    /** A correction of what the order says (summary and target); the old values go into a CORRECTED event. */
    @SqlUpdate("UPDATE work_order SET summary = :summary, target_lat = :lat, target_lon = :lon, datum = :datum, "
            + "version = version + 1 WHERE id = :id AND version = :version")
    int correct(@Bind("id") long id, @Bind("version") int expectedVersion, @Bind("summary") String summary,
                @Bind("lat") Double lat, @Bind("lon") Double lon, @Bind("datum") String datum);

    final class OrderMapper implements RowMapper<Order> {
        @Override
        public Order map(ResultSet rs, StatementContext ctx) throws SQLException {
            Double lat = Rows.nullableDouble(rs, "target_lat");
            Double lon = Rows.nullableDouble(rs, "target_lon");
            GeoPoint target = lat == null || lon == null ? null : new GeoPoint(lat, lon, Datum.valueOf(rs.getString("datum")));
            return new Order(
                    rs.getLong("id"),
                    rs.getString("order_no"),
                    OrderKind.valueOf(rs.getString("kind")),
                    Rows.nullableLong(rs, "incident_id"),
                    rs.getLong("station_id"),
                    Rows.nullableLong(rs, "unit_id"),
                    Rows.nullableLong(rs, "assignee_officer_id"),
                    rs.getString("summary"),
                    target,
                    OrderStatus.valueOf(rs.getString("status")),
                    Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "sign_deadline"),
                    Rows.instant(rs, "feedback_deadline"),
                    Rows.instant(rs, "issued_at"),
                    Rows.instant(rs, "signed_at"),
                    Rows.instant(rs, "fed_back_at"),
                    Rows.instant(rs, "closed_at"),
                    rs.getInt("version"));
        }
    }

    final class EventMapper implements RowMapper<OrderEvent> {
        @Override
        public OrderEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new OrderEvent(rs.getLong("id"), rs.getLong("order_id"), Rows.instant(rs, "at"),
                    rs.getString("actor"), OrderEventType.valueOf(rs.getString("event")), rs.getString("detail"));
        }
    }
}
