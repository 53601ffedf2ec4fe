package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.audit.AuditFilter;
import org.commandroom.core.audit.AuditService;
import org.commandroom.core.eido.CallFiles;
import org.commandroom.core.eido.EidoInvalid;
import org.commandroom.core.eido.EidoSchema;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.BulkIntake;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.text.ExerciseMark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is exported from a drill says it is an exercise: an EIDO names the exercise extension and says it in a note
 * (and is still a valid EIDO), a live console refuses to take it as a real call; the audit trail's CSV has the mark in
 * its first line. Live exports carry none of it. (CAP: CapModuleTest; the drill report's PDF: DrillReportPdfTest.)
 */
class ExerciseExportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Principal DRILL_DESK = new Principal(3, "lim", "李明", Set.of(Role.DUTY_COMMANDER), "desk-1", true);
    private static final Principal LIVE_DESK = new Principal(3, "lim", "李明", Set.of(Role.DUTY_COMMANDER), "desk-1", false);
    private static final Principal DRILL_ADMIN = new Principal(7, "zhoumin", "周敏", Set.of(Role.ADMINISTRATOR), "admin-1",
            true);

    private final IntakeFixture fx = new IntakeFixture(TestDatabases.h2());
    private IntakeFixture live;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        fx.db.close();
        if (live != null) {
            live.db.close();
        }
    }

    private static CallFiles files(IntakeFixture f, Principal who) {
        return new CallFiles(f.db.jdbi(), f.clock, f.intake, new BulkIntake(f.intake, f.clock), "qianwei.police.example",
                "console@test", AccessGuard.of(f.db.jdbi(), f.clock, who));
    }

    private Incident call(IntakeFixture f) {
        return f.intake.record(CallReport.of("13800001234", "南关小区3栋", IntakeFixture.IN_G1, IncidentType.FIGHT, 1,
                "两人打架"), "李明").incident();
    }

    @Test
    void anEidoExportedOnADrillDatabaseIsMarkedAsAnExerciseAndStillValid() throws Exception {
        Incident i = call(fx);
        Path file = dir.resolve("drill.eido.json");
        files(fx, DRILL_DESK).exportEido(i.id(), file, "lim");
        JsonNode doc = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of(ExerciseMark.EIDO_EXTENSION), JSON.convertValue(doc.get("eidoExtensionId"), List.class));
        JsonNode notes = doc.get("notesComponent");
        assertTrue(notes.get(notes.size() - 1).get("notesActionComments").asText().contains("演练 EXERCISE"));
        assertTrue(notes.get(0).get("notesActionComments").asText().contains("两人打架"), "the description stays first");
        assertEquals(List.of(), EidoSchema.load().validate(doc), "a valid EIDO");

        // a drill composition without a signed-in principal marks them too
        CallFiles noPrincipal = new CallFiles(fx.db.jdbi(), fx.clock, fx.intake, new BulkIntake(fx.intake, fx.clock),
                "qianwei.police.example", "console@test");
        noPrincipal.setExercise(true);
        assertTrue(noPrincipal.eido().export(i.id(), "t").contains(ExerciseMark.EIDO_EXTENSION));
    }

    @Test
    void aLiveExportHasNoMarkAndALiveConsoleRefusesAnExerciseAsARealCall() throws Exception {
        Incident i = call(fx);
        String liveJson = files(fx, LIVE_DESK).eido().export(i.id(), "t");
        assertFalse(liveJson.contains("eidoExtensionId"));
        assertFalse(liveJson.contains("EXERCISE"));

        String drillJson = files(fx, DRILL_DESK).eido().export(i.id(), "t");
        live = new IntakeFixture(TestDatabases.h2());
        EidoInvalid refused = assertThrows(EidoInvalid.class,
                () -> files(live, LIVE_DESK).eido().importAsIncident(drillJson, live.intake, "导入"));
        assertEquals("$.eidoExtensionId", refused.problems().get(0).path());
        assertEquals(0, live.count("incident"), "nothing taken");
        // another drill takes it
        IntakeFixture otherDrill = new IntakeFixture(TestDatabases.h2());
        try {
            assertEquals(i.address(), files(otherDrill, DRILL_DESK).eido().importAsIncident(drillJson, otherDrill.intake,
                    "导入").incident().address());
        } finally {
            otherDrill.db.close();
        }
    }

    @Test
    void theAuditCsvOfADrillDatabaseSaysExerciseInItsFirstLine() throws Exception {
        Path drillCsv = dir.resolve("drill-audit.csv");
        new AuditService(fx.db.jdbi(), fx.clock, AccessGuard.of(fx.db.jdbi(), fx.clock, DRILL_ADMIN))
                .exportCsv(AuditFilter.ALL, drillCsv);
        List<String> lines = Files.readAllLines(drillCsv, StandardCharsets.UTF_8);
        assertEquals(ExerciseMark.MARK, lines.get(0).replace("\uFEFF", ""));
        assertTrue(lines.get(1).startsWith("seq,time,actor"), lines.get(1));

        Path liveCsv = dir.resolve("live-audit.csv");
        Principal liveAdmin = new Principal(7, "zhoumin", "周敏", Set.of(Role.ADMINISTRATOR), "admin-1", false);
        new AuditService(fx.db.jdbi(), fx.clock, AccessGuard.of(fx.db.jdbi(), fx.clock, liveAdmin))
                .exportCsv(AuditFilter.ALL, liveCsv);
        assertTrue(Files.readAllLines(liveCsv, StandardCharsets.UTF_8).get(0).replace("\uFEFF", "").startsWith("seq,"));
    }
}
