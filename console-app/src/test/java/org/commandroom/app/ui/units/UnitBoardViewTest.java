package org.commandroom.app.ui.units;

import static org.commandroom.app.ui.common.LiveScreen.cellText;
import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.rowHas;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class UnitBoardViewTest {

    private static final int CALL_SIGN = 0;
    private static final int STATUS = 1;
    private static final int CREW = 5;
    private static final int AGE = 2;

    private LiveScreen live;
    private TableView<UnitRow> table;
    private long staleUnit;

    @Start
    void start(Stage stage) {
        Fixture fx = Fixture.inMemory();
        fx.unit("巡01", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(12), "张伟", "李强", "赵敏");
        staleUnit = fx.unit("巡02", UnitKind.CAR, UnitStatus.EN_ROUTE, Duration.ofMinutes(5), "王芳", "刘洋");
        fx.unit("步03", UnitKind.FOOT, UnitStatus.BUSY, null, "陈静");
        live = new LiveScreen(fx, Locale.ROOT);
        UnitBoardView view = new UnitBoardView(new UnitBoardViewModel(fx.units, live.feed, live.ui.tasks(), fx.clock,
                live.ui.settings()), live.ui);
        table = view.table();
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new StackPane(view.root()), 800, 400);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void awaitFeed() throws InterruptedException {
        live.awaitFeed();
        waitUntil(Duration.ofSeconds(5), "the board is shown",
                () -> table.getItems().size() == 3 && cellText(table, 2, CALL_SIGN) != null);
    }

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void everyUnitIsShownWithItsCrewStatusAndPositionAge() {
        assertEquals(List.of("步03", "巡01", "巡02"), onFx(() -> List.of(cellText(table, 0, CALL_SIGN),
                cellText(table, 1, CALL_SIGN), cellText(table, 2, CALL_SIGN))));
        assertEquals("张伟、李强、赵敏", onFx(() -> cellText(table, 1, CREW)));
        assertEquals("空闲", onFx(() -> cellText(table, 1, STATUS)));
        assertEquals("出警途中", onFx(() -> cellText(table, 2, STATUS)));
        assertEquals(List.of("无定位", "12秒前", "5分钟前"), onFx(() -> List.of(cellText(table, 0, AGE),
                cellText(table, 1, AGE), cellText(table, 2, AGE))));
    }

    @Test
    void positionsOlderThanTwoMinutesAreFlaggedStale() {
        assertFalse(onFx(() -> rowHas(table, 1, "stale")));
        assertTrue(onFx(() -> rowHas(table, 2, "stale")));
        assertTrue(onFx(() -> rowHas(table, 0, "stale")), "never reported");

        live.fx.clock.advance(Duration.ofMinutes(2));
        waitUntil(Duration.ofMillis(1500), "the fresh unit goes stale as time passes", () -> rowHas(table, 1, "stale"));
    }

    @Test
    void aPositionReportClearsTheStaleFlagWithinOneSecond() {
        live.fx.units.reportPosition(staleUnit, GeoPoint.wgs84(29.215, 103.712), 90.0, live.fx.clock.instant());
        waitUntil(Duration.ofSeconds(1), "the report is shown",
                () -> !rowHas(table, 2, "stale") && "0秒前".equals(cellText(table, 2, AGE)));
    }
}
