package org.commandroom.core.geo.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one file into a console database from the command line (see {@code docs/IMPORT.md}):
 *
 * <pre>
 * --db &lt;jdbc-url&gt; --layer district|station-areas|streets|communities|micro-grids|police-grids|patrol-zones|cameras
 * --file &lt;path&gt; [--datum WGS84|GCJ02] [--replace] [--accept-repairs]
 * [--district minLat,minLon,maxLat,maxLon] [--data-dir &lt;path&gt;]
 * </pre>
 *
 * Credentials as for the console: {@code CONSOLE_DB_USER} / {@code CONSOLE_DB_PASSWORD}, else
 * {@code db.properties} in the data directory. Exit code 0 when imported, 2 when the file was
 * rejected (every problem is logged, nothing was written), 1 for a wrong command line or when the
 * file or database cannot be reached. A file that imports only with boundaries repaired on reading is not written
 * without {@code --accept-repairs} (exit 2, the repairs listed). Everything is reported through SLF4J.
 */
public final class ImportMain {

    private static final Logger LOG = LoggerFactory.getLogger(ImportMain.class);

    public static final int EXIT_IMPORTED = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_REJECTED = 2;

    static final String USAGE = "usage: --db <jdbc-url> --layer district|station-areas|streets|communities|micro-grids|police-grids|patrol-zones|cameras"
            + " --file <path> [--datum WGS84|GCJ02] [--replace] [--accept-repairs]"
            + " [--district minLat,minLon,maxLat,maxLon] [--data-dir <path>]";

    private ImportMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    /** Runs the import and returns the exit code; {@code env} supplies the credentials. */
    public static int run(String[] args, Map<String, String> env) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            LOG.error(USAGE);
            return EXIT_FAILED;
        }
        byte[] content;
        try {
            // a .shp goes with the files beside it, bundled as one zip (ShapefileAreaReader.bundle)
            boolean shp = options.layer().isAreas()
                    && options.file().getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".shp");
            if (shp && !Files.isRegularFile(options.file())) {
                throw new NoSuchFileException(options.file().toString());
            }
            content = shp ? ShapefileAreaReader.bundle(options.file()) : Files.readAllBytes(options.file());
        } catch (NoSuchFileException e) {
            LOG.error("no such file: {}", options.file());
            return EXIT_FAILED;
        } catch (IOException e) {
            LOG.error("cannot read {}: {}", options.file(), e.toString());
            return EXIT_FAILED;
        }
        DbSettings dbSettings;
        try {
            dbSettings = DbSettings.remote(options.dbUrl(), env, options.dataDir());
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("database settings: {}", e.getMessage());
            return EXIT_FAILED;
        }
        String actor = System.getProperty("user.name", "import");
        String workstation = shorten(actor + "@" + env.getOrDefault("HOSTNAME", "import") + " (import)");
        try (Database db = Database.open(dbSettings)) {
            Clock clock = Clock.systemUTC();
            GeoImportService service = new GeoImportService(db.jdbi(), new ChangeRecorder(clock, workstation), clock,
                    GeoImportService.Settings.defaults(options.district()));
            LOG.info("importing {} from {} ({}{}) into {}", options.layer().cliName(), options.file(), options.datum(),
                    options.replace() ? ", replace" : "", dbSettings.displayUrl());
            ImportOutcome outcome = service.importContent(
                    new GeoImportService.Request(options.layer(), options.datum(), options.replace(), actor,
                            options.acceptRepairs()),
                    options.file().getFileName().toString(), content);
            outcome.notes().forEach(n -> LOG.info("{}: {}", options.file().getFileName(), n));
            if (outcome instanceof ImportOutcome.Imported i) {
                LOG.info("imported {} {} ({} replaced){}{}", i.inserted(), i.layer().cliName(), i.removed(),
                        i.layer().affectsGridMatching() ? "; police-grid/micro-grid matches: " + i.gridMatches() : "",
                        i.layer() == ImportLayer.CAMERAS ? "; cameras in no station's boundary: " + i.withoutStation() : "");
                i.repairs().forEach(rep -> LOG.info("  repaired: {}", rep.message()));
                return EXIT_IMPORTED;
            }
            if (outcome instanceof ImportOutcome.NeedsRepairConsent n) {
                LOG.error("{} was not imported: it imports only with {} boundary repair(s); run again with --accept-repairs"
                        + " to write them repaired:", options.file().getFileName(), n.repairs().size());
                n.repairs().forEach(rep -> LOG.error("  {}", rep.message()));
                return EXIT_REJECTED;
            }
            ImportOutcome.Rejected r = (ImportOutcome.Rejected) outcome;
            LOG.error("{} rejected, nothing was imported; {} problem(s):", options.file().getFileName(), r.problems().size());
            for (ImportProblem p : r.problems()) {
                LOG.error("  {}", p.message());
            }
            r.repairs().forEach(rep -> LOG.error("  besides, would be repaired: {}", rep.message()));
            return EXIT_REJECTED;
        } catch (RuntimeException e) {
            LOG.error("import failed: {}", e.toString(), e);
            return EXIT_FAILED;
        }
    }

    private static String shorten(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64);
    }

    record Options(String dbUrl, ImportLayer layer, Path file, Datum datum, boolean replace, DistrictEnvelope district,
                   Path dataDir, boolean acceptRepairs) {

        static Options parse(String[] args, Map<String, String> env) {
            String db = null;
            ImportLayer layer = null;
            Path file = null;
            Datum datum = Datum.WGS84;
            boolean replace = false;
            boolean acceptRepairs = false;
            DistrictEnvelope district = GeoImportService.Settings.CHINA;
            Path dataDir = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--db" -> db = value(args, ++i, a);
                    case "--layer" -> {
                        String v = value(args, ++i, a);
                        layer = ImportLayer.parse(v).orElseThrow(() -> new IllegalArgumentException("unknown layer " + v));
                    }
                    case "--file" -> file = Path.of(value(args, ++i, a));
                    case "--datum" -> datum = datum(value(args, ++i, a));
                    case "--replace" -> replace = true;
                    case "--accept-repairs" -> acceptRepairs = true;
                    case "--district" -> district = district(value(args, ++i, a));
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            if (db == null || layer == null || file == null) {
                throw new IllegalArgumentException("--db, --layer and --file are required");
            }
            return new Options(db, layer, file, datum, replace, district,
                    Optional.ofNullable(dataDir).orElseGet(() -> defaultDataDir(env)), acceptRepairs);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static Datum datum(String v) {
            try {
                return Datum.valueOf(v.toUpperCase(Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--datum must be WGS84 or GCJ02, not " + v);
            }
        }

        private static DistrictEnvelope district(String v) {
            String[] parts = v.split(",");
            if (parts.length != 4) {
                throw new IllegalArgumentException("--district needs minLat,minLon,maxLat,maxLon, not " + v);
            }
            try {
                return new DistrictEnvelope(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                        Double.parseDouble(parts[2].trim()), Double.parseDouble(parts[3].trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--district needs minLat,minLon,maxLat,maxLon in degrees, not " + v);
            }
        }

        /** As the console: {@code $XDG_DATA_HOME/command-room-console}, else {@code ~/.local/share/command-room-console}. */
        private static Path defaultDataDir(Map<String, String> env) {
            String xdg = env.get("XDG_DATA_HOME");
            if (xdg != null && !xdg.isBlank()) {
                return Path.of(xdg, "command-room-console");
            }
            return Path.of(System.getProperty("user.home"), ".local", "share", "command-room-console");
        }
    }
}
