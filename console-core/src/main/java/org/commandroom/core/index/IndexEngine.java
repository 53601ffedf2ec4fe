package org.commandroom.core.index;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes and stores the prevention index: per station, per street post and per bureau, by month,
 * quarter and year (Asia/Shanghai calendar).
 *
 * <p>A month of a station is read from the database with one grouped query per table scan (the computation
 * kinds that read the same rows together, all stations at once); what is stored for it is each indicator's numerator and denominator. Quarters,
 * years and the bureau are sums of those monthly inputs, so they never read incidents again, and an
 * incremental update of one station's month re-reads only that station and month.
 */
public final class IndexEngine {

    private static final Logger LOG = LoggerFactory.getLogger(IndexEngine.class);

    /** What a run did, for logs and benchmarks. */
    public record RunReport(int months, int scopes, int stored, long queryMillis, long totalMillis,
                            Map<String, Long> scanMillis) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final IndexDefinitions definitions;
    private final ChangeRecorder changes;
    private ComputationSql.Repeats repeats = ComputationSql.Repeats.LINKED;

    /** @param changes records an INDEX change per run so other workstations refresh; null records nothing */
    public IndexEngine(Jdbi jdbi, Clock clock, IndexDefinitions definitions, ChangeRecorder changes) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.definitions = definitions;
        this.changes = changes;
    }

    /** For the benchmark: find repeats exactly, without the stored caller links (as before V7). */
    IndexEngine findingRepeatsExactly() {
        this.repeats = ComputationSql.Repeats.EXACT;
        return this;
    }

    public IndexDefinitions definitions() {
        return definitions;
    }

    /** Recomputes every month of a year that has begun, and its quarters and the year, for every scope. */
    public RunReport recomputeYear(int year) {
        long t0 = System.nanoTime();
        IndexDefinition def = definitions.current();
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(LocalDate.ofInstant(now, Period.ZONE));
        return jdbi.inTransaction(h -> {
            List<StationFacts> stations = StationFacts.load(h);
            Inputs inputs = new Inputs(year);
            long q0 = System.nanoTime();
            int months = 0;
            for (YearMonth m : IndexStore.monthsOf(year)) {
                if (m.isAfter(current)) {
                    break;
                }
                readMonth(h, def, stations, m, null, now, inputs, repeats);
                months++;
            }
            readManual(h, def, year, null, inputs);
            long queryNanos = System.nanoTime() - q0;
            List<ScopeResult> results = new ArrayList<>();
            for (Period p : periodsOf(year, months)) {
                results.addAll(scoreAll(def, stations, p, inputs));
            }
            IndexStore.deletePeriodsStarting(h, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
            IndexStore.insert(h, results, def.version(), now);
            recordChange(h, stations);
            RunReport r = new RunReport(months, stations.size() + bureaus(stations).size(), results.size(),
                    queryNanos / 1_000_000, (System.nanoTime() - t0) / 1_000_000, inputs.scanMillis());
            LOG.info("Prevention index {} recomputed: {} months, {} scope-periods stored in {} ms ({} ms reading)",
                    year, months, r.stored(), r.totalMillis(), r.queryMillis());
            return r;
        });
    }

    /**
     * Recomputes one month for some stations only (new incidents or order steps there), then their quarter and
     * year and the bureau's month, quarter and year from the stored monthly inputs of the other stations.
     */
    public RunReport updateMonth(YearMonth month, Collection<Long> stationIds) {
        long t0 = System.nanoTime();
        IndexDefinition def = definitions.current();
        Instant now = clock.instant();
        Set<Long> wanted = new TreeSet<>(stationIds);
        return jdbi.inTransaction(h -> {
            List<StationFacts> all = StationFacts.load(h);
            List<StationFacts> affected = all.stream().filter(s -> wanted.contains(s.id())).toList();
            if (affected.isEmpty()) {
                return new RunReport(0, 0, 0, 0, 0, Map.of());
            }
            int year = month.getYear();
            Inputs inputs = new Inputs(year);
            inputs.months.putAll(IndexStore.monthlyInputs(h, year));
            long q0 = System.nanoTime();
            List<Long> ids = affected.stream().map(StationFacts::id).toList();
            // the affected stations' month is read afresh, replacing what was stored
            for (Map<Long, double[][]> byStation : inputs.months.values()) {
                for (Long id : ids) {
                    double[][] m = byStation.get(id);
                    if (m != null) {
                        m[month.getMonthValue() - 1] = null;
                    }
                }
            }
            readMonth(h, def, affected, month, ids, now, inputs, repeats);
            // all stations' manual entries: the bureau needs the others' whole-quarter and whole-year entries too
            readManual(h, def, year, null, inputs);
            long queryNanos = System.nanoTime() - q0;
            List<ScopeResult> results = new ArrayList<>();
            for (Period p : Period.enclosing(month)) {
                for (StationFacts s : affected) {
                    results.add(scoreStation(def, s, p, inputs));
                }
                for (Map.Entry<Long, List<StationFacts>> b : bureaus(all).entrySet()) {
                    if (b.getValue().stream().anyMatch(s -> wanted.contains(s.id()))) {
                        results.add(scoreBureau(def, b.getKey(), b.getValue(), p, inputs));
                    }
                }
            }
            IndexStore.delete(h, results);
            IndexStore.insert(h, results, def.version(), now);
            recordChange(h, affected);
            return new RunReport(1, affected.size(), results.size(), queryNanos / 1_000_000, (System.nanoTime() - t0) / 1_000_000,
                    inputs.scanMillis());
        });
    }

    // ------------------------------------------------------------------------------------------------------

    /** Monthly inputs of a year, and manual entries made for whole quarters or years. */
    static final class Inputs {
        final int year;
        /** indicator → station → month index → {numerator, denominator}; null: no data that month. */
        final Map<String, Map<Long, double[][]>> months = new HashMap<>();
        /** indicator → station → quarter/year period → value entered for that period as a whole. */
        final Map<String, Map<Long, Map<Period, Double>>> direct = new HashMap<>();

        /** Time spent in each scan's grouped queries. */
        final Map<String, Long> scanNanos = new java.util.TreeMap<>();

        Inputs(int year) {
            this.year = year;
        }

        Map<String, Long> scanMillis() {
            Map<String, Long> out = new java.util.TreeMap<>();
            scanNanos.forEach((k, v) -> out.put(k, v / 1_000_000));
            return out;
        }

        void put(String indicator, long station, int monthIndex, double n, double d) {
            months.computeIfAbsent(indicator, k -> new HashMap<>()).computeIfAbsent(station, k -> new double[12][])[monthIndex] =
                    new double[] {n, d};
        }

        /** The station's inputs for a period: a direct entry, else the sum of the months that have data. */
        double[] of(String indicator, long station, Period p) {
            Double d = direct.getOrDefault(indicator, Map.of()).getOrDefault(station, Map.of()).get(p);
            if (d != null) {
                return new double[] {d, 1};
            }
            double[][] m = months.getOrDefault(indicator, Map.of()).get(station);
            if (m == null) {
                return null;
            }
            double n = 0;
            double den = 0;
            boolean any = false;
            for (YearMonth ym : p.months()) {
                double[] v = m[ym.getMonthValue() - 1];
                if (v != null) {
                    n += v[0];
                    den += v[1];
                    any = true;
                }
            }
            return any ? new double[] {n, den} : null;
        }
    }

    private static void readMonth(Handle h, IndexDefinition def, List<StationFacts> stations, YearMonth m,
                                  Collection<Long> only, Instant now, Inputs inputs, ComputationSql.Repeats repeats) {
        Period p = Period.month(m);
        ComputationSql.Range range = ComputationSql.Range.of(p, now);
        int mi = m.getMonthValue() - 1;
        Map<ComputationSql.Scan, List<IndicatorDef>> scans = new java.util.EnumMap<>(ComputationSql.Scan.class);
        for (IndicatorDef d : def.indicators()) {
            if (d.computation() != null) {
                scans.computeIfAbsent(ComputationSql.scanOf(d.computation().kind()), k -> new ArrayList<>()).add(d);
                if (d.computation().kind() == ComputationKind.INCIDENT_CHANGE_YOY) {
                    scans.computeIfAbsent(ComputationSql.Scan.LAST_YEAR, k -> new ArrayList<>()).add(d);
                }
            }
        }
        // indicator → station → {numerator, denominator count}
        Map<String, Map<Long, long[]>> counts = new HashMap<>();
        for (Map.Entry<ComputationSql.Scan, List<IndicatorDef>> e : scans.entrySet()) {
            long k0 = System.nanoTime();
            Map<String, Map<Long, long[]>> c = ComputationSql.grouped(h, e.getKey(), e.getValue(), range, only, repeats);
            inputs.scanNanos.merge(e.getKey().name(), System.nanoTime() - k0, Long::sum);
            boolean lastYear = e.getKey() == ComputationSql.Scan.LAST_YEAR;
            c.forEach((id, byStation) -> byStation.forEach((sid, v) -> {
                long[] into = counts.computeIfAbsent(id, k -> new HashMap<>()).computeIfAbsent(sid, k -> new long[2]);
                if (lastYear) {
                    into[1] += v[0]; // last year's count is the year-on-year change's denominator
                } else {
                    into[0] += v[0];
                    into[1] += v[1];
                }
            }));
        }
        // A month in progress is provisional: a count or rate over part of it is set against that part of a month
        // (the elapsed share), so it reads as a whole month's pace and is not scored as a fall.
        double elapsed = p.elapsed(now);
        for (IndicatorDef d : def.indicators()) {
            if (d.computation() == null) {
                continue;
            }
            Map<Long, long[]> byStation = counts.getOrDefault(d.id(), Map.of());
            for (StationFacts s : stations) {
                long[] c = byStation.getOrDefault(s.id(), new long[2]);
                Double factDen = ComputationSql.factDenominator(d.computation(), s);
                inputs.put(d.id(), s.id(), mi, c[0], factDen != null ? factDen * elapsed : c[1]);
            }
        }
    }

    private static void readManual(Handle h, IndexDefinition def, int year, Collection<Long> only, Inputs inputs) {
        Set<String> manual = new java.util.HashSet<>();
        def.manualIndicators().forEach(i -> manual.add(i.id()));
        for (IndexStore.ManualEntry e : IndexStore.latestManual(h, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), only)) {
            if (!manual.contains(e.indicator())) {
                continue; // an indicator that is no longer manual (or no longer defined) in the definition in force
            }
            if (e.period().kind() == PeriodKind.MONTH) {
                inputs.put(e.indicator(), e.stationId(), e.period().start().getMonthValue() - 1, e.value(), 1);
            } else {
                inputs.direct.computeIfAbsent(e.indicator(), k -> new HashMap<>()).computeIfAbsent(e.stationId(), k -> new HashMap<>())
                        .put(e.period(), e.value());
            }
        }
    }

    private static List<Period> periodsOf(int year, int months) {
        List<Period> out = new ArrayList<>();
        for (int m = 1; m <= months; m++) {
            out.add(Period.month(year, m));
        }
        for (int q = 1; q <= (months + 2) / 3; q++) {
            out.add(Period.quarter(year, q));
        }
        if (months > 0) {
            out.add(Period.year(year));
        }
        return out;
    }

    private static List<ScopeResult> scoreAll(IndexDefinition def, List<StationFacts> stations, Period p, Inputs inputs) {
        List<ScopeResult> out = new ArrayList<>();
        for (StationFacts s : stations) {
            out.add(scoreStation(def, s, p, inputs));
        }
        for (Map.Entry<Long, List<StationFacts>> b : bureaus(stations).entrySet()) {
            out.add(scoreBureau(def, b.getKey(), b.getValue(), p, inputs));
        }
        return out;
    }

    private static ScopeResult scoreStation(IndexDefinition def, StationFacts s, Period p, Inputs inputs) {
        Map<String, double[]> in = new HashMap<>();
        for (IndicatorDef d : def.indicators()) {
            double[] v = inputs.of(d.id(), s.id(), p);
            if (v != null) {
                in.put(d.id(), v);
            }
        }
        return Scorer.score(def, Scope.of(s), p, in);
    }

    private static ScopeResult scoreBureau(IndexDefinition def, long bureauId, List<StationFacts> stations, Period p, Inputs inputs) {
        Map<String, double[]> in = new HashMap<>();
        for (IndicatorDef d : def.indicators()) {
            double n = 0;
            double den = 0;
            boolean any = false;
            for (StationFacts s : stations) {
                double[] v = inputs.of(d.id(), s.id(), p);
                if (v != null) {
                    n += v[0];
                    den += v[1];
                    any = true;
                }
            }
            if (any) {
                in.put(d.id(), new double[] {n, den});
            }
        }
        return Scorer.score(def, Scope.bureau(bureauId), p, in);
    }

    static Map<Long, List<StationFacts>> bureaus(List<StationFacts> stations) {
        Map<Long, List<StationFacts>> out = new LinkedHashMap<>();
        for (StationFacts s : stations) {
            out.computeIfAbsent(s.bureauId(), k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    private void recordChange(Handle h, List<StationFacts> stations) {
        if (changes == null) {
            return;
        }
        for (StationFacts s : stations) {
            changes.record(h, Entity.INDEX, s.id(), ChangeOp.UPDATE);
        }
    }
}
