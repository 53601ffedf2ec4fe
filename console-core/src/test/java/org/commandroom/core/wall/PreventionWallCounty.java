package org.commandroom.core.wall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.commandroom.core.TestClock;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.intake.RepeatRule;
import org.commandroom.core.store.Database;
import org.commandroom.core.unit.UnitKind;
import org.jdbi.v3.core.Handle;

/**
 * A small county planted for the wall's 主防工作 panel (core {@code WallPreventionTest} and the app's
 * {@code WallPreventionPanelTest}): on {@link IntakeFixture}'s county (城关派出所 S1 with 王建国 community officer of
 * G1, 东城派出所 S2 with 李明 community officer of G3) plus 河坝派出所 S3 with nothing, at {@link #NOW}, Wednesday
 * 9 December 2026 10:00 in Shanghai (the week from Monday 7 December).
 *
 * <ul>
 *   <li>Communities, by a rule of one point an incident, orange from 10, red from 25: 北关社区 30 incidents (red),
 *   南关社区 25 (red exactly), 东城社区 12 (orange), 河坝社区 9 (green, just under orange), 新华社区 none (green); an
 *   incident before the 90-day window is not counted.</li>
 *   <li>Inspections overdue now: S1 3 (an issued order past its deadline, a signed one past it, a missed due date
 *   that is the house's latest; not: an order not yet due, a missed due date followed by one fed back); S2 1 (a missed
 *   latest; not: one fed back late).</li>
 *   <li>Model alerts late now: S1 1 (not: one open but not yet due, one fed back late); S2 4 (not: one withdrawn).</li>
 *   <li>Work-hours this week: S1 王建国 a visit in his grid (30 standard minutes) and one in G3 (30, not in his
 *   community), 赵巡逻 the car's dispatch (20 minutes' travel and 60 on scene), a visit fed back on Sunday (last week,
 *   not counted): 140 minutes, the community officer 60 of which 30 in his community (50 %); S2 李明 a visit in his
 *   grid: 30 minutes, 100 %.</li>
 * </ul>
 */
public final class PreventionWallCounty {

    /** Wednesday 9 December 2026, 10:00 in Shanghai. */
    public static final Instant NOW = ZonedDateTime.of(2026, 12, 9, 10, 0, 0, 0, IntakeFixture.ZONE).toInstant();

    public final IntakeFixture fx;
    public long s3;
    private int seq;

    private PreventionWallCounty(IntakeFixture fx) {
        this.fx = fx;
    }

    /** Plants the county into an empty, migrated database; {@code clock} should read {@link #NOW}. */
    public static PreventionWallCounty plant(Database db, TestClock clock) {
        IntakeFixture fx = new IntakeFixture(db, clock, "ws-plant", RepeatRule.defaults(), true);
        PreventionWallCounty c = new PreventionWallCounty(fx);
        c.s3 = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, 'S3', "
                + "'河坝派出所', 'STATION')").bind("b", fx.bureauId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        db.jdbi().useTransaction(c::communities);
        db.jdbi().useTransaction(c::inspections);
        db.jdbi().useTransaction(c::alerts);
        c.workHours(db);
        return c;
    }

