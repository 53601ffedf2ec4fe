package org.commandroom.core.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The drill counties generated once for every test class of a test JVM (a county takes 15-25 s to make on the build
 * machine), copied into each class's own data directory as the console's {@link DrillTemplates} keeps them.
 */
final class SharedCounties {

    private static Path cache;

    private SharedCounties() {
    }

    /** Puts the scenario's county into {@code dataDir}'s templates, generating it once per JVM. */
    static synchronized void into(Path dataDir, Scenario scenario) throws IOException {
        if (cache == null) {
            cache = Files.createTempDirectory("drill-counties");
            Path dir = cache;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        }
        Path made = DrillTemplates.template(cache, scenario);
        Path target = DrillTemplates.file(dataDir, scenario);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Files.copy(made, target);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind
        }
    }
}
