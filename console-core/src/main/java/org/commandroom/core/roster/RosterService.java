package org.commandroom.core.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The duty roster (值班表, issue 12, docs/ADMIN.md): shifts of the bureau's command room ({@code stationCode} null) or
 * of one station, each with its start and end, its duty commander(s) (值班长), its leader on duty (指挥长) and a note.
 * Commanders and leaders are officers (by badge number): the roster names people, and the wall, which may not read
 * user accounts, reads officers.
 *
 * <p>Reading is open to everyone (the wall included). Every write needs {@link Permission#EDIT_ROSTER}
 * (administrators and command leaders), is checked whole before anything is written ({@link RosterRejected} lists
 * every problem), leaves an audit row in its transaction and is in the change log ({@link Entity#ROSTER}) so that the
 * other workstations and the wall read the roster again.
 *
 * <p><b>Overlapping shifts</b> are allowed (a handover hour, a shift entered twice); at an instant the shift on duty
 * is the one containing it ({@code start <= t < end}) that started last; of two starting together, the one entered
 * last. A shift covers {@code [start, end)}: at 20:00 the night shift is on, not the day shift ending then.
 */
public final class RosterService {

    /** The longest shift accepted. */
    public static final Duration MAX_SHIFT = Duration.ofHours(24);
    public static final int MAX_NOTES = 200;
    /** At most this many shifts per week view. */
    public static final int MAX_ROWS = 500;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId zone;
    private final ChangeRecorder changes;
    private final AccessGuard guard;
    private final DutyRoster reader;

    public RosterService(Jdbi jdbi, Clock clock, ZoneId zone, ChangeRecorder changes, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.reader = new DutyRoster(jdbi, zone);
    }

    /** A person on a shift. */
    public record Person(String badgeNo, String name) {
    }

    /**
     * One shift as stored.
     *
     * @param stationCode null for the bureau's command room
     * @param leader      null when none is named
     */
    public record Shift(long id, String stationCode, String stationName, Instant startsAt, Instant endsAt,
                        List<Person> commanders, Person leader, String notes) {
        public Shift {
            commanders = List.copyOf(commanders);
        }

        public boolean covers(Instant t) {
            return !t.isBefore(startsAt) && t.isBefore(endsAt);
        }

        /** The commanders' names, joined with the Chinese list comma. */
        public String commanderNames() {
            return commanders.stream().map(Person::name).collect(Collectors.joining("、"));
        }
    }

    /**
     * A shift to add ({@code id} null) or change.
     *
     * @param commanderBadges at least one
     * @param leaderBadge     null or blank: none
     */
    public record ShiftEdit(Long id, String stationCode, Instant startsAt, Instant endsAt, List<String> commanderBadges,
                            String leaderBadge, String notes) {
        public ShiftEdit {
            commanderBadges = commanderBadges == null ? List.of() : List.copyOf(commanderBadges);
        }
    }

    /** An officer the form offers; those with the posts COMMANDER and LEADER first. */
    public record OfficerChoice(String badgeNo, String name, String duty, String stationName) {
    }

    /** A place with a roster: the bureau's command room (code null) or a station. */
    public record Scope(String stationCode, String name) {
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** The zone whose days and weeks the roster uses. */
    public ZoneId zone() {
        return zone;
    }

    /** The stations (besides the bureau's command room) a roster may be kept for. */
    public List<Scope> stations() {
        return jdbi.withHandle(h -> h.createQuery("SELECT code, name FROM station ORDER BY kind, code")
                .map((rs, ctx) -> new Scope(rs.getString(1), rs.getString(2))).list());
    }

    /** The officers in service, those whose post is COMMANDER or LEADER first, then by badge number. */
    public List<OfficerChoice> officers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT o.badge_no, o.name, o.duty, s.name FROM officer o "
                        + "JOIN station s ON s.id = o.station_id WHERE o.retired_at IS NULL "
                        + "ORDER BY CASE WHEN o.duty IN ('COMMANDER', 'LEADER') THEN 0 ELSE 1 END, o.badge_no")
                .map((rs, ctx) -> new OfficerChoice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
    }

    /** The shift on duty at {@code at} (see the class comment for overlaps), if any. */
    public Optional<Shift> onDuty(String stationCode, Instant at) {
        return reader.onDuty(stationCode, at);
    }

    /** The first shift starting after {@code at}, if any. */
    public Optional<Shift> next(String stationCode, Instant at) {
        return reader.next(stationCode, at);
    }

    /** The shift on duty now. */
    public Optional<Shift> onDutyNow(String stationCode) {
        return reader.onDuty(stationCode, clock.instant());
    }

    /** The shifts overlapping the seven days from {@code weekStart} (midnight in the roster's zone), by start. */
    public List<Shift> week(String stationCode, LocalDate weekStart) {
        return reader.week(stationCode, weekStart);
    }

    /** One shift by id. */
    public Optional<Shift> shift(long id) {
        return reader.shift(id);
    }

    /** The Monday of the week containing {@code date}. */
    public static LocalDate mondayOf(LocalDate date) {
        return date.minusDays(date.getDayOfWeek().getValue() - 1L);
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    /** Adds or changes a shift. */
    public Shift save(ShiftEdit edit, String actor) {
        Objects.requireNonNull(edit, "edit");
        guard.require(Permission.EDIT_ROSTER, edit.id() == null ? "ROSTER_ADD" : "ROSTER_CHANGE", "DUTY_SHIFT", edit.id());
        return jdbi.inTransaction(h -> saveIn(h, edit, actor));
    }

    /**
     * Adds shifts from a workbook (docs/ADMIN.md): all or none, in one transaction. Each shift is checked as
     * {@link #save} checks it; the problems come back by the shift's index in {@code edits}.
     *
     * @param dryRun check only: nothing is written even when every shift is right
     * @return the shifts added (or that would be), by index; empty problems when all were right
     */
    public ImportOutcome importShifts(List<ShiftEdit> edits, boolean dryRun, String actor) {
        guard.require(Permission.EDIT_ROSTER, "ROSTER_IMPORT", "DUTY_SHIFT", null);
        final class RolledBack extends RuntimeException {
            final transient ImportOutcome outcome;

            RolledBack(ImportOutcome outcome) {
                super(null, null, false, false);
                this.outcome = outcome;
            }
        }
        try {
            return jdbi.inTransaction(h -> {
                Map<Integer, List<RosterRejected.Problem>> problems = new LinkedHashMap<>();
                int added = 0;
                for (int i = 0; i < edits.size(); i++) {
                    if (edits.get(i).id() != null) {
                        throw new IllegalArgumentException("an import adds shifts only");
                    }
                    try {
                        saveIn(h, edits.get(i), actor);
                        added++;
                    } catch (RosterRejected r) {
                        problems.put(i, r.problems());
                    }
                }
                ImportOutcome outcome = new ImportOutcome(added, problems, !dryRun && problems.isEmpty());
                if (!outcome.written()) {
                    throw new RolledBack(outcome);
                }
                guard.audit(h, clock.instant(), actor, "ROSTER_IMPORT", "DUTY_SHIFT", null, added + " shifts imported");
                return outcome;
            });
        } catch (RolledBack back) {
            return back.outcome;
        }
    }

    /**
     * What an import did.
     *
     * @param shifts   the shifts that were (or, checked only, would be) added
     * @param problems each refused shift's problems by its index
     * @param written  whether anything was written
     */
    public record ImportOutcome(int shifts, Map<Integer, List<RosterRejected.Problem>> problems, boolean written) {
        public ImportOutcome {
            problems = Map.copyOf(problems);
        }
    }

    private Shift saveIn(Handle h, ShiftEdit edit, String actor) {
        {
            List<RosterRejected.Problem> problems = new ArrayList<>();
            Long stationId = stationId(h, edit.stationCode(), problems);
            if (edit.startsAt() == null || edit.endsAt() == null || !edit.endsAt().isAfter(edit.startsAt())) {
                problems.add(RosterRejected.Problem.of(RosterRejected.Code.ENDS_BEFORE_START));
            } else if (Duration.between(edit.startsAt(), edit.endsAt()).compareTo(MAX_SHIFT) > 0) {
                problems.add(RosterRejected.Problem.of(RosterRejected.Code.TOO_LONG, MAX_SHIFT.toHours()));
            }
            List<String> commanders = edit.commanderBadges().stream().map(RosterService::norm).filter(s -> !s.isEmpty())
                    .toList();
            if (commanders.isEmpty()) {
                problems.add(RosterRejected.Problem.of(RosterRejected.Code.NO_COMMANDER));
            }
            String leader = norm(edit.leaderBadge());
            Set<String> seen = new HashSet<>();
            Map<String, Long> officerIds = new LinkedHashMap<>();
            List<String> everyone = new ArrayList<>(commanders);
            if (!leader.isEmpty()) {
                everyone.add(leader);
            }
            for (String badge : everyone) {
                if (!seen.add(badge)) {
                    problems.add(RosterRejected.Problem.of(RosterRejected.Code.SAME_OFFICER_TWICE, badge));
                    continue;
                }
                Optional<Map<String, Object>> o = h.createQuery("SELECT id, retired_at FROM officer WHERE badge_no = :b")
                        .bind("b", badge).mapToMap().findOne();
                if (o.isEmpty()) {
                    problems.add(RosterRejected.Problem.of(RosterRejected.Code.NO_SUCH_OFFICER, badge));
                } else if (o.get().get("retired_at") != null) {
                    problems.add(RosterRejected.Problem.of(RosterRejected.Code.OFFICER_RETIRED, badge));
                } else {
                    officerIds.put(badge, ((Number) o.get().get("id")).longValue());
                }
            }
            String notes = edit.notes() == null ? null : edit.notes().strip();
            if (notes != null && notes.isEmpty()) {
                notes = null;
            }
            if (notes != null && notes.length() > MAX_NOTES) {
                problems.add(RosterRejected.Problem.of(RosterRejected.Code.NOTES_LENGTH, MAX_NOTES));
            }
            Optional<Shift> before = edit.id() == null ? Optional.empty() : DutyRoster.byId(h, edit.id());
            if (edit.id() != null && before.isEmpty()) {
                problems.add(RosterRejected.Problem.of(RosterRejected.Code.NO_SUCH_SHIFT, edit.id()));
            }
            if (!problems.isEmpty()) {
                throw new RosterRejected(problems);
            }
            Instant now = clock.instant();
            long id;
            if (edit.id() == null) {
                id = h.createUpdate("INSERT INTO duty_shift (station_id, starts_at, ends_at, notes, created_at, updated_at) "
                                + "VALUES (:s, :a, :b, :n, :now, :now)")
                        .bind("s", stationId).bind("a", edit.startsAt()).bind("b", edit.endsAt()).bind("n", notes)
                        .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            } else {
                id = edit.id();
                h.createUpdate("UPDATE duty_shift SET station_id = :s, starts_at = :a, ends_at = :b, notes = :n, "
                                + "updated_at = :now WHERE id = :id")
                        .bind("s", stationId).bind("a", edit.startsAt()).bind("b", edit.endsAt()).bind("n", notes)
                        .bind("now", now).bind("id", id).execute();
                h.createUpdate("DELETE FROM duty_shift_member WHERE shift_id = :id").bind("id", id).execute();
            }
            int pos = 0;
            for (String badge : commanders) {
                member(h, id, "COMMANDER", officerIds.get(badge), pos++);
            }
            if (!leader.isEmpty()) {
                member(h, id, "LEADER", officerIds.get(leader), 0);
            }
            Shift after = DutyRoster.byId(h, id).orElseThrow();
            guard.audit(h, now, actor, edit.id() == null ? "ROSTER_ADD" : "ROSTER_CHANGE", "DUTY_SHIFT", id,
                    before.map(b -> describe(b) + " -> ").orElse("") + describe(after));
            changes.record(h, Entity.ROSTER, id, edit.id() == null ? ChangeOp.INSERT : ChangeOp.UPDATE);
            return after;
        }
    }

    /** Deletes a shift. */
    public void delete(long id, String actor) {
        guard.require(Permission.EDIT_ROSTER, "ROSTER_DELETE", "DUTY_SHIFT", id);
        jdbi.useTransaction(h -> {
            Shift before = DutyRoster.byId(h, id).orElseThrow(() -> new RosterRejected(List.of(
                    RosterRejected.Problem.of(RosterRejected.Code.NO_SUCH_SHIFT, id))));
            h.createUpdate("DELETE FROM duty_shift_member WHERE shift_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM duty_shift WHERE id = :id").bind("id", id).execute();
            guard.audit(h, clock.instant(), actor, "ROSTER_DELETE", "DUTY_SHIFT", id, describe(before));
            changes.record(h, Entity.ROSTER, id, ChangeOp.DELETE);
        });
    }

    /**
     * Copies the shifts starting in the week from {@code fromWeek} into the week from {@code toWeek} (same days of
     * the week, same times of day in the roster's zone, same people and notes). Refused when the target week
     * already has shifts starting in it (no duplicates) or the source week has none.
     *
     * @return the shifts added
     */
    public List<Shift> copyWeek(String stationCode, LocalDate fromWeek, LocalDate toWeek, String actor) {
        guard.require(Permission.EDIT_ROSTER, "ROSTER_COPY", "DUTY_SHIFT", null);
        long days = ChronoUnit.DAYS.between(fromWeek, toWeek);
        return jdbi.inTransaction(h -> {
            List<Shift> source = startingIn(h, stationCode, fromWeek);
            List<Shift> present = startingIn(h, stationCode, toWeek);
            if (!present.isEmpty()) {
                throw new RosterRejected(List.of(RosterRejected.Problem.of(RosterRejected.Code.TARGET_WEEK_NOT_EMPTY,
                        present.size())));
            }
            if (source.isEmpty()) {
                throw new RosterRejected(List.of(RosterRejected.Problem.of(RosterRejected.Code.NOTHING_TO_COPY)));
            }
            Long stationId = stationId(h, stationCode, new ArrayList<>());
            Instant now = clock.instant();
            List<Shift> added = new ArrayList<>();
            for (Shift s : source) {
                Instant a = s.startsAt().atZone(zone).plusDays(days).toInstant();
                Instant b = s.endsAt().atZone(zone).plusDays(days).toInstant();
                long id = h.createUpdate("INSERT INTO duty_shift (station_id, starts_at, ends_at, notes, created_at, updated_at) "
                                + "VALUES (:s, :a, :b, :n, :now, :now)")
                        .bind("s", stationId).bind("a", a).bind("b", b).bind("n", s.notes())
                        .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                h.createUpdate("INSERT INTO duty_shift_member (shift_id, duty, officer_id, position) "
                                + "SELECT :id, duty, officer_id, position FROM duty_shift_member WHERE shift_id = :from")
                        .bind("id", id).bind("from", s.id()).execute();
                changes.record(h, Entity.ROSTER, id, ChangeOp.INSERT);
                added.add(DutyRoster.byId(h, id).orElseThrow());
            }
            guard.audit(h, now, actor, "ROSTER_COPY", "DUTY_SHIFT", null, (stationCode == null ? "command room" : stationCode)
                    + ": " + added.size() + " shifts of the week of " + fromWeek + " copied to the week of " + toWeek);
            return added;
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private List<Shift> startingIn(Handle h, String stationCode, LocalDate weekStart) {
        Instant from = weekStart.atStartOfDay(zone).toInstant();
        Instant to = weekStart.plusDays(7).atStartOfDay(zone).toInstant();
        return DutyRoster.shifts(h, "starts_at >= :from AND starts_at < :to", "starts_at, s.id", stationCode,
                Map.of("from", from, "to", to), MAX_ROWS);
    }

    private static void member(Handle h, long shift, String duty, long officer, int position) {
        h.createUpdate("INSERT INTO duty_shift_member (shift_id, duty, officer_id, position) VALUES (:s, :d, :o, :p)")
                .bind("s", shift).bind("d", duty).bind("o", officer).bind("p", position).execute();
    }

    private static Long stationId(Handle h, String code, List<RosterRejected.Problem> problems) {
        String c = norm(code);
        if (c.isEmpty()) {
            return null;
        }
        Optional<Long> id = h.createQuery("SELECT id FROM station WHERE code = :c").bind("c", c).mapTo(Long.class).findOne();
        if (id.isEmpty()) {
            problems.add(RosterRejected.Problem.of(RosterRejected.Code.NO_SUCH_STATION, c));
        }
        return id.orElse(null);
    }

    /** What the audit trail says of a shift. */
    static String describe(Shift s) {
        return (s.stationCode() == null ? "command room" : s.stationCode()) + " " + s.startsAt() + "–" + s.endsAt()
                + " commanders " + s.commanders().stream().map(Person::badgeNo).toList()
                + (s.leader() == null ? "" : " leader " + s.leader().badgeNo())
                + (s.notes() == null ? "" : " notes " + s.notes());
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip();
    }
}
