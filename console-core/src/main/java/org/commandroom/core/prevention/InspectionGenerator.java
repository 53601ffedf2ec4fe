package org.commandroom.core.prevention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each house's inspection when it is due (seed 000: "定期提醒社区民警每半年对自住房屋核查一次、每月对出租房屋核查一次、
 * 每周将项目工地数据更新一次"): a HOUSE_INSPECTION order to the community officer of the house's police grid (the station
 * as a whole when the grid has none), issued through the order service like any other order, so it is signed for and
 * fed back in the normal loop and escalated when late.
 *
 * <p>When, exactly (docs/PREVENTION.md): days are Asia/Shanghai days. The n-th due date of a house is its anchor date
 * plus n cycles ({@link PreventionRules.Cycle#due}); a run on day D asks for the last due date on or before D, with a
 * deadline of that day's start plus the cycle's feedback days. Due dates before the house was registered are not asked.
 * Due dates between the last one recorded and the one asked, and a due date whose deadline passed before any run saw
 * it, are recorded as missed (no order; indicator 18 counts them late).
 *
 * <p>Idempotent: each house and due date is one row of {@code house_inspection}, its key written in the transaction
 * that creates the order, so runs on several workstations, or twice a day, never send two orders for one due date.
 */
public final class InspectionGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(InspectionGenerator.class);
    /** The actor of generated orders in their trail. */
    public static final String ACTOR = "房屋核查";
    /** At most this many missed due dates are recorded per house and run (a weekly cycle unattended for a year). */
    static final int MAX_MISSED = 60;

    private final Jdbi jdbi;
    private final Clock clock;
    private final OrderService orders;
    private final AccessGuard guard;

    public InspectionGenerator(Jdbi jdbi, Clock clock, OrderService orders, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.orders = Objects.requireNonNull(orders);
        this.guard = Objects.requireNonNull(guard);
    }

    /** What one run did: orders sent (house id → order), due dates recorded as missed, houses that have no station. */
    public record Run(List<Sent> sent, int missed, int unplaced) {
    }

    public record Sent(long houseId, LocalDate due, Instant deadline, long orderId, String orderNo, Long officerId) {
    }

    /** Sends the inspections due today (and records the ones missed); needs {@link Permission#ORDERS}. */
    public Run run() {
        guard.require(Permission.ORDERS, "HOUSE_INSPECTIONS", "HOUSE", null);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, HouseRegister.ZONE);
        PreventionRules rules = jdbi.withHandle(PreventionRules::load);
        List<House> houses = jdbi.withHandle(h -> h.createQuery(HouseRegister.SELECT + " WHERE active = TRUE ORDER BY id")
                .map(new HouseRegister.HouseMapper()).list());
        List<Sent> sent = new ArrayList<>();
        int missed = 0;
        int unplaced = 0;
        for (House house : houses) {
            if (house.stationId() == null) {
                unplaced++;
                continue;
            }
            PreventionRules.Cycle cycle = rules.cycle(house.kind(), house.stars()).orElse(null);
            if (cycle == null) {
                continue;
            }
            long n = cycle.lastIndexOnOrBefore(house.anchorDate(), today);
            if (n == 0 || cycle.due(house.anchorDate(), n).isBefore(house.registeredOn())) {
                continue;
            }
            try {
                Outcome o = jdbi.inTransaction(h -> one(h, house, cycle, n, now));
                missed += o.missed();
                if (o.sent() != null) {
                    sent.add(o.sent());
                }
            } catch (RuntimeException e) {
                if (!duplicate(e)) {
                    throw e;
                }
                // another workstation recorded this due date between our read and our insert: nothing to do
                LOG.debug("House {}: inspection recorded by another run", house.id());
            }
        }
        if (!sent.isEmpty() || missed > 0) {
            LOG.info("House inspections: {} orders sent, {} due dates missed, {} houses without a station", sent.size(), missed,
                    unplaced);
        }
        return new Run(sent, missed, unplaced);
    }

    /**
     * {@link #run()} for a background job (the console runs it every hour, docs/PREVENTION.md): a failure (database
     * gone, a refusal) is logged as a WARN and the next run tries again; nothing is lost, a due date stays due.
     */
    public void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("House inspections not generated this time; tried again within the hour: {}", e.toString());
        }
    }

    /** How often the console runs the generator, and how long after its writers start it runs first. */
    public static final Duration RUN_EVERY = Duration.ofHours(1);
    public static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(3);

    private record Outcome(Sent sent, int missed) {
    }

    private Outcome one(Handle h, House house, PreventionRules.Cycle cycle, long n, Instant now) {
        LocalDate last = h.createQuery("SELECT MAX(due_date) FROM house_inspection WHERE house_id = :h")
                .bind("h", house.id()).mapTo(LocalDate.class).findOne().orElse(null);
        LocalDate due = cycle.due(house.anchorDate(), n);
        if (last != null && !last.isBefore(due)) {
            return new Outcome(null, 0);
        }
        int missed = 0;
        for (long k = n - 1; k >= 1 && n - k <= MAX_MISSED; k--) {
            LocalDate d = cycle.due(house.anchorDate(), k);
            if ((last != null && !d.isAfter(last)) || d.isBefore(house.registeredOn())) {
                break;
            }
            insert(h, house, d, deadline(d, cycle), null, now);
            missed++;
        }
        Instant deadline = deadline(due, cycle);
        if (!deadline.isAfter(now)) {
            insert(h, house, due, deadline, null, now);
            return new Outcome(null, missed + 1);
        }
        Long officer = house.policeGridId() == null ? null : h.createQuery("SELECT officer_id FROM police_grid WHERE id = :g")
                .bind("g", house.policeGridId()).mapTo(Long.class).findOne().orElse(null);
        String summary = "房屋核查:" + house.label() + "(" + house.kind().zh() + "," + house.stars() + "星)应查日期 " + due
                + ",请于" + deadline.atZone(HouseRegister.ZONE).toLocalDate() + "前上门核查并反馈发现的问题("
                + cycle.describeZh() + ")";
        OrderDraft draft = new OrderDraft(OrderKind.HOUSE_INSPECTION, null, null, house.stationId(), null, officer,
                summary.length() > 500 ? summary.substring(0, 500) : summary, house.position());
        insert(h, house, due, deadline, null, now);
        Order o = orders.create(h, draft, ACTOR);
        orders.issue(h, o.id(), draft, ACTOR, Duration.between(now, deadline));
        h.createUpdate("UPDATE house_inspection SET order_id = :o WHERE house_id = :h AND due_date = :d")
                .bind("o", o.id()).bind("h", house.id()).bind("d", due).execute();
        guard.audit(h, now, ACTOR, "HOUSE_INSPECTION", "HOUSE", house.id(), o.orderNo() + " " + house.label() + " due " + due);
        return new Outcome(new Sent(house.id(), due, deadline, o.id(), o.orderNo(), officer), missed);
    }

    static Instant deadline(LocalDate due, PreventionRules.Cycle cycle) {
        return due.plusDays(cycle.feedbackDays()).atStartOfDay(HouseRegister.ZONE).toInstant();
    }

    private static void insert(Handle h, House house, LocalDate due, Instant deadline, Long orderId, Instant now) {
        h.createUpdate("INSERT INTO house_inspection (house_id, due_date, deadline, station_id, order_id, created_at) "
                        + "VALUES (:h, :d, :dl, :s, :o, :at)")
                .bind("h", house.id()).bind("d", due).bind("dl", deadline).bind("s", house.stationId()).bind("o", orderId)
                .bind("at", now).execute();
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records an inspection's feedback with its findings: the order is fed back in the normal loop (the text is the
     * findings) and the findings and the number of hazards found are kept with the inspection. Needs
     * {@link Permission#ORDERS}.
     *
     * @return false when the order was not waiting for feedback (nothing written)
     */
    public boolean feedback(long orderId, int hazards, String findings, String actor) {
        guard.require(Permission.ORDERS, "ORDER_FEEDBACK", "ORDER", orderId);
        if (hazards < 0 || hazards > 1000) {
            throw new IllegalArgumentException("hazards found must be 0 to 1000");
        }
        String text = findings == null ? "" : findings.strip();
        if (text.isEmpty()) {
            text = hazards == 0 ? "核查完毕,未发现问题" : "核查发现问题" + hazards + "处";
        }
        String stored = text.length() > 1000 ? text.substring(0, 1000) : text;
        return jdbi.inTransaction(h -> {
            int linked = h.createQuery("SELECT COUNT(*) FROM house_inspection WHERE order_id = :o").bind("o", orderId)
                    .mapTo(Integer.class).one();
            if (linked == 0) {
                throw new IllegalArgumentException("order " + orderId + " is not a house inspection of the register");
            }
            if (!orders.feedback(h, orderId, actor, "隐患" + hazards + "处:" + stored)) {
                return false;
            }
            h.createUpdate("UPDATE house_inspection SET findings = :f, hazards = :z WHERE order_id = :o")
                    .bind("f", stored).bind("z", hazards).bind("o", orderId).execute();
            return true;
        });
    }

    /** Inspections past their deadline and not fed back by it, per station (missed due dates included), now. */
    public Map<Long, Integer> overdueByStation() {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            Map<Long, Integer> out = new TreeMap<>();
            h.createQuery("SELECT hi.station_id, COUNT(*) FROM house_inspection hi LEFT JOIN work_order w ON w.id = hi.order_id "
                            + "WHERE hi.station_id IS NOT NULL AND hi.deadline < :now "
                            + "AND (w.fed_back_at IS NULL OR w.fed_back_at > hi.deadline) GROUP BY hi.station_id")
                    .bind("now", now)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }
}
