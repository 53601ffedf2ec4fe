package org.commandroom.core.eido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commandroom.core.intake.BulkIntake;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.job.JobProgress;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed of calls imported 200 rows at a time: the lines of bad rows are the file's whatever batch they fall in
 * (a quoted field over two lines included), progress is said after each batch, and a cancel stops between batches
 * with exactly the rows before it stored and the rest named.
 */
class CallFilesBatchTest {

    private final IntakeFixture fx = new IntakeFixture(TestDatabases.h2());

    @TempDir
    Path dir;

    private CallFiles files() {
        return new CallFiles(fx.db.jdbi(), fx.clock, fx.intake, new BulkIntake(fx.intake, fx.clock), "qianwei.police.example",
                "console@test");
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    /** 450 rows; bad types on file lines 3, 252 and 452; row 100's description spans lines 101-102. */
    private Path csv() throws Exception {
        StringBuilder b = new StringBuilder("address,type,lat,lon,description\n");
        int line = 2;
        List<Integer> bad = List.of(3, 252, 452);
        for (int row = 1; row <= 450; row++) {
            String type = bad.contains(line) ? "NOT_A_TYPE" : "NOISE";
            String description = row == 100 ? "\"楼上装修，\n夜里十一点还在敲\"" : "噪声" + row;
            b.append("南关路").append(row).append("号,").append(type).append(",29.21,103.71,").append(description).append('\n');
            line += row == 100 ? 2 : 1;
        }
        Path file = dir.resolve("calls.csv");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** Records what the import said; asks to cancel once {@code cancelAfter} rows are done (0: never). */
    private static final class Watch implements JobProgress {
        final List<String> said = new ArrayList<>();
        final int cancelAfter;
        long done;

        Watch(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public boolean cancelRequested() {
            return cancelAfter > 0 && done >= cancelAfter;
        }

        @Override
        public void progress(long d, long total) {
            done = d;
            said.add(d + "/" + total);
        }
    }

    @Test
    void badRowsAreNamedByTheirLineInTheFileWhateverBatchTheyFallIn() throws Exception {
        Watch w = new Watch(0);
        CallFiles.CallImport r = files().importCalls(csv(), "值班长", w);
        assertFalse(r.cancelled());
        assertEquals(List.of("200/450", "400/450", "450/450"), w.said);
        assertEquals(450, r.report().rowsRead());
        assertEquals(447, r.report().imported().size());
        assertEquals(List.of(3, 252, 452), r.report().problems().stream().map(BulkIntake.RowProblem::line).toList());
        List<Integer> expected = new ArrayList<>();
        for (int row = 1; row <= 450; row++) {
            int line = row <= 100 ? row + 1 : row + 2;
            if (line != 3 && line != 252 && line != 452) {
                expected.add(line);
            }
        }
        assertEquals(expected, r.report().imported().stream().map(BulkIntake.ImportedRow::line).toList(),
                "every kept row by its own line");
        assertEquals(447, fx.count("incident"));
    }

    @Test
    void aCancelStopsBetweenBatchesKeepingExactlyTheRowsBeforeIt() throws Exception {
        Watch w = new Watch(200);
        CallFiles.CallImport r = files().importCalls(csv(), "值班长", w);
        assertTrue(r.cancelled());
        assertEquals(List.of("200/450"), w.said, "one batch, then the cancel was seen");
        assertEquals(199, r.report().imported().size(), "200 rows read, line 3 refused");
        assertEquals(250, r.rowsLeft());
        assertEquals(203, r.firstLineLeft(), "row 201 starts on line 203 (row 100 took two lines)");
        assertEquals(199, fx.count("incident"), "what it says it stored is what is stored");
    }

    @Test
    void aJsonFeedIsCutBetweenElementsAndKeepsTheFilesLineNumbers() throws Exception {
        StringBuilder b = new StringBuilder("{\"source\": \"县局\",\n \"incidents\": [\n");
        for (int i = 1; i <= 230; i++) {
            String type = i == 215 ? "NOT_A_TYPE" : "FIGHT";
            b.append("  {\"address\": \"北街").append(i).append("号\", \"type\": \"").append(type)
                    .append("\", \"lat\": 29.21, \"lon\": 103.71}").append(i < 230 ? ",\n" : "\n");
        }
        b.append("]}\n");
        Path file = dir.resolve("feed.json");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        Watch w = new Watch(0);
        CallFiles.CallImport r = files().importCalls(file, "t", w);
        assertEquals(List.of("200/230", "230/230"), w.said);
        assertEquals(229, r.report().imported().size());
        assertEquals(List.of(217), r.report().problems().stream().map(BulkIntake.RowProblem::line).toList(),
                "element 215 is on line 217");
    }

    @Test
    void aFileWithAWrongHeaderImportsNothingAndSaysSoOnce() throws Exception {
        StringBuilder b = new StringBuilder("adress,type\n");
        for (int i = 0; i < 450; i++) {
            b.append("南关").append(i).append(",FIGHT\n");
        }
        Path file = dir.resolve("bad-header.csv");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        CallFiles.CallImport r = files().importCalls(file, "t", new Watch(0));
        assertEquals(1, r.report().problems().size());
        assertEquals(1, r.report().problems().get(0).line());
        assertEquals(0, fx.count("incident"));
    }
}
