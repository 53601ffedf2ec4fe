package org.commandroom.core.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentType;

/**
 * Makes the incidents of one local day, the same ones every time for the same seed: the day's own
 * random stream decides count, times, kinds and places, so the live phase and the history phase can
 * each take their part of a day and still agree on numbering (J + date + running number, in time order).
 * Planted repeat callers (一人多警、一事多警) are added on their days.
 */
final class IncidentFactory {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Open incidents of the live state come from this last stretch of the history. */
    static final Duration LIVE_QUEUE_WINDOW = Duration.ofMinutes(90);

    private final County county;
    private final Vocabulary vocab;
    private final IncidentModel model = new IncidentModel();
    private final long seed;
    private final Instant start;
    private final Instant end;
    private final String areaCode;
    private final Map<LocalDate, List<Spec>> planted = new HashMap<>();
    private final int liveBoost;

    /** One incident before (and after) it is stored. */
    static final class Spec {
        String no;
        Instant receivedAt;
        String caller;
        String address;
        double x;
        double y;
        IncidentType type;
        int priority;
        String description;
        int policeGrid;
        int station;
        String status = "CLOSED";
        Instant closedAt;
        long id;

        IncidentCategory category() {
            return type.category();
        }
    }

    IncidentFactory(County county, Vocabulary vocab, long seed, Instant end) {
        this.county = county;
        this.vocab = vocab;
        this.seed = seed;
        this.end = end;
        this.start = end.minus(Duration.ofDays(365));
        this.areaCode = county.map.profile.regionCode().startsWith("44") ? "0755" : "0833";
        double per90 = county.map.profile.incidentsPerYear() / 365.25 * LIVE_QUEUE_WINDOW.toMinutes() / 1440.0;
        this.liveBoost = (int) Math.max(0, Math.round(24 - per90));
        plantRepeats();
    }

    Instant start() {
        return start;
    }

    LocalDate firstDay() {
        return LocalDate.ofInstant(start, ZONE);
    }

    LocalDate lastDay() {
        return LocalDate.ofInstant(end, ZONE);
    }

    /** All incidents of the local day that fall within the year ending at {@code end}, in time order, numbered. */
    List<Spec> day(LocalDate day) {
        // Not a multiple of SplittableRandom's own increment (0x9E3779B97F4A7C15): with it, each day's stream was the
        // previous day's shifted by a step, so the same few hundred caller numbers came back every day.
        SplittableRandom rnd = new SplittableRandom(seed * 31 + day.toEpochDay() * 0x2545F4914F6CDD1DL);
        CountyMap map = county.map;
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        int n = model.countForDay(map.profile.incidentsPerYear(), day.getDayOfWeek(), day.getDayOfYear(), rnd);
        Instant midnight = day.atStartOfDay(ZONE).toInstant();
        List<Spec> out = new ArrayList<>(n + 32);
        for (int i = 0; i < n; i++) {
            IncidentType type = model.type(weekend, rnd);
            Spec s = create(type, midnight.plusSeconds(model.secondOfDay(type, rnd)), rnd);
            out.add(s);
        }
        // A busier last hour and a half so that even the small county has a queue to show.
        Instant liveFrom = end.minus(LIVE_QUEUE_WINDOW);
        Instant dayEnd = midnight.plus(Duration.ofDays(1));
        if (liveBoost > 0 && liveFrom.isBefore(dayEnd) && end.isAfter(midnight)) {
            Instant from = liveFrom.isAfter(midnight) ? liveFrom : midnight;
            Instant to = end.isBefore(dayEnd) ? end : dayEnd;
            long span = Duration.between(from, to).getSeconds();
            int boost = (int) Math.round(liveBoost * span / (double) LIVE_QUEUE_WINDOW.getSeconds());
            for (int i = 0; i < boost && span > 0; i++) {
                IncidentType type = model.type(weekend, rnd);
                out.add(create(type, from.plusSeconds(rnd.nextLong(span)), rnd));
            }
        }
        out.addAll(planted.getOrDefault(day, List.of()));
        out.removeIf(s -> s.receivedAt.isBefore(start) || s.receivedAt.isAfter(end));
        out.sort(Comparator.comparing((Spec s) -> s.receivedAt).thenComparing(s -> s.caller == null ? "" : s.caller));
        String prefix = "J" + day.format(DAY) + "-";
        for (int i = 0; i < out.size(); i++) {
            Spec s = out.get(i);
            s.no = prefix + String.format("%05d", i + 1);
            if (s.closedAt == null) {
                close(s, new SplittableRandom(seed ^ s.receivedAt.getEpochSecond() * 7919 ^ i));
            }
        }
        return out;
    }

