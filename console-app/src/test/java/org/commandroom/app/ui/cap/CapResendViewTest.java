package org.commandroom.app.ui.cap;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.cap.CapAlert;
import org.commandroom.core.cap.CapEndpoint;
import org.commandroom.core.cap.CapInbox;
import org.commandroom.core.cap.CapPoster;
import org.commandroom.core.cap.CapReader;
import org.commandroom.core.cap.CapSchema;
import org.commandroom.core.cap.CapService;
import org.commandroom.core.cap.StoredCap;
import org.commandroom.core.cap.WarningArea;
import org.commandroom.core.cap.WarningKind;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 重新发送 in the 预警信息 tab: a warning whose delivery failed is sent again from the button or the row's menu, off
 * the FX thread, the column saying 发送中… and then the new outcome; a real HTTP server on the loopback first refuses
 * (500), then holds the re-post until the test lets it answer 200.
 */
@ExtendWith(ApplicationExtension.class)
class CapResendViewTest {

    private IntakeFixture fx;
    private HttpServer server;
    private ExecutorService longIo;
    private CapAlertsViewModel vm;
    private CapReader reader;
    private UiContext ui;
    private Path out;
    private long id;
    private String url;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    /** The answer to the first request; every later one waits for {@link #release}, then answers 200. */
    private volatile int first = 500;

