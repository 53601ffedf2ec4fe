package org.commandroom.core.prevention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the register and inspections screens read (docs/PREVENTION.md, "The register on the desk"): each house with its
 * police grid, community officer, last inspection, next due date and whether it is overdue; the inspections waiting for
 * feedback; and a house's findings, newest first. Read-only: every write goes through {@link HouseRegister} or
 * {@link InspectionGenerator}, which check permissions.
 *
 * <p>The rule for a house's dates, now = the clock's instant, days in {@link HouseRegister#ZONE}:
 * <ul>
 *   <li><b>last inspected</b>: the day its latest inspection order was fed back; without one, the anchor date when it
 *   is before the day the house was registered (the last inspection the bureau's file named); else none;</li>
 *   <li><b>next due</b>: the earliest due date whose order waits for feedback (issued or signed for); without one, the
 *   cycle's next due date after the last one recorded (after the anchor when none is recorded);</li>
 *   <li><b>overdue</b>: an order waiting for feedback is past its deadline, or the latest due date recorded was missed
 *   (no order: the generator found its deadline past), or the next due date's deadline has passed with no order.</li>
 * </ul>
 */
public final class InspectionBoard {

    private final Jdbi jdbi;
    private final Clock clock;

    public InspectionBoard(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
    }

    /** One row of the register: the house, where it is and its inspection dates (any may be null). */
    public record RegisterRow(House house, String gridName, String communityName, String officerName,
                              LocalDate lastInspected, LocalDate nextDue, boolean overdue) {
    }

    /** An inspection waiting for feedback, or a due date missed; {@code orderId} null when missed. */
    public record OpenInspection(long houseId, String houseLabel, HouseKind kind, int stars, LocalDate due,
                                 Instant deadline, Long orderId, String orderNo, String orderStatus, String gridName,
                                 String officerName, boolean overdue) {
    }

    /**
     * One due date of a house as its findings history shows it: fed back (when, by whom, hazards, findings), waiting,
     * or missed ({@code orderId} null).
     */
    public record Finding(LocalDate due, Instant deadline, Long orderId, String orderNo, String orderStatus,
                          Instant fedBackAt, String fedBackBy, Integer hazards, String findings) {

        /** Fed back after its deadline, or never and the deadline passed. */
        public boolean late(Instant now) {
            return fedBackAt == null ? deadline.isBefore(now) : fedBackAt.isAfter(deadline);
        }
    }

    private record Grid(String name, String officer) {
    }

    private record Recorded(long houseId, LocalDate due, Instant deadline, Long orderId, String status,
                            Instant fedBackAt) {
    }

    /** Every active house with its dates, by address and number. */
    public List<RegisterRow> register() {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            PreventionRules rules = PreventionRules.load(h);
            Map<Long, Grid> grids = grids(h);
            Map<Long, String> communities = new HashMap<>();
            h.createQuery("SELECT id, name FROM community").map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> communities.put(e.getKey(), e.getValue()));
            Map<Long, List<Recorded>> recorded = new HashMap<>();
            h.createQuery("SELECT hi.house_id, hi.due_date, hi.deadline, hi.order_id, w.status, w.fed_back_at "
                            + "FROM house_inspection hi LEFT JOIN work_order w ON w.id = hi.order_id ORDER BY hi.due_date")
                    .map((rs, ctx) -> new Recorded(rs.getLong(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                            rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5),
                            rs.getObject(6) == null ? null : rs.getObject(6, java.time.OffsetDateTime.class).toInstant()))
                    .forEach(r -> recorded.computeIfAbsent(r.houseId(), k -> new ArrayList<>()).add(r));
            List<RegisterRow> out = new ArrayList<>();
            for (House house : h.createQuery(HouseRegister.SELECT + " WHERE active = TRUE ORDER BY natural_key")
                    .map(new HouseRegister.HouseMapper()).list()) {
                Grid g = house.policeGridId() == null ? null : grids.get(house.policeGridId());
                out.add(row(house, g, house.communityId() == null ? null : communities.get(house.communityId()),
                        recorded.getOrDefault(house.id(), List.of()), rules, now));
            }
            return out;
        });
    }

    private static RegisterRow row(House house, Grid g, String community, List<Recorded> recorded, PreventionRules rules,
                                   Instant now) {
        LocalDate last = null;
        for (Recorded r : recorded) {
            if (r.fedBackAt() != null) {
                LocalDate d = LocalDate.ofInstant(r.fedBackAt(), HouseRegister.ZONE);
                last = last == null || d.isAfter(last) ? d : last;
            }
        }
        if (last == null && house.anchorDate().isBefore(house.registeredOn())) {
            last = house.anchorDate();
        }
        LocalDate next = null;
        boolean overdue = false;
        for (Recorded r : recorded) {
            if (r.orderId() != null && waiting(r.status())) {
                next = next == null ? r.due() : next;
                overdue |= r.deadline().isBefore(now);
            }
        }
        if (!recorded.isEmpty() && recorded.get(recorded.size() - 1).orderId() == null) {
            overdue = true;
        }
        PreventionRules.Cycle cycle = rules.cycle(house.kind(), house.stars()).orElse(null);
        if (next == null && cycle != null) {
            LocalDate after = recorded.isEmpty() ? null : recorded.get(recorded.size() - 1).due();
            next = nextDue(cycle, house, after);
            overdue |= InspectionGenerator.deadline(next, cycle).isBefore(now);
        }
        return new RegisterRow(house, g == null ? null : g.name(), community, g == null ? null : g.officer(), last, next,
                overdue);
    }

    /** The first due date of the cycle after {@code after} (null: after the anchor), not before registration. */
    static LocalDate nextDue(PreventionRules.Cycle cycle, House house, LocalDate after) {
        LocalDate from = after == null ? house.anchorDate() : after;
        long n = Math.max(1, cycle.lastIndexOnOrBefore(house.anchorDate(), from));
        LocalDate d = cycle.due(house.anchorDate(), n);
        while (!d.isAfter(from) || d.isBefore(house.registeredOn())) {
            n++;
            d = cycle.due(house.anchorDate(), n);
        }
        return d;
    }

    private static boolean waiting(String status) {
        return "CREATED".equals(status) || "ISSUED".equals(status) || "SIGNED".equals(status);
    }

    /** Inspections waiting for feedback and due dates missed, most urgent (earliest deadline) first. */
    public List<OpenInspection> open() {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            Map<Long, Grid> grids = grids(h);
            Map<Long, House> houses = new HashMap<>();
            h.createQuery(HouseRegister.SELECT).map(new HouseRegister.HouseMapper()).forEach(x -> houses.put(x.id(), x));
            // missed due dates are listed while they are the house's latest: a later one answered supersedes them
            List<OpenInspection> out = new ArrayList<>();
            h.createQuery("SELECT hi.house_id, hi.due_date, hi.deadline, hi.order_id, w.order_no, w.status FROM house_inspection hi "
                            + "LEFT JOIN work_order w ON w.id = hi.order_id WHERE (hi.order_id IS NOT NULL "
                            + "AND w.status IN ('CREATED', 'ISSUED', 'SIGNED')) OR (hi.order_id IS NULL AND hi.due_date = "
                            + "(SELECT MAX(x.due_date) FROM house_inspection x WHERE x.house_id = hi.house_id)) "
                            + "ORDER BY hi.deadline, hi.house_id")
                    .map((rs, ctx) -> {
                        House house = houses.get(rs.getLong(1));
                        Grid g = house.policeGridId() == null ? null : grids.get(house.policeGridId());
                        Instant deadline = rs.getObject(3, java.time.OffsetDateTime.class).toInstant();
                        Long orderId = rs.getObject(4) == null ? null : rs.getLong(4);
                        return new OpenInspection(house.id(), house.label(), house.kind(), house.stars(),
                                rs.getObject(2, LocalDate.class), deadline, orderId, rs.getString(5), rs.getString(6),
                                g == null ? null : g.name(), g == null ? null : g.officer(),
                                orderId == null || deadline.isBefore(now));
                    }).forEach(out::add);
            return out;
        });
    }

    /** A house's due dates, newest first, with what the feedback recorded. */
    public List<Finding> findings(long houseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT hi.due_date, hi.deadline, hi.order_id, w.order_no, w.status, "
                        + "w.fed_back_at, hi.hazards, hi.findings, (SELECT MAX(e.actor) FROM work_order_event e "
                        + "WHERE e.order_id = hi.order_id AND e.event = 'FED_BACK' AND e.at = w.fed_back_at) "
                        + "FROM house_inspection hi LEFT JOIN work_order w ON w.id = hi.order_id WHERE hi.house_id = :h "
                        + "ORDER BY hi.due_date DESC")
                .bind("h", houseId)
                .map((rs, ctx) -> new Finding(rs.getObject(1, LocalDate.class),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6) == null ? null : rs.getObject(6, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(9), rs.getObject(7) == null ? null : rs.getInt(7), rs.getString(8)))
                .list());
    }

    private static Map<Long, Grid> grids(Handle h) {
        Map<Long, Grid> out = new HashMap<>();
        h.createQuery("SELECT g.id, g.name, o.name FROM police_grid g LEFT JOIN officer o ON o.id = g.officer_id")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Grid(rs.getString(2), rs.getString(3))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
