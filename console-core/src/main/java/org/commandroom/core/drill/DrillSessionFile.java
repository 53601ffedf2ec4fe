package org.commandroom.core.drill;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;

/**
 * What a drill's folder says of the drill itself, so that one a crash cut short can be found, resumed or scored
 * without the console that ran it: {@value #FILE} (the scenario, the trainee, the clock's start, the language the
 * scenario was read in, and {@code closedAt} once the drill's window was closed) and the scenario's own text
 * ({@value #SCENARIO_FILE}), as it was played.
 */
final class DrillSessionFile {

    static final String FILE = "session.properties";
    static final String SCENARIO_FILE = "scenario.yaml";

    private DrillSessionFile() {
    }

    /** Written when the drill is made, before anything is played. */
    static void write(Path dir, Scenario s, String trainee, Instant start, String scenarioText) throws IOException {
        Files.writeString(dir.resolve(SCENARIO_FILE), scenarioText, StandardCharsets.UTF_8);
        Properties p = new Properties();
        p.setProperty("scenario", s.id());
        p.setProperty("name", s.name());
        if (s.nameEn() != null) {
            p.setProperty("nameEn", s.nameEn());
        }
        p.setProperty("trainee", trainee);
        p.setProperty("start", start.toString());
        p.setProperty("language", s.english() ? "en" : "zh");
        store(dir, p);
    }

    /** The drill's file, or null when the folder has none (a drill made before it existed). */
    static Properties read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** Marks the drill closed (its window closed, no crash) at {@code at}, or open again (null: resumed). */
    static void closed(Path dir, Instant at) throws IOException {
        Properties p = read(dir);
        if (p == null) {
            return;
        }
        if (at == null) {
            p.remove("closedAt");
        } else {
            p.setProperty("closedAt", at.toString());
        }
        store(dir, p);
    }

    private static void store(Path dir, Properties p) throws IOException {
        Path tmp = dir.resolve(FILE + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "drill");
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
