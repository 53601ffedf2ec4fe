package org.commandroom.app.ui.cap;

import static org.commandroom.app.ui.common.LiveScreen.cellText;
import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
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
import org.commandroom.core.cap.CapInbox;
import org.commandroom.core.cap.CapReader;
import org.commandroom.core.cap.CapSchema;
import org.commandroom.core.cap.StoredCap;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The warnings panel on screen: a weather alert read from the folder and a refused file named, in Chinese. */
@ExtendWith(ApplicationExtension.class)
class CapAlertsViewTest {

    private static final Path DIR = tempDir();
    private IntakeFixture fx;
    private TableView<StoredCap> table;
    private Label status;

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("cap-view");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        fx = new IntakeFixture(TestDatabases.h2());
        Files.write(DIR.resolve("a.xml"), CapAlertsViewModelTest.warning("W1", 12));
        Files.writeString(DIR.resolve("b.xml"), "<alert/>");
        CapInbox inbox = new CapInbox(fx.db.jdbi(), fx.clock, DIR, new CapReader(CapSchema.load()), AccessGuard.trusted());
        UiContext ui = new UiContext(fx.clock, new Tasks(Runnable::run, Platform::runLater), I18n.load(Locale.ROOT),
                new Ticker(), DisplaySettings.defaults());
        CapAlertsViewModel vm = new CapAlertsViewModel(inbox, true, ui.tasks(), Duration.ofSeconds(60), "值班长");
        CapAlertsView view = new CapAlertsView(vm, ui);
        table = view.table();
        status = (Label) view.root().lookup("#cap-status");
        Theme.installUserAgentStylesheet();
        StackPane pane = new StackPane(view.root());
        CapAlertsView.readWhileShowing(pane, vm, ui);
        Scene scene = new Scene(pane, 900, 400);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    @Test
    void aWeatherAlertIsListedAndARefusedFileIsNamed() {
        waitUntil(Duration.ofSeconds(10), "the folder is read", () -> table.getItems().size() == 1
                && cellText(table, 0, 1) != null);
        assertEquals("较重", onFx(() -> cellText(table, 0, 0)));
        assertEquals("暴雨蓝色预警", onFx(() -> cellText(table, 0, 1)));
        assertEquals("城关县", onFx(() -> cellText(table, 0, 2)));
        assertEquals("11-23 22:00", onFx(() -> cellText(table, 0, 3)));
        String text = onFx(status::getText);
        assertTrue(text.startsWith("上次读取：新增 1 条"), text);
        assertTrue(text.contains("拒收 1 个文件，第一个为 b.xml（不是 CAP 1.2 预警）"), text);
    }
}
