package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instructor's notes and injected events are on disk as they are written, and the report reads them from there. */
class DrillJournalTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path dir;

    @Test
    void linesSurviveTabsBreaksAndACutShortLastLine() throws Exception {
        DrillJournal j = new DrillJournal(dir);
        Instant at = Instant.parse("2026-03-12T12:31:00Z");
        j.append(DrillJournal.Kind.NOTE, at, "王教官", "派警慢了\t一行\n两行 \\ 反斜杠");
        j.append(DrillJournal.Kind.INJECT, at.plusSeconds(60), "fight-2", "导调插入 / injected · 打架");
        Files.writeString(j.file(), "NOTE\t2026-03-12T12:40:00Z\tcut", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        List<DrillJournal.Line> lines = DrillJournal.read(dir.resolve(DrillJournal.FILE));
        assertEquals(List.of(new DrillJournal.Line(DrillJournal.Kind.NOTE, at, "王教官", "派警慢了\t一行\n两行 \\ 反斜杠"),
                new DrillJournal.Line(DrillJournal.Kind.INJECT, at.plusSeconds(60), "fight-2", "导调插入 / injected · 打架")),
                lines);
        assertEquals(List.of(new DrillNote(at, "王教官", "派警慢了\t一行\n两行 \\ 反斜杠")), DrillJournal.notes(lines));
        assertEquals(List.of(), DrillJournal.read(dir.resolve("none.tsv")));
    }

    @Test
    void notesAndInjectionsOfADrillThatWasNeverClosedAreInItsFolder() throws Exception {
        DrillSession drill = DrillSession.create(new ScenarioLoader().bundled("night-market-brawl.yaml"), dataDir, "t",
                DrillSessionTest.BACKGROUND);
        Path folder = drill.directory();
        try {
            drill.advanceTo(Duration.ofMinutes(2));
            drill.addNote("教官", "第一条");
            String injectable = Scenario.idOf(drill.scenario().injectable().get(0));
            assertTrue(drill.inject(injectable).isPresent());
            drill.addNote("教官", "第二条");
            // as a crash would leave it: nothing closed, nothing of the session read; only the folder
            List<DrillJournal.Line> lines = DrillJournal.read(folder.resolve(DrillJournal.FILE));
            assertEquals(List.of(DrillJournal.Kind.NOTE, DrillJournal.Kind.INJECT, DrillJournal.Kind.NOTE),
                    lines.stream().map(DrillJournal.Line::kind).toList());
            assertEquals(injectable, lines.get(1).key());
            assertEquals(drill.clock().start().plus(Duration.ofMinutes(2)), lines.get(0).at());
            // the report's notes are the journal's
            assertEquals(List.of("教官：第一条", "教官：第二条"), DrillReport.of(drill, drill.clock().instant()).rows().stream()
                    .filter(r -> r.kind() == DrillReport.RowKind.NOTE).map(DrillReport.Row::expected).toList());
        } finally {
            drill.close();
        }
    }
}
