package org.commandroom.core.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.commandroom.core.roster.RosterService.Person;
import org.commandroom.core.roster.RosterService.Shift;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the duty roster and nothing else (no write path): what {@link RosterService} reads, and what the wall, which
 * builds no service that writes, reads to show who is on duty. The overlap rule is {@link RosterService}'s: the
 * shift containing the instant that started last, of two starting together the one entered last.
 */
public final class DutyRoster {

    private final Jdbi jdbi;
    private final ZoneId zone;

    public DutyRoster(Jdbi jdbi, ZoneId zone) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The roster of a database, for screens, which never hold its Jdbi. */
    public static DutyRoster of(org.commandroom.core.store.Database database, ZoneId zone) {
        return new DutyRoster(database.jdbi(), zone);
    }

    /** The shift on duty at {@code at}, if any; {@code stationCode} null for the bureau's command room. */
    public Optional<Shift> onDuty(String stationCode, Instant at) {
        return jdbi.withHandle(h -> first(h, "starts_at <= :t AND ends_at > :t", "starts_at DESC, s.id DESC",
                stationCode, at));
    }

    /**
     * Who is on duty at an instant, and when that changes: the end of the shift on duty or the start of the next,
     * whichever comes first (null when no shift lies ahead).
     */
    public record Standing(Optional<Shift> shift, Instant changesAt) {
    }

    /** The shift on duty at {@code at} and the instant that changes; {@code stationCode} null for the command room. */
    public Standing standing(String stationCode, Instant at) {
        Optional<Shift> on = onDuty(stationCode, at);
        Instant nextStart = next(stationCode, at).map(Shift::startsAt).orElse(null);
        Instant changesAt = on.map(Shift::endsAt)
                .map(end -> nextStart != null && nextStart.isBefore(end) ? nextStart : end).orElse(nextStart);
        return new Standing(on, changesAt);
    }

    /** The first shift starting after {@code at}, if any. */
    public Optional<Shift> next(String stationCode, Instant at) {
        return jdbi.withHandle(h -> first(h, "starts_at > :t", "starts_at, s.id", stationCode, at));
    }

    /** The shifts overlapping the seven days from {@code weekStart} (midnight in the roster's zone), by start. */
    public List<Shift> week(String stationCode, LocalDate weekStart) {
        Instant from = weekStart.atStartOfDay(zone).toInstant();
        Instant to = weekStart.plusDays(7).atStartOfDay(zone).toInstant();
        return jdbi.withHandle(h -> shifts(h, "ends_at > :from AND starts_at < :to", "starts_at, s.id", stationCode,
                Map.of("from", from, "to", to), RosterService.MAX_ROWS));
    }

    /** One shift by id. */
    public Optional<Shift> shift(long id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    private static Optional<Shift> first(Handle h, String where, String order, String stationCode, Instant t) {
        return shifts(h, where, order, stationCode, Map.of("t", t), 1).stream().findFirst();
    }

    static Optional<Shift> byId(Handle h, long id) {
        List<Shift> found = select(h, "s.id = :id", "s.id", null, true, Map.of("id", id), 1);
        return found.stream().findFirst();
    }

    static List<Shift> shifts(Handle h, String where, String order, String stationCode, Map<String, Object> args,
                                      int limit) {
        return select(h, where, order, stationCode == null ? null : stationCode.strip(), false, args, limit);
    }

    /** The station's (or with {@code anyScope} any) shifts matching {@code where}, with their people. */
    private static List<Shift> select(Handle h, String where, String order, String stationCode, boolean anyScope,
                                      Map<String, Object> args, int limit) {
        String scope = anyScope ? "" : stationCode == null || stationCode.isEmpty() ? " AND s.station_id IS NULL"
                : " AND st.code = :code";
        var q = h.createQuery("SELECT s.id, st.code, st.name, s.starts_at, s.ends_at, s.notes FROM duty_shift s "
                + "LEFT JOIN station st ON st.id = s.station_id WHERE " + where + scope + " ORDER BY " + order
                + " FETCH FIRST " + limit + " ROWS ONLY");
        args.forEach(q::bind);
        if (!anyScope && stationCode != null && !stationCode.isEmpty()) {
            q.bind("code", stationCode);
        }
        record Row(long id, String code, String name, Instant a, Instant b, String notes) {
        }
        List<Row> rows = q.map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                Rows.instant(rs, "starts_at"), Rows.instant(rs, "ends_at"), rs.getString(6))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Person>> commanders = new LinkedHashMap<>();
        Map<Long, Person> leaders = new LinkedHashMap<>();
        h.createQuery("SELECT m.shift_id, m.duty, o.badge_no, o.name FROM duty_shift_member m JOIN officer o ON o.id = m.officer_id "
                        + "WHERE m.shift_id IN (<ids>) ORDER BY m.shift_id, m.position")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> {
                    long shift = rs.getLong(1);
                    Person p = new Person(rs.getString(3), rs.getString(4));
                    if ("LEADER".equals(rs.getString(2))) {
                        leaders.put(shift, p);
                    } else {
                        commanders.computeIfAbsent(shift, k -> new ArrayList<>()).add(p);
                    }
                    return shift;
                }).list();
        return rows.stream().map(r -> new Shift(r.id(), r.code(), r.name(), r.a(), r.b(),
                commanders.getOrDefault(r.id(), List.of()), leaders.get(r.id()), r.notes())).toList();
    }

}
