package org.commandroom.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.escalation.EscalationKind;
import org.commandroom.core.dispatch.escalation.EscalationService;
import org.commandroom.core.incident.IncidentType;

/**
 * Makes orders (指令) with their append-only trail. An order's plan (when it would be issued, signed,
 * fed back and closed) is cut at {@code end}: steps after it have not happened yet, so the order is
 * still open. A late signature or feedback leaves an ESCALATED event at the deadline it missed.
 */
final class OrderFactory {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    static final Map<IncidentType, String> LABEL = new EnumMap<>(IncidentType.class);

    static {
        String[][] labels = {
            {"BURGLARY", "入室盗窃"}, {"ROBBERY", "抢劫"}, {"ASSAULT", "伤害"}, {"EBIKE_THEFT", "盗窃电动车"},
            {"PICKPOCKET", "扒窃"}, {"TELECOM_FRAUD", "电信诈骗"}, {"FIGHT", "打架斗殴"}, {"GAMBLING_VICE", "黄赌"},
            {"SUSPICIOUS_PERSON", "可疑人员"}, {"NOISE", "噪音扰民"}, {"TRAFFIC_INJURY", "交通事故(伤人)"},
            {"TRAFFIC_ACCIDENT", "交通事故"}, {"TRAFFIC_JAM", "交通堵塞"}, {"FAMILY_DISPUTE", "家庭纠纷"},
            {"NEIGHBOUR_DISPUTE", "邻里纠纷"}, {"LABOUR_DISPUTE", "劳资纠纷"}, {"CONSUMER_DISPUTE", "消费纠纷"},
            {"SELF_HARM_RISK", "轻生"}, {"MISSING_PERSON", "人员走失"}, {"HELP_OTHER", "求助"}, {"NON_POLICE", "非警务"}};
        for (String[] l : labels) {
            LABEL.put(IncidentType.valueOf(l[0]), l[1]);
        }
    }

    private final DeadlinePolicy policy = DeadlinePolicy.defaults();
    private final Instant end;
    private final Map<String, Long> counters;

    /** One order and its trail. */
    static final class Spec {
        String no;
        OrderKind kind;
        Long incidentId;
        long stationId;
        Long unitId;
        Long assigneeId;
        String summary;
        Double targetLat;
        Double targetLon;
        OrderStatus status;
        Instant createdAt;
        Instant signDeadline;
        Instant feedbackDeadline;
        Instant issuedAt;
        Instant signedAt;
        Instant fedBackAt;
        Instant closedAt;
        /** What the unit's terminal reported (V21), a dispatch order only; null when not (yet) reported. */
        Instant enRouteAt;
        Instant onSceneAt;
        Instant clearedAt;
        final List<Event> events = new ArrayList<>();
        long id;
    }

    record Event(Instant at, String actor, OrderEventType type, String detail) {
    }

    /** @param counters the day's last order number per "ZL"+date key, continued and updated */
    OrderFactory(Instant end, Map<String, Long> counters) {
        this.end = end;
        this.counters = counters;
    }

    Map<String, Long> counters() {
        return new HashMap<>(counters);
    }

    /**
     * An order following the plan as far as {@code end}; null if it would not even be created by then.
     * Null step times mean the step never happens.
     */
    Spec plan(OrderKind kind, IncidentType type, Instant created, Instant issued, Instant signed, Instant fedBack,
              Instant closed, String commander, String assignee, String feedbackText) {
        return plan(kind, created, issued, signed, fedBack, closed, commander, assignee, feedbackText,
                issued == null ? null : policy.feedbackWithin(kind, type));
    }

