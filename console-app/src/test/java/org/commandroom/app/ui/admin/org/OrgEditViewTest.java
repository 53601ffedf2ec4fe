package org.commandroom.app.ui.admin.org;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.org.OrgEditService;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The organisation tab driven as an administrator would, on a real H2 (the county of {@link IntakeFixture}): an
 * officer's phone changed in the form, a grid given its community officer from the list of its station's, a camera
 * taken out of service with a reason typed into the dialog.
 */
@ExtendWith(ApplicationExtension.class)
class OrgEditViewTest extends FxRobot {

    private static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);

    private IntakeFixture fx;
    private ExecutorService io;
    private Node root;

    @Start
    void start(Stage stage) {
        fx = new IntakeFixture(TestDatabases.h2());
        fx.db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO camera (device_id, name, kind, lat, lon, datum, online) "
                + "VALUES ('51112300001320000001', '南关菜市场东口', 'SKYNET', 29.21, 103.71, 'WGS84', TRUE)").execute());
        io = Executors.newSingleThreadExecutor();
        OrgEditService service = new OrgEditService(fx.db.jdbi(), fx.clock, fx.recorder, AccessGuard.of(fx.db.jdbi(), fx.clock, ADMIN));
        OrgEditView view = new OrgEditView(new OrgEditViewModel(() -> service, new Tasks(io, Platform::runLater),
                I18n.load(Locale.ROOT), "admin"), I18n.load(Locale.ROOT));
        root = view.root();
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene((javafx.scene.Parent) root, 1200, 700);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        io.shutdownNow();
        fx.db.close();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return (TableView<T>) root.lookup("#" + id);
    }

    private String message() {
        return onFx(() -> ((Label) root.lookup("#admin-org-message")).getText());
    }

    @Test
    void anOfficersPhoneIsChangedInTheForm() {
        TableView<OrgEditService.OfficerRow> officers = table("admin-org-officers");
        waitUntil(Duration.ofSeconds(5), "the officers are listed", () -> officers.getItems().size() == 2);
        clickOn("王建国");
        waitUntil(Duration.ofSeconds(3), "the form shows him",
                () -> "城关派出所 (S1)".equals(((ComboBox<?>) root.lookup("#admin-org-officer-station")).getConverter()
                        .toString(cast(((ComboBox<?>) root.lookup("#admin-org-officer-station")).getValue()))));
        doubleClickOn("#admin-org-officer-phone").eraseText(20).write("13990610004");
        type(KeyCode.ENTER); // the save button is the page's default button
        waitUntil(Duration.ofSeconds(5), "saved", () -> message().equals("已保存：P100 王建国，城关派出所"));
        assertEquals("13990610004", fx.db.jdbi().withHandle(h -> h.createQuery("SELECT phone FROM officer WHERE badge_no = 'P100'")
                .mapTo(String.class).one()));
        waitUntil(Duration.ofSeconds(3), "the list shows the new phone",
                () -> officers.getItems().stream().anyMatch(o -> "13990610004".equals(o.phone())));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    @Test
    void aGridIsGivenACommunityOfficerOfItsStation() {
        clickOn("#admin-org-tab-grids");
        TableView<OrgEditService.GridRow> grids = table("admin-org-grids");
        waitUntil(Duration.ofSeconds(5), "the grids are listed", () -> grids.getItems().size() == 3);
        clickOn("北关一格");
        ComboBox<OrgEditService.OfficerRow> officer = cast(root.lookup("#admin-org-grid-officer"));
        waitUntil(Duration.ofSeconds(3), "its station's community officers are offered", () -> officer.getItems().size() == 1);
        clickOn(officer);
        // the popup's entry, not the grid table's cell of 南关一格, which reads the same
        clickOn((Node) lookup(".list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("王建国 P100")).query());
        clickOn("#admin-org-grid-save");
        waitUntil(Duration.ofSeconds(5), "saved", () -> message().equals("已保存：北关一格 的社区民警为 王建国"));
        waitUntil(Duration.ofSeconds(3), "the table says so", () -> grids.getItems().stream()
                .anyMatch(g -> g.code().equals("G2") && "P100".equals(g.officerBadge())));
    }

    @Test
    void aUnitIsRetiredOnlyOnceTheQuestionIsAnsweredYes() {
        fx.unit("城关01", org.commandroom.core.unit.UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
        clickOn("#admin-org-tab-units");
        TableView<OrgEditService.UnitRow> units = table("admin-org-units");
        interact(() -> ((javafx.scene.control.TextField) root.lookup("#admin-org-unit-search")).setText(""));
        clickOn("#admin-org-unit-search");
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(5), "the unit is listed", () -> units.getItems().size() == 1);
        clickOn("城关01");
        clickOn("#admin-org-unit-retire");
        waitUntil(Duration.ofSeconds(3), "the question is asked", () -> lookup("#admin-org-retire-confirm").tryQuery().isPresent());
        type(KeyCode.ENTER); // the safe answer is the default: Enter cancels
        waitUntil(Duration.ofSeconds(3), "the question is gone", () -> lookup("#admin-org-retire-confirm").tryQuery().isEmpty());
        assertFalse(retired("城关01"), "nothing retired without a yes");

        clickOn("#admin-org-unit-retire");
        waitUntil(Duration.ofSeconds(3), "asked again", () -> lookup("#admin-org-retire-yes").tryQuery().isPresent());
        clickOn("#admin-org-retire-yes");
        waitUntil(Duration.ofSeconds(5), "retired", () -> message().equals("已停用：城关01"));
        assertTrue(retired("城关01"));
        assertEquals(1L, (long) fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'UNIT_RETIRE'").mapTo(Long.class).one()));
        waitUntil(Duration.ofSeconds(3), "the table and buttons say so", () -> units.getItems().get(0).retired()
                && root.lookup("#admin-org-unit-retire").isDisabled() && !root.lookup("#admin-org-unit-reactivate").isDisabled());
        clickOn("#admin-org-unit-reactivate");
        waitUntil(Duration.ofSeconds(5), "back in service without a question", () -> !retired("城关01"));
    }

    private boolean retired(String callSign) {
        return fx.db.jdbi().withHandle(h -> h.createQuery("SELECT retired_at IS NOT NULL FROM patrol_unit WHERE call_sign = :c")
                .bind("c", callSign).mapTo(Boolean.class).one());
    }

    @Test
    void aCameraIsTakenOutOfServiceWithAReason() {
        clickOn("#admin-org-tab-cameras");
        TableView<OrgEditService.CameraRow> cameras = table("admin-org-cameras");
        waitUntil(Duration.ofSeconds(5), "the camera is listed", () -> cameras.getItems().size() == 1);
        assertEquals(Boolean.TRUE, onFx(() -> (Boolean) root.lookup("#admin-org-camera-out").isDisabled()), "nothing selected yet");
        clickOn("南关菜市场东口");
        clickOn("#admin-org-camera-out");
        waitUntil(Duration.ofSeconds(3), "the reason is asked", () -> lookup("#admin-org-camera-reason").tryQuery().isPresent());
        clickOn("#admin-org-camera-reason").write("镜头被树枝遮挡");
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(5), "saved", () -> message().equals("已停用：南关菜市场东口"));
        boolean online = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT online FROM camera").mapTo(Boolean.class).one());
        assertFalse(online);
        waitUntil(Duration.ofSeconds(3), "it can be put back now", () -> !root.lookup("#admin-org-camera-in").isDisabled()
                && root.lookup("#admin-org-camera-out").isDisabled());
        assertEquals("镜头被树枝遮挡", fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT detail FROM audit_log WHERE action = 'CAMERA_OUT_OF_SERVICE'").mapTo(String.class).one())
                .replace("51112300001320000001: ", ""));
    }
}
