package org.commandroom.core.index;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.commandroom.core.demo.DemoCountyGenerator;
import org.commandroom.core.demo.DemoProfile;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.TestDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timing harness for the prevention index (docs/INDEX.md, docs/BENCHMARKS.md): a full recomputation of a
 * year (every station and post, 41 indicators, 12 months, their quarters and the year, and the bureau)
 * against a naive baseline that asks one query per indicator per station per month, in the same run; then
 * the incremental update after one new incident. Each round also times the full year as it was computed before the
 * stored caller links (V7; {@code --no-before} skips it), and the first checks the full run's monthly numerators
 * against the baseline's exact ones.
 *
 * <pre>
 * # an existing database (e.g. Bao'an made by GenerateCounty into an H2 file):
 * mvn -q -o -pl console-core test-compile exec:java@index-benchmark -Dexec.args="--db jdbc:h2:file:/tmp/idx-baoan/baoan --end 2026-11-23T04:00:00Z"
 * # a fresh embedded PostgreSQL, filled by the generator first:
 * mvn -q -o -pl console-core test-compile exec:java@index-benchmark -Dexec.args="--postgres baoan --end 2026-11-23T04:00:00Z"
 * </pre>
 * The clock is fixed at {@code --end}, the instant the county was generated up to.
 */
