package org.commandroom.app.ui.prevention;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.commandroom.app.PreventionModule;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The 主防 window's alert list filtered by station, model and late only, and exported as it is shown; the work-hours
 * table exported; a file that cannot be written said in words. On H2, a duty commander, 5 December 2026, four alerts
 * planted at two stations: 城关派出所 a group-renting alert open past its deadline (its house typed as a formula) and a
 * sudden-occupancy one not yet due; 东城派出所 a group-renting alert open past its deadline and a gone-silent one fed
 * back a day late.
 */
@ExtendWith(ApplicationExtension.class)
class PreventionExportTest {

    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);

    @TempDir
    Path dir;

    private IntakeFixture fx;
    private PreventionWindowOnStage shown;
    private PreventionWindow window;
    private int seq;

    @Start
    void start(Stage stage) {
        TestClock clock = new TestClock(NOW, IntakeFixture.ZONE);
        fx = new IntakeFixture(TestDatabases.h2(), clock, "ws-1", org.commandroom.core.intake.RepeatRule.defaults(), true);
        fx.db.jdbi().useTransaction(h -> {
            alert(h, fx.s1, "=南关街", "GROUP_RENTING", NOW.minus(Duration.ofDays(1)), null, fx.officerWang);
            alert(h, fx.s1, "北关街", "SUDDEN_OCCUPANCY", NOW.plus(Duration.ofDays(2)), null, fx.officerWang);
            alert(h, fx.s2, "东城路", "GROUP_RENTING", NOW.minus(Duration.ofDays(2)), null, fx.officerLi);
            alert(h, fx.s2, "东城路", "GONE_SILENT", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)), fx.officerLi);
        });
        PreventionModule module = PreventionModule.prepare(fx.db.jdbi(), clock, fx.ordersAs(DUTY), AccessGuard.of(fx.db.jdbi(), clock, DUTY));
        shown = new PreventionWindowOnStage(stage, clock, module, Locale.ROOT, "李明");
        window = shown.window;
    }

    @AfterEach
    void close() {
        shown.close();
        fx.db.close();
    }

    /** An alert of {@code rule} at a house of {@code station}, its order to {@code officer}, fed back or open. */
    private void alert(Handle h, long station, String address, String rule, Instant deadline, Instant fedBack, long officer) {
        String no = (++seq) + "号";
        long house = h.createUpdate("INSERT INTO house (address, house_no, natural_key, kind, star_score, stars, station_id, "
                        + "anchor_date, registered_on, updated_at) VALUES (:a, :no, :k, 'RENTED', 80, 4, :st, :d, :d, :at)")
                .bind("a", address).bind("no", no).bind("k", address + "|" + no).bind("st", station)
                .bind("d", LocalDate.of(2026, 1, 1)).bind("at", NOW).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        long order = h.createUpdate("INSERT INTO work_order (order_no, kind, station_id, assignee_officer_id, summary, status, "
                        + "created_at, issued_at, fed_back_at) VALUES (:no, 'HOUSE_INSPECTION', :s, :o, '模型预警', :st, :c, :c, :fb)")
                .bind("no", "MX-" + seq).bind("s", station).bind("o", officer).bind("st", fedBack == null ? "ISSUED" : "FED_BACK")
                .bind("c", NOW.minus(Duration.ofDays(6))).bind("fb", fedBack)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("INSERT INTO model_alert (rule_code, meter_no, episode_start, house_id, station_id, order_id, detected_at, "
                        + "deadline, evidence) VALUES (:r, :m, :d, :h, :s, :o, :at, :dl, '表号')")
                .bind("r", rule).bind("m", "SW" + seq).bind("d", LocalDate.of(2026, 8, 1)).bind("h", house).bind("s", station)
                .bind("o", order).bind("at", NOW.minus(Duration.ofDays(6)).plusSeconds(seq)).bind("dl", deadline).execute();
    }

    private static <T> List<String> cells(TableView<T> table, int index) {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            for (TableColumn<T, ?> c : table.getColumns()) {
                Object v = c.getCellObservableValue(index).getValue();
                out.add(v == null ? "" : v.toString());
            }
            return out;
        });
    }

    private static List<String> houses(TableView<?> table) {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < table.getItems().size(); i++) {
                out.add(String.valueOf(table.getColumns().get(2).getCellObservableValue(i).getValue()));
            }
            return out;
        });
    }

    /** The file's lines after its BOM, which it must have. */
    private static List<String> lines(Path f) throws Exception {
        byte[] b = Files.readAllBytes(f);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(b[0], b[1], b[2]), "UTF-8 with a BOM");
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"));
        return List.of(text.split("\r\n"));
    }

    /** Picks the item the combo box shows as {@code shown} (the table's cells hold the same words, so not by a click). */
    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String id, String shown) {
        onFx(() -> {
            javafx.scene.control.ComboBox<String> box = robot.lookup(id).queryAs(javafx.scene.control.ComboBox.class);
            String item = box.getItems().stream().filter(i -> box.getConverter().toString(i).equals(shown)).findFirst()
                    .orElseThrow(() -> new AssertionError(shown + " not offered by " + id + ": " + box.getItems()));
            box.getSelectionModel().select(item);
            return null;
        });
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> ((Label) robot.lookup(id).query()).getText());
    }

    @Test
    void theAlertsAreFilteredByStationModelAndLatenessAndExportedAsShown(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#model-alerts").queryAs(TableView.class);
        waitUntil(Duration.ofSeconds(10), "the alerts are read", () -> table.getItems().size() == 4);
        assertEquals("显示 4 条，共 4 条", text(robot, "#model-alerts-count"));

        choose(robot, "#model-alerts-station", "城关派出所");
        waitUntil(Duration.ofSeconds(5), "one station's", () -> houses(table).equals(List.of("北关街 2号", "=南关街 1号")));
        choose(robot, "#model-alerts-rule", "疑似群租");
        waitUntil(Duration.ofSeconds(5), "and one model's", () -> houses(table).equals(List.of("=南关街 1号")));
        choose(robot, "#model-alerts-station", "全部单位");
        waitUntil(Duration.ofSeconds(5), "every station's group renting", () -> houses(table).equals(List.of("东城路 3号", "=南关街 1号")));
        choose(robot, "#model-alerts-rule", "全部模型");
        robot.clickOn("#model-alerts-late-only");
        waitUntil(Duration.ofSeconds(5), "the late ones: open past the deadline or fed back after it",
                () -> houses(table).equals(List.of("东城路 4号", "东城路 3号", "=南关街 1号")));
        assertEquals("显示 3 条，共 4 条", text(robot, "#model-alerts-count"));
        List<String> first = cells(table, 0);

        Path f = dir.resolve("alerts.csv");
        List<String> proposed = new ArrayList<>();
        onFx(() -> {
            window.alertsView().export().setSaveDialog((owner, name) -> {
                proposed.add(name);
                return f;
            });
            return null;
        });
        robot.clickOn("#model-alerts-export");
        waitUntil(Duration.ofSeconds(10), "exported", () -> text(robot, "#model-alerts-export-status").startsWith("已导出 3 行到"));
        assertEquals(List.of("模型预警-20261205-1000.csv"), proposed, "a name with the time proposed");
        List<String> lines = lines(f);
        assertEquals(4, lines.size());
        assertEquals("预警时间,模型,房屋,派出所,表号,指令,指令状态,反馈期限", lines.get(0));
        assertEquals(String.join(",", first), lines.get(1));
        assertTrue(lines.get(3).contains(",'=南关街 1号,城关派出所,"), "a house typed as a formula is defused: " + lines.get(3));
    }

    @Test
    void theWorkHoursTableIsExportedAndAFileThatCannotBeWrittenIsSaidInWords(FxRobot robot) throws Exception {
        fx.db.jdbi().useHandle(h -> h.execute("UPDATE work_order SET fed_back_at = ?, status = 'FED_BACK' WHERE order_no = 'MX-1'",
                NOW.minus(Duration.ofHours(2))));
        robot.clickOn("警务工时");
        robot.clickOn("#workhours-show");
        TableView<?> table = robot.lookup("#workhours-table").queryAs(TableView.class);
        waitUntil(Duration.ofSeconds(10), "the hours are read", () -> table.getItems().size() >= 2);
        int rows = onFx(() -> table.getItems().size());

        Path f = dir.resolve("hours.csv");
        onFx(() -> {
            window.hoursView().export().setSaveDialog((owner, name) -> f);
            return null;
        });
        robot.clickOn("#workhours-export");
        waitUntil(Duration.ofSeconds(10), "exported", () -> text(robot, "#workhours-export-status").startsWith("已导出 " + rows + " 行到"));
        List<String> lines = lines(f);
        assertEquals(rows + 1, lines.size());
        assertTrue(lines.get(0).startsWith("派出所,"), lines.get(0));
        for (int i = 0; i < rows; i++) {
            assertEquals(String.join(",", cells(table, i)), lines.get(i + 1));
        }

        Path nowhere = dir.resolve("no-such-folder").resolve("hours.csv");
        onFx(() -> {
            window.hoursView().export().setSaveDialog((owner, name) -> nowhere);
            return null;
        });
        robot.clickOn("#workhours-export");
        waitUntil(Duration.ofSeconds(10), "the failure said", () -> text(robot, "#workhours-export-status").startsWith("无法写入"));
        String said = text(robot, "#workhours-export-status");
        assertTrue(said.contains(nowhere.toString()) && !said.contains("Exception"), said);
        assertFalse(Files.exists(nowhere));
    }
}
