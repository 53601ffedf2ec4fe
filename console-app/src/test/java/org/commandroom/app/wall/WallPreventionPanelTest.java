package org.commandroom.app.wall;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.commandroom.app.LaunchOptions;
import org.commandroom.core.TestClock;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.wall.PreventionWallCounty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wall's 主防工作 panel as {@code --wall} shows it, at 1920x1080 in its place of the default layout (the 5x5 area
 * at the bottom right, alone so that the test is fast), on a real H2 holding {@link PreventionWallCounty}: the
 * figures of the planted county, in Chinese and in English, no text under 24 px, none outside the panel or cut; an
 * empty database said in words; data older than twice its interval says its age.
 */
@ExtendWith(ApplicationExtension.class)
class WallPreventionPanelTest {

    static final String LAYOUT = "grid 12x9\narea 8,5 5x5 prevention\n";

    @TempDir
    Path dataDir;

    private Database seed;
    private WallContext context;
    private WallScreen screen;
    private Scene scene;
    private TestClock clock;

    @Start
    void start(Stage stage) {
        // the wall is laid out in a scene of its own size, without a window
    }

    @AfterEach
    void tearDown() {
        if (screen != null) {
            onFx(() -> {
                screen.stop();
                return null;
            });
        }
        if (context != null) {
            context.close();
        }
        if (seed != null) {
            seed.close();
        }
    }

    private void startWall(boolean plant, String... lang) throws Exception {
        DbSettings settings = new DbSettings("jdbc:h2:mem:wall-prevention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", false);
        seed = Database.open(settings);
        clock = new TestClock(PreventionWallCounty.NOW, LaunchOptions.DEFAULT_ZONE);
        if (plant) {
            PreventionWallCounty.plant(seed, clock);
        }
        Files.writeString(dataDir.resolve("db.properties"), "user=sa\npassword=\n", StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("--db", settings.jdbcUrl(), "--data-dir", dataDir.toString()));
        args.addAll(List.of(lang));
        context = new WallContext(LaunchOptions.parse(args, Map.of()), new WallOptions(true, 0, 0, java.util.Optional.empty()),
                clock, Platform::runLater);
        WallLayout layout = WallLayoutReader.read(LAYOUT).layout().orElseThrow();
        scene = onFx(() -> {
            screen = new WallScreen(context, layout, List.of(), "");
            Scene s = new Scene((Parent) screen.root(), 1920, 1080);
            WallApplication.style(s);
            screen.start();
            return s;
        });
        waitUntil(Duration.ofSeconds(30), "the panel has its data",
                () -> screen.panel(PanelKind.PREVENTION).orElseThrow().loadedAt() != null);
        onFx(() -> {
            settle();
            return null;
        });
    }

    private void settle() {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    private String text(String id) {
        return onFx(() -> {
            Label l = (Label) scene.lookup("#" + id);
            return l == null ? null : l.getText();
        });
    }

    /** The station table's rows as text, header first. */
    private List<List<String>> table() {
        return onFx(() -> {
            GridPane g = (GridPane) scene.lookup("#wall-prevention-stations");
            List<List<String>> rows = new ArrayList<>();
            for (Node n : g.getChildren()) {
                int r = GridPane.getRowIndex(n);
                int c = GridPane.getColumnIndex(n);
                while (rows.size() <= r) {
                    rows.add(new ArrayList<>(List.of("", "", "", "", "")));
                }
                rows.get(r).set(c, ((Label) n).getText());
            }
            return rows;
        });
    }

    private List<Text> texts(Node n, List<Text> out) {
        if (!n.isVisible()) {
            return out;
        }
        if (n instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
            out.add(t);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                texts(c, out);
            }
        }
        return out;
    }

    /** Texts under 24 px, outside the panel's body, or cut short. */
    private List<String> illegible() {
        return onFx(() -> {
            settle();
            BorderPane panel = (BorderPane) scene.lookup("#wall-panel-prevention");
            Bounds body = panel.getCenter().localToScene(panel.getCenter().getLayoutBounds());
            Bounds head = panel.getTop().localToScene(panel.getTop().getLayoutBounds());
            List<String> out = new ArrayList<>();
            for (Text t : texts(panel, new ArrayList<>())) {
                Bounds b = t.localToScene(t.getLayoutBounds());
                boolean inHead = b.getMaxY() <= head.getMaxY() + 1;
                if (t.getFont().getSize() < 24) {
                    out.add("'" + t.getText() + "' at " + t.getFont().getSize() + " px");
                }
                if (!inHead && (b.getMinX() < body.getMinX() - 1 || b.getMaxX() > body.getMaxX() + 1
                        || b.getMinY() < body.getMinY() - 1 || b.getMaxY() > body.getMaxY() + 1)) {
                    out.add("'" + t.getText() + "' outside the panel's body " + b + " / " + body);
                }
                if (t.getText().endsWith("…") || t.getText().endsWith("...")) {
                    out.add("'" + t.getText() + "' cut short");
                }
            }
            return out;
        });
    }

