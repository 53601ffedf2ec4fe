package org.commandroom.core.wall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.incident.QueueEntry;
import org.commandroom.core.roster.DutyRoster;
import org.commandroom.core.roster.RosterService;
import org.commandroom.core.unit.UnitBoardEntry;
import org.commandroom.core.unit.UnitDao;
import org.jdbi.v3.core.Jdbi;

/**
 * What the district chief's wall display (大屏) shows, computed from the console's own data: today's incidents by
 * category and by hour against the same day last week and the same date last year, the open incidents and how long
 * they have waited, orders overdue by station, the year-on-year changes the seed articles report (黄赌, 交通,
 * 打架斗殴, preventable cases) per station, and who is on duty.
 *
 * <p>Read-only by construction: every method is a query ({@link WallStatsDao}, {@link WallStatsDao#openQueue()} without caller numbers,
 * {@link UnitDao#board()}); nothing here holds a service that writes. Blocking: call it off the FX thread.
 * Days and hours are the station's ({@code zone}), whatever the workstation is set to.
 */
public final class WallStatistics {

    /** The app_setting keys naming the duty commander (值班长) and the leader on duty (指挥长) for the wall. */
    public static final String DUTY_COMMANDER_KEY = "duty.commander";
    public static final String DUTY_LEADER_KEY = "duty.leader";

    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId zone;

    public WallStatistics(Jdbi jdbi, Clock clock, ZoneId zone) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    // ---- today ---------------------------------------------------------------------------------------------------

    /**
     * One day's incidents.
     *
     * @param byCategory counted from midnight up to the same time of day as now (a fair comparison with today)
     * @param byHour     24 counts, for the whole day (today: up to now)
     */
    public record DayCounts(LocalDate date, Map<IncidentCategory, Integer> byCategory, int[] byHour) {
        public DayCounts {
            byCategory = Collections.unmodifiableMap(new EnumMap<>(byCategory));
            byHour = byHour.clone();
        }

        /** Incidents up to the same time of day. */
        public int total() {
            return byCategory.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int hour(int h) {
            return byHour[h];
        }

        /** The whole day's incidents (today: so far). */
        public int dayTotal() {
            return Arrays.stream(byHour).sum();
        }
    }

    /** Today so far, the same weekday last week and the same date last year. */
    public record TodayFigures(Instant at, DayCounts today, DayCounts lastWeek, DayCounts lastYear) {
    }

    public TodayFigures today() {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(zone);
        LocalDate date = local.toLocalDate();
        Duration sinceMidnight = Duration.between(date.atStartOfDay(zone), local);
        return jdbi.withExtension(WallStatsDao.class, dao -> new TodayFigures(now,
                day(dao, date, sinceMidnight, true),
                day(dao, date.minusWeeks(1), sinceMidnight, false),
                day(dao, date.minusYears(1), sinceMidnight, false)));
    }

    private DayCounts day(WallStatsDao dao, LocalDate date, Duration comparedUpTo, boolean untilNow) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant cut = date.atStartOfDay(zone).plus(comparedUpTo).toInstant();
        Instant until = untilNow ? cut : date.plusDays(1).atStartOfDay(zone).toInstant();
        Map<IncidentCategory, Integer> cats = new EnumMap<>(IncidentCategory.class);
        for (IncidentCategory c : IncidentCategory.values()) {
            cats.put(c, 0);
        }
        int[] hours = new int[24];
        for (WallStatsDao.Received r : dao.receivedBetween(from, until)) {
            hours[r.at().atZone(zone).getHour()]++;
            if (r.at().isBefore(cut) || untilNow) {
                IncidentCategory c = category(r.category());
                if (c != null) {
                    cats.merge(c, 1, Integer::sum);
                }
            }
        }
        return new DayCounts(date, cats, hours);
    }

