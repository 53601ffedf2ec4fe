package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code console-admin import history} with the public St. Louis sample, from proposal to a second import. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ConsoleAdminHistoryTest {

    static final String FILE = Path.of("src", "test", "resources", "history", "stl-calls-for-service-2021-01.csv")
            .toAbsolutePath().toString();

    @Parameter
    TestDb kind;

    @TempDir
    Path dir;

    @Test
    void aSourceIsProposedWrittenEditedCheckedAndImportedOnce() throws Exception {
        AdminRun admin = AdminRun.onEmptyDatabase(kind, dir, "bureau");
        AdminRun.Result first = admin.runOnDb("import", "history", "--source", "SLMPD", FILE);
        assertEquals(ConsoleAdmin.REFUSED, first.code(), first.toString());
        assertTrue(first.out().contains("received_at <- eventtime [yyyy-MM-dd HH:mm[:ss]] e.g. 2021-01-28 20:24:14"),
                first.out());
        assertTrue(first.out().contains("Disturbance: 8 row(s)"), first.out());
        assertEquals(0, admin.count("SELECT COUNT(*) FROM incident"));

        Path mapping = dir.resolve("slmpd.properties");
        AdminRun.Result written = admin.runOnDb("import", "history", "--source", "SLMPD", "--write-mapping",
                mapping.toString(), FILE);
        assertEquals(0, written.code(), written.toString());
        String text = Files.readString(mapping, StandardCharsets.UTF_8);
        assertTrue(text.contains("column.received_at=eventtime"), text);
        Files.writeString(mapping, text.replace("zone=Asia/Shanghai", "zone=America/Chicago")
                + "other_type=HELP_OTHER\n", StandardCharsets.UTF_8);

        AdminRun.Result dry = admin.runOnDb("import", "history", "--source", "SLMPD", "--mapping-from-file",
                mapping.toString(), "--dry-run", FILE);
        assertEquals(0, dry.code(), dry.toString());
        assertTrue(dry.out().contains("would write 56 closed incident(s)"), dry.out());
        assertEquals(0, admin.count("SELECT COUNT(*) FROM incident"));

        AdminRun.Result imported = admin.runOnDb("import", "history", "--source", "SLMPD", "--mapping-from-file",
                mapping.toString(), FILE);
        assertEquals(0, imported.code(), imported.toString());
        assertEquals(56, admin.count("SELECT COUNT(*) FROM incident WHERE status = 'CLOSED' AND history_source = 'SLMPD'"));
        assertEquals(1, admin.count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT' AND entity = 'HISTORY'"));

        // the saved mapping is used without the file; nothing is stored twice
        AdminRun.Result again = admin.runOnDb("import", "history", "--source", "SLMPD", FILE);
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("saved for source SLMPD"), again.out());
        assertTrue(again.out().contains("wrote 0 closed incident(s) from 56 row(s); 56 already there"), again.out());
        assertEquals(56, admin.count("SELECT COUNT(*) FROM incident"));
        assertFalse(again.out().contains("Exception"), again.out());
    }
}
