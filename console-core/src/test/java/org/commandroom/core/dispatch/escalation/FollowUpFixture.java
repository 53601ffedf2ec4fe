package org.commandroom.core.dispatch.escalation;

import java.time.ZoneId;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.push.OrderPushEnqueuer;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;

/**
 * A database with a bureau, a station, a unit 城关01 with an officer 张伟, an incident, and the order
 * service wired with the push outbox as in the app; one "workstation" (recorder origin) per instance.
 */
public final class FollowUpFixture {

    public static final String CALL_SIGN = "城关01";

    public final Database db;
    public final TestClock clock;
    public final ChangeRecorder recorder;
    public final OrderService orders;
    public final OrderFollowUp followUp;
    public final EscalationService escalation;
    public final long stationId;
    public final long unitId;
    public final long officerId;
    public final long incidentId;

    public FollowUpFixture(Database db, TestClock clock, String workstation) {
        this.db = db;
        this.clock = clock;
        this.recorder = new ChangeRecorder(clock, workstation);
        this.orders = new OrderService(db.jdbi(), clock, DeadlinePolicy.defaults(),
                new org.commandroom.core.store.Numbering(clock, ZoneId.of("Asia/Shanghai")), recorder,
                new OrderPushEnqueuer(clock));
        this.followUp = new OrderFollowUp(db.jdbi(), orders, clock, recorder);
        this.escalation = new EscalationService(db.jdbi(), recorder);
        long[] ids = db.jdbi().withHandle(h -> {
            Long existing = h.createQuery("SELECT id FROM station WHERE code = 'S1'").mapTo(Long.class).findOne().orElse(null);
            if (existing != null) {
                return new long[] {existing,
                        h.createQuery("SELECT id FROM patrol_unit").mapTo(Long.class).one(),
                        h.createQuery("SELECT id FROM officer").mapTo(Long.class).one(),
                        h.createQuery("SELECT id FROM incident").mapTo(Long.class).one()};
            }
            long bureau = h.createUpdate("INSERT INTO bureau (code, name) VALUES ('B1', '测试县局')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long station = h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, 'S1', '城关派出所', 'STATION')")
                    .bind("b", bureau).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long unit = h.createUpdate("INSERT INTO patrol_unit (call_sign, kind, station_id, status) VALUES (:cs, 'CAR', :s, 'AVAILABLE')")
                    .bind("cs", CALL_SIGN).bind("s", station).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long officer = h.createUpdate("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) "
                            + "VALUES (:s, 'P001', '张伟', 'POLICE', 'COMMUNITY_OFFICER')")
                    .bind("s", station).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long incident = h.createUpdate("INSERT INTO incident (incident_no, received_at, address, lat, lon, datum, category, "
                            + "incident_type, priority, description, station_id, status) VALUES ('J20261123-00001', :at, "
                            + "'前进路1号', 30.1, 104.2, 'WGS84', 'DISPUTE', 'FAMILY_DISPUTE', 2, '夫妻争吵', :s, 'DISPATCHED')")
                    .bind("at", clock.instant()).bind("s", station)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new long[] {station, unit, officer, incident};
        });
        this.stationId = ids[0];
        this.unitId = ids[1];
        this.officerId = ids[2];
        this.incidentId = ids[3];
    }

    /** A dispatch to the incident for 城关01 (feedback within 3 h). */
    public Order dispatch() {
        return orders.createAndIssue(new OrderDraft(OrderKind.DISPATCH, incidentId, IncidentType.FAMILY_DISPUTE,
                stationId, unitId, null, "速到前进路1号处置家庭纠纷", null), "值班长");
    }

    /** A dispute follow-up for the officer, no unit: feedback within the dispute type's limit. */
    public Order followUp(IncidentType dispute) {
        return orders.createAndIssue(new OrderDraft(OrderKind.DISPUTE_FOLLOW_UP, incidentId, dispute,
                stationId, null, officerId, "纠纷回访", null), "值班长");
    }
}
