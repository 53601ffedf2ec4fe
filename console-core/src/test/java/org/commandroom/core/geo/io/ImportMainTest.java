package org.commandroom.core.geo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.commandroom.core.org.OrgDao;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The command line on the sample files of docs/IMPORT.md (assets/samples), on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ImportMainTest {

    private static final Path SAMPLES = Path.of("..", "assets", "samples");

    @Parameter
    TestDb kind;

    @TempDir
    Path dataDir;

    private Database db;
    private Map<String, String> env;

    @BeforeEach
    void setUp() {
        db = kind.open();
        DbSettings s = db.settings();
        env = Map.of(DbSettings.ENV_USER, s.user(), DbSettings.ENV_PASSWORD, s.password(), "XDG_DATA_HOME", dataDir.toString());
        db.jdbi().useExtension(OrgDao.class, org -> org.insertStation(org.insertBureau("B1", "测试县局"), "PCS01", "城东派出所",
                "STATION", 0, 0, null, "POLYGON ((104 29.23, 104.062 29.23, 104.062 29.29, 104 29.29, 104 29.23))", "WGS84"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theSampleFilesImportLayerByLayerWithExitCodeZero() {
        assertEquals(0, run("streets", "streets.geojson"));
        assertEquals(0, run("communities", "communities.geojson"));
        assertEquals(0, run("micro-grids", "micro-grids.geojson"));
        assertEquals(0, run("police-grids", "police-grids.geojson"));
        assertEquals(0, run("cameras", "cameras.csv"));

        assertEquals(2, count("SELECT COUNT(*) FROM street"));
        assertEquals(3, count("SELECT COUNT(*) FROM community"));
        assertEquals(3, count("SELECT COUNT(*) FROM micro_grid"));
        assertEquals(2, count("SELECT COUNT(*) FROM police_grid"));
        // 一网格 lies in 一警格; 二网格 and 三网格 straddle both police grids.
        assertEquals(5, count("SELECT COUNT(*) FROM police_grid_micro_grid"));
        // The 西门 camera lies outside 城东派出所's boundary.
        assertEquals(3, count("SELECT COUNT(*) FROM camera WHERE station_id IS NOT NULL"));
        assertEquals(4, count("SELECT COUNT(*) FROM camera"));
        assertEquals(5, count("SELECT COUNT(*) FROM audit_log"));
    }

    @Test
    void aRejectedFileExitsWithTwoAndWritesNothing() {
        assertEquals(0, run("streets", "streets.geojson"));
        long changes = count("SELECT COUNT(*) FROM change_log");

        assertEquals(2, run("streets", "streets.geojson"));

        assertEquals(2, count("SELECT COUNT(*) FROM street"));
        assertEquals(changes, count("SELECT COUNT(*) FROM change_log"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log"));
    }

    @Test
    void replaceOnTheCommandLineReplacesTheLayer() {
        assertEquals(0, run("streets", "streets.geojson"));

        assertEquals(0, ImportMain.run(new String[] {"--db", db.settings().jdbcUrl(), "--layer", "streets",
                "--file", SAMPLES.resolve("streets.geojson").toString(), "--datum", "GCJ02", "--replace"}, env));

        assertEquals(2, count("SELECT COUNT(*) FROM street WHERE datum = 'GCJ02'"));
    }

    @Test
    void aFileThatNeedsRepairsExitsWithTwoUnlessTheyAreAccepted() throws Exception {
        Path file = dataDir.resolve("repairs.geojson");
        try (java.io.InputStream in = getClass().getResourceAsStream("/geo/repairs.geojson")) {
            java.nio.file.Files.write(file, in.readAllBytes());
        }
        String[] args = {"--db", db.settings().jdbcUrl(), "--layer", "streets", "--file", file.toString()};
        assertEquals(2, ImportMain.run(args, env));
        assertEquals(0, count("SELECT COUNT(*) FROM street"));

        String[] accepting = java.util.Arrays.copyOf(args, args.length + 1);
        accepting[args.length] = "--accept-repairs";
        assertEquals(0, ImportMain.run(accepting, env));
        assertEquals(5, count("SELECT COUNT(*) FROM street"));
    }

    @Test
    void aWrongCommandLineOrAMissingFileExitsWithOne() {
        assertEquals(1, ImportMain.run(new String[] {"--db", db.settings().jdbcUrl(), "--layer", "roads",
                "--file", SAMPLES.resolve("streets.geojson").toString()}, env));
        assertEquals(1, ImportMain.run(new String[] {"--db", db.settings().jdbcUrl(), "--layer", "streets"}, env));
        assertEquals(1, ImportMain.run(new String[] {"--db", db.settings().jdbcUrl(), "--layer", "streets",
                "--file", SAMPLES.resolve("no-such-file.geojson").toString()}, env));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_log"));
    }

    private int run(String layer, String sample) {
        return ImportMain.run(new String[] {"--db", db.settings().jdbcUrl(), "--layer", layer,
                "--file", SAMPLES.resolve(sample).toString()}, env);
    }

    private long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
