package org.commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.fuzz.Mutations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wall's layout file made hostile (core fuzz Mutations, as every importer's file): each case is read from disk as
 * the wall reads it and ends in a layout or in problems with a line and a bundle key said in both languages, within
 * bounded time, the default layout standing. A file of gigabytes is refused unread (it was read whole: an
 * OutOfMemoryError the wall did not catch).
 */
class WallLayoutFuzzTest {

    private static final int CASES = 100;

    @Test
    void aHostileLayoutFileIsReadOrRefusedLineByLineAndTheDefaultStays(@TempDir Path dir) throws IOException {
        byte[] good;
        try (InputStream in = WallLayoutReader.class.getResourceAsStream(WallLayoutReader.DEFAULT_RESOURCE)) {
            good = in.readAllBytes();
        }
        I18n zh = I18n.load(Locale.ROOT);
        I18n en = I18n.load(Locale.ENGLISH);
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        int read = 0;
        for (long n = 0; n < CASES; n++) {
            Mutations.Case c = Mutations.of(good, "area 1,1 1x1 ", "map\n", n);
            Path file = Files.write(dir.resolve("wall-layout.txt"), c.bytes());
            long start = System.nanoTime();
            WallApplication.Loaded loaded = WallApplication.layout(file);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, c + " took " + took);
            if (loaded.result().accepted()) {
                read++;
                continue;
            }
            assertEquals(WallLayoutReader.defaultLayout(), loaded.layout(), c + ": the default stays");
            assertFalse(loaded.result().problems().isEmpty(), c.toString());
            for (WallLayoutReader.Problem p : loaded.result().problems()) {
                assertTrue(p.line() >= 1 && p.key().startsWith("wall.layout.problem."), c + ": " + p);
                for (String said : List.of(p.describe(), zh.tr(p.key(), p.args().toArray()), en.tr(p.key(), p.args().toArray()))) {
                    assertFalse(said.isBlank() || said.contains(p.key()) || said.contains("Exception") || said.contains("java."),
                            c + ": " + said);
                }
            }
        }
        System.out.printf(Locale.ROOT, "FUZZ wall layout file: %d cases, %d read, %d refused with where and why, %.1f s CPU%n",
                CASES, read, CASES - read,
                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    @Test
    void aLayoutFileOfGigabytesIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("wall-layout.txt");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // sparse: no disk, no time
        }
        WallApplication.Loaded loaded = WallApplication.layout(file);
        assertEquals(WallLayoutReader.defaultLayout(), loaded.layout());
        WallLayoutReader.Problem p = loaded.result().problems().get(0);
        assertEquals("wall.layout.problem.tooLarge", p.key());
        assertEquals("文件有 3,145,728 KB，布局文件最多 64 KB；未读取", I18n.load(Locale.ROOT).tr(p.key(), p.args().toArray()));
    }
}
