package org.commandroom.core.drill;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.commandroom.core.demo.DemoCountyGenerator;
import org.commandroom.core.demo.DemoProfile;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drill counties kept under {@code <dataDir>/drills/templates/}: one database file per demo profile, seed, history
 * and start, generated once and copied for every drill after, so a drill's database is made in the time of a file copy.
 *
 * <p>Generating a county costs 10-20 s on a loaded two-core machine (measured: Flyway's schema about a quarter, the map
 * and organisation a third, the year of history a third; docs/BENCHMARKS.md "Drills"). So the bundled scenarios'
 * counties are made ahead, in the background, when a trainee signs in or a drill window opens
 * ({@link #prepareInBackground}), and the trainee's first drill copies a file instead of waiting for the generator.
 * Two callers wanting the same county wait for one generation (a lock per county); different counties are made side by
 * side. A county is generated into a file of its own and renamed into place only when complete; a generation cut short
 * (the console closed) leaves a {@code -part-} file that the next preparation deletes.
 */
public final class DrillTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(DrillTemplates.class);
    /** Where the generated starting counties are kept, under the drills directory. */
    public static final String TEMPLATES_DIR = "templates";
    private static final String PART = "-part-";
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private DrillTemplates() {
    }

    /** The file the scenario's county is kept in (it may not exist yet). */
    public static Path file(Path dataDir, Scenario scenario) {
        Scenario.County c = scenario.county();
        String name = (c.profile() + "-" + c.seed() + "-" + c.historyIncidents() + "-" + c.start().getEpochSecond())
                .toLowerCase(Locale.ROOT);
        return dataDir.resolve(DrillSession.DRILLS_DIR).resolve(TEMPLATES_DIR).resolve(name + ".mv.db").toAbsolutePath()
                .normalize();
    }

    /** Whether the scenario's county is ready to be copied. */
    public static boolean ready(Path dataDir, Scenario scenario) {
        return scenario.county().snapshot() != null || Files.isRegularFile(file(dataDir, scenario));
    }

    /**
     * The scenario's county as a database file, generated now when it is not kept yet (blocking; waits for a generation
     * of the same county already under way rather than making it twice).
     */
    public static Path template(Path dataDir, Scenario scenario) throws IOException {
        Path done = file(dataDir, scenario);
        synchronized (LOCKS.computeIfAbsent(done, k -> new Object())) {
            if (Files.isRegularFile(done)) {
                return done;
            }
            Scenario.County c = scenario.county();
            Path templates = done.getParent();
            Files.createDirectories(templates);
            String base = done.getFileName().toString().replace(".mv.db", "");
            String partName = base + PART + System.nanoTime();
            long t0 = System.nanoTime();
            try (Database db = Database.open(DbSettings.embedded(templates, partName))) {
                long migrated = System.nanoTime();
                var made = new DemoCountyGenerator(db.jdbi(), profile(c), c.seed()).generate(c.start(), null);
                LOG.info("Drill county {} seed {} ({} incidents of history) made in {} ms (schema {} ms, {}); kept as {}",
                        c.profile(), c.seed(), c.historyIncidents(), (System.nanoTime() - t0) / 1_000_000,
                        (migrated - t0) / 1_000_000, made.phaseTimes(), done);
            }
            Files.move(templates.resolve(partName + ".mv.db"), done, StandardCopyOption.ATOMIC_MOVE);
            return done;
        }
    }

    /** The scenario's demo profile with the scenario's (small) year of history. */
    static DemoProfile profile(Scenario.County c) {
        DemoProfile d = DemoProfile.named(c.profile());
        return new DemoProfile(d.name(), d.bureauName(), d.regionCode(), d.centerLat(), d.centerLon(), d.radiusKm(),
                d.stations(), d.posts(), d.streets(), d.communities(), d.microGrids(), d.policeGrids(), d.keyPatrolZones(),
                d.units(), d.cameras(), c.historyIncidents(), Math.min(d.dispatchOrderDays(), 7));
    }

    /**
     * Makes the counties of the given scenarios that are not kept yet, one after the other (blocking), after deleting
     * what an earlier preparation cut short. Scenarios starting from a snapshot file need nothing.
     *
     * @return the counties generated now
     */
    public static List<Path> prepare(Path dataDir, List<Scenario> scenarios) throws IOException {
        deleteUnfinished(dataDir);
        List<Path> made = new ArrayList<>();
        for (Scenario s : scenarios) {
            if (!ready(dataDir, s)) {
                made.add(template(dataDir, s));
            }
        }
        return made;
    }

    /** The bundled scenarios (their counties are what {@link #prepareInBackground} makes). */
    public static List<Scenario> bundled() throws IOException {
        ScenarioLoader loader = new ScenarioLoader();
        List<Scenario> out = new ArrayList<>();
        for (String f : ScenarioLoader.BUNDLED_FILES) {
            out.add(loader.bundled(f));
        }
        return out;
    }

    /**
     * Starts making the bundled scenarios' counties on a thread of its own at the lowest priority, and returns it (a
     * daemon: closing the console does not wait for it, and never interrupts it inside H2). Nothing is done when every
     * county is kept already.
     */
    public static Thread prepareInBackground(Path dataDir) {
        Thread t = new Thread(() -> {
            try {
                long t0 = System.nanoTime();
                List<Path> made = prepare(dataDir, bundled());
                if (!made.isEmpty()) {
                    LOG.info("Drill counties of the bundled scenarios made ahead in {} ms: {}",
                            (System.nanoTime() - t0) / 1_000_000, made);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("The bundled drills' counties could not be made ahead; a drill will make its own when it starts", e);
            }
        }, "drill-templates");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    private static void deleteUnfinished(Path dataDir) throws IOException {
        Path templates = dataDir.resolve(DrillSession.DRILLS_DIR).resolve(TEMPLATES_DIR);
        if (!Files.isDirectory(templates)) {
            return;
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(templates, "*" + PART + "*")) {
            for (Path p : parts) {
                // only those no generation of this process is writing: a part file's lock is the county's lock
                String county = p.getFileName().toString().substring(0, p.getFileName().toString().indexOf(PART));
                Object lock = LOCKS.computeIfAbsent(templates.resolve(county + ".mv.db").toAbsolutePath().normalize(),
                        k -> new Object());
                synchronized (lock) {
                    // a generation of this process held the lock until its part file was renamed: what is left is stale
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
