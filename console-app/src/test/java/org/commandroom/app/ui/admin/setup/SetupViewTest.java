package org.commandroom.app.ui.admin.setup;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.app.ui.map.ImportChoice;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.org.OrgImportService;
import org.commandroom.core.org.SetupProgress;
import org.commandroom.core.prevention.HouseImportService;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The set-up tab driven as an administrator would, on a real H2 from empty, with the sample bureau of assets/samples:
 * the checklist counted, the organisation template written, a file with a wrong cell checked (the cell in the problem
 * table, nothing written, no import offered), the sample checked clean and imported with Enter (the checklist moves
 * on), then the district's streets through the geo import window opened from the geography step. The folder and file
 * choosers are replaced (native ones cannot be driven headless).
 */
@ExtendWith(ApplicationExtension.class)
class SetupViewTest {

    private static final Principal ADMIN = new Principal(1, "zhoumin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);

    private final ExecutorService io = Tasks.newIoExecutor("console-io");
    private final ExecutorService jobs = Tasks.newIoExecutor("console-jobs");
    private final Deque<Path> files = new ArrayDeque<>();
    private Database db;
    private SetupView view;
    private Scene scene;
    private Path templates;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws IOException {
        Theme.installUserAgentStylesheet();
        templates = Files.createTempDirectory("setup-templates");
        db = TestDatabases.h2();
        Clock clock = Clock.systemUTC();
        AccessGuard guard = AccessGuard.of(db.jdbi(), clock, ADMIN);
        ChangeRecorder changes = new ChangeRecorder(clock, "ws-1");
        GeoImportService geo = new GeoImportService(db.jdbi(), changes, clock,
                GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA), guard);
        Tasks tasks = new Tasks(io, io, jobs, Platform::runLater);
        I18n i18n = I18n.load(Locale.ROOT);
        UiContext ui = new UiContext(clock, tasks, i18n, new Ticker(), DisplaySettings.defaults());
        SetupViewModel vm = new SetupViewModel(new SetupProgress(db.jdbi()),
                new OrgImportService(db.jdbi(), clock, changes, guard), new HouseImportService(db.jdbi(), clock, guard),
                geo::importContent, tasks, i18n, () -> "zhoumin");
        view = new SetupView(vm, ui);
        view.setChoosers(new SetupView.Choosers() {
            @Override
            public Optional<Path> folder(Window owner, String title) {
                return Optional.of(templates);
            }

            @Override
            public Optional<Path> workbook(Window owner, String title) {
                return Optional.ofNullable(files.poll());
            }

            @Override
            public boolean confirm(Window owner, String title, String question) {
                return false;
            }
        });
        view.setGeoFiles((owner, layer) -> Optional.of(SetupViewModelTest.SAMPLES.resolve("streets.geojson")));
        scene = new Scene(new javafx.scene.layout.StackPane(view.root()), 1280, 760);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws IOException {
        onFx(() -> {
            if (view.geoDialog() != null) {
                view.geoDialog().stage().close();
            }
            return null;
        });
        jobs.shutdown();
        io.shutdown();
        db.close();
        try (var walk = Files.walk(templates)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private String label(String id) {
        return onFx(() -> {
            Label l = (Label) scene.lookup("#" + id);
            return l == null || l.getText() == null ? "" : l.getText();
        });
    }

    private boolean disabled(String id) {
        return onFx(() -> scene.lookup("#" + id).isDisabled());
    }

    /** What a cell shows, as text or as the Text of a wrapping cell; null when not on screen. */
    private static String cell(TableView<?> table, int row, int column) {
        return onFx(() -> shown(table, row, column));
    }

    /** As {@link #cell}, on the FX thread (inside a {@code waitUntil}). */
    private static String shown(TableView<?> table, int row, int column) {
        var col = table.getColumns().get(column);
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() == col && c.getIndex() == row && !c.isEmpty()) {
                return c.getGraphic() instanceof Text t ? t.getText() : c.getText();
            }
        }
        return null;
    }

    private long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void theSampleOrganisationIsCheckedImportedAndTheChecklistMovesOn(FxRobot robot) throws IOException {
        TableView<?> steps = view.table();
        waitUntil(Duration.ofSeconds(10), "the checklist is counted", () -> "已完成 0 / 6 项".equals(
                ((Label) scene.lookup("#setup-summary")).getText()) && "未完成".equals(shown(steps, 5, 1)));
        assertEquals(List.of("1. 组织机构", "未完成", "尚未导入"), List.of(cell(steps, 0, 0), cell(steps, 0, 1), cell(steps, 0, 2)));
        assertEquals(List.of("6. 用户", "未完成", "尚无用户"), List.of(cell(steps, 5, 0), cell(steps, 5, 1), cell(steps, 5, 2)));
        assertNotNull(scene.lookup("#setup-org-page"), "the first step not done is on show");
        assertTrue(disabled("setup-org-check"), "nothing to check before a file is chosen");
        assertTrue(disabled("setup-org-import"));

        robot.clickOn("#setup-org-template");
        waitUntil(Duration.ofSeconds(10), "the template is written", () -> ((Label) scene.lookup("#setup-org-message"))
                .getText().startsWith("模板已写入 "));
        assertTrue(Files.size(templates.resolve("organisation.xlsx")) > 0);

        files.add(SetupViewModelTest.withWrongPost(dir, "片警"));
        robot.clickOn("#setup-org-choose");
        waitUntil(Duration.ofSeconds(5), "the file is shown", () -> ((Label) scene.lookup("#setup-org-file")).getText()
                .endsWith("organisation-bad.xlsx"));
        assertFalse(disabled("setup-org-check"));
        robot.clickOn("#setup-org-check");
        waitUntil(Duration.ofSeconds(20), "the check lists the wrong cell", () -> ((Label) scene.lookup("#setup-org-message"))
                .getText().equals("organisation-bad.xlsx 有 1 处问题，未写入任何数据。请按下表修改文件后重新检查。"));
        TableView<?> problems = (TableView<?>) scene.lookup("#setup-org-problems");
        assertEquals(1, onFx(() -> problems.getItems().size()));
        waitUntil(Duration.ofSeconds(5), "the problem is on screen", () -> shown(problems, 0, 3) != null);
        assertEquals(List.of("民警辅警", "5", "E（岗位）"), List.of(cell(problems, 0, 0), cell(problems, 0, 1),
                cell(problems, 0, 2)));
        assertTrue(cell(problems, 0, 3).startsWith("“片警”不在可选值中"), cell(problems, 0, 3));
        assertTrue(disabled("setup-org-import"), "a file with a problem is not offered for import");
        shot("setup-1.png");
        assertEquals(0, count("SELECT COUNT(*) FROM officer") + count("SELECT COUNT(*) FROM station"));

        files.add(SetupViewModelTest.ORGANISATION);
        robot.clickOn("#setup-org-choose");
        robot.clickOn("#setup-org-check");
        waitUntil(Duration.ofSeconds(20), "the sample is checked clean", () -> ((Label) scene.lookup("#setup-org-message"))
                .getText().startsWith("检查通过：organisation.xlsx 没有问题，可以导入。"));
        assertEquals(0, onFx(() -> problems.getItems().size()));
        assertFalse(disabled("setup-org-import"));
        assertTrue(onFx(() -> ((Button) scene.lookup("#setup-org-import")).isDefaultButton()), "Enter imports now");
        assertEquals(0, count("SELECT COUNT(*) FROM officer"), "the check wrote nothing");

        robot.type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(20), "imported", () -> ((Label) scene.lookup("#setup-org-message")).getText()
                .startsWith("已导入 organisation.xlsx："));
        assertEquals(22, count("SELECT COUNT(*) FROM officer"));
        waitUntil(Duration.ofSeconds(10), "the checklist moves on", () -> "已完成 1 / 6 项".equals(
                ((Label) scene.lookup("#setup-summary")).getText()));
        waitUntil(Duration.ofSeconds(5), "the organisation line says so", () -> List.of("已完成",
                "分局 1，派出所 2，警务站 1，队 9，民警辅警 22（其中社区民警 4）").equals(List.of(shown(steps, 0, 1), shown(steps, 0, 2))));
        assertNotNull(scene.lookup("#setup-org-page"), "the import's outcome stays on screen");
        assertTrue(disabled("setup-org-import"), "a new import needs a new check");
        shot("setup-2.png");

        // Geography: the geo import window, opened from the step's page without the map, its layer chosen.
        robot.clickOn(cellNode(steps, 2));
        waitUntil(Duration.ofSeconds(5), "the geography page", () -> scene.lookup("#setup-geography-page") != null);
        robot.clickOn("#setup-geography-open");
        waitUntil(Duration.ofSeconds(5), "the import window opens", () -> view.geoDialog() != null
                && view.geoDialog().stage().isShowing());
        Scene dialog = view.geoDialog().stage().getScene();
        assertEquals(ImportChoice.DISTRICT, onFx(() -> ((ChoiceBox<?>) dialog.lookup("#import-layer")).getValue()),
                "a bureau begins with its district boundary");
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<ImportChoice> layer = (ChoiceBox<ImportChoice>) dialog.lookup("#import-layer");
            layer.setValue(ImportChoice.STREETS);
            ((Button) dialog.lookup("#import-choose")).fire();
            return null;
        });
        waitUntil(Duration.ofSeconds(20), "the streets are imported", () -> ((Label) dialog.lookup("#import-summary"))
                .getText().startsWith("已从 streets.geojson 导入街道 2 条"));
        waitUntil(Duration.ofSeconds(10), "the checklist counts them", () -> "部分完成".equals(shown(steps, 2, 1))
                && "辖区边界 0，派出所辖区 0；街道 2，社区 0，微网格 0，警格 0；尚缺：警格".equals(shown(steps, 2, 2)));
        shot("setup-3.png");
    }

    private void shot(String name) {
        try {
            var img = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
            java.nio.file.Files.createDirectories(Path.of("target/screenshots"));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                    Path.of("target/screenshots", name).toFile());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The on-screen cell of a row's first column, to click. */
    private static Node cellNode(TableView<?> table, int row) {
        return onFx(() -> {
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && c.getTableColumn() == table.getColumns().get(0) && c.getIndex() == row) {
                    return c;
                }
            }
            throw new AssertionError("row " + row + " is not on screen");
        });
    }
}