    private static Instant at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, IntakeFixture.ZONE).toInstant();
    }

    private void communities(Handle h) {
        h.execute("UPDATE community_risk_param SET val = 1 WHERE name = 'incidentWeight'");
        h.execute("UPDATE community_risk_param SET val = 10 WHERE name = 'orangeAt'");
        long street = h.createQuery("SELECT id FROM street").mapTo(Long.class).one();
        // C1 南关社区 (103.70-103.72, 29.20-29.22) is the fixture's
        community(h, street, "C2", "北关社区", 103.72, 103.74, 29.20, 29.22);
        community(h, street, "C3", "东城社区", 103.74, 103.76, 29.20, 29.22);
        community(h, street, "C4", "河坝社区", 103.76, 103.78, 29.20, 29.22);
        community(h, street, "C5", "新华社区", 103.70, 103.72, 29.22, 29.24);
        incidents(h, 25, 29.21, 103.71);
        incidents(h, 30, 29.21, 103.73);
        incidents(h, 12, 29.21, 103.75);
        incidents(h, 9, 29.21, 103.77);
        incident(h, 29.21, 103.77, NOW.minus(Duration.ofDays(91)));
    }

    private static void community(Handle h, long street, String code, String name, double w, double e, double s, double n) {
        h.createUpdate("INSERT INTO community (street_id, code, name, boundary_wkt, datum) VALUES (:s, :c, :n, :w, 'WGS84')")
                .bind("s", street).bind("c", code).bind("n", name)
                .bind("w", String.format(Locale.ROOT, "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))", w, s, e, s, e, n, w, n, w, s))
                .execute();
    }

    private void incidents(Handle h, int n, double lat, double lon) {
        for (int i = 0; i < n; i++) {
            incident(h, lat + (i % 10) * 0.0005, lon + (i / 10) * 0.0005, NOW.minus(Duration.ofHours(1 + i * 7L)));
        }
    }

    private void incident(Handle h, double lat, double lon, Instant at) {
        h.createUpdate("INSERT INTO incident (incident_no, received_at, address, lat, lon, category, incident_type, priority, status) "
                        + "VALUES (:no, :at, '某地', :lat, :lon, 'CRIMINAL', 'THEFT', 2, 'CLOSED')")
                .bind("no", "PW" + (++seq)).bind("at", at).bind("lat", lat).bind("lon", lon).execute();
    }

    private long house(Handle h, long station) {
        String no = (++seq) + "号";
        return h.createUpdate("INSERT INTO house (address, house_no, natural_key, kind, star_score, stars, station_id, "
                        + "anchor_date, registered_on, updated_at) VALUES ('河坝街', :no, :k, 'RENTED', 80, 4, :st, :d, :d, :at)")
                .bind("no", no).bind("k", "河坝街|" + no).bind("st", station).bind("d", LocalDate.of(2026, 1, 1)).bind("at", NOW)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** An order of {@code kind} given to nobody in particular (no work-hours), in {@code status}. */
    private long order(Handle h, String kind, long station, String status, Instant fedBack, Instant cancelled) {
        return h.createUpdate("INSERT INTO work_order (order_no, kind, station_id, summary, status, created_at, issued_at, "
                        + "fed_back_at, cancelled_at, closed_at) VALUES (:no, :k, :s, '主防', :st, :c, :c, :fb, :cx, :cx)")
                .bind("no", "PO-" + (++seq)).bind("k", kind).bind("s", station).bind("st", status)
                .bind("c", NOW.minus(Duration.ofDays(20))).bind("fb", fedBack).bind("cx", cancelled)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void inspection(Handle h, long house, long station, LocalDate due, Instant deadline, Long order) {
        h.createUpdate("INSERT INTO house_inspection (house_id, due_date, deadline, station_id, order_id, created_at) "
                        + "VALUES (:h, :d, :dl, :s, :o, :at)")
                .bind("h", house).bind("d", due).bind("dl", deadline).bind("s", station).bind("o", order)
                .bind("at", due.atStartOfDay(IntakeFixture.ZONE).toInstant()).execute();
    }

    private void inspections(Handle h) {
        LocalDate due = LocalDate.of(2026, 12, 1);
        Instant past = NOW.minus(Duration.ofDays(1));
        inspection(h, house(h, fx.s1), fx.s1, due, past, order(h, "HOUSE_INSPECTION", fx.s1, "ISSUED", null, null));
        inspection(h, house(h, fx.s1), fx.s1, due, past, order(h, "HOUSE_INSPECTION", fx.s1, "SIGNED", null, null));
        inspection(h, house(h, fx.s1), fx.s1, due, past, null);
        inspection(h, house(h, fx.s1), fx.s1, due, NOW.plus(Duration.ofDays(1)),
                order(h, "HOUSE_INSPECTION", fx.s1, "ISSUED", null, null));
        long answered = house(h, fx.s1);
        inspection(h, answered, fx.s1, LocalDate.of(2026, 11, 1), NOW.minus(Duration.ofDays(30)), null);
        inspection(h, answered, fx.s1, due, past, order(h, "HOUSE_INSPECTION", fx.s1, "FED_BACK", past.minusSeconds(60), null));
        inspection(h, house(h, fx.s2), fx.s2, due, past, null);
        inspection(h, house(h, fx.s2), fx.s2, due, past.minus(Duration.ofDays(2)),
                order(h, "HOUSE_INSPECTION", fx.s2, "FED_BACK", past, null));
    }

    private void alert(Handle h, long station, Instant deadline, String status, Instant fedBack, Instant cancelled) {
        long house = house(h, station);
        long order = order(h, "HOUSE_INSPECTION", station, status, fedBack, cancelled);
        h.createUpdate("INSERT INTO model_alert (rule_code, meter_no, episode_start, house_id, station_id, order_id, detected_at, "
                        + "deadline, evidence) VALUES ('GROUP_RENTING', :m, :d, :h, :s, :o, :at, :dl, '表号')")
                .bind("m", "SW" + (++seq)).bind("d", LocalDate.of(2026, 8, 1)).bind("h", house).bind("s", station).bind("o", order)
                .bind("at", NOW.minus(Duration.ofDays(10))).bind("dl", deadline).execute();
    }

    private void alerts(Handle h) {
        Instant past = NOW.minus(Duration.ofDays(2));
        alert(h, fx.s1, past, "ISSUED", null, null);
        alert(h, fx.s1, NOW.plus(Duration.ofDays(3)), "SIGNED", null, null);
        alert(h, fx.s1, past, "FED_BACK", NOW.minus(Duration.ofDays(1)), null);
        for (int i = 0; i < 4; i++) {
            alert(h, fx.s2, past.minus(Duration.ofHours(i)), i % 2 == 0 ? "ISSUED" : "SIGNED", null, null);
        }
        alert(h, fx.s2, past, "CLOSED", null, NOW.minus(Duration.ofDays(1)));
    }

    private void workHours(Database db) {
        long patrol = fx.patrolOfficer(fx.s1, "赵巡逻");
        long car = fx.unit("城关1号车", UnitKind.CAR, fx.s1, IntakeFixture.IN_G2, Duration.ofMinutes(1), patrol);
        db.jdbi().useTransaction(h -> {
            long inG1 = gridIncident(h, fx.g1);
            long inG2 = gridIncident(h, fx.g2);
            long inG3 = gridIncident(h, fx.g3);
            work(h, "VISIT", inG1, null, fx.officerWang, at(8, 10, 0), null, null, at(8, 10, 0));
            work(h, "VISIT", inG3, null, fx.officerWang, at(8, 15, 0), null, null, at(8, 15, 0));
            work(h, "VISIT", inG1, null, fx.officerWang, at(6, 10, 0), null, null, at(6, 10, 0));
            work(h, "DISPATCH", inG2, car, null, at(8, 14, 0), at(8, 14, 20), at(8, 15, 20), null);
            work(h, "VISIT", inG3, null, fx.officerLi, at(9, 9, 0), null, null, at(9, 9, 0));
        });
    }

    private long gridIncident(Handle h, long grid) {
        return h.createUpdate("INSERT INTO incident (incident_no, received_at, address, category, incident_type, priority, "
                        + "police_grid_id, status) VALUES (:no, :at, '某路', 'DISPUTE', 'FAMILY_DISPUTE', 2, :g, 'CLOSED')")
                .bind("no", "PW" + (++seq)).bind("at", NOW.minus(Duration.ofDays(3))).bind("g", grid)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private void work(Handle h, String kind, long incident, Long unit, Long officer, Instant issued, Instant onScene,
                      Instant cleared, Instant fedBack) {
        h.createUpdate("INSERT INTO work_order (order_no, kind, incident_id, station_id, unit_id, assignee_officer_id, summary, "
                        + "status, created_at, issued_at, on_scene_at, cleared_at, fed_back_at) VALUES "
                        + "(:no, :k, :i, :s, :u, :o, '工时', :st, :is, :is, :os, :cl, :fb)")
                .bind("no", "PW-" + (++seq)).bind("k", kind).bind("i", incident).bind("s", fx.s1).bind("u", unit)
                .bind("o", officer).bind("st", fedBack != null || cleared != null ? "FED_BACK" : "SIGNED").bind("is", issued)
                .bind("os", onScene).bind("cl", cleared).bind("fb", fedBack).execute();
    }
}
