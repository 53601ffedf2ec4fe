package org.commandroom.app.ui.prevention;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.commandroom.app.PreventionModule;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.prevention.HouseInput;
import org.commandroom.core.prevention.HouseKind;
import org.commandroom.core.prevention.HouseRegister;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The 主防 window on H2, as an administrator, on 5 December 2026: a group-renting alert raised from planted readings at
 * 南关街 12号 (its order fed back an hour ago), one incident in 南关社区. The alert is listed with the order it became and
 * its readings; a threshold typed wrong, then out of range, is refused under its field, then saved; the work-hours
 * show the officer's half-hour check with the station's line above it and the rules stated; the risk rule is refused
 * under its field, then saved, and the community turns orange.
 */
@ExtendWith(ApplicationExtension.class)
class PreventionWindowTest {

    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR, Role.DUTY_COMMANDER), "ws-1", false);

    private IntakeFixture fx;
    private PreventionWindowOnStage shown;
    private PreventionWindow window;

    @Start
    void start(Stage stage) {
        TestClock clock = new TestClock(NOW, IntakeFixture.ZONE);
        fx = new IntakeFixture(TestDatabases.h2(), clock, "ws-1", org.commandroom.core.intake.RepeatRule.defaults(), true);
        AccessGuard guard = AccessGuard.of(fx.db.jdbi(), clock, ADMIN);
        OrderService orders = fx.ordersAs(ADMIN);
        new HouseRegister(fx.db.jdbi(), clock, guard).save(new HouseInput("南关街", "12号", HouseKind.RENTED, null, "房东", null, 2,
                List.of(), IntakeFixture.IN_G1, null, null), "周敏");
        PreventionModule module = PreventionModule.prepare(fx.db.jdbi(), clock, orders, guard);
        assertEquals(1, module.alerts().importReadings(groupRented(), "n1.csv", "周敏", false).alerts().size());
        fx.db.jdbi().useHandle(h -> {
            h.createUpdate("UPDATE work_order SET status = 'FED_BACK', fed_back_at = :at").bind("at", NOW.minus(Duration.ofHours(1)))
                    .execute();
            h.createUpdate("INSERT INTO incident (incident_no, received_at, address, lat, lon, category, incident_type, priority, "
                    + "status) VALUES ('J1', :at, '南关街', 29.21, 103.71, 'CRIMINAL', 'THEFT', 2, 'CLOSED')")
                    .bind("at", NOW.minus(Duration.ofDays(3))).execute();
        });
        shown = new PreventionWindowOnStage(stage, clock, module, Locale.ROOT, "周敏");
        window = shown.window;
    }

    @AfterEach
    void close() {
        shown.close();
        fx.db.close();
    }

    /** Monthly readings of meter N1 at 南关街 12号, August to November: 1.2 m³ a day (10 people). */
    private static byte[] groupRented() {
        StringBuilder b = new StringBuilder("表号,地址,门牌号,抄表日期,读数\n");
        double v = 100;
        for (int m = 1; m <= 11; m++) {
            LocalDate d = LocalDate.of(2026, m, 1);
            if (m >= 8) {
                b.append("N1,南关街,12号,").append(d).append(',').append(String.format(Locale.ROOT, "%.1f", v)).append('\n');
            }
            v += 1.2 * d.lengthOfMonth();
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The window as it is, under target/screenshots (and docs/ with -Ddocs.screenshots=true). */
    private void shoot(String file) {
        try {
            org.commandroom.app.ScreenshotOfScene.save(window.stage().getScene(), file);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> List<String> row(TableView<T> table, int index) {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            for (TableColumn<T, ?> c : table.getColumns()) {
                Object v = c.getCellObservableValue(index).getValue();
                out.add(v == null ? "" : v.toString());
            }
            return out;
        });
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> ((Label) robot.lookup(id).query()).getText());
    }

    private static boolean shown(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).query().isVisible());
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.clickOn(id).eraseText(20).write(text);
    }

    @Test
    void theAlertIsListedWithItsOrderAndReadingsAndAThresholdIsRefusedUnderItsFieldThenSaved(FxRobot robot) {
        TableView<?> alerts = robot.lookup("#model-alerts").queryAs(TableView.class);
        waitUntil(Duration.ofSeconds(10), "the alert is listed", () -> alerts.getItems().size() == 1
                && robot.lookup("#rule-GROUP_RENTING-minPersons").tryQuery().isPresent());
        List<String> cells = row(alerts, 0);
        assertEquals("疑似群租", cells.get(1));
        assertEquals("南关街 12号", cells.get(2));
        assertEquals("城关派出所", cells.get(3));
        assertTrue(cells.get(5).matches("\\S+"), "the order's number: " + cells);
        assertEquals("已反馈", cells.get(6));
        robot.clickOn("南关街 12号");
        assertTrue(onFx(() -> robot.lookup("#model-alert-evidence").queryAs(TextArea.class).getText())
                .contains("2026-08-01 354.4\n2026-09-01 391.6"));
        shoot("screenshot-prevention-alerts.png");

        type(robot, "#rule-GROUP_RENTING-minPersons", "八");
        robot.clickOn("#model-rules-save");
        waitUntil(Duration.ofSeconds(5), "the problem under the field", () -> shown(robot, "#rule-GROUP_RENTING-minPersons-error"));
        assertEquals("请输入数字", text(robot, "#rule-GROUP_RENTING-minPersons-error"));
        assertEquals("未保存：请按字段下方的提示修改", text(robot, "#model-rules-message"));

        type(robot, "#rule-GROUP_RENTING-minPersons", "11");
        type(robot, "#rule-GROUP_RENTING-feedbackDays", "61");
        robot.clickOn("#model-rules-save");
        waitUntil(Duration.ofSeconds(5), "core's problem under the field", () -> shown(robot, "#rule-GROUP_RENTING-feedbackDays-error"));
        assertEquals("反馈期限须为 1 至 60 天", text(robot, "#rule-GROUP_RENTING-feedbackDays-error"));
        assertTrue(!shown(robot, "#rule-GROUP_RENTING-minPersons-error"), "the corrected field is clear");

        type(robot, "#rule-GROUP_RENTING-feedbackDays", "3");
        robot.clickOn("#model-rules-save");
        waitUntil(Duration.ofSeconds(5), "saved", () -> text(robot, "#model-rules-message").equals("规则已保存，下一次导入读数起生效"));
        assertEquals(11.0, fx.db.jdbi().withHandle(h -> h.createQuery("SELECT val FROM model_alert_threshold WHERE rule_code = "
                + "'GROUP_RENTING' AND name = 'minPersons'").mapTo(Double.class).one()));

        // an alert raised meanwhile (here: its row written by hand) is listed after F5
        fx.db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO model_alert (rule_code, meter_no, episode_start, house_id, station_id, "
                + "detected_at, deadline, evidence) SELECT 'GONE_SILENT', 'N2', DATE '2026-10-01', house_id, station_id, detected_at, "
                + "deadline, '表号 N2' FROM model_alert").execute());
        robot.clickOn("#model-alerts").type(javafx.scene.input.KeyCode.F5);
        waitUntil(Duration.ofSeconds(5), "two alerts", () -> alerts.getItems().size() == 2);
        assertEquals(List.of("疑似搬离", "（未派指令）", ""), List.of(row(alerts, 0).get(1), row(alerts, 0).get(5), row(alerts, 0).get(6)));
    }

    @Test
    void theWorkHoursShowTheOfficersCheckUnderHisStationWithTheRulesStated(FxRobot robot) {
        robot.clickOn("警务工时");
        TableView<?> table = robot.lookup("#workhours-table").queryAs(TableView.class);
        waitUntil(Duration.ofSeconds(10), "the hours are read", () -> table.getItems().size() == 2);
        assertEquals(List.of("城关派出所", "全所民警合计", "2026-12-05", "0.50", "", "", "0.50", "", "", "0.50"), row(table, 0));
        assertEquals(List.of("城关派出所", "王建国", "2026-12-05", "0.50", "", "", "0.50", "", "", "0.50"), row(table, 1));
        assertTrue(text(robot, "#workhours-rule").contains("核查、走访 30 分钟"));
        shoot("screenshot-prevention-workhours.png");

        robot.clickOn("#workhours-granularity").clickOn("按月");
        waitUntil(Duration.ofSeconds(10), "by month", () -> table.getItems().size() == 2 && row(table, 1).get(2).equals("2026-12"));
    }

    @Test
    void theRiskRuleIsRefusedUnderItsFieldThenSavedAndTheCommunityTurnsOrange(FxRobot robot) {
        robot.clickOn("分色预警");
        TableView<?> table = robot.lookup("#risk-communities").queryAs(TableView.class);
        waitUntil(Duration.ofSeconds(10), "the communities are assessed", () -> table.getItems().size() == 1);
        assertEquals(List.of("南关社区", "1", "0", "0", "0", "0.1", "绿"), row(table, 0));
        assertTrue(text(robot, "#risk-rule-statement").startsWith("分值 = 近 90 天警情数 × 0.1 + 2 星及以下房屋数 × 3"));

        type(robot, "#risk-orangeAt", "1");
        type(robot, "#risk-redAt", "1");
        robot.clickOn("#risk-save");
        waitUntil(Duration.ofSeconds(5), "the problem under red", () -> shown(robot, "#risk-redAt-error"));
        assertEquals("红色起点须大于橙色起点", text(robot, "#risk-redAt-error"));

        type(robot, "#risk-redAt", "5");
        type(robot, "#risk-incidentWeight", "1");
        robot.clickOn("#risk-save");
        waitUntil(Duration.ofSeconds(10), "orange", () -> "橙".equals(row(table, 0).get(6)));
        assertEquals("规则已保存，各社区已按新规则重新着色", text(robot, "#risk-message"));
        assertTrue(text(robot, "#risk-rule-statement").endsWith("达 5 分为红色，达 1 分为橙色，其余为绿色。"));
        shoot("screenshot-prevention-risk.png");
    }
}