public final class IndexBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(IndexBenchmark.class);

    private IndexBenchmark() {
    }

    public static void main(String[] args) {
        String url = null;
        String pgProfile = null;
        Instant end = Instant.parse("2026-11-23T04:00:00Z");
        int rounds = 2;
        boolean baseline = true;
        boolean withBefore = true;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--db" -> url = v;
                case "--postgres" -> pgProfile = v;
                case "--end" -> end = Instant.parse(v);
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--no-baseline" -> {
                    baseline = false;
                    i--;
                }
                case "--no-before" -> {
                    withBefore = false;
                    i--;
                }
                default -> throw new IllegalArgumentException("usage: --db <jdbc-url> | --postgres demo|baoan  [--end ISO] [--rounds N] [--no-baseline] [--no-before]");
            }
            i++;
        }
        Database db;
        if (pgProfile != null) {
            db = TestDatabases.postgres();
            long g0 = System.nanoTime();
            new DemoCountyGenerator(db.jdbi(), DemoProfile.named(pgProfile), 20_240_507L).generate(end, null);
            LOG.info("PostgreSQL: generated profile {} in {} s", pgProfile, (System.nanoTime() - g0) / 1_000_000_000);
        } else if (url != null) {
            db = Database.open(new DbSettings(url, "sa", "", url.startsWith("jdbc:h2:")));
        } else {
            throw new IllegalArgumentException("--db <jdbc-url> or --postgres <profile> is required");
        }
        try (db) {
            run(db, end, rounds, baseline, withBefore);
        }
    }

    private static void run(Database db, Instant end, int rounds, boolean baseline, boolean withBefore) {
        Clock clock = Clock.fixed(end, Period.ZONE);
        int year = LocalDate.ofInstant(end, Period.ZONE).getYear();
        long incidents = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incident").mapTo(Long.class).one());
        long orders = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM work_order").mapTo(Long.class).one());
        List<StationFacts> stations = db.jdbi().withHandle(StationFacts::load);
        IndexDefinitions defs = IndexDefinitions.withDefault();
        IndexDefinition def = defs.current();
        LOG.info("Database {}: {} incidents, {} orders, {} stations and posts; year {} up to {}", db.settings().displayUrl(),
                incidents, orders, stations.size(), year, end);
        IndexEngine engine = new IndexEngine(db.jdbi(), clock, defs, new ChangeRecorder(clock, "benchmark"));

        IndexEngine exactEngine = new IndexEngine(db.jdbi(), clock, defs, new ChangeRecorder(clock, "benchmark")).findingRepeatsExactly();
        long[] full = new long[rounds];
        long[] before = new long[rounds];
        long[] naive = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            if (withBefore) {
                IndexEngine.RunReport old = exactEngine.recomputeYear(year);
                before[r] = old.totalMillis();
                LOG.info("full year as before the caller links (exact repeat test for every call), round {}: {} ms ({} ms in the grouped "
                        + "queries)", r + 1, old.totalMillis(), old.queryMillis());
                LOG.info("  time per scan (ms): {}", old.scanMillis());
            }
            IndexEngine.RunReport rep = engine.recomputeYear(year);
            full[r] = rep.totalMillis();
            LOG.info("full year, round {}: {} ms ({} ms in the grouped queries, {} months, {} scope-periods)", r + 1,
                    rep.totalMillis(), rep.queryMillis(), rep.months(), rep.stored());
            LOG.info("  time per scan (ms): {}", rep.scanMillis());
            if (baseline) {
                Map<String, Long> exact = new java.util.HashMap<>();
                naive[r] = naive(db, def, stations, year, end, exact);
                LOG.info("naive baseline, round {}: {} ms", r + 1, naive[r]);
                if (r == 0) {
                    check(db, def, year, exact);
                }
            }
        }
        long bestFull = Arrays.stream(full).min().orElse(0);
        if (withBefore) {
            long bestBefore = Arrays.stream(before).min().orElse(0);
            LOG.info("RESULT full year {} ms with the caller links, {} ms as before them (best of {}): {}x faster", bestFull, bestBefore,
                    rounds, String.format("%.1f", bestBefore / (double) Math.max(1, bestFull)));
        }
        if (baseline) {
            long bestNaive = Arrays.stream(naive).min().orElse(0);
            LOG.info("RESULT full year {} ms (best of {}), naive {} ms: {}x faster", bestFull, rounds, bestNaive,
                    String.format("%.1f", bestNaive / (double) Math.max(1, bestFull)));
        } else {
            LOG.info("RESULT full year {} ms (best of {})", bestFull, rounds);
        }

        incremental(db, engine, stations, end, clock, "");
        if (withBefore) {
            incremental(db, exactEngine, stations, end, clock, " as before the caller links");
        }
    }

    /** 20 times: a new incident at one station, then that station's month, quarter and year and the bureau. */
    private static void incremental(Database db, IndexEngine engine, List<StationFacts> stations, Instant end, Clock clock, String label) {
        IncidentService incidentService = new IncidentService(db.jdbi(), new ChangeRecorder(clock, "benchmark"));
        YearMonth month = YearMonth.from(LocalDate.ofInstant(end, Period.ZONE));
        List<Long> times = new ArrayList<>();
        List<Long> reading = new ArrayList<>();
        List<Long> recording = new ArrayList<>();
        for (int k = 0; k < 21; k++) {
            StationFacts s = stations.get(k % stations.size());
            long r0 = System.nanoTime();
            incidentService.record(new Incident(0, "BENCH-" + System.nanoTime() % 100_000_000 + "-" + k, end.minusSeconds(60), "13800000000",
                    "基准测试地址" + k, null, IncidentType.FIGHT, 1, null, s.id(), null,
                    IncidentStatus.CLOSED, end, 0));
            recording.add((System.nanoTime() - r0) / 1_000);
            long t0 = System.nanoTime();
            IndexEngine.RunReport rep = engine.updateMonth(month, List.of(s.id()));
            times.add((System.nanoTime() - t0) / 1_000_000);
            reading.add(rep.queryMillis());
        }
        times.remove(0); // the first pays for class loading and plans
        reading.remove(0);
        recording.remove(0);
        recording.sort(Long::compare);
        times.sort(Long::compare);
        reading.sort(Long::compare);
        LOG.info("RESULT incremental update" + label + " of one station's month (+ quarter, year, bureau): median {} ms ({} ms reading the station's month), "
                + "max {} ms over {} updates; recording the incident with its caller link: median {} µs", times.get(times.size() / 2),
                reading.get(reading.size() / 2), times.get(times.size() - 1), times.size(), recording.get(recording.size() / 2));
    }

    /**
     * The full run's stored monthly numerators against the baseline's: the baseline tests repeats exactly (the
     * definition's EXISTS for every call), the full run through the stored caller links, so this checks at full scale
     * that the links give the same values.
     */
    private static void check(Database db, IndexDefinition def, int year, Map<String, Long> exact) {
        Map<String, Map<Long, double[][]>> stored = db.jdbi().withHandle(h -> IndexStore.monthlyInputs(h, year));
        int compared = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Long> e : exact.entrySet()) {
            String[] k = e.getKey().split("/");
            double[][] months = stored.getOrDefault(k[0], Map.of()).get(Long.parseLong(k[1]));
            double[] v = months == null ? null : months[Integer.parseInt(k[2]) - 1];
            long got = v == null ? 0 : Math.round(v[0]);
            compared++;
            if (got != e.getValue()) {
                wrong.add(e.getKey() + " stored " + got + " exact " + e.getValue());
            }
        }
        long repeats = exact.entrySet().stream().filter(e -> def.indicator(e.getKey().split("/")[0])
                .map(d -> d.computation().kind() == ComputationKind.REPEAT_INCIDENT_SHARE
                        || d.computation().kind() == ComputationKind.REPEAT_INCIDENT_COUNT).orElse(false))
                .mapToLong(Map.Entry::getValue).sum();
        if (wrong.isEmpty()) {
            LOG.info("RESULT check: the full run's {} monthly numerators (indicator x station x month) equal the exact baseline's "
                    + "({} repeat calls counted)", compared, repeats);
        } else {
            LOG.error("RESULT check FAILED: {} of {} monthly numerators differ from the exact baseline, e.g. {}", wrong.size(), compared,
                    wrong.subList(0, Math.min(10, wrong.size())));
        }
    }

    /**
     * The baseline: the same predicates asked one indicator and one station at a time, month by month, repeats tested
     * exactly for every call (no stored caller link), as before the links existed. Numerators go to {@code out} by
     * "indicator/station/month".
     */
    private static long naive(Database db, IndexDefinition def, List<StationFacts> stations, int year, Instant end,
                              Map<String, Long> out) {
        long t0 = System.nanoTime();
        YearMonth current = YearMonth.from(LocalDate.ofInstant(end, Period.ZONE));
        long[] sink = {0};
        db.jdbi().useHandle(h -> {
            for (YearMonth m = YearMonth.of(year, 1); !m.isAfter(current) && m.getYear() == year; m = m.plusMonths(1)) {
                ComputationSql.Range range = ComputationSql.Range.of(Period.month(m), end);
                for (IndicatorDef d : def.indicators()) {
                    if (d.isManual()) {
                        continue;
                    }
                    for (StationFacts s : stations) {
                        Map<String, Map<Long, long[]>> c = ComputationSql.grouped(h, ComputationSql.scanOf(d.computation().kind()),
                                List.of(d), range, List.of(s.id()), ComputationSql.Repeats.EXACT);
                        long n = c.get(d.id()).getOrDefault(s.id(), new long[2])[0];
                        sink[0] += n;
                        out.put(d.id() + "/" + s.id() + "/" + m.getMonthValue(), n);
                        if (d.computation().kind() == ComputationKind.INCIDENT_CHANGE_YOY) {
                            c = ComputationSql.grouped(h, ComputationSql.Scan.LAST_YEAR, List.of(d), range, List.of(s.id()));
                            sink[0] += c.get(d.id()).getOrDefault(s.id(), new long[2])[0];
                        }
                    }
                }
            }
        });
        LOG.debug("naive sink {}", sink[0]);
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