    /**
     * {@link #plan(OrderKind, IncidentType, Instant, Instant, Instant, Instant, Instant, String, String, String)} with the
     * feedback time limit given (a house inspection's limit is its cycle's, not the policy's).
     */
    Spec plan(OrderKind kind, Instant created, Instant issued, Instant signed, Instant fedBack, Instant closed,
              String commander, String assignee, String feedbackText, Duration feedbackWithin) {
        if (created.isAfter(end)) {
            return null;
        }
        Spec o = new Spec();
        o.kind = kind;
        o.createdAt = created;
        LocalDate day = LocalDate.ofInstant(created, IncidentFactory.ZONE);
        String key = "ZL" + day.format(DAY);
        long n = counters.merge(key, 1L, Long::sum);
        o.no = key + "-" + String.format("%05d", n);
        o.status = OrderStatus.CREATED;
        o.events.add(new Event(created, commander, OrderEventType.CREATED, null));
        if (issued == null || issued.isAfter(end)) {
            return o;
        }
        o.issuedAt = issued;
        o.signDeadline = issued.plus(policy.signWithin());
        o.feedbackDeadline = issued.plus(feedbackWithin);
        o.status = OrderStatus.ISSUED;
        o.events.add(new Event(issued, commander, OrderEventType.ISSUED, "下发至" + assignee));
        boolean signLate = signed == null || signed.isAfter(o.signDeadline);
        if (signLate && !o.signDeadline.isAfter(end)) {
            // As EscalationService records a missed deadline (BulkWriter adds the order_escalation row).
            o.events.add(new Event(o.signDeadline, EscalationService.ACTOR, OrderEventType.ESCALATED,
                    EscalationKind.SIGN.eventCode() + " " + o.signDeadline));
        }
        if (signed == null || signed.isAfter(end)) {
            return o;
        }
        o.signedAt = signed;
        o.status = OrderStatus.SIGNED;
        o.events.add(new Event(signed, assignee, OrderEventType.SIGNED, null));
        boolean feedbackLate = fedBack == null || fedBack.isAfter(o.feedbackDeadline);
        if (feedbackLate && !o.feedbackDeadline.isAfter(end)) {
            o.events.add(new Event(o.feedbackDeadline, EscalationService.ACTOR, OrderEventType.ESCALATED,
                    EscalationKind.FEEDBACK.eventCode() + " " + o.feedbackDeadline));
        }
        if (fedBack == null || fedBack.isAfter(end)) {
            return o;
        }
        o.fedBackAt = fedBack;
        o.status = OrderStatus.FED_BACK;
        o.events.add(new Event(fedBack, assignee, OrderEventType.FED_BACK, feedbackText));
        if (closed == null || closed.isAfter(end)) {
            return o;
        }
        o.closedAt = closed;
        o.status = OrderStatus.CLOSED;
        o.events.add(new Event(closed, commander, OrderEventType.CLOSED, "同意办结"));
        return o;
    }

    /** A dispatch (出警) to an incident, with the usual pace; stops where the incident stands. */
    Spec dispatch(IncidentFactory.Spec inc, County county, County.UnitSpec unit, SplittableRandom rnd) {
        Instant created = inc.receivedAt.plusSeconds(30 + rnd.nextInt(150));
        Instant issued = created.plusSeconds(5 + rnd.nextInt(25));
        Instant signed = issued.plusSeconds(rnd.nextDouble() < 0.015 ? 1860 + rnd.nextInt(1800) : 20 + rnd.nextInt(220));
        Instant fed = null;
        Instant closed = null;
        if (inc.closedAt != null) {
            fed = inc.closedAt.isAfter(signed) ? inc.closedAt : signed.plusSeconds(300);
            closed = fed.plusSeconds(300 + rnd.nextInt(3600));
        }
        String commander = county.commanderNames[inc.station];
        Spec o = plan(OrderKind.DISPATCH, inc.type, created, issued, signed, fed, closed, commander,
                unit == null ? county.gridOfficerNames[inc.policeGrid] : unit.leaderName, "已到场处置:" + LABEL.get(inc.type) + "已处理完毕");
        if (o != null) {
            fill(o, inc, county, unit);
            o.summary = "出警:" + LABEL.get(inc.type) + " " + inc.address;
            unitReports(o, inc, unit == null ? county.gridOfficerNames[inc.policeGrid] : unit.leaderName, "CLOSED");
        }
        return o;
    }

