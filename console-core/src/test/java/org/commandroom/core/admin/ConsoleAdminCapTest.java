package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.commandroom.core.cap.CapAlert;
import org.commandroom.core.cap.CapArea;
import org.commandroom.core.cap.CapInfo;
import org.commandroom.core.cap.CapWriter;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code console-admin cap check|list}: located problems for a bad file, nothing written; the list reads the table. */
class ConsoleAdminCapTest {

    @TempDir
    Path dir;

    private static CapAlert alert() {
        OffsetDateTime sent = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
        return new CapAlert("E1", "quake@example.org", sent, CapAlert.Status.Actual, CapAlert.MsgType.Alert,
                CapAlert.Scope.Public, null, null, null, List.of(), List.of(new CapInfo("en", List.of(CapInfo.Category.Geo),
                "Earthquake", CapInfo.Urgency.Past, CapInfo.Severity.Minor, CapInfo.Certainty.Observed, "M4.1", null,
                null, null, List.of(new CapArea("County", List.of(), List.of(new CapArea.Circle(new CapArea.Point(29.2, 103.7), 30)))))));
    }

    @Test
    void checkNamesEveryProblemWithItsPathAndLineAndExitsThree() throws Exception {
        Path good = Files.write(dir.resolve("good.xml"), CapWriter.write(alert()));
        Path bad = Files.writeString(dir.resolve("bad.xml"), CapWriter.writeString(alert()).replace(">Past<", ">Soon<"));
        AdminRun run = new AdminRun(null, dir);
        AdminRun.Result ok = run.run("cap", "check", good.toString());
        assertEquals(0, ok.code(), ok.toString());
        assertTrue(ok.out().contains("good.xml: valid Actual Alert E1 from quake@example.org"), ok.out());
        AdminRun.Result r = run.run("cap", "check", good.toString(), bad.toString());
        assertEquals(ConsoleAdmin.REFUSED, r.code(), r.toString());
        assertTrue(r.out().contains("bad.xml: refused\n  /alert/info[1]/urgency (line 13): 'Soon' is not one of"), r.out());
    }

    @Test
    void theHelpOfEveryFileCommandStatesItsLimit() {
        AdminRun run = new AdminRun(null, dir);
        // The help wraps its lines: compared with its white space made single.
        java.util.function.Function<String[], String> help = args -> {
            AdminRun.Result r = run.run(args);
            return (r.out() + r.err()).replaceAll("\\s+", " ");
        };
        String cap = help.apply(new String[] {"cap", "check", "--help"});
        assertTrue(cap.contains("At most 1024 KB a file: a larger one is refused unread."), cap);
        String catalogue = help.apply(new String[] {"import", "catalogue", "--help"});
        assertTrue(catalogue.contains("At most 256 MB: a larger file is refused unread."), catalogue);
        String meters = help.apply(new String[] {"import", "meter-readings", "--help"});
        assertTrue(meters.contains("At most 32 MB: a larger file is refused unread."), meters);
    }

    @Test
    void listShowsTheAlertsInForceOnAnEmptyDatabase() {
        AdminRun run = AdminRun.onEmptyDatabase(TestDb.H2, dir, "cap");
        AdminRun.Result r = run.runOnDb("cap", "list");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("out: 0\nin: 0"), r.out());
    }
}