    private static IncidentCategory category(String name) {
        try {
            return IncidentCategory.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    // ---- open incidents ------------------------------------------------------------------------------------------

    /**
     * The incidents not yet closed.
     *
     * @param longest the longest-waiting ones first (at most the number asked for)
     */
    public record OpenFigures(Instant at, int open, int urgent, Map<IncidentStatus, Integer> byStatus,
                              Duration longestWait, Duration medianWait, List<QueueEntry> longest) {
        public OpenFigures {
            byStatus = Collections.unmodifiableMap(new EnumMap<>(byStatus));
            longest = List.copyOf(longest);
        }
    }

    public OpenFigures open(int longestCount) {
        Instant now = clock.instant();
        List<QueueEntry> queue = openQueue();
        Map<IncidentStatus, Integer> byStatus = new EnumMap<>(IncidentStatus.class);
        for (IncidentStatus s : IncidentStatus.values()) {
            if (s.isOpen()) {
                byStatus.put(s, 0);
            }
        }
        int urgent = 0;
        List<Duration> waits = new ArrayList<>(queue.size());
        for (QueueEntry e : queue) {
            byStatus.merge(e.status(), 1, Integer::sum);
            if (e.priority() == 1) {
                urgent++;
            }
            waits.add(e.waitingAt(now));
        }
        Collections.sort(waits);
        Duration longest = waits.isEmpty() ? Duration.ZERO : waits.get(waits.size() - 1);
        Duration median = waits.isEmpty() ? Duration.ZERO : waits.get(waits.size() / 2);
        List<QueueEntry> oldest = queue.stream()
                .sorted(Comparator.comparing(QueueEntry::receivedAt).thenComparing(QueueEntry::priority))
                .limit(Math.max(0, longestCount)).toList();
        return new OpenFigures(now, queue.size(), urgent, byStatus, longest, median, oldest);
    }

    /** Every open incident, as the desk's queue reads them but without caller numbers (for the map's markers). */
    public List<QueueEntry> openQueue() {
        return jdbi.withExtension(WallStatsDao.class, WallStatsDao::openQueue);
    }

    /** The month whose index colours the grids, and each police grid's value (by grid id as text). */
    public record GridIndex(java.time.YearMonth month, java.util.Map<String, Double> values) {
    }

    /**
     * Each police grid's station's prevention index for colouring the wall's map: of {@code month}, or, early in a
     * month before its index is computed, of the latest of the two months before it that has one (empty values when
     * none has).
     */
    public GridIndex gridsByStationIndex(org.commandroom.core.index.IndexRanking ranking, java.time.YearMonth month) {
        for (int back = 0; back <= 2; back++) {
            java.time.YearMonth m = month.minusMonths(back);
            java.util.Map<Long, Double> stations = org.commandroom.core.index.MapIndexValues.stations(ranking, m);
            if (!stations.isEmpty()) {
                return new GridIndex(m, org.commandroom.core.index.MapIndexValues.gridsByStation(jdbi, stations));
            }
        }
        return new GridIndex(month, java.util.Map.of());
    }

    /** The map's static layers: district, grids, zones, places, cameras, base map (for the wall's map). */
    public org.commandroom.core.geo.MapLayers mapLayers() {
        return org.commandroom.core.geo.MapLayers.load(jdbi);
    }

    /** Every patrol unit with its last position (for the map's markers). */
    public List<UnitBoardEntry> units() {
        return jdbi.withExtension(UnitDao.class, UnitDao::board);
    }

    // ---- orders overdue ------------------------------------------------------------------------------------------

    /** A station's orders past a deadline: not signed for after the sign deadline, not fed back after feedback's. */
    public record Overdue(long stationId, String stationName, String stationCode, long unsigned, long noFeedback) {
    }

    /** Stations with orders past a deadline now, the most overdue first. */
    public List<Overdue> overdueByStation() {
        Instant now = clock.instant();
        List<Overdue> rows = new ArrayList<>();
        for (WallStatsDao.Overdue r : jdbi.withExtension(WallStatsDao.class, dao -> dao.overdueByStation(now))) {
            if (r.unsigned() + r.noFeedback() > 0) {
                rows.add(new Overdue(r.stationId(), r.stationName(), r.stationCode(), r.unsigned(), r.noFeedback()));
            }
        }
        rows.sort(Comparator.comparingLong((Overdue r) -> -(r.unsigned() + r.noFeedback())).thenComparing(Overdue::stationCode));
        return rows;
    }

    // ---- year on year --------------------------------------------------------------------------------------------

    /** The groups the seed articles report year on year (Qianwei: 黄赌 -23.7 %, 交通 -6.7 %, 打架斗殴 -36.2 %). */
    public enum YoyGroup {
        /** 黄赌: gambling and vice incidents. */
        GAMBLING_VICE(Set.of(IncidentType.GAMBLING_VICE)),
        /** 交通: traffic incidents (accidents, injuries, jams). */
        TRAFFIC(Arrays.stream(IncidentType.values()).filter(t -> t.category() == IncidentCategory.TRAFFIC)
                .collect(Collectors.toUnmodifiableSet())),
        /** 打架斗殴: fights and brawls. */
        FIGHT(Set.of(IncidentType.FIGHT)),
        /** 可防性案件: e-bike theft, pickpocketing, burglary (Jianghan's preventable cases). */
        PREVENTABLE(Set.of(IncidentType.EBIKE_THEFT, IncidentType.PICKPOCKET, IncidentType.BURGLARY));

        private final Set<IncidentType> types;

        YoyGroup(Set<IncidentType> types) {
            this.types = types;
        }

        public Set<IncidentType> types() {
            return types;
        }

        static YoyGroup of(IncidentType t) {
            for (YoyGroup g : values()) {
                if (g.types.contains(t)) {
                    return g;
                }
            }
            return null;
        }
    }

    /** A count this year to date and in the same period last year. */
    public record YoyLine(long now, long lastYear) {
        /** The change in per cent, or null when last year had none (no base to compare with). */
        public Double changePercent() {
            return lastYear == 0 ? null : (now - lastYear) * 100.0 / lastYear;
        }
    }

    /** One station's lines, in {@link YoyGroup} order. */
    public record StationYoy(long stationId, String code, String name, Map<YoyGroup, YoyLine> lines) {
        public StationYoy {
            lines = Collections.unmodifiableMap(new EnumMap<>(lines));
        }
    }

    /**
     * Year to date (1 January to now, station time) against the same span last year.
     *
     * @param bureau   every station together (incidents without a station included)
     * @param stations each station and street post, in code order
     */
    public record YearOnYear(Instant at, LocalDate from, LocalDateTime through, Map<YoyGroup, YoyLine> bureau,
                             List<StationYoy> stations) {
        public YearOnYear {
            bureau = Collections.unmodifiableMap(new EnumMap<>(bureau));
            stations = List.copyOf(stations);
        }
    }

    public YearOnYear yearOnYear() {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(zone);
        LocalDate jan1 = local.toLocalDate().withDayOfYear(1);
        Instant from = jan1.atStartOfDay(zone).toInstant();
        Instant lyFrom = jan1.minusYears(1).atStartOfDay(zone).toInstant();
        Instant lyUntil = local.minusYears(1).toInstant();
        List<String> types = Arrays.stream(YoyGroup.values()).flatMap(g -> g.types().stream()).map(Enum::name).sorted().toList();
        return jdbi.withExtension(WallStatsDao.class, dao -> {
            Map<Long, long[][]> counts = new HashMap<>();   // station -> group -> {now, last year}
            long[][] all = new long[YoyGroup.values().length][2];
            add(dao.countByStationAndType(from, now, types), 0, counts, all);
            add(dao.countByStationAndType(lyFrom, lyUntil, types), 1, counts, all);
            List<StationYoy> stations = new ArrayList<>();
            for (WallStatsDao.Station s : dao.stations()) {
                stations.add(new StationYoy(s.id(), s.code(), s.name(), lines(counts.get(s.id()))));
            }
            return new YearOnYear(now, jan1, local.toLocalDateTime(), lines(all), stations);
        });
    }

    private static void add(List<WallStatsDao.TypeCount> rows, int column, Map<Long, long[][]> counts, long[][] all) {
        for (WallStatsDao.TypeCount r : rows) {
            IncidentType type;
            try {
                type = IncidentType.valueOf(r.type());
            } catch (IllegalArgumentException e) {
                continue;
            }
            YoyGroup g = YoyGroup.of(type);
            if (g == null) {
                continue;
            }
            all[g.ordinal()][column] += r.count();
            if (r.stationId() != null) {
                counts.computeIfAbsent(r.stationId(), k -> new long[YoyGroup.values().length][2])[g.ordinal()][column] += r.count();
            }
        }
    }

    private static Map<YoyGroup, YoyLine> lines(long[][] c) {
        Map<YoyGroup, YoyLine> out = new LinkedHashMap<>();
        for (YoyGroup g : YoyGroup.values()) {
            out.put(g, c == null ? new YoyLine(0, 0) : new YoyLine(c[g.ordinal()][0], c[g.ordinal()][1]));
        }
        return out;
    }

    // ---- duty ----------------------------------------------------------------------------------------------------

    /**
     * Who is on duty for the wall.
     *
     * @param commander  the duty commander(s) (值班长), names joined; empty when nobody is recorded
     * @param leader     the leader on duty (指挥长); empty when none
     * @param fromRoster true when a shift of the command room's roster covers now; false when the names are the
     *                   settings' fallback (or there are none): the wall then says that no roster covers now
     * @param changesAt  when the answer may change next (the shift's end or the next shift's start, whichever is
     *                   first); null when the roster has nothing ahead
     */
    public record Duty(java.util.Optional<String> commander, java.util.Optional<String> leader, boolean fromRoster,
                       Instant changesAt) {

        /** Names without a roster (the placeholder, the settings). */
        public Duty(java.util.Optional<String> commander, java.util.Optional<String> leader) {
            this(commander, leader, false, null);
        }
    }

    /**
     * The duty commander (值班长) and the leader on duty (指挥长) of the bureau's command room: from the duty roster's
     * shift covering now ({@link DutyRoster}, its overlap rule); when no shift covers now, from the settings
     * {@value #DUTY_COMMANDER_KEY} and {@value #DUTY_LEADER_KEY} as a fallback, with {@code fromRoster} false.
     */
    public Duty duty() {
        Instant now = clock.instant();
        DutyRoster.Standing standing = new DutyRoster(jdbi, zone).standing(null, now);
        java.util.Optional<RosterService.Shift> on = standing.shift();
        Instant changesAt = standing.changesAt();
        if (on.isPresent()) {
            RosterService.Shift s = on.get();
            return new Duty(java.util.Optional.of(s.commanderNames()).filter(n -> !n.isEmpty()),
                    java.util.Optional.ofNullable(s.leader()).map(RosterService.Person::name), true, changesAt);
        }
        return jdbi.withExtension(WallStatsDao.class, dao -> new Duty(
                dao.setting(DUTY_COMMANDER_KEY).map(String::strip).filter(s -> !s.isEmpty()),
                dao.setting(DUTY_LEADER_KEY).map(String::strip).filter(s -> !s.isEmpty()), false, changesAt));
    }

    public ZoneId zone() {
        return zone;
    }

    public Clock clock() {
        return clock;
    }
}
