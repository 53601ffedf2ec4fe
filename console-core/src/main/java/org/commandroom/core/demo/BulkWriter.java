package org.commandroom.core.demo;

import java.util.List;
import java.util.Map;
import org.commandroom.core.dispatch.OrderEventType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Batch inserts of the generated rows, with bound parameters and generated keys. Generated rows do not
 * go through the services: they write no change_log (the history is not a live update).
 */
final class BulkWriter {

    private BulkWriter() {
    }

    static void incidents(Handle h, List<IncidentFactory.Spec> all, County c) {
        for (int from = 0; from < all.size(); from += DemoCountyGenerator.BATCH) {
            incidentBatch(h, all.subList(from, Math.min(all.size(), from + DemoCountyGenerator.BATCH)), c);
        }
    }

    private static void incidentBatch(Handle h, List<IncidentFactory.Spec> rows, County c) {
        PreparedBatch b = h.prepareBatch("INSERT INTO incident (incident_no, received_at, caller_number, address, lat, lon, datum, "
                + "category, incident_type, priority, description, station_id, police_grid_id, status, closed_at) VALUES "
                + "(:no, :receivedAt, :caller, :address, :lat, :lon, 'WGS84', :category, :type, :priority, :description, "
                + ":stationId, :gridId, :status, :closedAt)");
        for (IncidentFactory.Spec s : rows) {
            b.bind("no", s.no).bind("receivedAt", s.receivedAt).bind("caller", s.caller).bind("address", s.address)
                    .bind("lat", c.map.lat(s.y)).bind("lon", c.map.lon(s.x)).bind("category", s.category().name())
                    .bind("type", s.type.name()).bind("priority", s.priority).bind("description", s.description)
                    .bind("stationId", c.stationIds[s.station]).bind("gridId", c.policeGridIds[s.policeGrid])
                    .bind("status", s.status).bind("closedAt", s.closedAt).add();
        }
        List<Long> ids = b.executePreparedBatch("id").mapTo(Long.class).list();
        check(ids, rows.size(), "incident");
        // The links to callers' previous calls are written once the whole county is stored (CallerLinks.relinkAll in
        // DemoCountyGenerator): one ordered pass instead of a look-up in each of a million INSERTs.
        for (int i = 0; i < ids.size(); i++) {
            rows.get(i).id = ids.get(i);
        }
    }

    static void orders(Handle h, List<OrderFactory.Spec> all) {
        for (int from = 0; from < all.size(); from += DemoCountyGenerator.BATCH) {
            orderBatch(h, all.subList(from, Math.min(all.size(), from + DemoCountyGenerator.BATCH)));
        }
    }

    private static void orderBatch(Handle h, List<OrderFactory.Spec> rows) {
        PreparedBatch b = h.prepareBatch("INSERT INTO work_order (order_no, kind, incident_id, station_id, unit_id, "
                + "assignee_officer_id, summary, target_lat, target_lon, datum, status, created_at, sign_deadline, "
                + "feedback_deadline, issued_at, signed_at, fed_back_at, closed_at, en_route_at, on_scene_at, cleared_at) "
                + "VALUES (:no, :kind, :incidentId, :stationId, :unitId, :assignee, :summary, :lat, :lon, 'WGS84', :status, "
                + ":createdAt, :signDeadline, :feedbackDeadline, :issuedAt, :signedAt, :fedBackAt, :closedAt, :enRouteAt, "
                + ":onSceneAt, :clearedAt)");
        for (OrderFactory.Spec o : rows) {
            b.bind("no", o.no).bind("kind", o.kind.name()).bind("incidentId", o.incidentId).bind("stationId", o.stationId)
                    .bind("unitId", o.unitId).bind("assignee", o.assigneeId).bind("summary", o.summary)
                    .bind("lat", o.targetLat).bind("lon", o.targetLon).bind("status", o.status.name())
                    .bind("createdAt", o.createdAt).bind("signDeadline", o.signDeadline)
                    .bind("feedbackDeadline", o.feedbackDeadline).bind("issuedAt", o.issuedAt).bind("signedAt", o.signedAt)
                    .bind("fedBackAt", o.fedBackAt).bind("closedAt", o.closedAt).bind("enRouteAt", o.enRouteAt)
                    .bind("onSceneAt", o.onSceneAt).bind("clearedAt", o.clearedAt).add();
        }
        List<Long> ids = b.executePreparedBatch("id").mapTo(Long.class).list();
        check(ids, rows.size(), "work_order");
        for (int i = 0; i < ids.size(); i++) {
            rows.get(i).id = ids.get(i);
        }
        PreparedBatch e = h.prepareBatch("INSERT INTO work_order_event (order_id, at, actor, event, detail) "
                + "VALUES (:orderId, :at, :actor, :event, :detail)");
        for (OrderFactory.Spec o : rows) {
            for (OrderFactory.Event ev : o.events) {
                e.bind("orderId", o.id).bind("at", ev.at()).bind("actor", ev.actor()).bind("event", ev.type().name())
                        .bind("detail", ev.detail()).add();
            }
        }
        e.execute();
        if (hasIncidentTimes(h)) {
            incidentTimes(h, rows);
        }
        // Missed deadlines are recorded once per order and kind, as EscalationService does (docs/ORDERS.md).
        PreparedBatch x = h.prepareBatch("INSERT INTO order_escalation (order_id, kind, deadline, escalated_at, workstation) "
                + "VALUES (:orderId, :kind, :at, :at, 'demo')");
        int escalations = 0;
        for (OrderFactory.Spec o : rows) {
            for (OrderFactory.Event ev : o.events) {
                org.commandroom.core.dispatch.escalation.EscalationKind k = ev.type() == OrderEventType.ESCALATED
                        ? org.commandroom.core.dispatch.escalation.EscalationKind.ofEventDetail(ev.detail()) : null;
                if (k != null) {
                    x.bind("orderId", o.id).bind("kind", k.name()).bind("at", ev.at()).add();
                    escalations++;
                }
            }
        }
        if (escalations > 0) {
            x.execute();
        }
    }

