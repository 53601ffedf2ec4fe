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
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.live.ChangeRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The import window offers the district first, then the other layers, the three kinds of named place and the base map;
 * a place list is refused with every problem by line in Chinese and the read notes, checked with a dry run, then
 * imported; its content scrolls in a short window instead of being cut off; an OpenStreetMap extract is imported off
 * the FX thread and its result said.
 *
 * <p>The fixture's county: station 城关派出所 with one police grid 南关社区第二警格 (lon 103.70–103.72, lat 29.20–29.22).
 */
@ExtendWith(ApplicationExtension.class)
class GeoImportPlacesDialogTest {

    private static final Path OSM = Path.of("../console-core/src/test/resources/osm/somes-island.osm.pbf");

    @TempDir
    Path dir;

    private final ExecutorService io = Tasks.newIoExecutor("console-io");
    private final AtomicReference<Path> chosen = new AtomicReference<>();
    private Fixture fx;
    private Stage dialog;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Theme.installUserAgentStylesheet();
    }

    @BeforeEach
    void open() {
        fx = Fixture.inMemory();
        GeoImportService service = new GeoImportService(fx.db.jdbi(), new ChangeRecorder(fx.clock, "test"), fx.clock,
                GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA));
        GeoImportViewModel vm = GeoImportViewModel.of(service, new Tasks(io, Platform::runLater), "值班员");
        GeoImportDialog d = onFx(() -> new GeoImportDialog(vm, I18n.load(Locale.ROOT),
                (owner, choice) -> Optional.of(chosen.get()), null));
        dialog = d.stage();
        scene = dialog.getScene();
        onFx(() -> {
            d.show();
            return null;
        });
    }

    @AfterEach
    void close() {
        io.shutdown();
        onFx(() -> {
            dialog.close();
            return null;
        });
        fx.close();
    }

    private long count(String sql) {
        return fx.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @SuppressWarnings("unchecked")
    private ChoiceBox<ImportChoice> layer() {
        return (ChoiceBox<ImportChoice>) scene.lookup("#import-layer");
    }

    private String text(String id) {
        return onFx(() -> ((Label) scene.lookup(id)).getText());
    }

    private void importFile(ImportChoice choice, Path file) {
        chosen.set(file);
        onFx(() -> {
            layer().setValue(choice);
            ((Button) scene.lookup("#import-choose")).fire();
            return null;
        });
    }

    @Test
    void theDistrictComesFirstAndThePlacesAndTheBaseMapAreOffered() {
        List<String> names = onFx(() -> layer().getItems().stream().map(c -> layer().getConverter().toString(c)).toList());
        assertEquals("辖区边界", names.get(0));
        assertEquals(List.of("重点场所", "社区警务室", "屯警点", "底图（OpenStreetMap）"), names.subList(names.size() - 4,
                names.size()));
        onFx(() -> {
            layer().setValue(ImportChoice.KEY_PLACES);
            return null;
        });
        assertTrue(text("#import-format").contains("kind"), text("#import-format"));
        assertTrue(text("#import-format").endsWith("（最大 32 MB）"), "the limit is said before a file is chosen: "
                + text("#import-format"));
        assertTrue(onFx(() -> scene.lookup("#import-dry-run").isVisible() && !scene.lookup("#import-replace").isVisible()));
    }

    @Test
    void aPlaceListIsRefusedWithItsProblemsCheckedByADryRunThenImported() throws Exception {
        Path bad = Files.writeString(dir.resolve("重点场所.csv"), "name,kind,lon,lat\n"
                + "南关小学,学校,103.71,29.21\n"
                + "远郊加油站,加油站,103.80,29.30\n", StandardCharsets.UTF_8);
        importFile(ImportChoice.KEY_PLACES, bad);
        waitUntil(Duration.ofSeconds(10), "refused", () -> text("#import-summary").equals("重点场所.csv 未能导入重点场所：发现 1 个问题。"));
        @SuppressWarnings("unchecked")
        List<String> problems = onFx(() -> List.copyOf(((ListView<String>) scene.lookup("#import-problems")).getItems()));
        assertEquals(List.of("第 3 行：坐标 103.8,29.3 不在任何派出所辖区或警格内：请先导入派出所辖区或警格，或在 station 列注明派出所"),
                problems);
        assertTrue(text("#import-note").startsWith("未导入任何数据"), text("#import-note"));
        assertTrue(text("#import-note").contains("读取说明：2 个地点按坐标归入派出所，0 个按文件注明的派出所或警格"),
                text("#import-note"));

        Path good = Files.writeString(dir.resolve("重点场所2.csv"), "name,kind,lon,lat\n"
                + "南关小学,学校,103.71,29.21\n"
                + "南关加油站,加油站,103.715,29.205\n", StandardCharsets.UTF_8);
        onFx(() -> {
            ((CheckBox) scene.lookup("#import-dry-run")).setSelected(true);
            return null;
        });
        importFile(ImportChoice.KEY_PLACES, good);
        waitUntil(Duration.ofSeconds(10), "checked", () -> text("#import-summary")
                .equals("已检查 重点场所2.csv（重点场所）：导入将新增 2 个，更新 0 个，未变 0 个。"));
        assertTrue(text("#import-note").startsWith("只做了检查，未写入任何数据。"));
        assertEquals(0, count("SELECT COUNT(*) FROM key_place"));

        onFx(() -> {
            ((CheckBox) scene.lookup("#import-dry-run")).setSelected(false);
            return null;
        });
        importFile(ImportChoice.KEY_PLACES, good);
        waitUntil(Duration.ofSeconds(10), "imported", () -> text("#import-summary")
                .equals("已从 重点场所2.csv 导入重点场所：新增 2 个，更新 0 个，未变 0 个。"));
        assertEquals(2, count("SELECT COUNT(*) FROM key_place WHERE station_id = " + fx.stationId));
        assertEquals(1, count("SELECT COUNT(*) FROM change_log WHERE entity = 'GEOGRAPHY' AND entity_id = 9"),
                "the maps reload the key places");
    }

    @Test
    void theScrollingContentKeepsTheDarkPanelColour() {
        // A bare ScrollPane paints its viewport white: the window's grey texts were then hard to read (trial).
        String fills = onFx(() -> {
            ScrollPane scroll = (ScrollPane) scene.lookup("#import-scroll");
            scroll.applyCss();
            StringBuilder b = new StringBuilder();
            for (Node n : List.of(scroll, scroll.lookup(".viewport"), scroll.getContent())) {
                javafx.scene.layout.Background bg = ((javafx.scene.layout.Region) n).getBackground();
                javafx.scene.paint.Paint p = bg == null || bg.getFills().isEmpty() ? null
                        : bg.getFills().get(bg.getFills().size() - 1).getFill();
                b.append(p instanceof javafx.scene.paint.Color c && c.getBrightness() < 0.3 ? "dark " : "NOT DARK(" + p + ") ");
            }
            return b.toString().trim();
        });
        assertEquals("dark dark dark", fills);
    }

    @Test
    void aLongRefusalScrollsInAShortWindowInsteadOfBeingCutOff() throws Exception {
        StringBuilder csv = new StringBuilder("name,lon,lat\n");
        for (int i = 0; i < 40; i++) {
            csv.append("远处").append(i).append(",103.9,29.4").append(i).append('\n');
        }
        importFile(ImportChoice.DEPLOYMENT_POINTS, Files.writeString(dir.resolve("屯警点.csv"), csv, StandardCharsets.UTF_8));
        waitUntil(Duration.ofSeconds(10), "refused", () -> text("#import-summary").contains("发现 40 个问题"));
        // The window's content laid out 300 px high (a small screen, or the window made smaller): it scrolls, and
        // scrolled to the end the note under the problems is shown whole, not squeezed or cut off.
        String seen = onFx(() -> {
            ScrollPane scroll = (ScrollPane) scene.lookup("#import-scroll");
            scroll.resize(820, 300);
            scroll.layout();
            double content = scroll.getContent().getLayoutBounds().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            scroll.setVvalue(1);
            scroll.layout();
            Node note = scene.lookup("#import-note");
            Bounds b = scroll.sceneToLocal(note.localToScene(note.getLayoutBounds()));
            boolean whole = b.getHeight() + 0.5 >= note.prefHeight(note.getLayoutBounds().getWidth());
            return (content > viewport + 1) + " " + whole + " " + (b.getMinY() >= 0 && b.getMaxY() <= 300.5)
                    + " (content " + content + ", viewport " + viewport + ", note " + b + ")";
        });
        assertTrue(seen.startsWith("true true true"), seen);
    }

    @Test
    void anOpenStreetMapExtractIsImportedAsTheBaseMapOrRefusedWithItsReason() {
        // The fixture's grid is in Sichuan; the extract is of an island in New Zealand: nothing inside the district.
        importFile(ImportChoice.BASE_MAP, OSM);
        waitUntil(Duration.ofSeconds(20), "refused", () -> text("#import-summary").startsWith("somes-island.osm.pbf 未能导入："));
        assertEquals("底图保持原样，未写入任何数据。", text("#import-note"));
        assertEquals(0, count("SELECT COUNT(*) FROM base_map_feature"));

        fx.db.jdbi().useHandle(h -> h.execute("DELETE FROM police_grid"));
        importFile(ImportChoice.BASE_MAP, OSM);
        waitUntil(Duration.ofSeconds(20), "imported", () -> text("#import-summary").startsWith("已从 somes-island.osm.pbf 导入底图："));
        assertTrue(text("#import-summary").contains("尚无辖区数据，按文件范围"), text("#import-summary"));
        assertTrue(count("SELECT COUNT(*) FROM base_map_feature") > 0);
        assertFalse(onFx(() -> scene.lookup("#import-job").isVisible()), "the job bar is gone");
    }
}
