package org.commandroom.app.ui.admin.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.history.HistoryField;
import org.commandroom.core.history.HistoryImportService;
import org.commandroom.core.history.TimeFormat;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The history import page's state on a real H2: the file read with its mapping proposed, a check that names the
 * unmapped type, import offered only after a clean check of the mapping as it stands, the import with its progress,
 * the saved mapping offered again, and a refusal in the user's words.
 */
class HistoryImportViewModelTest {

    static final Path SAMPLE = Path.of("..", "console-core", "src", "test", "resources", "history", "old-cad-zh.csv");
    private static final Principal ADMIN = new Principal(1, "zhoumin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    private static final Principal DUTY = new Principal(2, "liming", "李明", Set.of(Role.DUTY_COMMANDER), "ws-2", false);

    private final Database db = TestDatabases.h2();
    private final Clock clock = Clock.systemUTC();
    private final I18n i18n = I18n.load(Locale.ROOT);

    @BeforeEach
    void station() {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO bureau (id, code, name) VALUES (1, 'B1', '测试县局')");
            h.execute("INSERT INTO station (bureau_id, code, name, kind) VALUES (1, 'S1', '城关派出所', 'STATION')");
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private HistoryImportViewModel vm(Principal who) {
        HistoryImportService service = new HistoryImportService(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, who));
        return new HistoryImportViewModel(service, new Tasks(Runnable::run, Runnable::run), i18n, who::login);
    }

    private long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static HistoryImportViewModel.ValueRow<IncidentType> type(HistoryImportViewModel vm, String value) {
        return vm.types().stream().filter(r -> r.value().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void aFileIsReadCheckedFixedAndImportedOnceWithItsMappingSaved() {
        HistoryImportViewModel vm = vm(ADMIN);
        assertFalse(vm.canLoad().get(), "a file and a source first");
        vm.fileProperty().set(SAMPLE);
        vm.sourceProperty().set("旧接处警");
        assertTrue(vm.canLoad().get());
        vm.load();
        assertTrue(vm.loadedProperty().get(), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains("8 行"), vm.messageProperty().get());
        assertEquals("报警时间", vm.field(HistoryField.RECEIVED_AT).columnProperty().get());
        assertEquals(TimeFormat.YMD_SLASH, vm.field(HistoryField.RECEIVED_AT).formatProperty().get());
        assertTrue(vm.field(HistoryField.RECEIVED_AT).samplesProperty().get().startsWith("2025/11/3 8:05"));
        assertEquals(List.of("1", "2", "3", "4"), vm.priorities().stream().map(HistoryImportViewModel.ValueRow::value).toList());
        assertNull(type(vm, "其他").targetProperty().get());
        assertFalse(vm.canImport().get());

        vm.check();
        assertEquals(1, vm.problems().size());
        HistoryImportViewModel.ProblemRow p = vm.problems().get(0);
        assertEquals(new HistoryImportViewModel.ProblemRow("9", "警情类别", "其他",
                i18n.label(org.commandroom.core.history.HistoryProblem.Why.TYPE_NOT_MAPPED)), p);
        assertEquals(HistoryImportViewModel.Tone.ERROR, vm.toneProperty().get());
        assertFalse(vm.canImport().get());

        type(vm, "其他").targetProperty().set(IncidentType.NON_POLICE);
        vm.check();
        assertTrue(vm.canImport().get(), vm.messageProperty().get());
        assertTrue(vm.problems().isEmpty());
        // an edit after the check asks for a new one
        vm.priorities().get(3).targetProperty().set(2);
        assertFalse(vm.canImport().get());
        vm.check();
        assertTrue(vm.canImport().get());

        vm.importChecked();
        assertEquals(HistoryImportViewModel.Tone.SUCCESS, vm.toneProperty().get(), vm.messageProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals(8, count("SELECT COUNT(*) FROM incident WHERE status = 'CLOSED'"));
        assertEquals(1, count("SELECT COUNT(*) FROM incident WHERE incident_type = 'NON_POLICE'"));
        assertEquals(1, count("SELECT COUNT(*) FROM incident WHERE history_ref = 'J2025110004' AND priority = 2"));
        assertFalse(vm.canImport().get(), "a new import needs a new check");
        assertEquals(List.of("旧接处警"), vm.sources());

        // the next page for the same source shows the saved mapping, and nothing is imported twice
        HistoryImportViewModel next = vm(ADMIN);
        next.sourceProperty().set("旧接处警");
        next.fileProperty().set(SAMPLE);
        next.load();
        assertTrue(next.messageProperty().get().contains("已带出"), next.messageProperty().get());
        assertEquals(IncidentType.NON_POLICE, type(next, "其他").targetProperty().get());
        assertEquals(2, next.priorities().get(3).targetProperty().get());
        next.check();
        assertTrue(next.messageProperty().get().contains("将导入 0 条，已存在 8 条"), next.messageProperty().get());
    }

    @Test
    void choosingAnotherColumnForTheTypeRebuildsTheTypeTableAndDetectsTimeFormats() throws Exception {
        HistoryImportViewModel vm = vm(ADMIN);
        vm.fileProperty().set(SAMPLE);
        vm.sourceProperty().set("旧接处警");
        vm.load();
        vm.field(HistoryField.TYPE).columnProperty().set("处警状态");
        assertEquals(Set.of("已处置", "已受理", "已调解", "移交交警"),
                Set.copyOf(vm.types().stream().map(HistoryImportViewModel.ValueRow::value).toList()));
        vm.field(HistoryField.CLEARED_AT).columnProperty().set(null);
        assertNull(vm.field(HistoryField.CLEARED_AT).formatProperty().get());
        vm.field(HistoryField.CLEARED_AT).columnProperty().set("派警时间");
        assertEquals(TimeFormat.YMD_SLASH, vm.field(HistoryField.CLEARED_AT).formatProperty().get());
        vm.zoneProperty().set("Mars/Base");
        vm.check();
        assertEquals(HistoryImportViewModel.Tone.ERROR, vm.toneProperty().get());
        assertTrue(vm.messageProperty().get().contains("不是时区"), vm.messageProperty().get());
    }

    @Test
    void aFileThatIsNoTableAndACommandersCheckAreSaidInTheUsersWords() throws Exception {
        Path empty = Files.createTempFile("history", ".csv");
        Files.writeString(empty, "", StandardCharsets.UTF_8);
        HistoryImportViewModel vm = vm(ADMIN);
        vm.fileProperty().set(empty);
        vm.sourceProperty().set("x");
        vm.load();
        assertFalse(vm.loadedProperty().get());
        assertEquals(i18n.tr("admin.history.file.unreadable", empty.getFileName().toString(),
                i18n.tr("admin.history.file.why.EMPTY")), vm.messageProperty().get());
        Files.delete(empty);

        HistoryImportViewModel duty = vm(DUTY);
        duty.fileProperty().set(SAMPLE);
        duty.sourceProperty().set("旧接处警");
        duty.load();
        duty.check();
        assertEquals(i18n.tr("admin.history.refused"), duty.messageProperty().get());
        assertEquals(0, count("SELECT COUNT(*) FROM incident"));
    }
}
