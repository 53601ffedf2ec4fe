package org.commandroom.core.eido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.BulkIntake;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.intake.IntakeRejected;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls in and out through files: a feed keeps its good rows and names its bad ones; EIDO out and back in; bad files refused. */
class CallFilesTest {

    private final IntakeFixture fx = new IntakeFixture(TestDatabases.h2());
    private IntakeFixture other;

    @TempDir
    Path dir;

    private CallFiles files(IntakeFixture f) {
        return new CallFiles(f.db.jdbi(), f.clock, f.intake, new BulkIntake(f.intake, f.clock), "qianwei.police.example",
                "console@test");
    }

    @AfterEach
    void close() {
        fx.db.close();
        if (other != null) {
            other.db.close();
        }
    }

    @Test
    void aCsvFeedKeepsItsGoodRowsAndNamesEachBadOneByLine() throws Exception {
        Path csv = dir.resolve("calls.csv");
        Files.writeString(csv, "address,type,lat,lon,priority\n"
                + "南关路1号,FIGHT,29.21,103.71,1\n"
                + "南关路2号,NOT_A_TYPE,29.21,103.71,\n"
                + "南关路3号,NOISE,29.21,103.71,7\n"
                + "南关路4号,NOISE,29.21,103.71,\n", StandardCharsets.UTF_8);
        BulkIntake.Report r = files(fx).importCalls(csv, "值班长");
        assertEquals(4, r.rowsRead());
        assertEquals(2, r.imported().size());
        assertEquals(2, r.problems().size());
        assertEquals(3, r.problems().get(0).line());
        assertEquals(4, r.problems().get(1).line());
        assertEquals(2, fx.count("incident"));
    }

    @Test
    void aJsonFeedIsRecognisedByItsContentWhateverItsName() throws Exception {
        Path feed = dir.resolve("feed.txt");
        Files.writeString(feed, "[{\"address\":\"南关路1号\",\"type\":\"FIGHT\",\"lat\":29.21,\"lon\":103.71}]",
                StandardCharsets.UTF_8);
        assertEquals(1, files(fx).importCalls(feed, "t").imported().size());
    }

    @Test
    void unusableFilesAreRefusedSayingWhyAndNothingIsWritten() throws Exception {
        Path latin = dir.resolve("gbk.csv");
        Files.write(latin, new byte[] {'a', ',', (byte) 0xC4, (byte) 0xCF, (byte) 0xB9, '\n', (byte) 0xFF});
        CallFiles.BadFile e = assertThrows(CallFiles.BadFile.class, () -> files(fx).importCalls(latin, "t"));
        assertEquals(CallFiles.BadFile.Kind.NOT_UTF8, e.kind());
        Path empty = Files.createFile(dir.resolve("empty.json"));
        assertEquals(CallFiles.BadFile.Kind.EMPTY, assertThrows(CallFiles.BadFile.class,
                () -> files(fx).importEido(empty, "t")).kind());
        assertEquals(CallFiles.BadFile.Kind.UNREADABLE, assertThrows(CallFiles.BadFile.class,
                () -> files(fx).importCalls(dir.resolve("missing.csv"), "t")).kind());
        Path notEido = dir.resolve("not-eido.json");
        Files.writeString(notEido, "{\"hello\": 1}", StandardCharsets.UTF_8);
        EidoInvalid invalid = assertThrows(EidoInvalid.class, () -> files(fx).importEido(notEido, "t"));
        assertFalse(invalid.problems().isEmpty());
        assertEquals(0, fx.count("incident"));
    }

    @Test
    void anIncidentExportedAsEidoIsImportedOnAnotherConsoleAsANewCallWithItsNumber() throws Exception {
        Incident i = fx.intake.record(CallReport.of("13800001234", "南关小区3栋", IntakeFixture.IN_G1,
                IncidentType.FAMILY_DISPUTE, 1, "夫妻吵架"), "值班长").incident();
        Path out = dir.resolve(i.incidentNo() + ".json");
        String json = files(fx).exportEido(i.id(), out, "值班长");
        assertEquals(json, Files.readString(out, StandardCharsets.UTF_8));
        assertTrue(files(fx).eido().schema().validate(json).isEmpty());

        IntakeRejected again = assertThrows(IntakeRejected.class, () -> files(fx).importEido(out, "t"));
        assertEquals(IntakeRejected.Reason.NUMBER_TAKEN, again.reason(), "the same console already has it");

        other = new IntakeFixture(TestDatabases.h2());
        Incident copy = files(other).importEido(out, "西席").incident();
        assertEquals(i.incidentNo(), copy.incidentNo());
        assertEquals(i.address(), copy.address());
        assertEquals(i.type(), copy.type());
        assertEquals(i.callerNumber(), copy.callerNumber());
    }
}
