package org.commandroom.core.dispatch.push;

import java.time.Clock;
import java.time.ZoneId;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.TestDb;

/** A database with a bureau (code B1), a station, a unit 城关01 and an incident, and the push-wired order service. */
final class PushFixture implements AutoCloseable {

    static final String BUREAU = "B1";
    static final String CALL_SIGN = "城关01";

    final Database db;
    final Clock clock;
    final OrderPushEnqueuer enqueuer;
    final OrderService orders;
    final long stationId;
    final long unitId;
    final long incidentId;

    PushFixture(TestDb kind, Clock clock) {
        this(kind.open(), clock);
    }

    /** The same on a database opened elsewhere (e.g. a shared one a test takes away and brings back). */
    PushFixture(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.enqueuer = new OrderPushEnqueuer(clock);
        this.orders = new OrderService(db.jdbi(), clock, DeadlinePolicy.defaults(),
                new Numbering(clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(clock, "test"), enqueuer);
        long[] ids = db.jdbi().withHandle(h -> {
            long bureau = h.createUpdate("INSERT INTO bureau (code, name) VALUES (:c, '测试县局')").bind("c", BUREAU)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long station = h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, 'S1', '城关派出所', 'STATION')")
                    .bind("b", bureau).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long unit = h.createUpdate("INSERT INTO patrol_unit (call_sign, kind, station_id, status) VALUES (:cs, 'CAR', :s, 'AVAILABLE')")
                    .bind("cs", CALL_SIGN).bind("s", station).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long incident = h.createUpdate("INSERT INTO incident (incident_no, received_at, address, lat, lon, datum, category, "
                            + "incident_type, priority, description, station_id, status) VALUES ('JQ20261123-00001', :at, "
                            + "'前进路1号', 30.1, 104.2, 'WGS84', 'DISPUTE', 'FAMILY_DISPUTE', 2, '夫妻争吵，邻居报警', :s, 'NEW')")
                    .bind("at", clock.instant()).bind("s", station)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new long[] {station, unit, incident};
        });
        this.stationId = ids[0];
        this.unitId = ids[1];
        this.incidentId = ids[2];
    }

    /** A dispatch to the incident for unit 城关01, created and issued in one transaction. */
    Order issueToUnit() {
        return orders.createAndIssue(new OrderDraft(OrderKind.DISPATCH, incidentId, IncidentType.FAMILY_DISPUTE,
                stationId, unitId, null, "速到前进路1号处置家庭纠纷", null), "值班长");
    }

    /** An order with a target point and no incident. */
    Order issueInterceptToUnit(GeoPoint target) {
        return orders.createAndIssue(new OrderDraft(OrderKind.INTERCEPT, null, null, stationId, unitId, null,
                "前进路口布控", target), "值班长");
    }

    /** An order for the station, with no unit. */
    Order issueToStation() {
        return orders.createAndIssue(new OrderDraft(OrderKind.VISIT, incidentId, IncidentType.FAMILY_DISPUTE,
                stationId, null, null, "上门回访", null), "值班长");
    }

    PushStatus status(long orderId) {
        return new PushStatusQuery(db.jdbi()).statusOf(orderId);
    }

    @Override
    public void close() {
        db.close();
    }
}
