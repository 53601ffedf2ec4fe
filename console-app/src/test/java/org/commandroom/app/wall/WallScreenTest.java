package org.commandroom.app.wall;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.IndexModule;
import org.commandroom.app.LaunchOptions;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.core.TestClock;
import org.commandroom.core.demo.DemoCountyGenerator;
import org.commandroom.core.demo.DemoProfile;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.SharedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wall as {@code --wall} starts it — {@link WallContext} and {@link WallScreen} with the default layout — on a
 * real H2 database holding a small demo county (a year of incidents, orders, units, the prevention index computed).
 */
@ExtendWith(ApplicationExtension.class)
class WallScreenTest {

    /** A county small enough to generate in a few seconds. */
    static final DemoProfile SMALL = new DemoProfile("SMALL", "测试县公安局", "511123", 29.21, 103.95, 6.0,
            3, 1, 3, 12, 120, 12, 4, 12, 300, 6_000, 30);

    @TempDir
    Path dataDir;

    private Stage stage;
    private Database seed;
    private SharedDatabase shared;
    private WallContext context;
    private WallScreen screen;
    private Scene scene;
    private TestClock clock;

    @Start
    void start(Stage stage) {
        this.stage = stage;
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
            String url = seed.settings().jdbcUrl();
            seed.close();
            if (url.startsWith("jdbc:h2:mem:")) {
                try (var c = java.sql.DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
                     var st = c.createStatement()) {
                    st.execute("SHUTDOWN");
                } catch (java.sql.SQLException gone) {
                    // dropped already
                }
            }
        }
        if (shared != null) {
            shared.close();
        }
    }

    /** How much later than the county's generation the wall's own clock runs (zero: the same clock). */
    private Duration wallLater = Duration.ZERO;

    /** The layout {@link #startWall} shows; null: the default. */
    private WallLayout layout;

    /** Generates the county into {@code settings}' database, computes its index, and starts the wall on it. */
    private void startWall(DbSettings settings, int width, int height) throws Exception {
        startWall(settings, width, height, true);
    }

    /**
     * @param show false to lay the wall out in a scene of that size without a window (the headless screen is smaller
     *             than 4K; CSS and layout do not need a window)
     */
    private void startWall(DbSettings settings, int width, int height, boolean show, String... more) throws Exception {
        Instant now = Instant.now();
        clock = new TestClock(now, LaunchOptions.DEFAULT_ZONE);
        seed = Database.open(settings);
        new DemoCountyGenerator(seed.jdbi(), SMALL, 20240507L).generate(now, p -> { });
        IndexModule.create(seed.jdbi(), clock, null, new org.commandroom.core.live.ChangeRecorder(clock, "seed"), new org.commandroom.core.store.Numbering(clock, clock.getZone()),
                Runnable::run).recomputeNow();
        Files.writeString(dataDir.resolve("db.properties"), "user=" + settings.user() + "\npassword=" + settings.password() + "\n",
                StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("--db", settings.jdbcUrl(), "--data-dir", dataDir.toString()));
        args.addAll(List.of(more));
        LaunchOptions options = LaunchOptions.parse(args, Map.of());
        TestClock wallClock = wallLater.isZero() ? clock : new TestClock(now.plus(wallLater), LaunchOptions.DEFAULT_ZONE);
        context = new WallContext(options, new WallOptions(true, 0, 0, java.util.Optional.empty()), wallClock, Platform::runLater);
        scene = onFx(() -> {
            screen = new WallScreen(context, layout == null ? WallLayoutReader.defaultLayout() : layout, List.of(), "");
            Scene s = new Scene((Parent) screen.root(), width, height);
            WallApplication.style(s);
            WallScreen.install(s);
            if (show) {
                stage.setScene(s);
                stage.setWidth(width);
                stage.setHeight(height);
                stage.show();
            }
            screen.start();
            return s;
        });
        waitUntil(Duration.ofSeconds(60), "every panel has its data", () -> screen.panels().stream().allMatch(p -> p.loadedAt() != null));
        waitUntil(Duration.ofSeconds(20), "the map shows the units", () -> mapView() != null && !mapView().viewModel().units().isEmpty());
    }

    private static DbSettings inMemory() {
        return new DbSettings("jdbc:h2:mem:wall-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", false);
    }

    private LiveMapView mapView() {
        return ((MapPanel) screen.panel(PanelKind.MAP).orElseThrow()).view();
    }

    private Map<String, Long> rowCounts() {
        return seed.jdbi().withHandle(h -> {
            List<String> tables = h.createQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC' "
                    + "AND table_type = 'BASE TABLE' ORDER BY table_name").mapTo(String.class).list();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String t : tables) {
                counts.put(t, h.createQuery("SELECT COUNT(*) FROM \"" + t + "\"").mapTo(Long.class).one());
            }
            return counts;
        });
    }

    private static final List<String> WRITER_THREADS = List.of("demo-simulator", "demo-county", "console-escalation",
            "console-drafts", "console-push", "push-inbound", "prevention-index", "console-jobs", "moquette", "MQTT");

    @Test
    void theWallWritesNothingWhateverIsPressedClickedOrScrolledAndRunsNoBackgroundWriter() throws Exception {
        Set<Long> before = Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
        startWall(inMemory(), 1920, 1080);
        List<String> started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t.getId()))
                .map(Thread::getName).toList();
        for (String name : started) {
            assertTrue(WRITER_THREADS.stream().noneMatch(name::startsWith), "the wall started a writer thread: " + name);
        }
        Map<String, Long> rows = rowCounts();
        long changes = rows.get("CHANGE_LOG");
        assertTrue(rows.get("INCIDENT") > 1000, "the county has its year of incidents");

        FxRobot robot = new FxRobot();
        onFx(() -> {
            stage.toFront();
            stage.requestFocus();
            return null;
        });
        for (KeyCode k : List.of(KeyCode.F1, KeyCode.F2, KeyCode.F3, KeyCode.F4, KeyCode.F5, KeyCode.F6, KeyCode.F7,
                KeyCode.F8, KeyCode.F9, KeyCode.F10, KeyCode.F11, KeyCode.F12, KeyCode.ENTER, KeyCode.SPACE, KeyCode.DELETE,
                KeyCode.ESCAPE, KeyCode.TAB, KeyCode.PLUS, KeyCode.MINUS, KeyCode.UP, KeyCode.A, KeyCode.DIGIT1)) {
            robot.push(k);
        }
        for (KeyCode k : List.of(KeyCode.ENTER, KeyCode.S, KeyCode.N, KeyCode.F, KeyCode.I, KeyCode.E, KeyCode.P, KeyCode.Z,
                KeyCode.V, KeyCode.DELETE)) {
            robot.push(KeyCode.CONTROL, k);
            robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, k);
        }
        robot.push(KeyCode.ALT, KeyCode.DIGIT1);
        robot.push(KeyCode.ALT, KeyCode.DIGIT2);
        for (String id : List.of("#wall-map", "#wall-panel-open-incidents", "#wall-panel-clock", "#wall-panel-today")) {
            Node n = onFx(() -> scene.lookup(id));
            if (n == null) {
                continue;
            }
            robot.moveTo(n);
            robot.clickOn(MouseButton.SECONDARY);
            robot.doubleClickOn(MouseButton.PRIMARY);
            robot.drag(MouseButton.PRIMARY).dropBy(80, 40);
            robot.scroll(3);
        }
        assertEquals(1, onFx(() -> Window.getWindows().size()), "no dialog, menu or context menu opened");
        assertEquals(javafx.scene.Cursor.NONE, scene.getCursor(), "the pointer is hidden");

        // whatever the input queued on the wall's executor has run once every panel has read again after it
        Instant mark = clock.instant().plusSeconds(1);
        clock.advance(Duration.ofSeconds(2));
        onFx(() -> {
            screen.refreshNow();
            return null;
        });
        waitUntil(Duration.ofSeconds(30), "every panel read again", () -> screen.panels().stream()
                .filter(p -> !(p instanceof MapPanel)).allMatch(p -> p.loadedAt() != null && p.loadedAt().isAfter(mark)));
        assertEquals(rows, rowCounts(), "no table gained or lost a row");
        assertEquals((Long) changes, (Long) seed.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM change_log").mapTo(Long.class).one()));
    }

    /** Every text on screen outside the map, over the default layout's every rotation. */
    private List<Text> texts() {
        List<Text> out = new ArrayList<>();
        collect(scene.getRoot(), out);
        return out;
    }

    private static void collect(Node n, List<Text> out) {
        if (!n.isVisible() || n instanceof LiveMapView) {
            return;
        }
        if (n instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
            out.add(t);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** The panel a node is drawn in, or null. */
    private static Node panelOf(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("wall-panel")) {
                return p;
            }
        }
        return null;
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Texts that stick out of their panel or its body (over the title, under the bottom), or are cut short. */
    private List<String> overflowing() {
        return onFx(() -> {
            settle();
            List<String> out = new ArrayList<>();
            for (Text t : texts()) {
                Node panel = panelOf(t);
                if (panel == null) {
                    continue;
                }
                Bounds tb = t.localToScene(t.getLayoutBounds());
                Bounds pb = panel.localToScene(panel.getLayoutBounds());
                if (tb.getMinX() < pb.getMinX() - 1 || tb.getMaxX() > pb.getMaxX() + 1 || tb.getMinY() < pb.getMinY() - 1
                        || tb.getMaxY() > pb.getMaxY() + 1) {
                    out.add("'" + t.getText() + "' outside " + panel.getId());
                }
                Node title = ((javafx.scene.layout.BorderPane) panel).getTop();
                Node body = ((javafx.scene.layout.BorderPane) panel).getCenter();
                if (title.isVisible() && isInside(t, body)) {
                    Bounds head = title.localToScene(title.getLayoutBounds());
                    Bounds inBody = body.localToScene(body.getLayoutBounds());
                    if (tb.getMinY() < head.getMaxY() - 1 || tb.getMaxY() > inBody.getMaxY() + 1) {
                        out.add("'" + t.getText() + "' outside the body of " + panel.getId());
                    }
                }
                if (t.getText().endsWith("…") || t.getText().endsWith("...")) {
                    out.add("'" + t.getText() + "' cut short in " + panel.getId());
                }
            }
            return out;
        });
    }

    private void settle() {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    private double smallestText(List<String> seen) {
        return smallestText(seen, new ArrayList<>());
    }

    private double smallestText(List<String> seen, List<String> overflow) {
        double min = Double.MAX_VALUE;
        for (int turn = 0; turn < 10; turn++) { // every panel of both rotations (2 and 5), back to the first of each
            onFx(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                return null;
            });
            overflow.addAll(overflowing());
            double m = onFx(() -> {
                // styled and laid out in the same turn of the FX thread as it is measured: a panel that read again
                // meanwhile has new labels, and a scene without a window is styled only when asked
                settle();
                double least = Double.MAX_VALUE;
                for (Text t : texts()) {
                    double size = t.getFont().getSize();
                    if (size < least) {
                        least = size;
                    }
                    seen.add(t.getText() + "=" + size);
                }
                screen.rotateNow();
                return least;
            });
            min = Math.min(min, m);
        }
        return min;
    }

    @Test
    void noTextIsSmallerThan24PixelsAt1080pAndTheKeyFiguresAreAtLeast72() throws Exception {
        startWall(inMemory(), 1920, 1080);
        List<String> seen = new ArrayList<>();
        List<String> overflow = new ArrayList<>();
        double min = smallestText(seen, overflow);
        assertEquals(List.of(), overflow, "every text fits its panel");
        assertTrue(min >= 24, "smallest text " + min + " px: " + seen.stream().filter(s -> s.endsWith("=" + min)).limit(5).toList());
        assertTrue(seen.size() > 40, "the panels show their figures, not only their titles: " + seen.size());
        // the key figures: open incidents (shown first in its area)
        Label open = onFx(() -> (Label) scene.lookup("#wall-open-count"));
        assertTrue(onFx(() -> open.getFont().getSize()) >= 72, "open incidents at " + open.getFont().getSize() + " px");
        assertTrue(onFx(() -> ((Label) scene.lookup("#wall-clock")).getFont().getSize()) >= 48);
        // and measured: the smallest text's glyphs are as tall as a 24 px font's
        double height = onFx(() -> texts().stream().mapToDouble(t -> t.getLayoutBounds().getHeight()).min().orElse(0));
        assertTrue(height >= 24, "smallest text box " + height + " px high");
        // the map's own names (micro-grids the smallest) as large as the wall's smallest text
        MapPanel map = (MapPanel) screen.panel(PanelKind.MAP).orElseThrow();
        assertEquals(24, onFx(map::smallestLabelPx), 0.01, "names on the map");
        assertEquals(0, onFx(map::gridsColouredByIndex), "by default the grids are coloured by risk grade");
        assertEquals(List.of(), gapsNotScaled(1.0), "the spacing between figures at 1080p");
        assertFalse(onFx(() -> scene.lookup("#wall-map-grids-caption").isVisible()));
        org.slf4j.LoggerFactory.getLogger(WallScreenTest.class).info("WALL-TEXT 1920x1080: smallest font {} px, smallest text box "
                + "{} px high, open incidents at {} px, {} texts over the rotations", min, height, open.getFont().getSize(), seen.size());
    }

    @Test
    void inEnglishEveryTextFitsItsPanelAt1080pAndNoneIsSmallerThan24Pixels() throws Exception {
        startWall(inMemory(), 1920, 1080, true, "--lang", "en");
        List<String> seen = new ArrayList<>();
        List<String> overflow = new ArrayList<>();
        double min = smallestText(seen, overflow);
        assertEquals(List.of(), overflow, "every text fits its panel");
        assertTrue(min >= 24, "smallest text " + min);
        assertTrue(seen.stream().anyMatch(t -> t.startsWith("Open incidents")), "in English");
    }

    @Test
    void at3840x2160EverythingIsTwiceAsLarge() throws Exception {
        startWall(inMemory(), 3840, 2160, false);
        List<String> seen = new ArrayList<>();
        double min = smallestText(seen);
        assertTrue(min >= 48, "smallest text " + min + " px at 4K: " + seen.stream().filter(s -> s.endsWith("=" + min)).limit(5).toList());
        double height = onFx(() -> texts().stream().mapToDouble(t -> t.getLayoutBounds().getHeight()).min().orElse(0));
        org.slf4j.LoggerFactory.getLogger(WallScreenTest.class).info("WALL-TEXT 3840x2160: smallest font {} px, smallest text box "
                + "{} px high", min, height);
        assertEquals(3840, onFx(() -> scene.getRoot().getLayoutBounds().getWidth()), 1);
        assertEquals(48, onFx(((MapPanel) screen.panel(PanelKind.MAP).orElseThrow())::smallestLabelPx), 0.01,
                "names on the map twice as large too");
        assertEquals(List.of(), gapsNotScaled(2.0), "the spacing between figures twice as wide too");
    }

    /**
     * The boxes whose spacing is not their 1080p pixels ({@code wall-gap-N}) times {@code scale}; fails when no box
     * has such spacing at all (the panels shown).
     */
    private List<String> gapsNotScaled(double scale) throws Exception {
        return onFx(() -> {
            List<String> wrong = new ArrayList<>();
            int[] boxes = {0};
            java.util.ArrayDeque<javafx.scene.Node> todo = new java.util.ArrayDeque<>(List.of(scene.getRoot()));
            while (!todo.isEmpty()) {
                javafx.scene.Node n = todo.pop();
                for (String c : n.getStyleClass()) {
                    if (c.startsWith("wall-gap-")) {
                        double want = Integer.parseInt(c.substring("wall-gap-".length())) * scale;
                        double got = n instanceof javafx.scene.layout.HBox h ? h.getSpacing()
                                : ((javafx.scene.layout.VBox) n).getSpacing();
                        boxes[0]++;
                        if (Math.abs(got - want) > 0.05) {
                            wrong.add(c + ": " + got + " px, not " + want);
                        }
                    }
                }
                if (n instanceof javafx.scene.Parent p) {
                    todo.addAll(p.getChildrenUnmodifiable());
                }
            }
            if (boxes[0] < 5) {
                wrong.add("only " + boxes[0] + " spaced boxes on screen");
            }
            return wrong;
        });
    }

    @Test
    void aLostDatabaseGetsAFullWidthBannerWithTheDataAgeThePanelsKeepTheirDataAndSayHowOldAndAllReturns() throws Exception {
        shared = SharedDatabase.Kind.H2_TCP.create();
        startWall(shared.settings(), 1920, 1080);
        assertFalse(onFx(screen::bannerShown));
        Node content = onFx(() -> scene.lookup("#wall-open-count"));
        String count = onFx(() -> ((Label) content).getText());

        shared.takeAway();
        waitUntil(Duration.ofSeconds(5), "the banner shows the database lost", screen::bannerShown);
        Label banner = onFx(() -> (Label) scene.lookup("#wall-banner-text"));
        assertTrue(onFx(banner::getText).startsWith("数据库连接中断"), onFx(banner::getText));
        Bounds b = onFx(() -> scene.lookup("#wall-banner").localToScene(scene.lookup("#wall-banner").getLayoutBounds()));
        assertTrue(b.getWidth() > 1800, "full width: " + b.getWidth());

        clock.advance(Duration.ofMinutes(6));
        waitUntil(Duration.ofSeconds(5), "the banner says how old the data is", () -> banner.getText().contains("6 分钟前"));
        waitUntil(Duration.ofSeconds(5), "each panel says how old its data is", () -> List.of("open-incidents", "map", "clock")
                .stream().allMatch(id -> {
                    Label age = (Label) scene.lookup("#wall-age-" + id);
                    return age != null && age.isVisible() && age.getText().contains("分钟前");
                }));
        assertEquals(count, onFx(() -> ((Label) scene.lookup("#wall-open-count")).getText()), "the figures stay, with their age");
        assertTrue(onFx(() -> texts().stream().noneMatch(t -> t.getText().contains("Exception") || t.getText().contains("at org."))),
                "no stack trace on the wall");

        Instant returned = clock.instant();
        shared.bringBack();
        waitUntil(Duration.ofSeconds(20), "the banner goes when the database returns", () -> !screen.bannerShown());
        waitUntil(Duration.ofSeconds(20), "the panels read again", () -> screen.panel(PanelKind.OPEN_INCIDENTS).orElseThrow()
                .loadedAt().compareTo(returned) >= 0);
        assertFalse(onFx(() -> scene.lookup("#wall-age-open-incidents").isVisible()));
    }

    @Test
    void withMapGridsIndexThePoliceGridsAreColouredByTheirStationsIndexAndTheMapSaysSo() throws Exception {
        WallLayout d = WallLayoutReader.defaultLayout();
        layout = new WallLayout(d.columns(), d.rows(), d.areas(), WallLayout.GridColours.INDEX);
        // the wall's clock in the next month, whose index is not computed yet: the month computed colours the grids
        wallLater = Duration.ofDays(35);
        startWall(inMemory(), 1920, 1080);
        java.time.YearMonth computed = java.time.YearMonth.from(clock.instant().atZone(LaunchOptions.DEFAULT_ZONE));
        MapPanel map = (MapPanel) screen.panel(PanelKind.MAP).orElseThrow();
        long grids = seed.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM police_grid").mapTo(Long.class).one());
        assertEquals(grids, (long) onFx(map::gridsColouredByIndex), "every grid has its station's index");
        assertTrue(onFx(() -> scene.lookup("#wall-map-grids-caption").isVisible()));
        String caption = onFx(() -> ((Label) ((StackPane) scene.lookup("#wall-map-grids-caption")).getChildren().get(0)).getText());
        assertTrue(caption.startsWith("警格颜色：所属派出所" + computed.getYear() + "年" + computed.getMonthValue() + "月主防指数"),
                caption);
    }

    @Test
    void aBadLayoutFileIsNamedOnTheWallWithItsLineAndTheDefaultLayoutIsShown() throws Exception {
        Path file = dataDir.resolve(WallContext.LAYOUT_FILE);
        Files.writeString(file, "grid 4x3\narea 1,1 4x3 map\narea 1,1 1x1 clok\n", StandardCharsets.UTF_8);
        WallApplication.Loaded loaded = WallApplication.layout(file);
        LaunchOptions options = LaunchOptions.parse(List.of("--data-dir", dataDir.toString(), "--db",
                "jdbc:h2:mem:none-" + UUID.randomUUID() + ";IFEXISTS=TRUE"), Map.of());
        Files.writeString(dataDir.resolve("db.properties"), "user=sa\npassword=\n", StandardCharsets.UTF_8);
        context = new WallContext(options, WallOptions.none(), new TestClock(Instant.now(), LaunchOptions.DEFAULT_ZONE), Platform::runLater);
        assertEquals(file, context.layoutFile().orElseThrow());
        scene = onFx(() -> {
            screen = new WallScreen(context, loaded.layout(), loaded.result().problems(), loaded.name());
            Scene s = new Scene((Parent) screen.root(), 1920, 1080);
            WallApplication.style(s);
            stage.setScene(s);
            stage.show();
            screen.start();
            return s;
        });
        List<String> lines = onFx(() -> texts().stream().map(Text::getText).toList());
        assertTrue(lines.contains("布局文件 " + file + " 有误，已使用默认布局："), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("第 3 行：未知面板“clok”")), lines.toString());
        assertTrue(onFx(() -> scene.lookup("#wall-panel-today") != null), "the default layout's panels are there");
        // and no database: a banner that says so in words, panels that say they are loading, never an empty chart
        waitUntil(Duration.ofSeconds(20), "the banner says the wall cannot connect", screen::bannerShown);
        String banner = onFx(() -> ((Label) scene.lookup("#wall-banner-text")).getText());
        assertTrue(banner.startsWith("无法连接数据库："), banner);
        assertFalse(banner.contains("Exception"), banner);
        assertEquals("正在读取数据…", onFx(() -> ((Label) scene.lookup("#wall-state-open-incidents")).getText()));
    }

    @Test
    void aNewPriorityOneIncidentIsCountedAndFollowedOnTheMapThenTheMapReturnsToTheDistrict() throws Exception {
        startWall(inMemory(), 1920, 1080);
        MapPanel map = (MapPanel) screen.panel(PanelKind.MAP).orElseThrow();
        waitUntil(Duration.ofSeconds(10), "the map knows the open incidents", () -> !mapView().viewModel().incidents().isEmpty());
        assertFalse(onFx(map::following));
        String before = onFx(() -> ((Label) scene.lookup("#wall-open-count")).getText());
        double homeZoom = onFx(mapView()::zoom);

        // another workstation records a priority-1 call (the test writes; the wall only reads)
        long station = seed.jdbi().withHandle(h -> h.createQuery("SELECT MIN(id) FROM station").mapTo(Long.class).one());
        long started = System.nanoTime();
        new org.commandroom.core.incident.IncidentService(seed.jdbi(), new org.commandroom.core.live.ChangeRecorder(clock, "desk"))
                .record(new org.commandroom.core.incident.Incident(0, "J-WALL-1", clock.instant(), null, "南关路 1 号",
                        org.commandroom.core.geo.GeoPoint.wgs84(29.215, 103.955), org.commandroom.core.incident.IncidentType.ROBBERY, 1,
                        null, station, null, org.commandroom.core.incident.IncidentStatus.NEW, null, 0));
        waitUntil(Duration.ofSeconds(10), "the open count takes the new incident",
                () -> !((Label) scene.lookup("#wall-open-count")).getText().equals(before));
        long onWallMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Integer.parseInt(before) + 1, Integer.parseInt(onFx(() -> ((Label) scene.lookup("#wall-open-count")).getText())));
        org.slf4j.LoggerFactory.getLogger(WallScreenTest.class).info("WALL-LATENCY a new incident was on the wall {} ms after "
                + "it was committed", onWallMs);
        waitUntil(Duration.ofSeconds(10), "the map follows the priority-1 incident", map::following);
        waitUntil(Duration.ofSeconds(10), "the map flies in", () -> mapView().zoom() > homeZoom + 2);
        onFx(() -> {
            map.stopFollowing();
            return null;
        });
        waitUntil(Duration.ofSeconds(10), "then back to the district", () -> !map.following() && Math.abs(mapView().zoom() - homeZoom) < 0.01);
    }

    @Test
    void theLayoutDriftsAFewPixelsAndNoMore() throws Exception {
        startWall(inMemory(), 1920, 1080);
        Set<String> positions = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            double[] xy = onFx(() -> {
                screen.driftNow();
                return new double[] {screen.frame().getTranslateX(), screen.frame().getTranslateY()};
            });
            assertTrue(Math.abs(xy[0]) <= WallScreen.DRIFT_PX && Math.abs(xy[1]) <= WallScreen.DRIFT_PX, xy[0] + "," + xy[1]);
            positions.add(xy[0] + "," + xy[1]);
        }
        assertTrue(positions.size() >= 8, "it moves round: " + positions);
        assertNotEquals(0, WallScreen.DRIFT_STEP.toSeconds());
    }
}
