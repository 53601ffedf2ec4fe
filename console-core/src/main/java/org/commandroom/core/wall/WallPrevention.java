package org.commandroom.core.wall;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.commandroom.core.prevention.CommunityRisk;
import org.commandroom.core.workhours.WorkHours;
import org.commandroom.core.workhours.WorkTime;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the wall's 主防工作 panel shows (docs/WALL.md, docs/PREVENTION.md): the communities by their 分色预警 colour,
 * and per station the house inspections overdue now, the model alerts late now and the officers' work-hours this week
 * with the community officers' time in their community (indicator 36's figure, this week so far).
 *
 * <p>Read-only by construction: queries and the prevention services' static readers ({@link CommunityRisk#assess(Handle,
 * Instant)}, {@link WorkHours#byStation}), in one handle; nothing here holds a service that writes. Every figure is a
 * sum per station or per community: no officer, landlord or caller is named, so reading needs no permission (the
 * wall holds none). Blocking: call it off the FX thread.
 */
public final class WallPrevention {

    /** A community with its score and colour by the rule in force. */
    public record Community(String code, String name, double score, CommunityRisk.Grade grade) {
    }

    /**
     * One station's prevention work now.
     *
     * @param inspectionsOverdue inspections waiting for feedback past their deadline, and due dates missed (no order
     *                           sent) that are still the house's latest: the register's 逾期 of the inspection orders
     * @param alertsLate         model alerts whose order is still open (not fed back, closed or withdrawn) past its
     *                           deadline
     * @param hours              its officers' work this week (Monday to now, Shanghai), null when none
     */
    public record Station(long id, String name, int inspectionsOverdue, int alertsLate, WorkHours.StationHours hours) {

        public long officerSeconds() {
            return hours == null ? 0 : hours.officerSeconds();
        }

        /** The community officers' share of their time in their community, or null when they have none. */
        public Double communityShare() {
            return hours == null ? null : hours.communityShare();
        }

        int problems() {
            return inspectionsOverdue + alertsLate;
        }
    }

    /**
     * The panel's data.
     *
     * @param communities every community, reddest first (highest score first, then by code)
     * @param stations    every station, those with most overdue inspections and late alerts first, then most hours
     * @param weekFrom    the Monday the work-hours count from
     */
    public record Summary(List<Community> communities, List<Station> stations, LocalDate weekFrom) {

        public long count(CommunityRisk.Grade grade) {
            return communities.stream().filter(c -> c.grade() == grade).count();
        }

        /** The red communities, reddest first. */
        public List<Community> red() {
            return communities.stream().filter(c -> c.grade() == CommunityRisk.Grade.RED).toList();
        }

        public int inspectionsOverdue() {
            return stations.stream().mapToInt(Station::inspectionsOverdue).sum();
        }

        public int alertsLate() {
            return stations.stream().mapToInt(Station::alertsLate).sum();
        }

        /** Nothing to show: no community, and no station has an overdue inspection, a late alert or an hour of work. */
        public boolean isEmpty() {
            return communities.isEmpty() && stations.stream().allMatch(s -> s.problems() == 0 && s.officerSeconds() == 0);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public WallPrevention(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reads everything the panel shows, now. */
    public Summary read() {
        Instant now = clock.instant();
        LocalDate monday = WorkTime.periodStart(LocalDate.ofInstant(now, WorkTime.ZONE), WorkTime.Granularity.WEEK);
        Instant weekStart = monday.atStartOfDay(WorkTime.ZONE).toInstant();
        return jdbi.withHandle(h -> {
            List<Community> communities = new ArrayList<>();
            for (CommunityRisk.Assessment a : CommunityRisk.assess(h, now)) {
                communities.add(new Community(a.code(), a.name(), a.score(), a.grade()));
            }
            communities.sort(Comparator.comparingDouble(Community::score).reversed().thenComparing(Community::code));
            Map<Long, Integer> overdue = counts(h, "SELECT hi.station_id, COUNT(*) FROM house_inspection hi "
                    + "LEFT JOIN work_order w ON w.id = hi.order_id WHERE hi.station_id IS NOT NULL AND ("
                    + "(hi.order_id IS NOT NULL AND w.status IN ('CREATED', 'ISSUED', 'SIGNED') AND hi.deadline < :now) "
                    + "OR (hi.order_id IS NULL AND hi.due_date = (SELECT MAX(x.due_date) FROM house_inspection x "
                    + "WHERE x.house_id = hi.house_id))) GROUP BY hi.station_id", now);
            Map<Long, Integer> late = counts(h, "SELECT ma.station_id, COUNT(*) FROM model_alert ma "
                    + "JOIN work_order o ON o.id = ma.order_id WHERE ma.deadline < :now AND o.fed_back_at IS NULL "
                    + "AND o.closed_at IS NULL AND o.cancelled_at IS NULL GROUP BY ma.station_id", now);
            Map<Long, WorkHours.StationHours> hours = WorkHours.byStation(h, weekStart, now, now);
            List<Station> stations = h.createQuery("SELECT id, name FROM station ORDER BY code")
                    .map((rs, ctx) -> {
                        long id = rs.getLong(1);
                        return new Station(id, rs.getString(2), overdue.getOrDefault(id, 0), late.getOrDefault(id, 0),
                                hours.get(id));
                    })
                    .list();
            List<Station> sorted = new ArrayList<>(stations);
            sorted.sort(Comparator.comparingInt(Station::problems).reversed()
                    .thenComparing(Comparator.comparingLong(Station::officerSeconds).reversed()));
            return new Summary(List.copyOf(communities), List.copyOf(sorted), monday);
        });
    }

    private static Map<Long, Integer> counts(Handle h, String sql, Instant now) {
        Map<Long, Integer> out = new HashMap<>();
        h.createQuery(sql).bind("now", now).map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
