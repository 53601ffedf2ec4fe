package org.commandroom.core.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordHasher;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.demo.DemoCountyGenerator;
import org.commandroom.core.demo.DemoProfile;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.geo.io.ImportLayer;
import org.commandroom.core.geo.io.ImportOutcome;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.prevention.HouseImportService;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.store.TestDb;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * What the set-up checklist counts, on an empty database, on the sample bureau of assets/samples imported as the README
 * walks it, and on the demo county; each time in one statement.
 */
class SetupProgressTest {

    private static final Path SAMPLES = Path.of("..", "assets", "samples");
    private static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);

    /** Counts the statements Jdbi runs while {@code work} runs. */
    private static SetupProgress.Counts readCountingStatements(Jdbi jdbi, AtomicInteger statements) {
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
        try {
            return new SetupProgress(jdbi).read();
        } finally {
            jdbi.setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anEmptyDatabaseHasNothingSetUpAndSaysSoInOneStatement(TestDb kind) {
        try (Database db = kind.open()) {
            AtomicInteger statements = new AtomicInteger();
            SetupProgress.Counts c = readCountingStatements(db.jdbi(), statements);
            assertEquals(new SetupProgress.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), c);
            assertTrue(c.nothingSetUp());
            assertFalse(c.readyForTheDesk());
            assertEquals(1, statements.get(), "one round trip");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theSampleBureauIsCountedStepByStep(TestDb kind) throws IOException {
        try (Database db = kind.open()) {
            Jdbi jdbi = db.jdbi();
            Clock clock = Clock.systemUTC();
            AccessGuard guard = AccessGuard.of(jdbi, clock, ADMIN);
            ChangeRecorder changes = new ChangeRecorder(clock, "ws-1");
            OrgImportService org = new OrgImportService(jdbi, clock, changes, guard);
            SetupProgress progress = new SetupProgress(jdbi);

            OrgImportResult o = org.importOrganisation(Files.readAllBytes(SAMPLES.resolve("organisation/organisation.xlsx")),
                    "organisation.xlsx", "admin", false);
            assertTrue(o.accepted(), o.problems().toString());
            SetupProgress.Counts afterOrg = progress.read();
            assertEquals(new SetupProgress.Counts(1, 2, 1, 9, 22, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), afterOrg);
            assertFalse(afterOrg.nothingSetUp());
            assertFalse(afterOrg.readyForTheDesk(), "stations, but no district");

            OrgImportResult u = org.importUnits(Files.readAllBytes(SAMPLES.resolve("organisation/units.xlsx")),
                    "units.xlsx", "admin", false);
            assertTrue(u.accepted(), u.problems().toString());
            assertEquals(5, progress.read().units());
            assertFalse(progress.read().readyForTheDesk(), "no district yet");

            GeoImportService geo = new GeoImportService(jdbi, changes, clock,
                    GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA), guard);
            for (String[] layer : new String[][] {{"streets", "streets.geojson"}, {"communities", "communities.geojson"},
                    {"micro-grids", "micro-grids.geojson"}, {"police-grids", "police-grids.geojson"},
                    {"cameras", "cameras.csv"}}) {
                ImportOutcome out = geo.importFile(new GeoImportService.Request(ImportLayer.parse(layer[0]).orElseThrow(),
                        Datum.WGS84, false, "admin"), SAMPLES.resolve(layer[1]));
                assertTrue(out instanceof ImportOutcome.Imported, layer[0] + ": " + out);
            }
            OrgImportResult h = new HouseImportService(jdbi, clock, guard).importHouses(
                    Files.readAllBytes(SAMPLES.resolve("houses/houses.xlsx")), "houses.xlsx", "admin", false);
            assertTrue(h.accepted(), h.problems().toString());
            AccessService access = new AccessService(jdbi, clock, AccessGuard.trusted(), new PasswordHasher(),
                    LockoutPolicy.defaults());
            access.createFirstUsers(List.of(
                    new AccessService.NewUser("zhoumin", "周敏", Set.of(Role.ADMINISTRATOR, Role.COMMAND_LEADER), "admin-pass-1"),
                    new AccessService.NewUser("liming", "李明", Set.of(Role.DUTY_COMMANDER), "duty-pass-11"),
                    new AccessService.NewUser("wangqiang", "王强", Set.of(Role.WALL_DISPLAY, Role.DUTY_COMMANDER),
                            "duty-pass-22"),
                    new AccessService.NewUser("wall", "大屏", Set.of(Role.WALL_DISPLAY), "wall-pass-11")), "ws-1");
            jdbi.useHandle(hd -> hd.execute("UPDATE app_user SET active = FALSE WHERE login = 'wangqiang'"));

            AtomicInteger statements = new AtomicInteger();
            SetupProgress.Counts all = readCountingStatements(jdbi, statements);
            // The sample police grids name their station but no community officer yet.
            assertEquals(new SetupProgress.Counts(1, 2, 1, 9, 22, 4, 5, 2, 3, 3, 2, 2, 0, 4, 16, 0, 3, 1), all);
            assertEquals(1, statements.get(), "one round trip");
            assertTrue(all.readyForTheDesk());

            jdbi.useHandle(hd -> hd.execute("UPDATE police_grid SET officer_id = (SELECT id FROM officer "
                    + "WHERE badge_no = '051004') WHERE code = 'PCS01-01'"));
            assertEquals(1, progress.read().policeGridsWithoutOfficer());
            jdbi.useHandle(hd -> hd.execute("UPDATE camera SET removed_at = CURRENT_TIMESTAMP WHERE device_id = "
                    + "(SELECT MIN(device_id) FROM camera)"));
            assertEquals(3, progress.read().cameras(), "a camera a catalogue no longer lists is not counted");
        }
    }

    @Test
    void theDemoCountyIsCountedAsItsProfileMadeIt() {
        DemoProfile small = new DemoProfile("SMALL", "测试县公安局", "511123", 29.21, 103.95, 6.0,
                3, 1, 3, 12, 120, 12, 4, 12, 300, 2_000, 10);
        try (Database db = TestDatabases.h2()) {
            new DemoCountyGenerator(db.jdbi(), small, 7L).generate(Instant.parse("2026-11-23T12:30:00Z"), null);
            SetupProgress.Counts c = new SetupProgress(db.jdbi()).read();
            assertEquals(1, c.bureaus());
            assertEquals(3, c.stations());
            assertEquals(1, c.posts());
            assertEquals(3, c.streets());
            assertEquals(12, c.communities());
            assertEquals(120, c.microGrids());
            assertEquals(12, c.policeGrids());
            assertEquals(0, c.policeGridsWithoutOfficer(), "every demo police grid has its community officer");
            assertEquals(4, c.patrolZones());
            assertEquals(12, c.units());
            assertEquals(300, c.cameras());
            // What the profile does not fix, against the tables themselves.
            Jdbi j = db.jdbi();
            assertEquals(count(j, "SELECT COUNT(*) FROM officer"), c.officers());
            assertTrue(c.officers() > 0);
            assertEquals(count(j, "SELECT COUNT(*) FROM officer WHERE duty = 'COMMUNITY_OFFICER'"), c.communityOfficers());
            assertEquals(count(j, "SELECT COUNT(*) FROM team"), c.teams());
            assertEquals(count(j, "SELECT COUNT(*) FROM house WHERE active = TRUE"), c.houses());
            long places = count(j, "SELECT COUNT(*) FROM key_place") + count(j, "SELECT COUNT(*) FROM police_office")
                    + count(j, "SELECT COUNT(*) FROM deployment_point");
            assertEquals(places, c.places());
            assertTrue(places > 0, "the demo county has named places for its gazetteer");
            assertEquals(0, c.users(), "the generator makes no users (demo generate --demo-users does)");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theDistrictBoundaryAndTheStationsAreasAreCountedAndAreasAloneLetADeskPlaceCalls(TestDb kind) {
        try (Database db = kind.open()) {
            db.jdbi().useHandle(h -> {
                OrgDao org = h.attach(OrgDao.class);
                long bureau = org.insertBureau("B1", "测试县局");
                org.insertStation(bureau, "PCS01", "城东派出所", "STATION", 0, 0, null,
                        "POLYGON ((104 29.2, 104.1 29.2, 104.1 29.3, 104 29.3, 104 29.2))", "WGS84");
                org.insertStation(bureau, "PCS02", "城西派出所", "STATION", 0, 0, null, null, "WGS84");
                h.execute("INSERT INTO district_boundary (code, name, boundary_wkt, datum) VALUES ('DI1', '测试县', "
                        + "'POLYGON ((103.9 29.2, 104.1 29.2, 104.1 29.3, 103.9 29.3, 103.9 29.2))', 'WGS84')");
            });
            SetupProgress.Counts c = new SetupProgress(db.jdbi()).read();
            assertEquals(1, c.districts());
            assertEquals(1, c.stationAreas(), "the station without a boundary is not counted");
            assertEquals(0, c.streets() + c.policeGrids());
            assertTrue(c.readyForTheDesk(), "a call is placed in its station by the station's area");
        }
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
