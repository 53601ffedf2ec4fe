package org.commandroom.app.ui.cap;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.cap.CapAlert;
import org.commandroom.core.cap.CapInbox;
import org.commandroom.core.cap.CapReader;
import org.commandroom.core.cap.CapSchema;
import org.commandroom.core.cap.CapService;
import org.commandroom.core.cap.StoredCap;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issuing a fraud warning for a community from the desk: a missing headline is said in the form, then it is issued. */
@ExtendWith(ApplicationExtension.class)
class WarningIssueViewTest {

    private Path out;
    private IntakeFixture fx;
    private CapService service;
    private CapAlertsViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        out = Files.createTempDirectory("cap-out");
        fx = new IntakeFixture(TestDatabases.h2());
        Principal commander = new Principal(5, "zhang", "张值班长", Set.of(Role.DUTY_COMMANDER), "desk-1", false);
        AccessGuard guard = AccessGuard.of(fx.db.jdbi(), fx.clock, commander);
        CapReader reader = new CapReader(CapSchema.load());
        service = new CapService(fx.db.jdbi(), fx.clock, new CapService.Settings("command@test.local",
                "test.local", CapAlert.Status.Actual, out, IntakeFixture.ZONE), guard, reader);
        UiContext ui = new UiContext(fx.clock, new Tasks(Runnable::run, Platform::runLater), I18n.load(Locale.ROOT),
                new Ticker(), DisplaySettings.defaults());
        vm = new CapAlertsViewModel(new CapInbox(fx.db.jdbi(), fx.clock, out.resolve("in"), reader,
                guard), true, ui.tasks(), Duration.ofSeconds(60), "张值班长", service);
        CapAlertsView view = new CapAlertsView(vm, ui);
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new StackPane(view.root()), 900, 500);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    @Test
    void inASmallPaneTheCountIsWholeAndBothListsKeepTheirRoom(FxRobot robot) {
        // The panel is made small inside its scene: the stage is TestFX's one primary stage, shared by every later test
        // class, and resizing it broke a dozen tests that ran after this one in CI.
        javafx.scene.layout.Region panel = robot.lookup("#cap-alerts").queryAs(javafx.scene.layout.Region.class);
        onFx(() -> {
            panel.setMaxSize(300, 360);
            return null;
        });
        waitUntil(Duration.ofSeconds(5), "the pane is small", () -> onFx(() -> panel.getWidth() <= 300
                && panel.getHeight() <= 360));
        // The desk's tab is about this short: our own list was squeezed to its header with its empty line over it.
        waitUntil(Duration.ofSeconds(5), "both lists keep a header and a row's room", () -> onFx(() ->
                robot.lookup("#cap-table").query().getLayoutBounds().getHeight() >= 95.5
                && robot.lookup("#cap-ours").query().getLayoutBounds().getHeight() >= 95.5));
        Label count = onFx(() -> (Label) robot.lookup(".panel-count").query());
        javafx.scene.Node issue = robot.lookup("#cap-issue").query();
        waitUntil(Duration.ofSeconds(5), "laid out", () -> count.getWidth() > 0);
        onFx(() -> {
            javafx.geometry.Bounds c = count.localToScene(count.getLayoutBounds());
            javafx.geometry.Bounds b = issue.localToScene(issue.getLayoutBounds());
            assertTrue(c.getMaxX() <= b.getMinX(), "the count ends before the button: " + c + " / " + b);
            assertTrue(count.getWidth() + 0.5 >= count.prefWidth(-1), "the count shown whole: " + count.getText());
            return null;
        });
    }

    @Test
    void aFraudWarningForACommunityIsIssuedFromTheDialog(FxRobot robot) {
        robot.clickOn("#cap-issue");
        waitUntil(Duration.ofSeconds(5), "the form opens with the areas", () -> robot.lookup("#warning-form-area")
                .tryQuery().map(n -> !((ComboBox<?>) n).getItems().isEmpty()).orElse(false));
        // Every label of the form shown whole (the fields had squeezed them to "标...").
        java.util.List<String> cut = onFx(() -> robot.lookup("#warning-form-area").query().getParent()
                .getChildrenUnmodifiable().stream().filter(n -> n instanceof Label).map(n -> (Label) n)
                .filter(l -> l.getWidth() + 0.5 < l.prefWidth(-1)).map(Label::getText).toList());
        assertEquals(java.util.List.of(), cut, "labels cut short");
        robot.clickOn("#warning-form-issue");
        waitUntil(Duration.ofSeconds(5), "no area is said", () -> "请选择预警区域".equals(text(robot, "warning-form-error")));
        waitUntil(Duration.ofSeconds(5), "the buttons stay inside the window under the refusal", () -> {
            javafx.scene.Node button = robot.lookup("#warning-form-issue").query();
            return button.localToScene(button.getLayoutBounds()).getMaxY() <= button.getScene().getHeight() + 0.5;
        });
        @SuppressWarnings("unchecked")
        ComboBox<CapService.AreaChoice> area = robot.lookup("#warning-form-area").queryAs(ComboBox.class);
        assertEquals("社区 · 南关社区（C1）", onFx(() -> area.getConverter().toString(area.getItems().get(3))));
        onFx(() -> {
            area.getSelectionModel().select(3);
            return null;
        });
        robot.clickOn("#warning-form-headline-zh").write("南关社区冒充客服诈骗多发");
        robot.clickOn("#warning-form-issue");
        waitUntil(Duration.ofSeconds(5), "a missing English headline is said",
                () -> "中文和英文标题都要填写".equals(text(robot, "warning-form-error")));
        robot.clickOn("#warning-form-headline-en").write("Fake customer-service calls in Nanguan");
        robot.clickOn("#warning-form-issue");
        waitUntil(Duration.ofSeconds(10), "the warning is issued and said on the panel",
                () -> text(robot, "cap-issued").startsWith("已发布预警 test.local-CAP-20261123-0001"));
        assertTrue(Files.exists(out.resolve("test.local-CAP-20261123-0001.xml")));
        assertEquals(1, fx.count("cap_alert"));
        assertEquals("南关社区", fx.db.jdbi().withHandle(h -> h.createQuery("SELECT area_desc FROM cap_alert")
                .mapTo(String.class).one()));
        assertTrue(robot.lookup("#warning-form").tryQuery().map(n -> !n.getScene().getWindow().isShowing()).orElse(true),
                "the dialog closed");

        // Ours in force lists it; cancelling it asks why in both languages and writes the cancel.
        @SuppressWarnings("unchecked")
        TableView<StoredCap> ours = robot.lookup("#cap-ours").queryAs(TableView.class);
        waitUntil(Duration.ofSeconds(5), "ours lists the warning", () -> ours.getItems().size() == 1);
        onFx(() -> {
            ours.getSelectionModel().select(0);
            return null;
        });
        robot.clickOn("#cap-cancel");
        waitUntil(Duration.ofSeconds(5), "the cancel dialog opens", () -> robot.lookup("#cap-cancel-zh").tryQuery().isPresent());
        assertTrue(onFx(() -> robot.lookup("#cap-cancel-confirm").query().isDisabled()), "reasons are needed first");
        robot.clickOn("#cap-cancel-zh").write("已查明，解除预警");
        robot.clickOn("#cap-cancel-en").write("Resolved");
        robot.clickOn("#cap-cancel-confirm");
        waitUntil(Duration.ofSeconds(10), "the cancel is said and the list emptied",
                () -> text(robot, "cap-issued").startsWith("已撤销，撤销消息 test.local-CAP-20261123-0002") && ours.getItems().isEmpty());
        assertEquals("Cancel", fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT msg_type FROM cap_alert WHERE identifier = 'test.local-CAP-20261123-0002'").mapTo(String.class).one()));
        assertTrue(Files.exists(out.resolve("test.local-CAP-20261123-0002.xml")));
    }

    @Test
    void aWarningInForceIsUpdatedFromTheDeskWithItsContentAndAreaKeptAndTheListShowsTheNewOne(FxRobot robot) {
        long community = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM community WHERE code = 'C1'")
                .mapTo(Long.class).one());
        CapService.Issued first = service.issue(new CapService.Warning(org.commandroom.core.cap.WarningKind.MISSING_CHILD,
                new org.commandroom.core.cap.WarningArea.OfLayer(org.commandroom.core.cap.WarningArea.Layer.COMMUNITY,
                        community), new CapService.Texts("7岁男孩走失", "身穿红色上衣。", "见到请拨打110。"),
                new CapService.Texts("Boy, 7, missing", "Red top.", "Call 110."), null), "张值班长");
        fx.clock.advance(Duration.ofMinutes(20));
        @SuppressWarnings("unchecked")
        TableView<StoredCap> ours = robot.lookup("#cap-ours").queryAs(TableView.class);
        onFx(() -> {
            vm.refresh();
            return null;
        });
        waitUntil(Duration.ofSeconds(5), "ours lists the warning", () -> ours.getItems().size() == 1);
        assertTrue(onFx(() -> robot.lookup("#cap-update").query().isDisabled()), "nothing chosen: nothing to update");
        onFx(() -> {
            ours.getSelectionModel().select(0);
            return null;
        });
        robot.clickOn("#cap-update");
        waitUntil(Duration.ofSeconds(5), "the form opens filled", () -> robot.lookup("#warning-form-headline-zh")
                .tryQuery().isPresent());
        javafx.scene.control.TextField zh = robot.lookup("#warning-form-headline-zh").queryAs(javafx.scene.control.TextField.class);
        assertEquals("7岁男孩走失", onFx(zh::getText));
        assertEquals("Boy, 7, missing", onFx(() -> robot.lookup("#warning-form-headline-en")
                .queryAs(javafx.scene.control.TextField.class).getText()));
        assertEquals("身穿红色上衣。", onFx(() -> robot.lookup("#warning-form-description-zh")
                .queryAs(javafx.scene.control.TextArea.class).getText()));
        assertEquals("Call 110.", onFx(() -> robot.lookup("#warning-form-instruction-en")
                .queryAs(javafx.scene.control.TextField.class).getText()));
        assertEquals(org.commandroom.core.cap.WarningKind.MISSING_CHILD, onFx(() -> robot.lookup("#warning-form-kind")
                .queryAs(javafx.scene.control.ChoiceBox.class).getValue()));
        assertEquals("沿用原区域：南关社区", text(robot, "warning-form-area-words"));
        assertEquals("发布更新", onFx(() -> robot.lookup("#warning-form-issue")
                .queryAs(javafx.scene.control.Button.class).getText()));
        onFx(() -> {
            zh.setText("7岁男孩走失，最后出现在南关菜市场");
            return null;
        });
        robot.clickOn("#warning-form-issue");
        waitUntil(Duration.ofSeconds(10), "the update is said", () -> text(robot, "cap-issued").equals(
                "已发布更新 test.local-CAP-20261123-0002（替代 test.local-CAP-20261123-0001），文件已写入发布文件夹。"));
        waitUntil(Duration.ofSeconds(5), "the list shows the newer one only", () -> onFx(() -> ours.getItems().size() == 1
                && ours.getItems().get(0).identifier().equals("test.local-CAP-20261123-0002")));
        StoredCap update = onFx(() -> ours.getItems().get(0));
        assertEquals(CapAlert.MsgType.Update, update.msgType());
        assertEquals(first.stored().id(), update.refersTo());
        assertEquals("7岁男孩走失，最后出现在南关菜市场", update.headline());
        assertEquals("南关社区", update.areaDesc());
        CapAlert alert = update.alert(new CapReader(CapSchema.load()));
        assertEquals(java.util.List.of(CapAlert.Reference.to(first.alert())), alert.references());
        assertTrue(update.document().contains("<msgType>Update</msgType>"), update.document());
        assertTrue(update.document().contains("<references>command@test.local,test.local-CAP-20261123-0001,2026-11-23T10:00:00+08:00</references>"),
                update.document());
        assertEquals(first.alert().infos().get(0).areas(), alert.infos().get(0).areas(), "the area kept");
        assertEquals(1L, (long) fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'CAP_UPDATE'").mapTo(Long.class).one()));
        assertTrue(Files.exists(out.resolve("test.local-CAP-20261123-0002.xml")));
    }

    @Test
    void theFormsDrawOnTheMapChoiceClosesItAndSaysHow(FxRobot robot) {
        robot.clickOn("#cap-issue");
        waitUntil(Duration.ofSeconds(5), "the form opens", () -> robot.lookup("#warning-form-draw").tryQuery().isPresent());
        robot.clickOn("#warning-form-draw");
        waitUntil(Duration.ofSeconds(5), "it says how", () -> text(robot, "cap-issued").startsWith(
                "在地图上按住 Shift 拖动圈出圆形区域"));
        assertTrue(robot.lookup("#warning-form").tryQuery().map(n -> !n.getScene().getWindow().isShowing()).orElse(true),
                "the dialog closed");
    }
}
