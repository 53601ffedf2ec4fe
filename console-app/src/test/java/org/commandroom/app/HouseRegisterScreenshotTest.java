package org.commandroom.app;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.prevention.HouseRegisterOnStage;
import org.commandroom.app.ui.prevention.HouseRegisterWindow;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.prevention.HouseInput;
import org.commandroom.core.prevention.HouseKind;
import org.commandroom.core.prevention.HouseRegister;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * docs/screenshot-houses.png (with {@code -Ddocs.screenshots=true}): the register window on a few houses of the intake
 * county a month into their cycles, one inspection fed back with findings and selected, one overdue.
 */
@ExtendWith(ApplicationExtension.class)
class HouseRegisterScreenshotTest extends FxRobot {

    private static final Principal DESK = new Principal(3, "zhou", "周敏", Set.of(Role.ADMINISTRATOR, Role.DUTY_COMMANDER),
            "ws-1", false);
    private Database db;
    private Scene scene;

    @Start
    void start(Stage stage) {
        db = TestDatabases.h2();
        TestClock clock = new TestClock(Instant.parse("2027-01-31T02:00:00Z"), IntakeFixture.ZONE);
        IntakeFixture county = new IntakeFixture(db, clock, "ws-1", org.commandroom.core.intake.RepeatRule.defaults(), true);
        HouseRegister register = new HouseRegister(db.jdbi(), clock, AccessGuard.trusted());
        register.save(new HouseInput("南关街", "12号", HouseKind.RENTED, null, "张德明", "13908331200", 4, List.of(),
                IntakeFixture.IN_G1, null, null), "周敏");
        register.save(new HouseInput("南关街", "15号2单元301", HouseKind.GROUP_RENTED, null, "李秀英", null, 11,
                List.of("UNREGISTERED"), GeoPoint.wgs84(29.212, 103.712), null, null), "周敏");
        register.save(new HouseInput("北关路", "3号", HouseKind.CONSTRUCTION_SITE, "北关安置房二期工地", "刘建平", null, 40,
                List.of("NO_AGREEMENT"), IntakeFixture.IN_G2, null, null), "周敏");
        register.save(new HouseInput("环城北路", "8号", HouseKind.SELF_OCCUPIED, null, "陈玉兰", null, 3, List.of(),
                GeoPoint.wgs84(29.205, 103.705), null, null), "周敏");
        OrderService orders = county.ordersAs(DESK);
        HouseRegisterModule module = HouseRegisterModule.of(db, clock, orders, DESK);
        clock.advance(Duration.between(clock.instant(), Instant.parse("2027-02-14T01:00:00Z")));
        var sent = module.generator().run().sent();
        orders.sign(sent.get(0).orderId(), "周敏");
        module.generator().feedback(sent.get(0).orderId(), 2, "楼道堆放杂物、电动车在楼道内充电，已当场督促整改", "周敏");
        clock.advance(Duration.between(clock.instant(), Instant.parse("2027-02-28T02:00:00Z")));
        module.generator().run();
        UiContext ui = new UiContext(clock, new Tasks(Runnable::run, Platform::runLater), I18n.load(Locale.ROOT), new Ticker(),
                DisplaySettings.defaults());
        HouseRegisterWindow window = new HouseRegisterWindow(module, ui, "周敏", h -> { });
        scene = HouseRegisterOnStage.show(stage, window);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theRegisterWithAHouseFindingsIsPictured() throws Exception {
        @SuppressWarnings("unchecked")
        TableView<org.commandroom.core.prevention.InspectionBoard.RegisterRow> houses =
                (TableView<org.commandroom.core.prevention.InspectionBoard.RegisterRow>) scene.lookup("#houses-table");
        waitUntil(Duration.ofSeconds(10), "the register is read", () -> houses.getItems().size() == 4);
        onFx(() -> {
            houses.getItems().stream().filter(r -> r.house().kind() == HouseKind.GROUP_RENTED).findFirst()
                    .ifPresent(r -> houses.getSelectionModel().select(r));
            return null;
        });
        TableView<?> findings = (TableView<?>) scene.lookup("#house-findings");
        waitUntil(Duration.ofSeconds(10), "its findings are shown", () -> !findings.getItems().isEmpty());
        Path shot = ScreenshotOfScene.save(scene, "screenshot-houses.png");
        assertTrue(Files.size(shot) > 10_000, "a picture of the window");
    }
}
