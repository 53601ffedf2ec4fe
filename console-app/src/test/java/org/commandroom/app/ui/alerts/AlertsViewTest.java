package org.commandroom.app.ui.alerts;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.alert.AlertAudit;
import org.commandroom.core.alert.AlertCenter;
import org.commandroom.core.alert.AlertPolicy;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The alert strip on screen: an urgent call appears loud and apart, the commander acknowledges it, the audit log says
 * who and when; routine calls share one calm counter; this machine's missing sound device is said on the strip.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsViewTest {

    private LiveScreen live;
    private AlertsView view;
    private AlertTone tone;

    @Start
    void start(Stage stage) {
        Fixture fx = Fixture.inMemory();
        live = new LiveScreen(fx, Locale.ROOT);
        // a machine without a sound device, as this one and a wall display without speakers
        tone = new AlertTone(Runnable::run, fx.clock, Duration.ofMillis(1500), f -> {
            throw new IllegalArgumentException("No line matching interface Clip supporting format " + f);
        });
        AlertsViewModel vm = new AlertsViewModel(fx.incidents, live.feed, null,
                new AlertCenter(fx.clock, AlertPolicy.defaults()), new AlertAudit(fx.db.jdbi(), fx.clock, "ws-test"),
                live.ui.tasks(), fx.clock, fx.clock.instant(), tone, "值班长李明");
        view = new AlertsView(vm, live.ui);
        vm.start();
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new VBox(view.root()), 1200, 200);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        live.close();
    }

    private boolean active() {
        return view.root().getPseudoClassStates().contains(AlertsView.ACTIVE);
    }

    @Test
    void theCommanderAcknowledgesAnUrgentCallAndTheAuditLogRecordsIt(FxRobot robot) throws Exception {
        live.awaitFeed();
        assertTrue(onFx(() -> !active()), "nothing to acknowledge: a calm strip");
        assertEquals("没有待确认的提醒", onFx(() -> ((Label) robot.lookup("#alert-count").query()).getText()));
        live.fx.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ZERO, "东大街8号");
        waitUntil(Duration.ofSeconds(2), "the alert is shown", () -> active()
                && robot.lookup(".alert-text").queryAll().stream().map(n -> ((Label) n).getText())
                .anyMatch(t -> t.startsWith("紧急警情") && t.contains("东大街8号")));
        assertEquals("待确认紧急提醒 1 条", onFx(() -> ((Label) robot.lookup("#alert-count").query()).getText()));
        assertEquals(1, tone.played(AlertSound.Level.URGENT), "one loud tone");

        Node ack = robot.lookup(".alert-chip .alert-ack").query();
        robot.clickOn(ack);
        waitUntil(Duration.ofSeconds(1), "the strip is calm again", () -> !active()
                && robot.lookup(".alert-chip").queryAll().isEmpty());

        long deadline = System.nanoTime() + 3_000_000_000L;
        String row = null;
        while (row == null && System.nanoTime() < deadline) {
            row = live.fx.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT actor || '|' || action || '|' || entity FROM audit_log").mapTo(String.class).findOne().orElse(null));
            Thread.sleep(20);
        }
        assertEquals("值班长李明|ALERT_ACK|INCIDENT", row);
    }

    @Test
    void whenAlertsCrowdTheStripItsButtonsKeepTheirWholeText(FxRobot robot) throws Exception {
        live.awaitFeed();
        for (int i = 0; i < 5; i++) {
            live.fx.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ZERO,
                    "玉津镇学府路170号12栋3单元附近的十字路口东北角第" + i + "号门面");
            Thread.sleep(450); // apart enough not to be grouped into one alert
        }
        waitUntil(Duration.ofSeconds(3), "several chips on the strip",
                () -> robot.lookup(".alert-chip").queryAll().size() >= 3);
        java.util.List<javafx.scene.control.Button> buttons = onFx(() -> {
            var list = new java.util.ArrayList<javafx.scene.control.Button>();
            robot.lookup(".alert-ack").queryAll().forEach(n -> list.add((javafx.scene.control.Button) n));
            list.add(robot.lookup("#alert-ack-all").query());
            return list;
        });
        for (var b : buttons) {
            double[] widths = onFx(() -> new double[] {b.getWidth(), b.prefWidth(-1)});
            assertTrue(widths[0] >= widths[1] - 0.5, "button '" + b.getText() + "' squeezed to " + widths[0]
                    + " px of " + widths[1]);
        }
        Label count = robot.lookup("#alert-count").query();
        double[] cw = onFx(() -> new double[] {count.getWidth(), count.prefWidth(-1)});
        assertTrue(cw[0] >= cw[1] - 0.5, "the count keeps its text: " + cw[0] + " of " + cw[1]);
    }

    @Test
    void routineCallsShareOneCalmCounterWhileAnUrgentCallStandsApartUntilAcknowledged(FxRobot robot) throws Exception {
        live.awaitFeed();
        for (int i = 0; i < 3; i++) {
            live.fx.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ZERO, "西巷" + i + "号");
            live.fx.clock.advance(Duration.ofSeconds(30));
        }
        waitUntil(Duration.ofSeconds(3), "three calls in the counter", () -> robot.lookup("#alert-counter-text").queryAll()
                .stream().anyMatch(n -> n.isVisible() && ((Label) n).getText().startsWith("新警情 3 起，最新 J20261123-00003")));
        assertTrue(onFx(() -> view.root().getPseudoClassStates().contains(AlertsView.ROUTINE) && !active()),
                "routine calls alone keep the strip calm");
        assertEquals("没有紧急提醒", onFx(() -> ((Label) robot.lookup("#alert-count").query()).getText()));
        assertTrue(onFx(() -> robot.lookup(".alert-chip").queryAll().isEmpty()), "no chip per routine call");

        live.fx.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ZERO, "东大街8号");
        waitUntil(Duration.ofSeconds(3), "the urgent call apart, red", () -> active()
                && robot.lookup(".alert-chip").queryAll().size() == 1
                && robot.lookup(".alert-chip").query().getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("urgent")));
        assertEquals(1, tone.played(AlertSound.Level.URGENT));
        assertEquals(1, tone.played(AlertSound.Level.ROUTINE), "the soft tone once: the calls came within ten seconds");

        robot.clickOn("#alert-counter-ack");
        waitUntil(Duration.ofSeconds(2), "the counter is gone", () -> !robot.lookup("#alert-counter").query().isVisible());
        assertTrue(onFx(() -> active() && robot.lookup(".alert-chip").queryAll().size() == 1),
                "the urgent call stays until it is acknowledged itself");
        live.fx.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ZERO, "北巷9号");
        waitUntil(Duration.ofSeconds(3), "a new counter after the acknowledgement", () -> robot.lookup("#alert-counter-text")
                .queryAll().stream().anyMatch(n -> n.isVisible() && ((Label) n).getText().startsWith("新警情 J20261123-00005")));
    }

    @Test
    void aMissingSoundDeviceIsShownOnTheStrip(FxRobot robot) throws Exception {
        live.awaitFeed();
        waitUntil(Duration.ofSeconds(3), "the strip says the alerts are visual only", () -> {
            Label l = robot.lookup("#alert-sound").query();
            return l.isVisible() && l.getText().equals("无声音设备：提醒只显示在屏幕上") && l.getWidth() >= l.prefWidth(-1) - 0.5;
        });
    }
}
