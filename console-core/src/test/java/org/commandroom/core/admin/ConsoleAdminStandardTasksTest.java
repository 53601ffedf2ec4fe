package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code console-admin import standard-tasks}: a wrong file is refused with its cells named; a dry run writes nothing. */
class ConsoleAdminStandardTasksTest {

    @TempDir
    Path dir;

    @Test
    void aBureauLibraryIsCheckedThenImported() throws Exception {
        AdminRun admin = AdminRun.onEmptyDatabase(TestDb.H2, dir, "bureau");
        String header = "code,title,English title,lead department,basis,measures,standard of completion,time limit,"
                + "feedback items\n";
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, header + "JH-001,出租屋检查,,派出所,规定,上门,全部登记,三天,人数\n", StandardCharsets.UTF_8);
        AdminRun.Result refused = admin.runOnDb("import", "standard-tasks", "--file", bad.toString());
        assertEquals(ConsoleAdmin.REFUSED, refused.code(), refused.toString());
        assertTrue(refused.out().contains("Sheet bad.csv, row 2, column H (时限): \"三天\" is not a time limit"), refused.out());

        Path good = dir.resolve("good.csv");
        Files.writeString(good, header + "JH-001,出租屋检查,Rented-house check,派出所,规定,上门,全部登记,3天,人数；隐患\n"
                + "JH-002,反诈宣传,Anti-fraud publicity,反诈中心,反电诈法,入户,全覆盖,7d,户数\n", StandardCharsets.UTF_8);
        AdminRun.Result dry = admin.runOnDb("import", "standard-tasks", "--dry-run", "--file", good.toString());
        assertEquals(0, dry.code(), dry.toString());
        assertTrue(dry.out().contains("standard_task: 2 new, 0 changed, 0 unchanged"), dry.out());
        assertEquals(0, admin.count("SELECT COUNT(*) FROM standard_task"));
        AdminRun.Result done = admin.runOnDb("import", "standard-tasks", "--file", good.toString());
        assertEquals(0, done.code(), done.toString());
        assertEquals(2, admin.count("SELECT COUNT(*) FROM standard_task"));
        assertEquals(72, admin.count("SELECT time_limit_hours FROM standard_task WHERE code = 'JH-001'"));
    }
}