    /**
     * The panel alone as the wall draws it at 1080p, under target/screenshots (and docs/ with -Ddocs.screenshots=true):
     * nothing is compared.
     */
    private void shootPanel(String file) throws Exception {
        javafx.scene.image.WritableImage shot = onFx(() -> scene.lookup("#wall-panel-prevention").snapshot(null, null));
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        int[] argb = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, w, h, argb, 0, w);
        Path target = Path.of("target", "screenshots", file);
        Files.createDirectories(target.getParent());
        javax.imageio.ImageIO.write(image, "png", target.toFile());
        if (Boolean.getBoolean("docs.screenshots")) {
            javax.imageio.ImageIO.write(image, "png", Path.of("..", "docs", file).toFile());
        }
    }

    @Test
    void thePanelShowsThePlantedCountysFiguresLegiblyInChinese() throws Exception {
        startWall(true);
        assertEquals("主防工作", onFx(() -> ((Label) ((BorderPane) scene.lookup("#wall-panel-prevention")).getTop()
                .lookup(".wall-panel-title")).getText()));
        assertEquals("2", text("wall-prevention-red"));
        assertEquals("1", text("wall-prevention-orange"));
        assertEquals("2", text("wall-prevention-green"));
        assertEquals("4", text("wall-prevention-overdue"));
        assertEquals("5", text("wall-prevention-late"));
        assertEquals("红色社区：北关社区、南关社区", text("wall-prevention-red-named"));
        assertEquals(List.of(
                List.of("单位", "核查逾期", "预警超期", "本周工时", "社区民警在社区"),
                List.of("东城派出所", "1", "4", "0.5 小时", "100%"),
                List.of("城关派出所", "3", "1", "2.3 小时", "50%"),
                List.of("河坝派出所", "0", "0", "0.0 小时", "—")), table());
        assertTrue(onFx(() -> texts(scene.getRoot(), new ArrayList<>()).stream()
                .anyMatch(t -> t.getText().startsWith("工时自 12月7日（周一）起计"))), "the week and the rule stated");
        assertEquals(List.of(), illegible());
        double figure = onFx(() -> ((Label) scene.lookup("#wall-prevention-red")).getFont().getSize());
        assertEquals(48, figure, 0.5, "the colour counts at 2em");
        shootPanel("wall-1080p-zh-prevention.png");

        // the data's age once it is older than twice its interval (the wall's clock only moves here)
        Label age = onFx(() -> (Label) scene.lookup("#wall-age-prevention"));
        assertFalse(onFx(age::isVisible));
        clock.advance(Duration.ofMinutes(5));
        onFx(() -> {
            screen.panel(PanelKind.PREVENTION).orElseThrow().tick();
            return null;
        });
        assertTrue(onFx(age::isVisible), "stale data says its age");
        assertEquals("数据截至 10:00（5 分钟前）", onFx(age::getText));
    }

    @Test
    void inEnglishEveryTextFitsAndAnEmptyDatabaseIsSaidInWords() throws Exception {
        startWall(true, "--lang", "en");
        assertEquals("Red: 北关社区, 南关社区", text("wall-prevention-red-named"));
        assertEquals(List.of("Station", "Checks", "Alerts", "Hours", "In community"), table().get(0));
        assertEquals(List.of("城关派出所", "3", "1", "2.3 h", "50%"), table().get(2));
        assertTrue(onFx(() -> texts(scene.getRoot(), new ArrayList<>()).stream()
                .anyMatch(t -> t.getText().startsWith("Officers\u2019 hours since Monday 7 Dec."))), "the week and the rule stated");
        assertEquals(List.of(), illegible());
        tearDown();

        startWall(false, "--lang", "en");
        assertEquals("No communities, house inspections, model alerts or work-hours yet", text("wall-state-prevention"));
        assertEquals(List.of(), illegible());
    }
}