    /**
     * What the unit's terminal reports after it signs, as far as the incident's status ({@code CLOSED},
     * {@code ON_SCENE} or {@code DISPATCHED}) and {@code end} allow: en route within a minute; on scene after a drive
     * of 3-9 minutes for a priority-1 call and 4-15 otherwise (before the feedback; sooner when the incident is on
     * scene by {@code end}); cleared at the feedback of a closed one. Each with its event in the trail. Drawn from a
     * random stream of the incident's own, so that the rest of the county is what it was before these times existed.
     */
    void unitReports(Spec o, IncidentFactory.Spec inc, String actor, String incidentStatus) {
        if (o.signedAt == null || o.signedAt.isAfter(end)) {
            return;
        }
        SplittableRandom rnd = new SplittableRandom(inc.no.hashCode() * 0x9E3779B97F4A7C15L);
        Instant enRoute = o.signedAt.plusSeconds(5 + rnd.nextInt(55));
        long drive = inc.priority == 1 ? 180 + rnd.nextInt(360) : 240 + rnd.nextInt(660);
        Instant until = o.fedBackAt != null ? o.fedBackAt : end;
        if (!enRoute.isBefore(until)) {
            enRoute = o.signedAt;
        }
        drive = Math.min(drive, Math.max(0, Duration.between(enRoute, until).getSeconds() / 2));
        Instant onScene = enRoute.plusSeconds(drive);
        o.enRouteAt = enRoute;
        o.events.add(new Event(enRoute, actor, OrderEventType.EN_ROUTE, null));
        if (incidentStatus.equals("DISPATCHED")) {
            o.events.sort(java.util.Comparator.comparing(Event::at));
            return;
        }
        o.onSceneAt = onScene;
        o.events.add(new Event(onScene, actor, OrderEventType.ON_SCENE, null));
        if (incidentStatus.equals("CLOSED") && o.fedBackAt != null) {
            o.clearedAt = o.fedBackAt;
            o.events.add(new Event(o.fedBackAt, actor, OrderEventType.CLEARED, null));
        }
        o.events.sort(java.util.Comparator.comparing(Event::at));
    }

    /** A dispute follow-up for the community officer of the incident's police grid (seed 004). */
    Spec followUp(IncidentFactory.Spec inc, County county, Instant issued, boolean signs, boolean signLate,
                  boolean feedsBack, boolean feedbackLate, SplittableRandom rnd) {
        Instant created = issued.minusSeconds(60 + rnd.nextInt(240));
        Instant signed = !signs ? null : issued.plusSeconds(signLate ? 1860 + rnd.nextInt(5400) : 120 + rnd.nextInt(1560));
        Duration limit = policy.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, inc.type);
        Instant fed = null;
        if (signed != null && feedsBack) {
            double f = feedbackLate ? 1.05 + rnd.nextDouble() * 0.5 : 0.2 + rnd.nextDouble() * 0.7;
            fed = issued.plusSeconds((long) (limit.getSeconds() * f));
            if (!fed.isAfter(signed)) {
                fed = signed.plusSeconds(600);
            }
        }
        Instant closed = fed == null ? null : fed.plusSeconds(600 + rnd.nextInt(5 * 3600));
        Spec o = plan(OrderKind.DISPUTE_FOLLOW_UP, inc.type, created, issued, signed, fed, closed,
                county.commanderNames[inc.station], county.gridOfficerNames[inc.policeGrid], "已上门回访,双方情绪稳定,纠纷已化解");
        if (o != null) {
            fill(o, inc, county, null);
            o.assigneeId = county.gridOfficerIds[inc.policeGrid];
            o.summary = "纠纷跟踪回访:" + LABEL.get(inc.type) + " " + inc.address + "(" + limit.toHours() + "小时内反馈)";
        }
        return o;
    }

    private static void fill(Spec o, IncidentFactory.Spec inc, County county, County.UnitSpec unit) {
        o.incidentId = inc.id;
        o.stationId = county.stationIds[inc.station];
        o.unitId = unit == null ? null : unit.id;
        o.assigneeId = unit == null || unit.crewIds.isEmpty() ? null : unit.crewIds.get(0);
        o.targetLat = county.map.lat(inc.y);
        o.targetLon = county.map.lon(inc.x);
    }
}
