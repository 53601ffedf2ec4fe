package org.commandroom.core.drill;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trainee's drill history: each finished drill leaves its result ({@value #RESULT_FILE}: scenario, trainee, score)
 * in its folder under {@code <data dir>/drills/} beside its database and report; the history is read back from those
 * folders, so it needs no database of its own and survives the drill databases being deleted. Thread-safe (static,
 * file I/O: call it off the FX thread).
 */
public final class DrillHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DrillHistory.class);
    public static final String RESULT_FILE = "result.properties";

    /**
     * One finished drill.
     *
     * @param start      the scenario clock's start
     * @param finishedAt when the report was written (wall clock)
     * @param report     the report's PDF file, or null when there is none
     */
    public record Entry(Path directory, String scenarioId, String scenarioName, String scenarioNameEn, String trainee,
                        Instant start, Instant finishedAt, int total, int maxPoints, int deducted, Path report) {
    }

    private DrillHistory() {
    }

    /** Writes a drill's result into its folder (replacing an earlier one: the last report written counts). */
    public static void write(DrillReport report, Path drillDir, Path reportFile) throws IOException {
        Properties p = new Properties();
        Scenario s = report.scenario();
        p.setProperty("scenario", s.id());
        p.setProperty("name", s.name());
        if (s.nameEn() != null) {
            p.setProperty("nameEn", s.nameEn());
        }
        p.setProperty("trainee", report.trainee());
        p.setProperty("start", report.start().toString());
        p.setProperty("finishedAt", report.madeAt().toString());
        p.setProperty("total", Integer.toString(report.score().total()));
        p.setProperty("max", Integer.toString(report.score().maxPoints()));
        p.setProperty("deducted", Integer.toString(report.score().deducted()));
        if (reportFile != null) {
            p.setProperty("report", reportFile.getFileName().toString());
        }
        Path tmp = drillDir.resolve(RESULT_FILE + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "drill result");
        }
        Files.move(tmp, drillDir.resolve(RESULT_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The finished drills under {@code <dataDir>/drills/}, the newest first; only a trainee's when {@code trainee} is
     * not null. A folder without a result (a drill not finished) is not in it; an unreadable result is skipped.
     */
    public static List<Entry> read(Path dataDir, String trainee) throws IOException {
        Path root = dataDir.resolve(DrillSession.DRILLS_DIR);
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path file = dir.resolve(RESULT_FILE);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    Entry e = parse(dir, file);
                    if (trainee == null || trainee.equals(e.trainee())) {
                        out.add(e);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Drill result {} is not readable: {}", file, e.toString());
                }
            }
        }
        out.sort(Comparator.comparing(Entry::finishedAt).reversed());
        return out;
    }

    /**
     * A drill left without its report: cut short by a crash (its window never closed), or closed before the report was
     * written. Its database, journal and recording are in its folder; {@link DrillSession#resume} takes it up again.
     *
     * @param lastAt   the last scenario time its journal or recording has
     * @param leftAt   when it was last written to (wall clock): when it was cut short
     * @param closedAt when its window was closed (wall clock); null when a crash cut it short
     */
    public record Unfinished(Path directory, String scenarioId, String scenarioName, String scenarioNameEn, String trainee,
                             Instant start, Instant lastAt, Instant leftAt, Instant closedAt) {

        /** Whether a crash cut it short (its window was never closed). */
        public boolean cutShort() {
            return closedAt == null;
        }

        /** The scenario time reached, from the start. */
        public java.time.Duration reached() {
            return java.time.Duration.between(start, lastAt);
        }
    }

    /**
     * The drills under {@code <dataDir>/drills/} that have no result yet and can be taken up again (made by a console
     * that keeps their scenario in their folder), the latest left first; only a trainee's when {@code trainee} is not
     * null. Reads files only: no drill database is opened.
     */
    public static List<Unfinished> unfinished(Path dataDir, String trainee) throws IOException {
        Path root = dataDir.resolve(DrillSession.DRILLS_DIR);
        List<Unfinished> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (Files.exists(dir.resolve(RESULT_FILE)) || !Files.isRegularFile(dir.resolve(DrillSessionFile.SCENARIO_FILE))
                        || !Files.isRegularFile(dir.resolve(DrillSession.DB_NAME + ".mv.db"))) {
                    continue;
                }
                try {
                    Properties p = DrillSessionFile.read(dir);
                    if (p == null || (trainee != null && !trainee.equals(p.getProperty("trainee")))) {
                        continue;
                    }
                    Instant start = Instant.parse(required(p, "start"));
                    Instant last = start;
                    Instant left = Files.getLastModifiedTime(dir.resolve(DrillSessionFile.FILE)).toInstant();
                    for (String f : List.of(DrillJournal.FILE, DrillReplay.FILE, DrillSession.DB_NAME + ".mv.db")) {
                        Path file = dir.resolve(f);
                        if (Files.isRegularFile(file)) {
                            Instant m = Files.getLastModifiedTime(file).toInstant();
                            left = m.isAfter(left) ? m : left;
                        }
                        if (!f.endsWith(".db")) {
                            for (DrillJournal.Line l : DrillJournal.read(file)) {
                                last = l.at().isAfter(last) ? l.at() : last;
                            }
                        }
                    }
                    String closed = p.getProperty("closedAt");
                    out.add(new Unfinished(dir, required(p, "scenario"), required(p, "name"), p.getProperty("nameEn"),
                            required(p, "trainee"), start, last, left, closed == null ? null : Instant.parse(closed)));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Unfinished drill {} is not readable: {}", dir, e.toString());
                }
            }
        }
        out.sort(Comparator.comparing(Unfinished::leftAt).reversed());
        return out;
    }

    /** The result of one finished drill's folder (the replay's way in). */
    public static Entry entry(Path drillDir) throws IOException {
        return parse(drillDir, drillDir.resolve(RESULT_FILE));
    }

    private static Entry parse(Path dir, Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String report = p.getProperty("report");
        return new Entry(dir, required(p, "scenario"), required(p, "name"), p.getProperty("nameEn"), required(p, "trainee"),
                Instant.parse(required(p, "start")), Instant.parse(required(p, "finishedAt")),
                Integer.parseInt(required(p, "total")), Integer.parseInt(required(p, "max")),
                Integer.parseInt(p.getProperty("deducted", "0")), report == null ? null : dir.resolve(report));
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return v;
    }
}
