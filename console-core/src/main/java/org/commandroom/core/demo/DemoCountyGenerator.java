package org.commandroom.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with a plausible county, the same content for the same profile, seed and
 * end instant.
 *
 * <p>Two phases, each committed before the next starts: <b>live</b> (organisation, map, patrol units
 * with their positions, and the last 24 hours of incidents and orders, including the open queue and
 * open orders at {@code end}), then <b>history</b> (cameras and the rest of the year of incidents and
 * orders, committed in batches of a few thousand), then the house register with a year of inspections
 * ({@link HousePhase}). A UI can show the live queue as soon as the progress
 * callback reports {@code liveReady}. Nothing here writes change_log rows.
 */
public final class DemoCountyGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCountyGenerator.class);
    private static final Duration LIVE_PART = Duration.ofHours(24);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Rows per JDBC batch. */
    static final int BATCH = 5_000;
    /** At most this many history incidents per transaction (with their orders); about 20 commits a year. */
    static final int CHUNK = 20_000;

    public static final String SETTING_PROFILE = "demo.profile";
    public static final String SETTING_SEED = "demo.seed";
    public static final String SETTING_END = "demo.end";
    public static final String SETTING_STATE = "demo.state";

    private final Jdbi jdbi;
    private final DemoProfile profile;
    private final long seed;
    private final Vocabulary vocab = Vocabulary.load();

    public DemoCountyGenerator(Jdbi jdbi, DemoProfile profile, long seed) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.seed = seed;
    }

    /** True when the database holds no organisation and no incidents, i.e. a demo may be generated into it. */
    /**
     * What this database is as far as the demo is concerned: {@code NONE} when no demo county was ever planned in it
     * (a bureau's own data, set up with console-admin), else {@code PLANNED}, {@code LIVE_READY} or {@code COMPLETE}.
     */
    public static String state(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_value FROM app_setting WHERE setting_key = :k")
                .bind("k", SETTING_STATE).mapTo(String.class).findOne().orElse("NONE"));
    }

    /** Marks an empty database as the demo county's before its users and county are made. */
    public static void markPlanned(Jdbi jdbi) {
        jdbi.useHandle(h -> BulkWriter.setting(h, SETTING_STATE, "PLANNED"));
    }

    public static boolean isEmpty(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM bureau) + (SELECT COUNT(*) FROM incident)")
                .mapTo(Long.class).one() == 0);
    }

    /**
     * Generates the county with its year of history ending at {@code end}.
     *
     * @param progress told of each step; {@code liveReady} is true from the moment the live state is committed
     */
    public GenerationReport generate(Instant end, Consumer<GenerationProgress> progress) {
        Objects.requireNonNull(end, "end");
        Consumer<GenerationProgress> report = progress == null ? p -> { } : progress;
        if (!isEmpty(jdbi)) {
            throw new IllegalStateException("the database is not empty; the demo county is only generated into an empty one");
        }
        Map<String, Duration> times = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        report.accept(new GenerationProgress("map", 0.0, false));
        CountyMap map = CountyMap.build(profile, seed);
        times.put("map", Duration.ofNanos(System.nanoTime() - t0));

        long t1 = System.nanoTime();
        report.accept(new GenerationProgress("live", 0.03, false));
        County county = jdbi.inTransaction(h -> {
            County c = new CountyBuilder(vocab, seed, profile.regionCode()).build(h, map);
            new LivePhase(c, end).run(h);
            BulkWriter.setting(h, SETTING_PROFILE, profile.name());
            BulkWriter.setting(h, SETTING_SEED, Long.toString(seed));
            BulkWriter.setting(h, SETTING_END, end.toString());
            BulkWriter.setting(h, SETTING_STATE, "LIVE_READY");
            return c;
        });
        times.put("live", Duration.ofNanos(System.nanoTime() - t1));
        LOG.info("Demo county {}: live state committed after {} ms", profile.name(), (System.nanoTime() - t0) / 1_000_000);
        report.accept(new GenerationProgress("live", 0.1, true));

        long t2 = System.nanoTime();
        new CameraPhase(county, seed, jdbi).run(p -> report.accept(new GenerationProgress("cameras", 0.1 + 0.05 * p, true)));
        times.put("cameras", Duration.ofNanos(System.nanoTime() - t2));

        long t3 = System.nanoTime();
        history(county, end, p -> report.accept(new GenerationProgress("history", 0.15 + 0.83 * p, true)));
        times.put("history", Duration.ofNanos(System.nanoTime() - t3));
        long th = System.nanoTime();
        report.accept(new GenerationProgress("houses", 0.98, true));
        HousePhase.Written houses = jdbi.inTransaction(h -> new HousePhase(county, vocab, seed, end).run(h));
        times.put("houses", Duration.ofNanos(System.nanoTime() - th));
        LOG.info("houses: {} registered in {} ms, {} inspections made and stored in {} ms", houses.houses(),
                houses.registerMillis(), houses.inspections(), houses.inspectMillis());
        long t4 = System.nanoTime();
        // Every call's link to its caller's previous call (一人多警; docs/INDEX.md), live and history alike.
        int links = jdbi.inTransaction(org.commandroom.core.incident.CallerLinks::relinkAll);
        times.put("links", Duration.ofNanos(System.nanoTime() - t4));
        LOG.debug("caller links written: {}", links);
        jdbi.useHandle(h -> BulkWriter.setting(h, SETTING_STATE, "COMPLETE"));
        report.accept(new GenerationProgress("done", 1.0, true));
        LOG.info("Demo county {} generated in {} ms: {}", profile.name(), (System.nanoTime() - t0) / 1_000_000, times);
        return new GenerationReport(profile.name(), seed, end, counts(), times);
    }

    private Map<String, Long> counts() {
        String[] tables = {"bureau", "station", "team", "officer", "street", "community", "micro_grid", "police_grid",
            "police_grid_micro_grid", "key_patrol_zone", "deployment_point", "key_place", "police_office", "camera",
            "patrol_unit", "unit_crew", "incident", "work_order", "work_order_event", "change_log", "base_map_feature",
            "house", "house_inspection"};
        Map<String, Long> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> {
            for (String t : tables) {
                // table names come from the fixed list above, never from input
                out.put(t, h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one());
            }
        });
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Live phase: the last 24 hours, ending in an open queue, moving units and open orders.

    private final class LivePhase {
        private final County c;
        private final Instant end;
        private final SplittableRandom rnd;

        LivePhase(County c, Instant end) {
            this.c = c;
            this.end = end;
            this.rnd = new SplittableRandom(seed ^ 0x11FEL);
        }

        void run(Handle h) {
            IncidentFactory f = new IncidentFactory(c, vocab, seed, end);
            Instant liveFrom = end.minus(LIVE_PART);
            List<IncidentFactory.Spec> incidents = new ArrayList<>();
            Map<String, Long> jCounters = new HashMap<>();
            for (LocalDate d = LocalDate.ofInstant(liveFrom, IncidentFactory.ZONE); !d.isAfter(f.lastDay()); d = d.plusDays(1)) {
                List<IncidentFactory.Spec> day = f.day(d);
                jCounters.put("J" + d.format(DAY), (long) day.size());
                for (IncidentFactory.Spec s : day) {
                    if (!s.receivedAt.isBefore(liveFrom)) {
                        incidents.add(s);
                    }
                }
            }
            decideStatuses(incidents);
            List<County.UnitSpec> units = new ArrayList<>();
            c.unitsByStation.forEach(units::addAll);
            Map<IncidentFactory.Spec, County.UnitSpec> assigned = new HashMap<>();
            List<BulkWriter.UnitState> states = unitStates(units, incidents, assigned);
            BulkWriter.units(h, units, states, c);
            BulkWriter.incidents(h, incidents, c);

            OrderFactory of = new OrderFactory(end, new HashMap<>());
            List<OrderFactory.Spec> orders = new ArrayList<>();
            for (IncidentFactory.Spec s : incidents) {
                OrderFactory.Spec o = null;
                if (s.status.equals("CLOSED") && rnd.nextDouble() < 0.88) {
                    o = of.dispatch(s, c, randomUnit(s.station), rnd);
                } else if (s.status.equals("DISPATCHED") || s.status.equals("ON_SCENE")) {
                    County.UnitSpec u = assigned.get(s);
                    long age = Duration.between(s.receivedAt, end).getSeconds();
                    Instant created = s.receivedAt.plusSeconds(Math.min(age / 3, 30 + rnd.nextInt(120)));
                    Instant issued = created.plusSeconds(Math.min(Math.max(0, Duration.between(created, end).getSeconds()), 10));
                    boolean signs = s.status.equals("ON_SCENE") || rnd.nextDouble() < 0.6;
                    Instant signed = signs ? issued.plusSeconds(Math.max(0, Math.min(Duration.between(issued, end).getSeconds(),
                            20 + rnd.nextInt(160)))) : null;
                    o = of.plan(OrderKind.DISPATCH, s.type, created, issued, signed, null, null,
                            c.commanderNames[s.station], u == null ? c.gridOfficerNames[s.policeGrid] : u.leaderName, null);
                    if (o != null) {
                        o.incidentId = s.id;
                        o.stationId = c.stationIds[s.station];
                        o.unitId = u == null ? null : u.id;
                        o.assigneeId = u == null ? null : u.crewIds.get(0);
                        o.targetLat = c.map.lat(s.y);
                        o.targetLon = c.map.lon(s.x);
                        o.summary = "出警:" + OrderFactory.LABEL.get(s.type) + " " + s.address;
                        of.unitReports(o, s, u == null ? c.gridOfficerNames[s.policeGrid] : u.leaderName, s.status);
                    }
                }
                if (o != null) {
                    orders.add(o);
                }
            }
            orders.addAll(liveFollowUps(of, incidents));
            orders.sort((a, b) -> a.createdAt.compareTo(b.createdAt));
            BulkWriter.orders(h, orders);
            Map<String, Long> all = new HashMap<>(jCounters);
            all.putAll(of.counters());
            BulkWriter.counters(h, all);
            LOG.debug("live phase: {} incidents, {} orders, {} units", incidents.size(), orders.size(), units.size());
        }

        /** The newest incidents of the last 90 minutes are still open; everything else of the day is closed. */
        private void decideStatuses(List<IncidentFactory.Spec> incidents) {
            Instant queueFrom = end.minus(IncidentFactory.LIVE_QUEUE_WINDOW);
            List<IncidentFactory.Spec> window = new ArrayList<>();
            for (IncidentFactory.Spec s : incidents) {
                if (!s.receivedAt.isBefore(queueFrom)) {
                    window.add(s);
                }
            }
            window.sort((a, b) -> b.receivedAt.compareTo(a.receivedAt));
            // The newest third of the queue is still waiting or on its way; the rest are older incidents
            // whose handling takes long, drawn from the whole 90 minutes so waiting times vary.
            int target = Math.min(window.size(), 12 + rnd.nextInt(15));
            int newest = (target + 2) / 3;
            List<IncidentFactory.Spec> open = new ArrayList<>(window.subList(0, newest));
            List<IncidentFactory.Spec> older = new ArrayList<>(window.subList(newest, window.size()));
            for (int i = 0; i < target - newest; i++) {
                int j = i + rnd.nextInt(older.size() - i);
                IncidentFactory.Spec pick = older.get(j);
                older.set(j, older.get(i));
                older.set(i, pick);
                open.add(pick);
            }
            // a non-police call is diverted within minutes; only a fresh one is still in the queue
            open.removeIf(s -> s.type == IncidentType.NON_POLICE && Duration.between(s.receivedAt, end).toMinutes() >= 15);
            for (IncidentFactory.Spec s : incidents) {
                if (open.contains(s)) {
                    long minutes = Duration.between(s.receivedAt, end).toMinutes();
                    double r = rnd.nextDouble();
                    if (s.type == IncidentType.NON_POLICE || minutes < 3) {
                        s.status = "NEW";
                    } else if (minutes < 10) {
                        s.status = r < 0.3 ? "NEW" : "DISPATCHED";
                    } else if (minutes < 30) {
                        s.status = r < 0.1 ? "NEW" : r < 0.5 ? "DISPATCHED" : "ON_SCENE";
                    } else {
                        s.status = r < 0.15 ? "DISPATCHED" : "ON_SCENE";
                    }
                    s.closedAt = null;
                } else if (s.closedAt == null || s.closedAt.isAfter(end)) {
                    long age = Duration.between(s.receivedAt, end).getSeconds();
                    s.status = s.type == IncidentType.NON_POLICE ? "DIVERTED" : "CLOSED";
                    s.closedAt = s.receivedAt.plusSeconds(Math.max(60, age / 2 + rnd.nextLong(Math.max(1, age / 2 - 30))));
                    if (s.closedAt.isAfter(end)) {
                        s.closedAt = end;
                    }
                }
            }
        }

        private List<BulkWriter.UnitState> unitStates(List<County.UnitSpec> units, List<IncidentFactory.Spec> incidents,
                                                      Map<IncidentFactory.Spec, County.UnitSpec> assigned) {
            Map<County.UnitSpec, BulkWriter.UnitState> state = new HashMap<>();
            List<IncidentFactory.Spec> busy = new ArrayList<>();
            for (IncidentFactory.Spec s : incidents) {
                if (s.status.equals("DISPATCHED") || s.status.equals("ON_SCENE")) {
                    busy.add(s);
                }
            }
            for (IncidentFactory.Spec s : busy) {
                County.UnitSpec u = freeUnit(s.station, state);
                if (u == null) {
                    continue;
                }
                assigned.put(s, u);
                Instant fix = end.minusSeconds(2 + rnd.nextInt(60));
                if (s.status.equals("ON_SCENE")) {
                    state.put(u, new BulkWriter.UnitState("ON_SCENE", s.x + CountyMap.gauss(rnd) * 15, s.y + CountyMap.gauss(rnd) * 15,
                            rnd.nextDouble() * 360, fix));
                } else {
                    double[] home = home(u);
                    double t = 0.3 + rnd.nextDouble() * 0.5;
                    double x = home[0] + (s.x - home[0]) * t;
                    double y = home[1] + (s.y - home[1]) * t;
                    double heading = (Math.toDegrees(Math.atan2(s.x - home[0], s.y - home[1])) + 360) % 360;
                    state.put(u, new BulkWriter.UnitState("EN_ROUTE", x, y, heading, fix));
                }
            }
            int stale = 0;
            List<BulkWriter.UnitState> out = new ArrayList<>();
            for (County.UnitSpec u : units) {
                BulkWriter.UnitState s = state.get(u);
                if (s == null) {
                    double r = rnd.nextDouble();
                    String status = r < 0.2 ? "OFF_DUTY" : r < 0.3 ? "BUSY" : "AVAILABLE";
                    double[] p = status.equals("OFF_DUTY") ? stationHouse(u.station) : home(u);
                    Instant fix;
                    if (status.equals("OFF_DUTY")) {
                        fix = end.minusSeconds(2 * 3600 + rnd.nextInt(8 * 3600));
                    } else if (stale < 2 && rnd.nextDouble() < 0.15) {
                        stale++; // a terminal that stopped reporting
                        fix = end.minusSeconds(8 * 60 + rnd.nextInt(32 * 60));
                    } else {
                        fix = end.minusSeconds(2 + rnd.nextInt(90));
                    }
                    s = new BulkWriter.UnitState(status, p[0], p[1], rnd.nextDouble() * 360, fix);
                }
                out.add(s);
            }
            return out;
        }

        /** A unit of the station not yet busy, keeping one in reserve; null when the station has none to spare. */
        private County.UnitSpec freeUnit(int station, Map<County.UnitSpec, BulkWriter.UnitState> taken) {
            List<County.UnitSpec> own = c.unitsByStation.get(station);
            County.UnitSpec free = null;
            int freeCount = 0;
            for (County.UnitSpec u : own) {
                if (!taken.containsKey(u)) {
                    freeCount++;
                    if (free == null) {
                        free = u;
                    }
                }
            }
            return freeCount >= 2 ? free : null;
        }

        /** Somewhere on the unit's beat: its key patrol zone, or a random spot of its station's area. */
        private double[] home(County.UnitSpec u) {
            if (u.zoneId != null) {
                for (County.ZoneSpec z : c.zones) {
                    if (z.id() == u.zoneId) {
                        for (int i = 0; i < 10; i++) {
                            double x = z.x() + CountyMap.gauss(rnd) * 150;
                            double y = z.y() + CountyMap.gauss(rnd) * 150;
                            if (c.map.policeGridAt(x, y) >= 0) {
                                return new double[] {x, y};
                            }
                        }
                    }
                }
            }
            var env = c.map.stationArea[u.station].getEnvelopeInternal();
            for (int i = 0; i < 60; i++) {
                double x = env.getMinX() + rnd.nextDouble() * env.getWidth();
                double y = env.getMinY() + rnd.nextDouble() * env.getHeight();
                int g = c.map.policeGridAt(x, y);
                if (g >= 0 && c.map.policeGridStation[g] == u.station) {
                    return new double[] {x, y};
                }
            }
            return stationHouse(u.station);
        }

        private double[] stationHouse(int station) {
            var p = c.map.stationArea[station].getInteriorPoint();
            return new double[] {p.getX(), p.getY()};
        }

        /** Open dispute follow-ups at {@code end}: not yet signed, overdue unsigned, awaiting feedback, feedback overdue. */
        private List<OrderFactory.Spec> liveFollowUps(OrderFactory of, List<IncidentFactory.Spec> incidents) {
            List<IncidentFactory.Spec> disputes = new ArrayList<>();
            for (IncidentFactory.Spec s : incidents) {
                if (s.category() == IncidentCategory.DISPUTE && !s.status.equals("NEW")) {
                    disputes.add(s);
                }
            }
            List<OrderFactory.Spec> out = new ArrayList<>();
            // most telling first, in case the day had few disputes
            String[] plan = {"NEVER", "FB_LATE", "WAITING", "RECENT", "NEVER", "WAITING", "RECENT", "FB_LATE", "WAITING",
                "RECENT", "WAITING", "DONE", "DONE", "DONE", "DONE"};
            java.util.Set<IncidentFactory.Spec> used = new java.util.HashSet<>();
            for (String kind : plan) {
                IncidentFactory.Spec pickIt = null;
                Instant issued = null;
                int offset = disputes.isEmpty() ? 0 : rnd.nextInt(disputes.size());
                for (int k = 0; k < disputes.size() && pickIt == null; k++) {
                    IncidentFactory.Spec s = disputes.get((offset + k) % disputes.size());
                    if (used.contains(s)) {
                        continue;
                    }
                    long limit = feedbackSeconds(s.type);
                    Instant candidate = switch (kind) {
                        case "RECENT" -> end.minusSeconds(60 + rnd.nextInt(24 * 60));
                        case "NEVER" -> end.minusSeconds(40 * 60 + rnd.nextInt(140 * 60));
                        case "WAITING" -> end.minusSeconds(40 * 60 + rnd.nextLong(Math.max(1, limit - 50 * 60)));
                        case "FB_LATE" -> end.minusSeconds(limit + 10 * 60 + rnd.nextInt(80 * 60));
                        default -> s.receivedAt.plusSeconds(30 * 60 + rnd.nextInt(60 * 60));
                    };
                    if (candidate.isAfter(s.receivedAt.plusSeconds(15 * 60)) && candidate.isBefore(end)) {
                        pickIt = s;
                        issued = candidate;
                    }
                }
                if (pickIt == null) {
                    continue;
                }
                used.add(pickIt);
                boolean signs = !kind.equals("RECENT") && !kind.equals("NEVER");
                boolean feeds = kind.equals("DONE");
                OrderFactory.Spec o = of.followUp(pickIt, c, issued, signs, false, feeds, false, rnd);
                if (o != null) {
                    out.add(o);
                }
            }
            return out;
        }

        private County.UnitSpec randomUnit(int station) {
            List<County.UnitSpec> list = c.unitsByStation.get(station);
            return list.isEmpty() ? null : list.get(rnd.nextInt(list.size()));
        }
    }

    private static long feedbackSeconds(IncidentType type) {
        return org.commandroom.core.dispatch.DeadlinePolicy.defaults().feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, type).getSeconds();
    }

    // ---------------------------------------------------------------------------------------------------------
    // History phase: the year before the live part, committed chunk by chunk.

    private void history(County c, Instant end, java.util.function.DoubleConsumer progress) {
        IncidentFactory f = new IncidentFactory(c, vocab, seed, end);
        Instant liveFrom = end.minus(LIVE_PART);
        Instant ordersFrom = end.minus(Duration.ofDays(profile.dispatchOrderDays()));
        Map<String, Long> counters = jdbi.withHandle(BulkWriter::loadCounters);
        OrderFactory of = new OrderFactory(end, counters);
        LocalDate first = f.firstDay();
        LocalDate last = LocalDate.ofInstant(liveFrom, IncidentFactory.ZONE);
        long totalDays = last.toEpochDay() - first.toEpochDay() + 1;
        Map<String, Long> jCounters = new HashMap<>();
        List<IncidentFactory.Spec> chunk = new ArrayList<>();
        List<List<IncidentFactory.Spec>> chunkDays = new ArrayList<>();
        long[] nanos = new long[3];
        int chunkSize = Math.max(BATCH, Math.min(CHUNK, profile.incidentsPerYear() / 20));
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            long g0 = System.nanoTime();
            List<IncidentFactory.Spec> day = f.day(d);
            nanos[0] += System.nanoTime() - g0;
            String key = "J" + d.format(DAY);
            jCounters.put(key, (long) day.size());
            List<IncidentFactory.Spec> kept = new ArrayList<>();
            for (IncidentFactory.Spec s : day) {
                if (s.receivedAt.isBefore(liveFrom)) {
                    kept.add(s);
                }
            }
            chunk.addAll(kept);
            chunkDays.add(kept);
            if (chunk.size() >= chunkSize || d.equals(last)) {
                long dayIndex = d.toEpochDay();
                List<IncidentFactory.Spec> rows = chunk;
                List<List<IncidentFactory.Spec>> days = chunkDays;
                jdbi.useTransaction(h -> {
                    long w0 = System.nanoTime();
                    BulkWriter.incidents(h, rows, c);
                    long w1 = System.nanoTime();
                    BulkWriter.orders(h, historyOrders(c, of, rows, days, ordersFrom, dayIndex));
                    nanos[1] += w1 - w0;
                    nanos[2] += System.nanoTime() - w1;
                });
                chunk = new ArrayList<>();
                chunkDays = new ArrayList<>();
                progress.accept((d.toEpochDay() - first.toEpochDay() + 1) / (double) totalDays);
            }
        }
        Map<String, Long> all = new HashMap<>(jCounters);
        all.putAll(of.counters());
        jdbi.useTransaction(h -> BulkWriter.counters(h, all));
        LOG.info("history: making incidents {} ms, storing incidents {} ms, making and storing orders {} ms",
                nanos[0] / 1_000_000, nanos[1] / 1_000_000, nanos[2] / 1_000_000);
    }

    private List<OrderFactory.Spec> historyOrders(County c, OrderFactory of, List<IncidentFactory.Spec> rows,
                                                  List<List<IncidentFactory.Spec>> days, Instant ordersFrom, long dayIndex) {
        SplittableRandom rnd = new SplittableRandom(seed ^ (dayIndex * 0x2545F4914F6CDD1DL));
        List<OrderFactory.Spec> out = new ArrayList<>();
        for (IncidentFactory.Spec s : rows) {
            if (s.status.equals("CLOSED") && !s.receivedAt.isBefore(ordersFrom) && rnd.nextDouble() < 0.88) {
                List<County.UnitSpec> units = c.unitsByStation.get(s.station);
                OrderFactory.Spec o = of.dispatch(s, c, units.isEmpty() ? null : units.get(rnd.nextInt(units.size())), rnd);
                if (o != null) {
                    out.add(o);
                }
            }
        }
        // Seed 004: every day the command centre picks 10-15 dispute incidents for follow-up by the community officer.
        for (List<IncidentFactory.Spec> day : days) {
            List<IncidentFactory.Spec> disputes = new ArrayList<>();
            for (IncidentFactory.Spec s : day) {
                if (s.category() == IncidentCategory.DISPUTE && s.closedAt != null) {
                    disputes.add(s);
                }
            }
            int want = Math.min(disputes.size(), 10 + rnd.nextInt(6));
            for (int i = 0; i < want; i++) {
                int j = i + rnd.nextInt(disputes.size() - i);
                IncidentFactory.Spec s = disputes.get(j);
                disputes.set(j, disputes.get(i));
                disputes.set(i, s);
                Instant issued = s.closedAt.plusSeconds(30 * 60 + rnd.nextInt(10 * 3600));
                boolean signLate = rnd.nextDouble() < 0.08;
                boolean feedbackLate = rnd.nextDouble() < 0.1;
                OrderFactory.Spec o = of.followUp(s, c, issued, true, signLate, true, feedbackLate, rnd);
                if (o != null) {
                    out.add(o);
                }
            }
        }
        out.sort((a, b) -> a.createdAt.compareTo(b.createdAt));
        return out;
    }
}