    @Start
    void start(Stage stage) throws Exception {
        fx = new IntakeFixture(TestDatabases.h2());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cap", ex -> {
            ex.getRequestBody().readAllBytes();
            int code = first;
            if (requests.incrementAndGet() > 1) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                code = 200;
            }
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cap";
        out = Files.createTempDirectory("cap-out");
        reader = new CapReader(CapSchema.load());
        CapService service = service(new CapPoster(new CapEndpoint(URI.create(url), Duration.ofSeconds(20), 1,
                Duration.ZERO, CapEndpoint.CAP_XML), fx.clock));
        long community = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM community WHERE code = 'C1'")
                .mapTo(Long.class).one());
        id = service.issue(new CapService.Warning(WarningKind.CROWD, new WarningArea.OfLayer(WarningArea.Layer.COMMUNITY,
                community), new CapService.Texts("南关社区人员聚集", null, null), new CapService.Texts("Crowd in Nanguan", null, null),
                null), "张值班长").stored().id();
        longIo = Executors.newSingleThreadExecutor();
        ui = new UiContext(fx.clock, new Tasks(Runnable::run, longIo, Platform::runLater), I18n.load(Locale.ROOT),
                new Ticker(), DisplaySettings.defaults());
        vm = model(service);
        CapAlertsView view = new CapAlertsView(vm, ui);
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new StackPane(view.root()), 900, 500);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    private CapService service(CapPoster poster) {
        return new CapService(fx.db.jdbi(), fx.clock, new CapService.Settings("command@test.local", "test.local",
                CapAlert.Status.Actual, out, IntakeFixture.ZONE), AccessGuard.trusted(), reader, poster);
    }

    private CapAlertsViewModel model(CapService service) {
        return new CapAlertsViewModel(new CapInbox(fx.db.jdbi(), fx.clock, out.resolve("in"), reader,
                AccessGuard.trusted()), false, ui.tasks(), Duration.ofSeconds(60), "张值班长", service);
    }

    @AfterEach
    void close() {
        release.countDown();
        longIo.shutdown();
        server.stop(0);
        fx.db.close();
    }

    /** Lists the warning, posts it (the endpoint answers 500) and waits for the failure to show. */
    private TableView<StoredCap> failed(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<StoredCap> ours = robot.lookup("#cap-ours").queryAs(TableView.class);
        onFx(() -> {
            vm.refresh();
            return null;
        });
        waitUntil(Duration.ofSeconds(10), "the warning is listed, not sent yet", () -> ours.getItems().size() == 1
                && "未发送".equals(delivery(ours)));
        onFx(() -> {
            ours.getSelectionModel().select(0);
            return null;
        });
        assertTrue(onFx(() -> resend(robot).isDisabled()), "never posted: nothing to send again");
        onFx(() -> {
            vm.deliver(id);
            return null;
        });
        waitUntil(Duration.ofSeconds(15), "the failure is shown", () -> "发送失败：接收端拒收：HTTP 500（已尝试 1 次）"
                .equals(delivery(ours)));
        return ours;
    }

    @Test
    void aFailedDeliveryIsSentAgainFromTheButtonAndTheColumnGoesFromSendingToDelivered(FxRobot robot) {
        TableView<StoredCap> ours = failed(robot);
        Button resend = onFx(() -> resend(robot));
        assertEquals("重新发送", onFx(resend::getText));
        waitUntil(Duration.ofSeconds(5), "重新发送 is offered for the failure", () -> !resend.isDisabled());
        shot(resend.getScene(), "cap-resend");

        robot.clickOn(resend);
        waitUntil(Duration.ofSeconds(10), "the re-post reached the endpoint, which holds it", () -> requests.get() == 2);
        assertEquals("发送中…", onFx(() -> delivery(ours)));
        assertTrue(onFx(resend::isDisabled), "not twice at once");

        release.countDown();
        waitUntil(Duration.ofSeconds(15), "the new outcome is shown", () -> ("已送达 " + url).equals(delivery(ours)));
        assertTrue(onFx(resend::isDisabled), "delivered: nothing to send again");
        assertEquals(2, requests.get());
        assertEquals(List.of("CAP_POST_FAILED", "CAP_POSTED"), fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT action FROM audit_log WHERE entity = 'CAP_ALERT' AND action LIKE 'CAP_POST%' ORDER BY seq")
                .mapTo(String.class).list()));

        // A restart reads the latest outcome back from the audit trail: delivered, and 重新发送 stays off.
        CapAlertsViewModel restarted = onFx(() -> model(service(new CapPoster(new CapEndpoint(URI.create(url),
                Duration.ofSeconds(5), 1, Duration.ZERO, CapEndpoint.CAP_XML), fx.clock))));
        onFx(() -> {
            restarted.refresh();
            return null;
        });
        waitUntil(Duration.ofSeconds(10), "read back", () -> restarted.deliveries().containsKey(id));
        assertTrue(onFx(() -> restarted.deliveries().get(id).delivered()));
        assertFalse(onFx(() -> restarted.mayResend(id)));
    }

    @Test
    void aCancelWhosePostFailedIsListedAndSentAgainUntilDeliveredThenLeavesTheList(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<StoredCap> ours = robot.lookup("#cap-ours").queryAs(TableView.class);
        onFx(() -> {
            vm.refresh();
            return null;
        });
        waitUntil(Duration.ofSeconds(10), "the warning is listed", () -> ours.getItems().size() == 1);
        StoredCap warning = onFx(() -> ours.getItems().get(0));
        // Cancelled from the desk (the cancel's dialog is WarningIssueViewTest's): its post is refused with a 500.
        onFx(() -> {
            vm.cancel(warning, "误发", "Sent in error", x -> { }, e -> {
                throw new AssertionError(e);
            });
            return null;
        });
        waitUntil(Duration.ofSeconds(15), "the cancel is listed with its failure", () -> onFx(() -> ours.getItems().size() == 1
                && ours.getItems().get(0).msgType() == CapAlert.MsgType.Cancel)
                && "发送失败：接收端拒收：HTTP 500（已尝试 1 次）".equals(delivery(ours)));
        assertEquals("（撤销消息）人员聚集预警", onFx(() -> LiveScreen.cellText(ours, 0, 0)));
        StoredCap cancel = onFx(() -> ours.getItems().get(0));
        onFx(() -> {
            ours.getSelectionModel().select(0);
            return null;
        });
        assertTrue(onFx(() -> robot.lookup("#cap-cancel").query().isDisabled()), "a cancel is not cancelled");
        assertTrue(onFx(() -> robot.lookup("#cap-update").query().isDisabled()), "nor updated");
        Button resend = onFx(() -> resend(robot));
        waitUntil(Duration.ofSeconds(5), "重新发送 is offered for the cancel", () -> !resend.isDisabled());

        robot.clickOn(resend);
        waitUntil(Duration.ofSeconds(10), "the re-post reached the endpoint, which holds it", () -> requests.get() == 2);
        assertEquals("发送中…", onFx(() -> delivery(ours)));
        release.countDown();
        waitUntil(Duration.ofSeconds(15), "delivered: said, and the cancel leaves the list", () -> onFx(() ->
                ours.getItems().isEmpty() && ((javafx.scene.control.Label) robot.lookup("#cap-issued").query()).getText()
                        .equals("撤销消息 " + cancel.identifier() + " 已送达接收端。")));
        assertEquals(List.of("CAP_POSTED DELIVERED 200 1 " + url + " re-post"), fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT action || ' ' || detail FROM audit_log WHERE entity = 'CAP_ALERT' AND entity_id = :id"
                        + " AND action = 'CAP_POSTED'").bind("id", cancel.id()).mapTo(String.class).list()));
        byte[] stored = cancel.document().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(new String(stored, java.nio.charset.StandardCharsets.UTF_8).contains("<msgType>Cancel</msgType>"));
    }

    @Test
    void theRowsMenuOffersTheSameAndNoEndpointMeansNoButton(FxRobot robot) {
        TableView<StoredCap> ours = failed(robot);
        ContextMenu menu = onFx(() -> {
            TableRow<?> row = robot.lookup(".table-row-cell").queryAll().stream()
                    .filter(n -> n instanceof TableRow<?> r && r.getTableView() == ours && r.getIndex() == 0)
                    .map(n -> (TableRow<?>) n).findFirst().orElseThrow();
            Bounds b = row.localToScreen(row.getBoundsInLocal());
            javafx.event.Event.fireEvent(row, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 40,
                    b.getHeight() / 2, b.getMinX() + 40, b.getCenterY(), false, null));
            return row.getContextMenu();
        });
        assertNotNull(menu);
        waitUntil(Duration.ofSeconds(5), "the menu is up", menu::isShowing);
        MenuItem again = onFx(() -> menu.getItems().get(0));
        assertEquals("重新发送", onFx(again::getText));
        assertFalse(onFx(again::isDisable), "offered for the failure");
        onFx(() -> {
            again.fire();
            menu.hide();
            return null;
        });
        try {
            waitUntil(Duration.ofSeconds(10), "sending", () -> "发送中…".equals(delivery(ours)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + onFx(() -> delivery(ours) + " / posting "
                    + vm.postingProperty() + " / " + vm.deliveries() + " / requests " + requests.get() + " / notice "
                    + ((javafx.scene.control.Label) robot.lookup("#cap-issued").query()).getText()), e);
        }
        release.countDown();
        waitUntil(Duration.ofSeconds(15), "delivered", () -> ("已送达 " + url).equals(delivery(ours)));

        // The same tab on a service without an endpoint (none set, or a drill) has no 重新发送 at all.
        CapAlertsView without = onFx(() -> new CapAlertsView(model(service(null)), ui));
        assertNotNull(onFx(() -> without.root().lookup("#cap-cancel")));
        assertNull(onFx(() -> without.root().lookup("#cap-resend")));
        // Nor for a user who may not issue warnings (the wall, a trainee): the desk gives the tab no service then.
        CapAlertsView readOnly = onFx(() -> new CapAlertsView(new CapAlertsViewModel(new CapInbox(fx.db.jdbi(), fx.clock,
                out.resolve("in"), reader, AccessGuard.trusted()), false, ui.tasks(), Duration.ofSeconds(60), "wall"), ui));
        assertNull(onFx(() -> readOnly.root().lookup("#cap-ours")));
        assertNull(onFx(() -> readOnly.root().lookup("#cap-resend")));
    }

    @Test
    void inTheDesksNarrowPaneTheHeaderAndBothButtonsAreShownWholeInBothLanguagesAndInAWideOneOnOneLine() {
        CapService posting = service(new CapPoster(new CapEndpoint(URI.create(url), Duration.ofSeconds(5), 1,
                Duration.ZERO, CapEndpoint.CAP_XML), fx.clock));
        for (Locale locale : List.of(Locale.ROOT, Locale.ENGLISH)) {
            UiContext in = new UiContext(fx.clock, ui.tasks(), I18n.load(locale), new Ticker(), DisplaySettings.defaults());
            for (int width : new int[] {300, 900}) {
              for (CapService svc : List.of(posting, service(null))) {
                onFx(() -> {
                    // The desk's side pane is about 300 px at its narrowest; a scene without a window lays it out.
                    // With an endpoint: 更新…, 重新发送 and 撤销所选…; without one: 更新… and 撤销所选….
                    CapAlertsView view = new CapAlertsView(model(svc), in);
                    Scene scene = new Scene(new StackPane(view.root()), width, 420);
                    Theme.style(scene);
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    List<Region> shown = new java.util.ArrayList<>(List.of((Region) view.root().lookup("#cap-ours-title"),
                            (Region) view.root().lookup("#cap-update"), (Region) view.root().lookup("#cap-cancel")));
                    if (svc == posting) {
                        shown.add((Region) view.root().lookup("#cap-resend"));
                    }
                    String where = locale + " at " + width + " px" + (svc == posting ? "" : " without an endpoint") + ": ";
                    for (Region r : shown) {
                        assertTrue(r.getWidth() + 0.5 >= r.prefWidth(-1) && r.getHeight() + 0.5 >= r.prefHeight(-1),
                                where + "shown whole: " + r);
                        Bounds b = r.localToScene(r.getLayoutBounds());
                        assertTrue(b.getMinX() >= -0.5 && b.getMaxX() <= width + 0.5, where + "inside the pane: " + b);
                        for (Region o : shown) {
                            if (o != r) {
                                assertFalse(b.intersects(o.localToScene(o.getLayoutBounds())), where + r + " / " + o);
                            }
                        }
                    }
                    if (width == 900) {
                        double y = shown.get(0).localToScene(shown.get(0).getLayoutBounds()).getCenterY();
                        for (Region r : shown) {
                            assertEquals(y, r.localToScene(r.getLayoutBounds()).getCenterY(), 1.0, where + "one line");
                        }
                    }
                    return null;
                });
              }
            }
        }
    }

    /** target/screenshots/{name}.png, to look at. */
    private static void shot(Scene scene, String name) {
        try {
            var img = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
            Files.createDirectories(Path.of("target/screenshots"));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                    Path.of("target/screenshots", name + ".png").toFile());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Button resend(FxRobot robot) {
        return robot.lookup("#cap-resend").queryAs(Button.class);
    }

    /** The delivery cell of the first row as drawn (call on the FX thread). */
    private static String delivery(TableView<StoredCap> t) {
        return LiveScreen.cellText(t, 0, t.getColumns().size() - 1);
    }
}
