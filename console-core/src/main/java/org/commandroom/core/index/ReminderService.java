package org.commandroom.core.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminder notices (提醒单): after a period is computed, a station whose indicator or capability dropped by
 * more than the configured points against the previous period (SWING), or whose score is under the pass
 * line at a configured level (UNDER_PASS), gets a REMINDER order in the closed loop with a remediation
 * deadline. The notice table's unique key (station, period, cause, subject) makes a second review of the
 * same period, on this or another workstation, create nothing new. A period not over yet is not reviewed.
 */
public final class ReminderService {

    public static final String ACTOR = "主防指数";
    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);

    /** A notice sent. */
    public record Notice(long stationId, Period period, String cause, String subject, String detail, long orderId,
                         Instant remediationDeadline) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final IndexDefinitions definitions;
    private final DeadlinePolicy basePolicy;
    private final Numbering numbering;
    private final ChangeRecorder changes;

    public ReminderService(Jdbi jdbi, Clock clock, IndexDefinitions definitions, DeadlinePolicy basePolicy, Numbering numbering,
                           ChangeRecorder changes) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.definitions = definitions;
        this.basePolicy = basePolicy;
        this.numbering = numbering;
        this.changes = changes;
    }

    /**
     * Reviews the stored scores of a period against the previous one and sends the notices due; returns the new ones.
     * A period not over yet sends none: its scores are provisional, and a notice about them could be wrong by the end.
     */
    public List<Notice> review(Period period) {
        if (period.provisionalAt(clock.instant())) {
            LOG.info("Prevention index {}: not reviewed for reminder notices, the period is not over", period);
            return List.of();
        }
        IndexDefinition def = definitions.current();
        IndexDefinition.ReminderRules rules = def.reminders();
        Set<ScopeKind> kinds = Set.of(ScopeKind.STATION, ScopeKind.STREET_POST);
        /** before: the previous period's score (SWING; null for UNDER_PASS), now: this period's, pass: the pass line. */
        record Cause(long station, String cause, String subject, String detail, Double before, double now, double pass) {
        }
        List<Cause> causes = new ArrayList<>();
        List<StationFacts> stations = jdbi.withHandle(h -> {
            Map<Long, Map<String, Double>> pts = IndexStore.points(h, kinds, period);
            Map<Long, Map<String, Double>> prevPts = IndexStore.points(h, kinds, period.previous());
            Map<Long, Map<String, Double>> sc = IndexStore.scores(h, kinds, period);
            Map<Long, Map<String, Double>> prevSc = IndexStore.scores(h, kinds, period.previous());
            List<StationFacts> all = StationFacts.load(h);
            for (StationFacts s : all) {
                Map<String, Double> p = pts.getOrDefault(s.id(), Map.of());
                Map<String, Double> pp = prevPts.getOrDefault(s.id(), Map.of());
                Map<String, Double> c = sc.getOrDefault(s.id(), Map.of());
                Map<String, Double> pc = prevSc.getOrDefault(s.id(), Map.of());
                for (IndicatorDef d : def.indicators()) {
                    double limit = d.swingPoints() != null ? d.swingPoints() : rules.indicatorSwingPoints();
                    Double now = p.get(d.id());
                    Double before = pp.get(d.id());
                    if (now != null && before != null && before - now > limit) {
                        causes.add(new Cause(s.id(), "SWING", d.id(), period.label() + " " + d.nameZh() + " 环比下降"
                                + fmt(before - now) + "分(" + fmt(before) + "→" + fmt(now) + ")", before, now, def.bands().pass()));
                    }
                    if (now != null && now < def.bands().pass() && rules.underPassLevels().contains(IndexDefinition.ReminderRules.INDICATOR)) {
                        causes.add(new Cause(s.id(), "UNDER_PASS", d.id(), period.label() + " " + d.nameZh() + " 得分" + fmt(now)
                                + ",低于及格线" + fmt(def.bands().pass()), null, now, def.bands().pass()));
                    }
                }
                for (CapabilityDef cap : def.capabilities()) {
                    Double now = c.get(cap.code());
                    Double before = pc.get(cap.code());
                    if (now != null && before != null && before - now > rules.capabilitySwingPoints()) {
                        causes.add(new Cause(s.id(), "SWING", cap.code(), period.label() + " " + cap.nameZh() + " 环比下降"
                                + fmt(before - now) + "分(" + fmt(before) + "→" + fmt(now) + ")", before, now, def.bands().pass()));
                    }
                    if (now != null && now < def.bands().pass() && rules.underPassLevels().contains(IndexDefinition.ReminderRules.CAPABILITY)) {
                        causes.add(new Cause(s.id(), "UNDER_PASS", cap.code(), period.label() + " " + cap.nameZh() + " 得分" + fmt(now)
                                + ",低于及格线" + fmt(def.bands().pass()), null, now, def.bands().pass()));
                    }
                }
                Double index = c.get(IndexStore.INDEX_PART);
                if (index != null && index < def.bands().pass() && rules.underPassLevels().contains(IndexDefinition.ReminderRules.INDEX)) {
                    causes.add(new Cause(s.id(), "UNDER_PASS", IndexStore.INDEX_PART, period.label() + " 主防指数" + fmt(index)
                            + ",低于及格线" + fmt(def.bands().pass()), null, index, def.bands().pass()));
                }
            }
            return all;
        });
        Instant now = clock.instant();
        Instant deadline = now.plus(Duration.ofDays(rules.remediationDays()));
        OrderService orders = new OrderService(jdbi, clock, reminderPolicy(Duration.ofDays(rules.remediationDays())), numbering, changes);
        List<Notice> sent = new ArrayList<>();
        Map<Long, StationFacts> byId = new HashMap<>();
        stations.forEach(s -> byId.put(s.id(), s));
        for (Cause cause : causes) {
            String detail = cause.detail() + ",请于" + LocalDate.ofInstant(deadline, Period.ZONE) + "前整改反馈";
            Notice n = jdbi.inTransaction(h -> {
                boolean exists = h.createQuery("SELECT COUNT(*) FROM reminder_notice WHERE station_id = :s AND period_kind = :pk "
                                + "AND period_start = :ps AND cause = :c AND subject = :sub")
                        .bind("s", cause.station()).bind("pk", period.kind().name()).bind("ps", period.start())
                        .bind("c", cause.cause()).bind("sub", cause.subject()).mapTo(Long.class).one() > 0;
                if (exists) {
                    return null;
                }
                OrderDraft draft = new OrderDraft(OrderKind.REMINDER, null, null, cause.station(), null, null,
                        "提醒单:" + byId.get(cause.station()).name() + " " + detail, null);
                Order o = orders.create(h, draft, ACTOR);
                orders.issue(h, o.id(), draft, ACTOR);
                h.createUpdate("INSERT INTO reminder_notice (station_id, period_kind, period_start, cause, subject, detail, order_id, "
                                + "remediation_deadline, created_at, value_before, value_now, pass_line) "
                                + "VALUES (:s, :pk, :ps, :c, :sub, :d, :o, :dl, :at, :vb, :vn, :pl)")
                        .bind("s", cause.station()).bind("pk", period.kind().name()).bind("ps", period.start())
                        .bind("c", cause.cause()).bind("sub", cause.subject()).bind("d", detail).bind("o", o.id())
                        .bind("dl", deadline).bind("at", now).bind("vb", cause.before()).bind("vn", cause.now())
                        .bind("pl", cause.pass()).execute();
                return new Notice(cause.station(), period, cause.cause(), cause.subject(), detail, o.id(), deadline);
            });
            if (n != null) {
                sent.add(n);
            }
        }
        if (!sent.isEmpty()) {
            LOG.info("Prevention index {}: {} reminder notices sent", period, sent.size());
        }
        return sent;
    }

    /**
     * A notice as the dashboard lists it, with the state of its order in the closed loop. {@code detail} is the stored
     * Chinese text; the figures (null on notices written before V12) let a screen word it in its own language.
     */
    public record Listed(long id, Period period, String cause, String subject, String detail, long orderId, String orderNo,
                         String orderStatus, Instant remediationDeadline, Instant createdAt, Double valueBefore,
                         Double valueNow, Double passLine) {
    }

    /** A station's reminder notices, newest first (at most {@code limit}). */
    public List<Listed> notices(long stationId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT n.id, n.period_kind, n.period_start, n.cause, n.subject, n.detail, "
                        + "n.order_id, o.order_no, o.status, n.remediation_deadline, n.created_at, n.value_before, n.value_now, "
                        + "n.pass_line FROM reminder_notice n "
                        + "JOIN work_order o ON o.id = n.order_id WHERE n.station_id = :s ORDER BY n.created_at DESC, n.id DESC")
                .bind("s", stationId).setMaxRows(limit)
                .map((rs, ctx) -> new Listed(rs.getLong(1),
                        Period.containing(PeriodKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(11, java.time.OffsetDateTime.class).toInstant(), rs.getObject(12, Double.class),
                        rs.getObject(13, Double.class), rs.getObject(14, Double.class)))
                .list());
    }

    /** The base policy, with the remediation period as the feedback limit of REMINDER orders. */
    private DeadlinePolicy reminderPolicy(Duration remediation) {
        Map<OrderKind, Duration> byKind = new EnumMap<>(OrderKind.class);
        for (OrderKind k : OrderKind.values()) {
            byKind.put(k, basePolicy.feedbackWithin(k, null));
        }
        byKind.put(OrderKind.REMINDER, remediation);
        Map<IncidentType, Duration> disputes = new EnumMap<>(IncidentType.class);
        for (IncidentType t : IncidentType.values()) {
            if (t.category() == IncidentCategory.DISPUTE) {
                disputes.put(t, basePolicy.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, t));
            }
        }
        return new DeadlinePolicy(basePolicy.signWithin(), byKind, disputes);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
