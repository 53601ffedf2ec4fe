package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.commandroom.app.AppContext;
import org.commandroom.app.AppServices;
import org.commandroom.app.Fixture;
import org.commandroom.app.LaunchOptions;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.LiveScreenTest;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.status.StatusBarViewModel;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole first screen at 1600x900: connecting, failing, and no Chinese text cut short. */
class MainWindowViewTest extends LiveScreenTest {

    private AppContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    private Scene show(MainWindowView view) {
        return onFx(() -> {
            Scene scene = new Scene((Parent) view.root(), 1600, 900);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            return scene;
        });
    }

    private AppServices services(Fixture fx) {
        ChangeRecorder recorder = new ChangeRecorder(fx.clock, "test");
        OrderService orders = new OrderService(fx.db.jdbi(), fx.clock, DeadlinePolicy.defaults(),
                new Numbering(fx.clock, ZoneId.of("Asia/Shanghai")), recorder);
        return new AppServices(fx.db, fx.incidents, fx.units, orders, live.feed, null,
                new org.commandroom.core.geo.io.GeoImportService(fx.db.jdbi(), recorder, fx.clock,
                        org.commandroom.core.geo.io.GeoImportService.Settings.defaults(
                                org.commandroom.core.geo.io.GeoImportService.Settings.CHINA)),
                fx.intakeModule(orders));
    }

    private static String text(Scene scene, String id) {
        return onFx(() -> ((Labeled) scene.lookup("#" + id)).getText());
    }

    @Test
    void theWindowSaysItIsConnectingUntilTheDatabaseIsOpenThenShowsTheData() throws Exception {
        Fixture fx = Fixture.inMemory();
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.NEW, Duration.ofMinutes(3), "北街3号");
        live = onFx(() -> new LiveScreen(fx, Locale.ROOT));
        CountDownLatch gate = new CountDownLatch(1);
        StatusBarViewModel status = new StatusBarViewModel(fx.clock, "jdbc:h2:mem:test", "值班员");
        MainWindowViewModel vm = new MainWindowViewModel(() -> {
            assertTrue(gate.await(10, TimeUnit.SECONDS));
            return services(fx);
        }, live.ui.tasks(), status);
        MainWindowView view = onFx(() -> new MainWindowView(vm, live.ui));
        Scene scene = show(view);
        onFx(() -> {
            vm.connect();
            return null;
        });

        assertEquals("正在连接数据库…", text(scene, "main-connecting"));
        assertEquals("正在连接数据库…", text(scene, "status-db-state"));
        assertFalse(Platform.isFxApplicationThread());

        gate.countDown();
        waitUntil(Duration.ofSeconds(5), "the queue is shown",
                () -> scene.lookup("#incident-queue-table") instanceof TableView<?> t && t.getItems().size() == 1);
        assertEquals("已连接", text(scene, "status-db-state"));
        assertTrue(onFx(() -> scene.lookup("#map-pane") != null));
        assertTrue(onFx(() -> scene.lookup("#main-connecting") == null));
        assertFalse(onFx(() -> scene.lookup("#stale-banner").isVisible()));
        // Beside the title: who is on duty by the roster (none entered in this county).
        waitUntil(Duration.ofSeconds(5), "the roster is read for the title bar",
                () -> "值班表未排".equals(text(scene, "title-duty")));

