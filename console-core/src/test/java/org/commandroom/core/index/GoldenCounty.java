package org.commandroom.core.index;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A hand-built county for the golden test and the other index tests: one bureau, stations A (20,000
 * residents, 2 police grids) and B (10,000, 1 grid), street post P (5,000, 1 grid), and a handful of
 * incidents and orders in October 2026 (and two burglaries in October 2025 for the year-on-year change).
 * All local times are Asia/Shanghai. The expected figures are worked out in {@link GoldenIndexTest}.
 */
final class GoldenCounty {

    /** The clock of the tests: 5 November 2026, 08:00 CST; October is over and every deadline in it has passed. */
    static final Instant NOW = cst(2026, 11, 5, 8, 0);

    final long bureau;
    final long a;
    final long b;
    final long p;
    long a1;
    long a2;
    long a3;
    long a4;
    long a5;
    long a8;
    long ly1;
    long ly2;
    long o1;
    long o2;
    long o3;
    long o4;
    private int seq;

    GoldenCounty(Jdbi jdbi) {
        long[] ids = jdbi.inTransaction(h -> {
            long bu = h.createUpdate("INSERT INTO bureau (code, name) VALUES ('GB', '金县公安局')").executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class).one();
            long sa = station(h, bu, "GA", "甲派出所", "STATION", 20_000, 30.0, "城区");
            long sb = station(h, bu, "GB", "乙派出所", "STATION", 10_000, 80.0, "农村");
            long sp = station(h, bu, "GP", "丙警务站", "POST", 5_000, 5.0, "城区");
            grid(h, sa, "GA-1");
            grid(h, sa, "GA-2");
            grid(h, sb, "GB-1");
            grid(h, sp, "GP-1");
            return new long[] {bu, sa, sb, sp};
        });
        bureau = ids[0];
        a = ids[1];
        b = ids[2];
        p = ids[3];
        jdbi.useTransaction(h -> {
            // Station A, October 2026
            a1 = incident(h, a, "FIGHT", "CLOSED", "13900000001", cst(2026, 10, 3, 20, 0));
            a2 = incident(h, a, "FIGHT", "CLOSED", "13900000002", cst(2026, 10, 10, 22, 0));
            a3 = incident(h, a, "FAMILY_DISPUTE", "CLOSED", "13900000003", cst(2026, 10, 5, 19, 0));
            a4 = incident(h, a, "FAMILY_DISPUTE", "CLOSED", "13900000003", cst(2026, 10, 20, 19, 0)); // same caller: a repeat
            a5 = incident(h, a, "BURGLARY", "CLOSED", "13900000005", cst(2026, 10, 12, 8, 0));
            incident(h, a, "NON_POLICE", "DIVERTED", "13900000006", cst(2026, 10, 15, 9, 0));
            incident(h, a, "NON_POLICE", "CLOSED", "13900000007", cst(2026, 10, 16, 9, 0));
            a8 = incident(h, a, "TRAFFIC_ACCIDENT", "CLOSED", "13900000008", cst(2026, 10, 18, 8, 0));
            // Station A, October 2025: two burglaries
            ly1 = incident(h, a, "BURGLARY", "CLOSED", "13700000001", cst(2025, 10, 2, 3, 0));
            ly2 = incident(h, a, "BURGLARY", "CLOSED", "13700000002", cst(2025, 10, 22, 3, 0));
            // Station B, October 2026
            incident(h, b, "EBIKE_THEFT", "CLOSED", "13800000001", cst(2026, 10, 8, 10, 0));
            incident(h, b, "TELECOM_FRAUD", "CLOSED", "13800000002", cst(2026, 10, 9, 10, 0));
            incident(h, b, "TELECOM_FRAUD", "CLOSED", "13800000003", cst(2026, 10, 25, 10, 0));
            // Post P: fights at 00:30 on 1 October (still October in Shanghai, 30 September in UTC),
            // on 30 October, and at 00:30 on 1 November (31 October in UTC, but November in Shanghai)
            incident(h, p, "FIGHT", "CLOSED", "13600000001", cst(2026, 10, 1, 0, 30));
            incident(h, p, "FIGHT", "CLOSED", "13600000002", cst(2026, 10, 30, 23, 30));
            incident(h, p, "FIGHT", "CLOSED", "13600000003", cst(2026, 11, 1, 0, 30));

            // Orders at A. Dispatch to a1: signed in 10 min, fed back in 1 h (both in time).
            Instant i1 = cst(2026, 10, 3, 20, 5);
            o1 = order(h, a, a1, "DISPATCH", i1, i1.plus(m(10)), i1.plus(m(60)), i1.plus(m(30)), i1.plus(m(180)));
            // Dispatch to a2: signed after 40 min (late), fed back after 2 h (in time).
            Instant i2 = cst(2026, 10, 10, 22, 5);
            o2 = order(h, a, a2, "DISPATCH", i2, i2.plus(m(40)), i2.plus(m(120)), i2.plus(m(30)), i2.plus(m(180)));
            // Dispute follow-up of a3: signed in 5 min, fed back after 2 h of its 3 (mediated before a4 came in).
            Instant i3 = cst(2026, 10, 5, 21, 0);
            o3 = order(h, a, a3, "DISPUTE_FOLLOW_UP", i3, i3.plus(m(5)), i3.plus(m(120)), i3.plus(m(30)), i3.plus(m(180)));
            // Re-visit of the burglary victim two days later: signed in 20 min, fed back after 30 h of 24 (late).
            Instant i4 = cst(2026, 10, 14, 10, 0);
            o4 = order(h, a, a5, "VISIT", i4, i4.plus(m(20)), i4.plus(m(30 * 60)), i4.plus(m(30)), i4.plus(m(24 * 60)));
        });
    }

    static Instant cst(int y, int mo, int d, int h, int mi) {
        return LocalDateTime.of(y, mo, d, h, mi).atZone(Period.ZONE).toInstant();
    }

    private static Duration m(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static long station(Handle h, long bureau, String code, String name, String kind, int pop, double area, String peer) {
        return h.createUpdate("INSERT INTO station (bureau_id, code, name, kind, resident_population, area_km2, peer_group) "
                        + "VALUES (:b, :c, :n, :k, :p, :a, :g)")
                .bind("b", bureau).bind("c", code).bind("n", name).bind("k", kind).bind("p", pop).bind("a", area).bind("g", peer)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void grid(Handle h, long station, String code) {
        h.createUpdate("INSERT INTO police_grid (station_id, code, name, boundary_wkt, datum) VALUES (:s, :c, :c, "
                        + "'POLYGON((0 0, 1 0, 1 1, 0 0))', 'WGS84')")
                .bind("s", station).bind("c", code).execute();
    }

    /** An incident as intake stores it: the row, and its link to the caller's previous call (CallerLinks). */
    long incident(Handle h, long station, String type, String status, String caller, Instant at) {
        String category = org.commandroom.core.incident.IncidentType.valueOf(type).category().name();
        long id = h.createUpdate("INSERT INTO incident (incident_no, received_at, caller_number, address, category, incident_type, "
                        + "priority, station_id, status) VALUES (:no, :at, :caller, :addr, :cat, :type, 2, :s, :st)")
                .bind("no", "GJ-" + (++seq)).bind("at", at).bind("caller", caller).bind("addr", "金县某路" + seq + "号")
                .bind("cat", category).bind("type", type).bind("s", station).bind("st", status)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        org.commandroom.core.incident.CallerLinks.link(h, id);
        return id;
    }

    long order(Handle h, long station, Long incident, String kind, Instant issued, Instant signed, Instant fedBack,
               Instant signDeadline, Instant feedbackDeadline) {
        return h.createUpdate("INSERT INTO work_order (order_no, kind, incident_id, station_id, summary, status, created_at, "
                        + "sign_deadline, feedback_deadline, issued_at, signed_at, fed_back_at) VALUES (:no, :k, :i, :s, '测试指令', "
                        + ":st, :c, :sd, :fd, :is, :sg, :fb)")
                .bind("no", "GZ-" + (++seq)).bind("k", kind).bind("i", incident).bind("s", station)
                .bind("st", fedBack != null ? "FED_BACK" : signed != null ? "SIGNED" : "ISSUED").bind("c", issued)
                .bind("sd", signDeadline).bind("fd", feedbackDeadline).bind("is", issued).bind("sg", signed).bind("fb", fedBack)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /**
     * Station A's house register in September 2026 (core prevention): a weekly construction site due on 1, 8, 15 and 22
     * September (fed back in time, exactly at its deadline, one minute late, and missed without an order), a rented house
     * due on 10 September and a self-occupied one due on 20 September, both fed back in time. Deadlines: the due day's
     * start in Shanghai plus 5 days. Only the golden test adds these (September is no period the other tests read).
     */
    void houseInspections(Jdbi jdbi) {
        jdbi.useTransaction(h -> {
            long site = house(h, "金县工地路", "CONSTRUCTION_SITE", java.time.LocalDate.of(2026, 8, 25));
            inspection(h, site, java.time.LocalDate.of(2026, 9, 1), cst(2026, 9, 3, 10, 0));
            inspection(h, site, java.time.LocalDate.of(2026, 9, 8), cst(2026, 9, 13, 0, 0));
            inspection(h, site, java.time.LocalDate.of(2026, 9, 15), cst(2026, 9, 20, 0, 1));
            inspection(h, site, java.time.LocalDate.of(2026, 9, 22), null);
            inspection(h, house(h, "金县出租路", "RENTED", java.time.LocalDate.of(2026, 8, 10)),
                    java.time.LocalDate.of(2026, 9, 10), cst(2026, 9, 11, 9, 0));
            inspection(h, house(h, "金县自住路", "SELF_OCCUPIED", java.time.LocalDate.of(2026, 3, 20)),
                    java.time.LocalDate.of(2026, 9, 20), cst(2026, 9, 24, 9, 0));
        });
    }

    private long house(Handle h, String address, String kind, java.time.LocalDate anchor) {
        return h.createUpdate("INSERT INTO house (address, house_no, natural_key, kind, star_score, stars, station_id, anchor_date, "
                        + "registered_on, updated_at) VALUES (:a, '1号', :k, :kind, 100, 5, :s, :anchor, :anchor, :at)")
                .bind("a", address).bind("k", address + "|1号").bind("kind", kind).bind("s", a).bind("anchor", anchor)
                .bind("at", NOW).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** An inspection due on {@code due} with its order (issued at the due day's start), fed back at {@code fedBack}; null: missed. */
    private void inspection(Handle h, long house, java.time.LocalDate due, Instant fedBack) {
        Instant start = due.atStartOfDay(Period.ZONE).toInstant();
        Instant deadline = due.plusDays(5).atStartOfDay(Period.ZONE).toInstant();
        Long order = fedBack == null ? null
                : order(h, a, null, "HOUSE_INSPECTION", start, start.plus(m(10)), fedBack, start.plus(m(30)), deadline);
        h.createUpdate("INSERT INTO house_inspection (house_id, due_date, deadline, station_id, order_id, created_at) "
                        + "VALUES (:h, :d, :dl, :s, :o, :at)")
                .bind("h", house).bind("d", due).bind("dl", deadline).bind("s", a).bind("o", order).bind("at", start).execute();
    }

    /**
     * Station A's model alerts with their time limit in August 2026 (core prevention ModelAlertService): five orders
     * issued five days before their limit: fed back a day early; exactly at the limit; a limit at 00:10 on 1 August in
     * Shanghai (31 July in UTC) fed back in time; one minute late; never fed back. Only the golden test adds these.
     */
    void modelAlerts(Jdbi jdbi) {
        jdbi.useTransaction(h -> {
            long flat = house(h, "金县水表路", "RENTED", java.time.LocalDate.of(2026, 6, 1));
            alert(h, flat, "M1", cst(2026, 8, 10, 9, 0), cst(2026, 8, 9, 9, 0));
            alert(h, flat, "M2", cst(2026, 8, 12, 9, 0), cst(2026, 8, 12, 9, 0));
            alert(h, flat, "M3", cst(2026, 8, 1, 0, 10), cst(2026, 7, 31, 20, 0));
            alert(h, flat, "M4", cst(2026, 8, 20, 9, 0), cst(2026, 8, 20, 9, 1));
            alert(h, flat, "M5", cst(2026, 8, 25, 9, 0), null);
        });
    }

    private void alert(Handle h, long house, String meter, Instant deadline, Instant fedBack) {
        Instant issued = deadline.minus(Duration.ofDays(5));
        long order = order(h, a, null, "HOUSE_INSPECTION", issued, issued.plus(m(10)), fedBack, issued.plus(m(30)), deadline);
        h.createUpdate("INSERT INTO model_alert (rule_code, meter_no, episode_start, house_id, station_id, order_id, detected_at, "
                        + "deadline, evidence) VALUES ('GROUP_RENTING', :m, :d, :h, :s, :o, :at, :dl, '表号 读数')")
                .bind("m", meter).bind("d", java.time.LocalDate.of(2026, 7, 1)).bind("h", house).bind("s", a).bind("o", order)
                .bind("at", issued).bind("dl", deadline).execute();
    }

    /**
     * Station A's community officer 金社区 (police grid GA-1) in August 2026 (core workhours): on the crew of car 甲1, sent
     * to a fight in GA-1 on 5 August (issued 10:00, on scene 10:20, cleared 11:20); his own visit about it fed back at
     * 11:00 (its 30 standard minutes lie inside the dispatch: counted once); a visit in GA-2 fed back on 6 August at
     * 15:00 (30 minutes, not his grid); and a call in GA-2 from 31 July 23:30 (on scene 23:50) cleared at 00:40 on
     * 1 August (40 minutes in August). Only the golden test adds these.
     */
    void communityOfficerHours(Jdbi jdbi) {
        jdbi.useTransaction(h -> {
            long ga1 = h.createQuery("SELECT id FROM police_grid WHERE code = 'GA-1'").mapTo(Long.class).one();
            long ga2 = h.createQuery("SELECT id FROM police_grid WHERE code = 'GA-2'").mapTo(Long.class).one();
            long officer = h.createUpdate("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) VALUES (:s, 'GA9001', "
                    + "'金社区', 'POLICE', 'COMMUNITY_OFFICER')").bind("s", a).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("UPDATE police_grid SET officer_id = :o WHERE id = :g").bind("o", officer).bind("g", ga1).execute();
            long car = h.createUpdate("INSERT INTO patrol_unit (call_sign, kind, station_id, status) VALUES ('甲1', 'CAR', :s, "
                    + "'AVAILABLE')").bind("s", a).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO unit_crew (unit_id, officer_id) VALUES (:u, :o)").bind("u", car).bind("o", officer).execute();
            long fight = gridIncident(h, ga1, cst(2026, 8, 5, 9, 55));
            long other = gridIncident(h, ga2, cst(2026, 8, 6, 9, 0));
            long late = gridIncident(h, ga2, cst(2026, 7, 31, 23, 25));
            timedOrder(h, "DISPATCH", fight, car, null, cst(2026, 8, 5, 10, 0), cst(2026, 8, 5, 10, 20), cst(2026, 8, 5, 11, 20), null);
            timedOrder(h, "VISIT", fight, null, officer, cst(2026, 8, 5, 10, 5), null, null, cst(2026, 8, 5, 11, 0));
            timedOrder(h, "VISIT", other, null, officer, cst(2026, 8, 6, 9, 10), null, null, cst(2026, 8, 6, 15, 0));
            timedOrder(h, "DISPATCH", late, car, null, cst(2026, 7, 31, 23, 30), cst(2026, 7, 31, 23, 50), cst(2026, 8, 1, 0, 40),
                    null);
        });
    }

    private long gridIncident(Handle h, long grid, Instant at) {
        long id = incident(h, a, "FIGHT", "CLOSED", null, at);
        h.createUpdate("UPDATE incident SET police_grid_id = :g WHERE id = :i").bind("g", grid).bind("i", id).execute();
        return id;
    }

    private void timedOrder(Handle h, String kind, long incident, Long unit, Long officer, Instant issued, Instant onScene,
                            Instant cleared, Instant fedBack) {
        h.createUpdate("INSERT INTO work_order (order_no, kind, incident_id, station_id, unit_id, assignee_officer_id, summary, "
                        + "status, created_at, issued_at, on_scene_at, cleared_at, fed_back_at) VALUES (:no, :k, :i, :s, :u, :o, "
                        + "'工时', 'FED_BACK', :is, :is, :os, :cl, :fb)")
                .bind("no", "GZ-" + (++seq)).bind("k", kind).bind("i", incident).bind("s", a).bind("u", unit).bind("o", officer)
                .bind("is", issued).bind("os", onScene).bind("cl", cleared).bind("fb", fedBack).execute();
    }

    /** A manual entry as the service would make it. */
    static void manual(Jdbi jdbi, String indicator, long station, Period period, double value, String by, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO manual_score (indicator_code, station_id, period_kind, period_start, raw_value, "
                        + "entered_by, entered_at, source) VALUES (:i, :s, :pk, :ps, :v, :by, :at, 'FORM')")
                .bind("i", indicator).bind("s", station).bind("pk", period.kind().name()).bind("ps", period.start())
                .bind("v", value).bind("by", by).bind("at", at).execute());
    }
}
