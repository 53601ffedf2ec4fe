package org.commandroom.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The desk role's limits ({@link DbRoles#DESK_LIMITS}) against the code: no statement of either module writes to an
 * append-only table in a way the desk role may not. A new UPDATE or DELETE on a trail fails here before it fails on a
 * bureau's PostgreSQL.
 */
class DbRolesCodeTest {

    private static final Pattern WRITE = Pattern.compile(
            "(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE(?:\\s+TABLE)?)\\s+([a-z_]+)\\b");

    @Test
    void noStatementWritesToATrailBeyondWhatTheDeskRoleMayDo() throws IOException {
        List<String> beyond = new ArrayList<>();
        int seen = 0;
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../console-app/src/main/java"))) {
            assertTrue(Files.isDirectory(root), root + " (run from the module directory)");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = WRITE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        String verb = m.group(1).split("\\s+")[0].toUpperCase(Locale.ROOT);
                        verb = verb.equals("MERGE") ? "UPDATE" : verb;
                        Set<String> may = DbRoles.DESK_LIMITS.get(m.group(2));
                        if (may != null) {
                            seen++;
                            if (!may.contains(verb)) {
                                beyond.add(f.getFileName() + ": " + m.group());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(seen >= 4, "the scan finds the appends to the trails (" + seen + ")");
        assertEquals(List.of(), beyond);
    }

    @Test
    void personalColumnsAreCallerNumbersNamesAndTelephones() {
        assertTrue(DbRoles.personal("caller_number"));
        assertTrue(DbRoles.personal("CALLER_NAME"));
        assertTrue(DbRoles.personal("phone"));
        assertTrue(DbRoles.personal("landlord_phone"));
        assertFalse(DbRoles.personal("caller_prior_at"), "the link to a previous call is not the number");
        assertFalse(DbRoles.personal("address"));
    }

    @Test
    void roleNamesAreCheckedBeforeTheyReachAStatement() {
        assertEquals("console_desk", DbRoles.name("console_desk", "--desk-role"));
        for (String bad : new String[] {"Desk", "desk; DROP TABLE incident", "1desk", "desk\"", ""}) {
            DbRoles.Refused r = org.junit.jupiter.api.Assertions.assertThrows(DbRoles.Refused.class,
                    () -> DbRoles.name(bad, "--desk-role"));
            assertTrue(r.getMessage().startsWith("--desk-role takes a role name"), r.getMessage());
        }
    }
}
