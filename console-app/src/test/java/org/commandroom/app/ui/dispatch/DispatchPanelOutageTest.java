package org.commandroom.app.ui.dispatch;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.commandroom.app.AppServices;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.main.DeskOnStage;
import org.commandroom.app.ui.main.MainWindowView;
import org.commandroom.app.ui.main.MainWindowViewModel;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.app.ui.status.StatusBarViewModel;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeModule;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.SharedDatabase;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The F3 panel across a database outage, in the main window on an H2 server that a child JVM runs and the test
 * stops and starts again: the failed read is said in the panel's own words, and the proposals come back by
 * themselves when the database does, without closing the panel.
 */
@ExtendWith(ApplicationExtension.class)
class DispatchPanelOutageTest extends FxRobot {

    private Stage stage;
    private SharedDatabase shared;
    private LiveScreen live;
    private Scene scene;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.installUserAgentStylesheet();
    }

    @AfterEach
    void close() {
        if (live != null) {
            live.close();
        }
        if (shared != null) {
            shared.close();
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<QueueRow> queue() {
        return (TableView<QueueRow>) scene.lookup("#incident-queue-table");
    }

    private TableView<?> proposals() {
        return (TableView<?>) scene.lookup("#dispatch-proposals");
    }

    private String label(String id) {
        return onFx(() -> ((Label) scene.lookup("#" + id)).getText());
    }

    @Test
    void aFailedProposalReadIsSaidSoAndThePanelRecomputesByItselfWhenTheDatabaseAnswersAgain() throws Exception {
        shared = SharedDatabase.Kind.H2_TCP.create();
        Fixture fx = Fixture.open(shared.settings().jdbcUrl());
        fx.unit("巡逻01", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(20), "张伟");
        live = onFx(() -> new LiveScreen(fx, Locale.ROOT));
        live.awaitFeed();
        OrderService orders = new OrderService(fx.db.jdbi(), fx.clock, DeadlinePolicy.defaults(),
                new Numbering(fx.clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(fx.clock, "test"));
        IntakeModule module = fx.intakeModule(orders);
        AppServices services = new AppServices(fx.db, fx.incidents, fx.units, orders, live.feed, module);
        StatusBarViewModel status = new StatusBarViewModel(fx.clock, "jdbc:h2:tcp", "值班长");
        MainWindowViewModel vm = new MainWindowViewModel(() -> services, live.ui.tasks(), status);
        MainWindowView view = onFx(() -> new MainWindowView(vm, live.ui));
        scene = DeskOnStage.show(stage, view, vm);
        waitUntil(Duration.ofSeconds(10), "the dashboard is up", () -> scene.lookup("#incident-queue-table") != null);
        module.intake().record(CallReport.of(null, "南关路12号", GeoPoint.wgs84(29.212, 103.712), IncidentType.FIGHT,
                null, null), "t");
        waitUntil(Duration.ofSeconds(5), "the call is queued", () -> queue().getItems().size() == 1);
        clickOn("#incident-queue-table");
        onFx(() -> {
            queue().getSelectionModel().select(0);
            return null;
        });

        shared.takeAway();
        type(KeyCode.F3);
        waitUntil(Duration.ofSeconds(20), "the failed read is said in the panel's words",
                () -> "推荐警力读取失败，数据库恢复后自动重新计算".equals(label("dispatch-placeholder")));
        assertEquals("无法读取推荐警力：数据库无响应。数据库恢复后将自动重新计算，也可按 F3 重试", label("dispatch-message"),
                "no driver text");
        assertEquals(0, onFx(() -> proposals().getItems().size()));

        shared.bringBack();
        waitUntil(Duration.ofSeconds(30), "the proposals come back without closing the panel",
                () -> proposals().getItems().size() == 1);
        waitUntil(Duration.ofSeconds(5), "and it says so",
                () -> "数据库已恢复，已重新计算推荐警力".equals(label("dispatch-message")));
        Node confirm = scene.lookup("#dispatch-confirm");
        assertEquals(false, onFx(confirm::isDisabled), "the proposed unit is chosen: Enter sends it");
        assertEquals("紧急警情：预计最快到达的巡逻警力排第一，其后按责任：警格民警、本所警力、就近警力", label("dispatch-ranking"));
    }
}
