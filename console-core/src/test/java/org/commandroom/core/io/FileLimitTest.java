package org.commandroom.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.commandroom.core.TestClock;
import org.commandroom.core.cap.CapReader;
import org.commandroom.core.eido.CallFiles;
import org.commandroom.core.geo.io.DistrictEnvelope;
import org.commandroom.core.geo.io.GbCatalogReader;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.geo.io.ImportLayer;
import org.commandroom.core.geo.io.PlaceImportService;
import org.commandroom.core.geo.osm.OsmBaseMapImport;
import org.commandroom.core.history.HistoryTable;
import org.commandroom.core.index.EvaluationSheet;
import org.commandroom.core.intake.BulkIntake;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.prevention.MeterReadingCsv;
import org.commandroom.core.roster.RosterWorkbook;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every importer states its limit before a file is chosen and refuses a larger file by its size on disk, naming it,
 * in Chinese and English, without reading it. The oversized files here are sparse: they take no disk and no time to
 * make, and one of 3 GB could not be read into a Java array at all, so a refusal that comes back at once was made
 * before reading.
 */
class FileLimitTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @TempDir
    Path dir;

    private Path sparse(String name, long size) throws IOException {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    @Test
    void aLimitIsStatedInBothLanguagesAndAFileOneByteOverIsRefusedByNameUnread() throws IOException {
        FileLimit limit = FileLimit.megabytes(50);
        assertEquals("最大 50 MB", limit.stated().in(ZH));
        assertEquals("at most 50 MB", limit.stated().english());

        FileTooLarge e = assertThrows(FileTooLarge.class, () -> limit.read(sparse("calls.csv", limit.maxBytes() + 1)));
        assertEquals("calls.csv", e.fileName());
        assertEquals("文件 calls.csv 有 50.0 MB，超过上限 50 MB；未读取任何内容", e.text().in(ZH));
        assertEquals("the file calls.csv has 50.0 MB, more than the limit of 50 MB; nothing was read", e.text().english());
        assertEquals(e.text().english(), e.getMessage());

        Path atLimit = dir.resolve("small.csv");
        Files.write(atLimit, new byte[] {'a', 'b', 'c'});
        assertArrayEquals(new byte[] {'a', 'b', 'c'}, new FileLimit(3).read(atLimit), "a file of exactly the limit is read");
        assertThrows(FileTooLarge.class, () -> new FileLimit(2).read(atLimit));
    }

    @Test
    void aFileOfThreeGigabytesIsRefusedAtOnceWhichReadingItCouldNotBe() throws IOException {
        Path huge = sparse("huge.xlsx", 3L * 1024 * 1024 * 1024);
        FileTooLarge e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(FileTooLarge.class, () -> EvaluationSheet.LIMIT.read(huge)));
        assertEquals("文件 huge.xlsx 有 3072.0 MB，超过上限 10 MB；未读取任何内容", e.text().in(ZH));
    }

    @Test
    void everyImporterHasItsLimitAndRefusesAFileJustOverIt() throws IOException {
        List<FileLimit> limits = List.of(CallFiles.CALLS_LIMIT, CallFiles.EIDO_LIMIT, CapReader.LIMIT,
                EvaluationSheet.LIMIT, OrgWorkbook.LIMIT, RosterWorkbook.LIMIT, HistoryTable.LIMIT,
                GeoImportService.CAMERA_CSV_LIMIT, GeoImportService.GEOJSON_LIMIT, GeoImportService.SHAPEFILE_LIMIT,
                PlaceImportService.LIMIT, GbCatalogReader.LIMIT, MeterReadingCsv.LIMIT, OsmBaseMapImport.LIMIT);
        int i = 0;
        for (FileLimit limit : limits) {
            Path over = sparse("f" + i++ + ".bin", limit.maxBytes() + 1);
            assertThrows(FileTooLarge.class, () -> limit.check(over), limit.toString());
            assertTrue(limit.stated().in(ZH).matches("最大 \\d+ MB"), limit.stated().in(ZH));
        }
        assertEquals(50, CallFiles.CALLS_LIMIT.megabytes());
        assertEquals(10, EvaluationSheet.LIMIT.megabytes());
        assertEquals("GeoJSON 最大 64 MB，Shapefile 最大 256 MB", GeoImportService.statedLimit(ImportLayer.STREETS).in(ZH));
        assertEquals("最大 64 MB", GeoImportService.statedLimit(ImportLayer.CAMERAS).in(ZH));
    }

    @Test
    void theBoundaryAndCameraReadersRefuseByTheFilesOwnKindBeforeReading() throws IOException {
        Path csv = sparse("cameras.csv", GeoImportService.CAMERA_CSV_LIMIT.maxBytes() + 1);
        assertEquals(GeoImportService.CAMERA_CSV_LIMIT,
                assertThrows(FileTooLarge.class, () -> GeoImportService.readFile(ImportLayer.CAMERAS, csv)).limit());
        Path json = sparse("streets.geojson", GeoImportService.GEOJSON_LIMIT.maxBytes() + 1);
        assertEquals(GeoImportService.GEOJSON_LIMIT,
                assertThrows(FileTooLarge.class, () -> GeoImportService.readFile(ImportLayer.STREETS, json)).limit());
        Path shp = sparse("streets.shp", GeoImportService.SHAPEFILE_LIMIT.maxBytes() + 1);
        assertEquals(GeoImportService.SHAPEFILE_LIMIT,
                assertThrows(FileTooLarge.class, () -> GeoImportService.readFile(ImportLayer.STREETS, shp)).limit());
        Path small = dir.resolve("small.geojson");
        Files.writeString(small, "{}");
        assertEquals(2, GeoImportService.readFile(ImportLayer.STREETS, small).length);
    }

    @Test
    void callAndEidoFilesAreRefusedByTheirOwnLimitsWithNothingWritten() throws IOException {
        IntakeFixture fx = new IntakeFixture(TestDatabases.h2());
        try {
            CallFiles files = new CallFiles(fx.db.jdbi(), fx.clock, fx.intake, new BulkIntake(fx.intake, fx.clock),
                    "qianwei.police.example", "console@test");
            Path eido = sparse("big.json", CallFiles.EIDO_LIMIT.maxBytes() + 1);
            FileTooLarge e = assertThrows(FileTooLarge.class, () -> files.importEido(eido, "t"));
            assertEquals("文件 big.json 有 8.0 MB，超过上限 8 MB；未读取任何内容", e.text().in(ZH));
            Path calls = sparse("calls.csv", CallFiles.CALLS_LIMIT.maxBytes() + 1);
            assertEquals(CallFiles.CALLS_LIMIT, assertThrows(FileTooLarge.class, () -> files.importCalls(calls, "t")).limit());
            assertEquals(0, fx.count("incident"));
        } finally {
            fx.db.close();
        }
    }

    @Test
    void anOsmExtractOverItsLimitIsRejectedNamingItBeforeTheDatabaseIsAsked() throws IOException {
        var db = TestDatabases.h2();
        try {
            GeoImportService geo = new GeoImportService(db.jdbi(), new ChangeRecorder(new TestClock(Instant.EPOCH), "ws"),
                    new TestClock(Instant.EPOCH), GeoImportService.Settings.defaults(
                            new DistrictEnvelope(29.0, 103.7, 29.5, 104.2)));
            Path pbf = sparse("province.osm.pbf", OsmBaseMapImport.LIMIT.maxBytes() + 1);
            OsmBaseMapImport.Outcome o = geo.baseMap().importFile(pbf, "t");
            OsmBaseMapImport.Rejected r = assertInstanceOf(OsmBaseMapImport.Rejected.class, o);
            assertEquals("文件 province.osm.pbf 有 2048.0 MB，超过上限 2048 MB；未读取任何内容", r.problem().in(ZH));
        } finally {
            db.close();
        }
    }
}