    private Spec create(IncidentType type, Instant at, SplittableRandom rnd) {
        CountyMap map = county.map;
        Spec s = new Spec();
        s.type = type;
        s.receivedAt = at;
        s.caller = rnd.nextDouble() < 0.02 ? null : Phones.caller(rnd, areaCode);
        s.priority = rnd.nextDouble() < 0.08 ? Math.max(1, type.defaultPriority() - 1) : type.defaultPriority();
        s.description = vocab.description(type, rnd);
        boolean placed = false;
        if (!county.hotSpots.isEmpty() && rnd.nextDouble() < IncidentModel.hotSpotShare(type)) {
            County.HotSpot h = county.hotSpots.get(pick(county.hotSpotCumulative, rnd));
            for (int attempt = 0; attempt < 5 && !placed; attempt++) {
                double x = h.x() + CountyMap.gauss(rnd) * 110;
                double y = h.y() + CountyMap.gauss(rnd) * 110;
                int m = map.microGridAt(x, y);
                if (m >= 0) {
                    s.x = x;
                    s.y = y;
                    int street = county.streetOfMicro(m);
                    s.address = county.streetNames[street] + h.name() + (rnd.nextBoolean() ? "门口" : "附近");
                    placed = true;
                }
            }
        }
        if (!placed) {
            int m = pick(county.microWeightCumulative, rnd);
            double[] p = map.randomPointIn(m, rnd);
            s.x = p[0];
            s.y = p[1];
            s.address = residentialAddress(m, rnd);
        }
        locate(s);
        return s;
    }

    private String residentialAddress(int m, SplittableRandom rnd) {
        int street = county.streetOfMicro(m);
        String road = county.streetRoads[street][county.microRoad[m]];
        String a = county.streetNames[street] + road + (1 + rnd.nextInt(260)) + "号";
        if (rnd.nextDouble() < 0.45) {
            a += (1 + rnd.nextInt(12)) + "栋" + (1 + rnd.nextInt(4)) + "单元";
        }
        return a;
    }

    /** Assigns the police grid containing the position, and its station. */
    private void locate(Spec s) {
        int g = county.map.policeGridAt(s.x, s.y);
        if (g < 0) {
            throw new IllegalStateException("incident position outside the district: " + s.x + ", " + s.y);
        }
        s.policeGrid = g;
        s.station = county.map.policeGridStation[g];
    }

    private void close(Spec s, SplittableRandom rnd) {
        long minutes;
        if (s.type == IncidentType.NON_POLICE && rnd.nextDouble() < 0.85) {
            s.status = "DIVERTED";
            minutes = 2 + rnd.nextInt(10);
        } else {
            s.status = "CLOSED";
            minutes = 20 + (long) (Math.exp(CountyMap.gauss(rnd) * 0.6) * 45);
        }
        Instant closed = s.receivedAt.plus(Duration.ofMinutes(Math.min(minutes, 600)));
        s.closedAt = closed.isAfter(end) ? null : closed;
        if (s.closedAt == null) {
            s.status = "OPEN"; // decided by the live phase
        }
    }

    /** 一人多警、一事多警: the same caller at the same address, several times within weeks. */
    private void plantRepeats() {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x0EFEA7L);
        CountyMap map = county.map;
        int plants = Math.max(12, map.profile.incidentsPerYear() / 1000);
        long days = Duration.between(start, end).toDays();
        for (int p = 0; p < plants; p++) {
            IncidentType type;
            double r = rnd.nextDouble();
            type = r < 0.55 ? IncidentType.FAMILY_DISPUTE : r < 0.8 ? IncidentType.NEIGHBOUR_DISPUTE
                    : r < 0.9 ? IncidentType.NOISE : IncidentType.LABOUR_DISPUTE;
            int m = pick(county.microWeightCumulative, rnd);
            double[] pt = map.randomPointIn(m, rnd);
            String address = residentialAddress(m, rnd);
            String caller = Phones.mobile(rnd);
            int calls = 3 + rnd.nextInt(3);
            long gapMax = 12;
            boolean story = p == 0; // seed 004: a family dispute called in January, February and March
            LocalDate first;
            if (story) {
                type = IncidentType.FAMILY_DISPUTE;
                address = county.streetNames[0] + county.streetRoads[0][0] + "88号";
                LocalDate jan = LocalDate.of(LocalDate.ofInstant(end, ZONE).getYear(), 1, 12);
                first = jan.isAfter(LocalDate.ofInstant(end.minus(Duration.ofDays(90)), ZONE)) ? jan.minusYears(1) : jan;
                calls = 3;
                gapMax = 0;
            } else {
                first = LocalDate.ofInstant(start, ZONE).plusDays(2 + rnd.nextLong(Math.max(1, days - 45)));
            }
            LocalDate day = first;
            for (int i = 0; i < calls; i++) {
                Spec s = new Spec();
                s.type = type;
                s.caller = caller;
                s.address = address;
                s.x = pt[0] + CountyMap.gauss(rnd) * 5;
                s.y = pt[1] + CountyMap.gauss(rnd) * 5;
                if (map.policeGridAt(s.x, s.y) < 0) {
                    s.x = pt[0];
                    s.y = pt[1];
                }
                s.priority = type.defaultPriority();
                s.description = vocab.description(type, rnd) + (i > 0 ? "(再次报警)" : "");
                s.receivedAt = day.atStartOfDay(ZONE).toInstant().plusSeconds(19 * 3600 + rnd.nextInt(4 * 3600));
                locate(s);
                planted.computeIfAbsent(day, d -> new ArrayList<>()).add(s);
                day = story ? day.plusMonths(1) : day.plusDays(3 + rnd.nextLong(gapMax - 2));
            }
        }
    }

    static int pick(double[] cumulative, SplittableRandom rnd) {
        double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
