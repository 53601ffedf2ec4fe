package org.commandroom.app.ui.admin.history;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.history.HistoryImportService;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The history page driven as an administrator would, on a real H2: source typed, file chosen (the chooser replaced)
 * and read, the mapping shown, a check that lists the unmapped type, the "other" type chosen, a clean check, import.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryImportViewTest {

    private static final Principal ADMIN = new Principal(1, "zhoumin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);

    private final ExecutorService io = Tasks.newIoExecutor("console-io");
    private Database db;
    private Scene scene;
    private volatile String chooserTitle;

    @Start
    void start(Stage stage) {
        Theme.installUserAgentStylesheet();
        db = TestDatabases.h2();
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO bureau (id, code, name) VALUES (1, 'B1', '测试县局')");
            h.execute("INSERT INTO station (bureau_id, code, name, kind) VALUES (1, 'S1', '城关派出所', 'STATION')");
        });
        Clock clock = Clock.systemUTC();
        HistoryImportService service = new HistoryImportService(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, ADMIN));
        I18n i18n = I18n.load(Locale.ROOT);
        HistoryImportViewModel vm = new HistoryImportViewModel(service, new Tasks(io, io, Platform::runLater), i18n,
                () -> "zhoumin");
        HistoryImportView view = new HistoryImportView(vm, i18n,
                (owner, title) -> {
                    chooserTitle = title;
                    return Optional.of(HistoryImportViewModelTest.SAMPLE);
                });
        scene = new Scene(new javafx.scene.layout.StackPane(view.root()), 1280, 900);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        io.shutdown();
        db.close();
    }

    private String label(String id) {
        return onFx(() -> ((Label) scene.lookup("#" + id)).getText());
    }

    private boolean cellShows(String tableId, String text) {
        TableView<?> table = (TableView<?>) scene.lookup("#" + tableId);
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && !c.isEmpty() && text.equals(c.getText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aFileIsReadCheckedGivenAnOtherTypeAndImported(FxRobot robot) {
        robot.clickOn("#history-source").write("old-cad");
        robot.clickOn("#history-choose");
        waitUntil(Duration.ofSeconds(5), "the file is shown", () -> "old-cad-zh.csv".equals(
                ((Label) scene.lookup("#history-file")).getText()));
        assertEquals("选择文件（最大 64 MB）", chooserTitle, "the chooser says the limit before a file is read");
        waitUntil(Duration.ofSeconds(20), "the chosen file is read without pressing 读取", () -> ((Label) scene.lookup("#history-message"))
                .getText().contains("8 行"));
        waitUntil(Duration.ofSeconds(5), "the mapping is shown", () -> cellShows("history-fields", "报警时间")
                && cellShows("history-fields", "yyyy/M/d H:mm[:ss]") && cellShows("history-types", "其他"));

        robot.clickOn("#history-check");
        waitUntil(Duration.ofSeconds(20), "the check lists the unmapped type", () -> cellShows("history-problems", "其他"));
        assertTrue(label("history-message").contains("1 处问题"), label("history-message"));
        assertTrue(onFx(() -> scene.lookup("#history-import").isDisabled()), "no import after a failed check");

        robot.clickOn("#history-other");
        robot.type(KeyCode.END).type(KeyCode.ENTER);
        assertEquals(IncidentType.NON_POLICE, onFx(() -> ((ComboBox<?>) scene.lookup("#history-other")).getValue()));
        robot.clickOn("#history-check");
        waitUntil(Duration.ofSeconds(20), "checked clean", () -> !scene.lookup("#history-import").isDisabled());
        assertTrue(label("history-message").contains("将导入 8 条"), label("history-message"));

        robot.clickOn("#history-import");
        waitUntil(Duration.ofSeconds(20), "imported", () -> ((Label) scene.lookup("#history-message")).getText()
                .contains("已导入 8 条"));
        waitUntil(Duration.ofSeconds(5), "the progress bar goes once it is done", () -> !scene.lookup("#history-progress")
                .isVisible());
        assertEquals(8L, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incident WHERE "
                + "status = 'CLOSED' AND history_source = 'old-cad'").mapTo(Long.class).one()));
    }
}
