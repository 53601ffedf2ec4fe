package org.commandroom.app.ui.map;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.geo.io.ImportLayer;
import org.commandroom.core.live.ChangeRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The import window with a boundary file that imports only repaired: it lists each repair (feature, what and where,
 * area before → after, change in %), says nothing was imported and offers 接受修复并导入; clicked, the file is imported
 * repaired and the window says so, the repairs still listed as written.
 */
@ExtendWith(ApplicationExtension.class)
class GeoImportRepairDialogTest {

    @TempDir
    Path dir;

    private final ExecutorService io = Tasks.newIoExecutor("console-io");
    private Fixture fx;
    private Stage dialog;

    @Start
    void start(Stage stage) {
        Theme.installUserAgentStylesheet();
    }

    @AfterEach
    void close() throws Exception {
        io.shutdown();
        if (dialog != null) {
            onFx(() -> {
                dialog.close();
                return null;
            });
        }
        fx.close();
    }

    private long streets() {
        return fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM street").mapTo(Long.class).one());
    }

    @SuppressWarnings("unchecked")
    private static List<String> items(Scene scene, String id) {
        return onFx(() -> List.copyOf(((ListView<String>) scene.lookup(id)).getItems()));
    }

    private static String text(Scene scene, String id) {
        return onFx(() -> ((Label) scene.lookup(id)).getText());
    }

    private static boolean shown(Scene scene, String id) {
        return onFx(() -> {
            Node n = scene.lookup(id);
            return n != null && n.isVisible() && n.isManaged();
        });
    }

    @Test
    void theRepairsAreListedNothingIsImportedUntilTheyAreAcceptedThenTheFileIsImportedRepaired(FxRobot robot)
            throws Exception {
        fx = Fixture.inMemory();
        Path file = Files.writeString(dir.resolve("区界.geojson"), GeoImportRepairsViewModelTest.REPAIRABLE,
                StandardCharsets.UTF_8);
        GeoImportService service = new GeoImportService(fx.db.jdbi(), new ChangeRecorder(fx.clock, "test"), fx.clock,
                GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA));
        GeoImportViewModel vm = new GeoImportViewModel(service::importContent, new Tasks(io, Platform::runLater), "值班员");
        // Two streets (the window opens on the district, which is one area).
        vm.layerProperty().set(org.commandroom.core.geo.io.ImportLayer.STREETS);
        GeoImportDialog d = onFx(() -> new GeoImportDialog(vm, I18n.load(Locale.ROOT), (owner, layer) -> Optional.of(file),
                null));
        dialog = d.stage();
        Scene scene = dialog.getScene();
        onFx(() -> {
            d.show();
            @SuppressWarnings("unchecked")
            ChoiceBox<Datum> datum = (ChoiceBox<Datum>) scene.lookup("#import-datum");
            datum.setValue(Datum.GCJ02);
            ((Button) scene.lookup("#import-choose")).fire();
            return null;
        });

        waitUntil(Duration.ofSeconds(10), "the repairs are asked for",
                () -> ((Label) scene.lookup("#import-summary")).getText()
                .equals("区界.geojson：有 2 个要素的边界无效，可以自动修复。请核对下列修复和面积变化，接受后才会导入。"));
        List<String> repairs = items(scene, "#import-repairs");
        assertEquals(2, repairs.size(), repairs.toString());
        assertTrue(repairs.get(0).startsWith("要素 0（城东街道）：边界自相交，位于 104.05,29.35；面积 "), repairs.get(0));
        assertTrue(repairs.get(0).endsWith(" 平方公里（0.00%）"), "the spike had no area: " + repairs.get(0));
        assertTrue(repairs.get(1).startsWith("要素 1（城西街道）：第 0 部分：删除了 1 个连续重复的顶点（第一个位于 104,29.2）；面积 "),
                repairs.get(1));
        assertEquals("待确认的边界修复（2 处）：", text(scene, "#import-repairs-title"));
        assertTrue(onFx(() -> scene.lookup("#import-summary").getPseudoClassStates()
                .contains(javafx.css.PseudoClass.getPseudoClass("consent"))), "shown as waiting, not as done or refused");
        assertEquals("未导入任何数据：接受修复后才会导入。", text(scene, "#import-note"));
        assertTrue(shown(scene, "#import-accept-repairs"));
        assertEquals("接受修复并导入", onFx(() -> ((Button) scene.lookup("#import-accept-repairs")).getText()));
        assertFalse(shown(scene, "#import-problems"), "no problems: the file is fine once repaired");
        assertEquals(0, streets());

        robot.clickOn("#import-accept-repairs");

        waitUntil(Duration.ofSeconds(10), "imported repaired",
                () -> ((Label) scene.lookup("#import-summary")).getText()
                .equals("已从 区界.geojson 导入街道 2 条。 其中 2 个要素的边界按接受的修复写入。"));
        assertEquals(2, streets());
        assertEquals("已写入的边界修复（2 处）：", text(scene, "#import-repairs-title"));
        assertEquals(repairs, items(scene, "#import-repairs"));
        assertFalse(shown(scene, "#import-accept-repairs"), "nothing waits for consent any more");
        assertFalse(onFx(() -> scene.lookup("#import-summary").getPseudoClassStates()
                .contains(javafx.css.PseudoClass.getPseudoClass("consent"))));
    }
}