    /**
     * Whether the incident table has its four times (V28): the generator also fills databases of an earlier schema,
     * which V28 then gives their times (IncidentTimesMigrationTest).
     */
    private static boolean hasIncidentTimes(Handle h) {
        try {
            java.sql.DatabaseMetaData meta = h.getConnection().getMetaData();
            // H2 keeps unquoted names upper-case, PostgreSQL lower-case
            for (String[] name : new String[][] {{"INCIDENT", "DISPATCHED_AT"}, {"incident", "dispatched_at"}}) {
                try (java.sql.ResultSet r = meta.getColumns(null, null, name[0], name[1])) {
                    if (r.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the database's columns could not be read", e);
        }
    }

    /**
     * The incidents' four times from their dispatch orders, by the rule of {@code OrderDao.refreshIncidentTimes}
     * (first dispatch created, first en route, first on scene, last cleared), computed here for the batch instead of
     * one correlated update per incident. The generator gives an incident at most one dispatch order.
     */
    private static void incidentTimes(Handle h, List<OrderFactory.Spec> rows) {
        PreparedBatch u = h.prepareBatch("UPDATE incident SET dispatched_at = :dispatched, en_route_at = :enRoute, "
                + "on_scene_at = :onScene, cleared_at = :cleared WHERE id = :id");
        int n = 0;
        for (OrderFactory.Spec o : rows) {
            if (o.incidentId != null && o.kind == org.commandroom.core.dispatch.OrderKind.DISPATCH) {
                u.bind("dispatched", o.createdAt).bind("enRoute", o.enRouteAt).bind("onScene", o.onSceneAt)
                        .bind("cleared", o.clearedAt).bind("id", o.incidentId).add();
                n++;
            }
        }
        if (n > 0) {
            u.execute();
        }
    }

    static void units(Handle h, List<County.UnitSpec> units, List<UnitState> states, County c) {
        PreparedBatch b = h.prepareBatch("INSERT INTO patrol_unit (call_sign, kind, station_id, zone_id, status, lat, lon, "
                + "datum, heading, fix_at) VALUES (:callSign, :kind, :stationId, :zoneId, :status, :lat, :lon, 'WGS84', "
                + ":heading, :fixAt)");
        for (int i = 0; i < units.size(); i++) {
            County.UnitSpec u = units.get(i);
            UnitState s = states.get(i);
            b.bind("callSign", u.callSign).bind("kind", u.kind).bind("stationId", c.stationIds[u.station])
                    .bind("zoneId", u.zoneId).bind("status", s.status()).bind("lat", c.map.lat(s.y()))
                    .bind("lon", c.map.lon(s.x())).bind("heading", s.heading()).bind("fixAt", s.fixAt()).add();
        }
        List<Long> ids = b.executePreparedBatch("id").mapTo(Long.class).list();
        check(ids, units.size(), "patrol_unit");
        PreparedBatch crew = h.prepareBatch("INSERT INTO unit_crew (unit_id, officer_id) VALUES (:unitId, :officerId)");
        for (int i = 0; i < units.size(); i++) {
            units.get(i).id = ids.get(i);
            for (long officer : units.get(i).crewIds) {
                crew.bind("unitId", ids.get(i)).bind("officerId", officer).add();
            }
        }
        crew.execute();
    }

    /** Where a unit is and what it does at the end instant. */
    record UnitState(String status, double x, double y, double heading, java.time.Instant fixAt) {
    }

    static void setting(Handle h, String key, String value) {
        int n = h.createUpdate("UPDATE app_setting SET setting_value = :v WHERE setting_key = :k")
                .bind("k", key).bind("v", value).execute();
        if (n == 0) {
            h.createUpdate("INSERT INTO app_setting (setting_key, setting_value) VALUES (:k, :v)")
                    .bind("k", key).bind("v", value).execute();
        }
    }

    /** Raises the day counters so that numbers the console hands out later never collide with generated ones. */
    static void counters(Handle h, Map<String, Long> counters) {
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(counters).entrySet()) {
            int n = h.createUpdate("UPDATE number_counter SET last_value = :v WHERE counter_key = :k AND last_value < :v")
                    .bind("k", e.getKey()).bind("v", e.getValue()).execute();
            if (n == 0) {
                boolean exists = h.createQuery("SELECT COUNT(*) FROM number_counter WHERE counter_key = :k")
                        .bind("k", e.getKey()).mapTo(Long.class).one() > 0;
                if (!exists) {
                    h.createUpdate("INSERT INTO number_counter (counter_key, last_value) VALUES (:k, :v)")
                            .bind("k", e.getKey()).bind("v", e.getValue()).execute();
                }
            }
        }
    }

    static Map<String, Long> loadCounters(Handle h) {
        Map<String, Long> out = new java.util.HashMap<>();
        h.createQuery("SELECT counter_key, last_value FROM number_counter")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static void check(List<Long> ids, int expected, String table) {
        if (ids.size() != expected) {
            throw new IllegalStateException(table + ": expected " + expected + " generated keys, got " + ids.size());
        }
    }
}
