package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.cap.CapAlert;
import org.commandroom.core.cap.CapService;
import org.commandroom.core.cap.WarningArea;
import org.commandroom.core.cap.WarningKind;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition of CAP: Exercise on a drill database, Actual live; the inbox read by those who keep alerts. */
class CapModuleTest {

    @TempDir
    Path dir;

    private IntakeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new IntakeFixture(TestDatabases.h2());
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    private CapModule module(Principal who) {
        return CapModule.prepare(fx.db.jdbi(), fx.clock, dir, "qw.police.example",
                AccessGuard.of(fx.db.jdbi(), fx.clock, who), who);
    }

    private static CapService.Warning crowd(long grid) {
        return new CapService.Warning(WarningKind.CROWD, new WarningArea.OfLayer(WarningArea.Layer.POLICE_GRID, grid),
                new CapService.Texts("人员聚集", null, null), new CapService.Texts("Crowd", null, null), null);
    }

    @Test
    void aDrillIssuesExerciseAndLiveIssuesActualIntoTheDataDirectorysFolder() {
        Principal trainee = new Principal(2, "xue", "学员", Set.of(Role.DUTY_COMMANDER), "drill-1", true);
        CapModule drill = module(trainee);
        assertEquals(CapAlert.Status.Exercise, drill.service().issue(crowd(fx.g1), "学员").alert().status());
        Principal live = new Principal(3, "zhang", "值班长", Set.of(Role.DUTY_COMMANDER), "desk-1", false);
        CapService.Issued issued = module(live).service().issue(crowd(fx.g1), "值班长");
        assertEquals(CapAlert.Status.Actual, issued.alert().status());
        assertEquals("command@qw.police.example", issued.alert().sender());
        assertEquals(dir.resolve("cap/out").resolve(issued.alert().identifier() + ".xml"), issued.file());
        assertTrue(Files.exists(issued.file()));
        assertEquals(dir.resolve("cap/in"), module(live).inbox().folder());
    }

    @Test
    void theWallShowsButDoesNotReceiveAndWrongSettingsLeaveCapOff() throws Exception {
        assertTrue(module(new Principal(3, "zhang", "值班长", Set.of(Role.DUTY_COMMANDER), "desk-1", false)).mayReceive());
        assertFalse(module(new Principal(4, "wall", "大屏", Set.of(Role.WALL_DISPLAY), "wall-1", false)).mayReceive());
        Files.writeString(dir.resolve("cap.properties"), "cap.poll.seconds=0\n");
        assertNull(module(new Principal(3, "zhang", "值班长", Set.of(Role.DUTY_COMMANDER), "desk-1", false)));
    }
}