        live.awaitFeed();
        // What the banner said when it came up: an in-memory database shut down is "answered" again at once (empty),
        // so the banner may stand for only a moment; polling for it once missed that moment in CI.
        java.util.concurrent.atomic.AtomicReference<String> announced = new java.util.concurrent.atomic.AtomicReference<>();
        onFx(() -> {
            Label banner = (Label) scene.lookup("#stale-banner");
            banner.visibleProperty().addListener((o, was, is) -> {
                if (is) {
                    announced.compareAndSet(null, banner.getText());
                }
            });
            return null;
        });
        fx.db.health().start(fx.clock);
        try (var c = java.sql.DriverManager.getConnection(fx.db.settings().jdbcUrl(), "sa", "")) {
            c.createStatement().execute("SHUTDOWN IMMEDIATELY");   // the database goes away under the console
        } catch (java.sql.SQLException expected) {
            // its own session is closed under it
        }
        waitUntil(Duration.ofSeconds(2), "a lost database is announced above the data", () -> announced.get() != null);
        assertTrue(announced.get().startsWith("数据库连接中断：以下数据截至 10:00:00"), announced.get());
    }

    @Test
    void aDatabaseBehindTheSchemaShowsWhichUpgradeStepRunsInsteadOfABareConnecting() throws Exception {
        String url = "jdbc:h2:mem:upgrade-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        org.flywaydb.core.Flyway old = org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration").target("20").load();
        old.migrate();
        org.flywaydb.core.api.MigrationInfo[] pending = org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration").load().info().pending();
        CountDownLatch slowStep = new CountDownLatch(1);
        CountDownLatch upgraded = new CountDownLatch(1);
        CountDownLatch servicesReady = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Fixture> opened = new java.util.concurrent.atomic.AtomicReference<>();
        org.commandroom.core.TestClock clock = new org.commandroom.core.TestClock(Fixture.T0, Fixture.ZONE);
        StatusBarViewModel status = new StatusBarViewModel(clock, url, "值班员");
        java.util.concurrent.ExecutorService io = org.commandroom.app.ui.common.Tasks.newIoExecutor("console-io");
        org.commandroom.app.ui.common.UiContext ui = new org.commandroom.app.ui.common.UiContext(clock,
                new org.commandroom.app.ui.common.Tasks(io, Platform::runLater),
                org.commandroom.app.ui.common.I18n.load(Locale.ROOT), new org.commandroom.app.ui.common.Ticker(),
                org.commandroom.app.ui.common.DisplaySettings.defaults());
        MainWindowViewModel[] vm = new MainWindowViewModel[1];
        vm[0] = new MainWindowViewModel(() -> {
            // the real opening of the database, with the start screen's listener and a second step held long enough
            // to be seen (a Bao'an-scale file takes minutes on one step)
            org.commandroom.core.store.MigrationListener screen = vm[0].upgradeListener();
            org.commandroom.core.store.Database.open(new org.commandroom.core.store.DbSettings(url, "sa", "", true), step -> {
                screen.migrating(step);
                if (step.number() == 2) {
                    try {
                        assertTrue(slowStep.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }).close();
            upgraded.countDown();
            assertTrue(servicesReady.await(10, TimeUnit.SECONDS));
            return services(opened.get());
        }, ui.tasks(), status);
        MainWindowView view = onFx(() -> new MainWindowView(vm[0], ui));
        Scene scene = show(view);
        onFx(() -> {
            vm[0].connect();
            return null;
        });

        String expected = "正在升级数据库：第 2 / " + pending.length + " 步（结构版本 " + pending[1].getVersion() + "），请勿关闭控制台";
        waitUntil(Duration.ofSeconds(10), "the second step is shown", () -> expected.equals(text(scene, "main-connecting")));
        slowStep.countDown();
        assertTrue(upgraded.await(20, TimeUnit.SECONDS));
        Fixture fx = Fixture.open(url);
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.NEW, Duration.ofMinutes(3), "北街3号");
        live = onFx(() -> new LiveScreen(fx, Locale.ROOT));
        opened.set(fx);
        servicesReady.countDown();
        waitUntil(Duration.ofSeconds(10), "the queue is shown once upgraded",
                () -> scene.lookup("#incident-queue-table") instanceof TableView<?> t && t.getItems().size() == 1);
        assertTrue(onFx(() -> scene.lookup("#main-connecting") == null));
        assertEquals(null, vm[0].upgradeStepProperty().get(), "nothing left of the upgrade once connected");
        io.shutdown();
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsExplainedInTheWindowWithoutAStackTrace(@TempDir Path dataDir) throws Exception {
        LaunchOptions options = LaunchOptions.parse(List.of("--db", "jdbc:h2:tcp://127.0.0.1:1/nowhere",
                "--data-dir", dataDir.toString()), Map.of());
        context = org.commandroom.app.TestUsers.signedIn(new AppContext(options, new org.commandroom.core.TestClock(Fixture.T0, Fixture.ZONE), Platform::runLater));
        MainWindow window = onFx(() -> new MainWindow(context));
        Scene scene = onFx(() -> {
            Scene s = new Scene(window.root(), 1600, 900);
            Theme.style(s);
            stage.setScene(s);
            stage.show();
            return s;
        });
        onFx(() -> {
            window.connect();
            return null;
        });

        waitUntil(Duration.ofSeconds(20), "the failure is shown", () -> scene.lookup("#main-failed") != null);
        assertEquals("无法打开数据库", text(scene, "main-failed"));
        String reason = text(scene, "main-failed-reason");
        assertTrue(reason.startsWith("原因："), reason);
        assertFalse(reason.contains("\tat ") || reason.contains("\n"), reason);
        assertTrue(text(scene, "status-db-state").startsWith("无法打开"), text(scene, "status-db-state"));
        assertTrue(text(scene, "status-database").contains("jdbc:h2:tcp://127.0.0.1:1/nowhere"));

        onFx(() -> {
            ((javafx.scene.control.Button) scene.lookup("#main-retry")).fire();
            return null;
        });
        waitUntil(Duration.ofSeconds(2), "retrying shows the connecting state again",
                () -> scene.lookup("#main-connecting") != null);
        waitUntil(Duration.ofSeconds(20), "and the failure again", () -> scene.lookup("#main-failed") != null);
    }

    /**
     * Whether a node is on screen: it and every parent visible. A hidden panel's labels are never laid out (the map's
     * area panel, shown only while an area is drawn, read "..." in the clean-clone CI) and are not on the screen.
     */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void noChineseTextOnTheFirstScreenIsCutShort() throws Exception {
        Fixture fx = Fixture.inMemory();
        // The longest labels the screen can show: type, status, station, grid, crew, unit status.
        fx.incident(IncidentType.TRAFFIC_INJURY, 1, IncidentStatus.NEW, Duration.ofMinutes(75), "城关镇环城北路与南关路交叉口");
        fx.incident(IncidentType.NEIGHBOUR_DISPUTE, 3, IncidentStatus.ON_SCENE, Duration.ofMinutes(8), "南关社区5栋");
        fx.incident(IncidentType.NON_POLICE, 3, IncidentStatus.DISPATCHED, Duration.ofMinutes(3), "西巷1号");
        fx.unit("巡逻01", UnitKind.MOTORBIKE, UnitStatus.EN_ROUTE, Duration.ofMinutes(150), "欧阳建国", "司马晓燕", "诸葛明");
        fx.unit("步巡03", UnitKind.FOOT, UnitStatus.OFF_DUTY, null);
        live = onFx(() -> new LiveScreen(fx, Locale.ROOT));
        live.awaitFeed();
        StatusBarViewModel status = new StatusBarViewModel(fx.clock,
                "内置 H2（/root/.local/share/command-room-console/console.mv.db）", "值班员");
        MainWindowViewModel vm = new MainWindowViewModel(() -> services(fx), live.ui.tasks(), status);
        MainWindowView view = onFx(() -> new MainWindowView(vm, live.ui));
        Scene scene = show(view);
        onFx(() -> {
            vm.connect();
            return null;
        });
        waitUntil(Duration.ofSeconds(5), "data is shown",
                () -> scene.lookup("#incident-queue-table") instanceof TableView<?> t && t.getItems().size() == 3
                        && scene.lookup("#unit-board-table") instanceof TableView<?> u && u.getItems().size() == 2);
        Thread.sleep(300);

        List<String> cut = onFx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : LiveScreen.allNodes(scene.getRoot())) {
                if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && shown(l)
                        && l.getScene() != null) {
                    for (Node child : l.getChildrenUnmodifiable()) {
                        if (child instanceof Text shown && !shown.getText().equals(l.getText())) {
                            out.add(l.getText() + " -> " + shown.getText());
                        }
                    }
                }
            }
            return out;
        });
        assertTrue(cut.isEmpty(), "cut short: " + cut);
    }
}
