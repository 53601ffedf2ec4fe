package org.commandroom.app.ui.admin.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commandroom.app.ui.common.I18n;
import org.junit.jupiter.api.Test;

/**
 * Every action and kind of record the core services write to the trail with {@code guard.audit(h, at, actor, ACTION,
 * ENTITY, …)} has a label on the audit screen; a new one without a label shows as its code (found in the trial:
 * GRID_OFFICER and GEOGRAPHY did).
 */
class AuditWordsTest {

    private static final Path CORE = Path.of("..", "console-core", "src", "main", "java");
    /** {@code audit(h, …, "A" : "B", "ENTITY")} and {@code audit(handle, …, "ACTION", "ENTITY")}. */
    private static final Pattern AUDITED = Pattern.compile("audit\\(\\w+,[^;]*?\"([A-Z_]{3,})\"\\s*:\\s*\"([A-Z_]{3,})\"\\s*,\\s*\"([A-Z_]{3,})\""
            + "|audit\\(\\w+,[^;]*?\"([A-Z_]{3,})\"\\s*,\\s*\"([A-Z_]{3,})\"", Pattern.DOTALL);
    /** {@code require(Permission.X, "ACTION", "ENTITY", …)}: a refusal is audited as REFUSED of that entity. */
    private static final Pattern REQUIRED = Pattern.compile("require\\(Permission\\.\\w+,\\s*\"[A-Z_]{3,}\"\\s*,\\s*\"([A-Z_]{3,})\"");

    @Test
    void everyActionAndEntityTheCoreAuditsHasALabel() throws IOException {
        Set<String> actions = new TreeSet<>();
        Set<String> entities = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CORE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f, StandardCharsets.UTF_8);
                Matcher r = REQUIRED.matcher(source);
                while (r.find()) {
                    entities.add(r.group(1));
                }
                Matcher m = AUDITED.matcher(source);
                while (m.find()) {
                    if (m.group(1) != null) {
                        actions.add(m.group(1));
                        actions.add(m.group(2));
                        entities.add(m.group(3));
                    } else {
                        actions.add(m.group(4));
                        entities.add(m.group(5));
                    }
                }
            }
        }
        assertTrue(actions.containsAll(Set.of("OFFICER_EDIT", "GRID_OFFICER", "CAMERA_IN_SERVICE", "DISPATCH"))
                        && entities.contains("HISTORY"),
                "the scan finds the audited actions: " + actions);
        AuditWords words = new AuditWords(I18n.load(Locale.ROOT));
        Set<String> unlabelled = new TreeSet<>();
        actions.stream().filter(a -> words.action(a).equals(a)).forEach(a -> unlabelled.add("action " + a));
        entities.stream().filter(e -> words.entity(e).equals(e)).forEach(e -> unlabelled.add("entity " + e));
        assertEquals(Set.of(), unlabelled);
    }
}
