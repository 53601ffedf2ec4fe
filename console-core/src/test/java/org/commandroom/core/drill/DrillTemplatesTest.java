package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drill counties made ahead: once per county, what a cut-short generation left deleted, and copied by a drill. */
class DrillTemplatesTest {

    @TempDir
    Path dataDir;

    @Test
    void aCountyMadeAheadIsCopiedByTheFirstDrillAndNeverMadeAgain() throws Exception {
        Scenario s = new ScenarioLoader().bundled("fugitive-qianjin-road.yaml");
        Path templates = dataDir.resolve(DrillSession.DRILLS_DIR).resolve(DrillTemplates.TEMPLATES_DIR);
        Files.createDirectories(templates);
        Path stale = templates.resolve("demo-1-2-3-part-99.mv.db");
        Files.writeString(stale, "cut short");
        assertFalse(DrillTemplates.ready(dataDir, s));

        List<Path> made = DrillTemplates.prepare(dataDir, List.of(s));
        assertEquals(List.of(DrillTemplates.file(dataDir, s)), made);
        assertTrue(DrillTemplates.ready(dataDir, s));
        assertFalse(Files.exists(stale), "what a cut-short generation left is deleted");
        try (var files = Files.list(templates)) {
            assertEquals(1, files.count(), "only the finished county is kept");
        }
        // kept: preparing again makes nothing
        FileTime stamp = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(made.get(0), stamp);
        assertEquals(List.of(), DrillTemplates.prepare(dataDir, List.of(s)));

        try (DrillSession d = DrillSession.create(s, dataDir, "t", Runnable::run)) {
            assertTrue(Files.size(d.directory().resolve(DrillSession.DB_NAME + ".mv.db")) > 0);
            assertEquals(stamp, Files.getLastModifiedTime(made.get(0)), "the drill copied the county, it did not make it again");
            assertTrue(d.units().all().size() > 0);
        }
    }

    @Test
    void twoCallersWantingTheSameCountyGetOneFile() throws Exception {
        Scenario s = new ScenarioLoader().bundled("ebike-theft-spree.yaml");
        Path[] got = new Path[2];
        Thread a = new Thread(() -> got[0] = call(s));
        a.start();
        got[1] = DrillTemplates.template(dataDir, s);
        a.join();
        assertEquals(got[0], got[1]);
        try (var files = Files.list(got[1].getParent())) {
            assertEquals(List.of(got[1]), files.toList(), "one generation, no part file left");
        }
    }

    private Path call(Scenario s) {
        try {
            return DrillTemplates.template(dataDir, s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
