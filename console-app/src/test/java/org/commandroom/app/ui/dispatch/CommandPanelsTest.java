package org.commandroom.app.ui.dispatch;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.commandroom.app.AppServices;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.LiveScreenTest;
import org.commandroom.app.ui.main.DeskOnStage;
import org.commandroom.app.ui.main.MainWindowView;
import org.commandroom.app.ui.main.MainWindowViewModel;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.app.ui.status.StatusBarViewModel;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDao;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.UnitProposal;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeModule;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.unit.UnitDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.Test;

/**
 * The commander's keyboard path in the main window, live on H2 through the change feed: F2, a call typed
 * in, Enter; it appears in the queue; F3, Enter dispatches it to the proposed unit. And a lost race.
 */
class CommandPanelsTest extends LiveScreenTest {

    private Fixture fx;
    private IntakeModule module;
    private Scene scene;

    private void open() throws Exception {
        fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO key_place (station_id, name, kind, lat, lon, datum) "
                + "VALUES (:s, '南关小学', 'SCHOOL', 29.21, 103.71, 'WGS84')").bind("s", fx.stationId).execute());
        long unit = fx.unit("巡逻01", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(20), "张伟");
        assertTrue(unit > 0);
        live = onFx(() -> new LiveScreen(fx, Locale.ROOT));
        live.awaitFeed();
        OrderService orders = new OrderService(fx.db.jdbi(), fx.clock, DeadlinePolicy.defaults(),
                new Numbering(fx.clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(fx.clock, "test"));
        module = fx.intakeModule(orders);
        live.feed.addListener(module.feedListener());
        AppServices services = new AppServices(fx.db, fx.incidents, fx.units, orders, live.feed, module);
        StatusBarViewModel status = new StatusBarViewModel(fx.clock, "jdbc:h2:mem:test", "值班长");
        MainWindowViewModel vm = new MainWindowViewModel(() -> services, live.ui.tasks(), status);
        MainWindowView view = onFx(() -> new MainWindowView(vm, live.ui));
        scene = DeskOnStage.show(stage, view, vm);
        waitUntil(Duration.ofSeconds(5), "the dashboard is up", () -> scene.lookup("#incident-queue-table") != null);
        // The keyboard goes to the focused window: give this one the focus as a commander's click would.
        clickOn("#incident-queue-table");
    }

    @SuppressWarnings("unchecked")
    private TableView<QueueRow> queue() {
        return (TableView<QueueRow>) scene.lookup("#incident-queue-table");
    }

    /** The text of a label or field; "" while it has none (a wait then keeps waiting instead of failing). */
    private String text(String id) {
        return onFx(() -> java.util.Objects.toString(scene.lookup("#" + id) instanceof Label l ? l.getText()
                : ((TextField) scene.lookup("#" + id)).getText(), ""));
    }

    private boolean showing(String id) {
        return onFx(() -> {
            Node n = scene.lookup("#" + id);
            return n != null && n.isVisible() && n.getScene() != null;
        });
    }

    @Test
    void aCallTypedWithTheKeyboardIsQueuedShownAsARepeatAndDispatchedToTheProposedUnit() throws Exception {
        open();
        // The same caller rang five days ago: this call is a repeat (一人多警).
        Incident earlier = module.intake().record(new CallReport("13800001234", "南关路12号", GeoPoint.wgs84(29.212, 103.712),
                IncidentType.FAMILY_DISPUTE, null, null, Fixture.T0.minus(Duration.ofDays(5)), null), "t").incident();
        fx.setStatus(earlier.incidentNo(), IncidentStatus.CLOSED);

        type(KeyCode.F2);
        waitUntil(Duration.ofSeconds(3), "F2 opens the intake form though the queue has the focus", () -> showing("intake-form"));
        waitUntil(Duration.ofSeconds(3), "the caller field has the keyboard", () -> scene.lookup("#intake-caller").isFocused());
        write("13800001234");
        type(KeyCode.TAB);
        write("南关小");
        waitUntil(Duration.ofSeconds(3), "the gazetteer suggests the school", () -> showing("intake-suggestions")
                && ((ListView<?>) scene.lookup("#intake-suggestions")).getItems().size() >= 1);
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        assertEquals("南关小学", text("intake-address"));
        assertEquals("29.210000, 103.710000", text("intake-position"));
        write("纠纷");
        waitUntil(Duration.ofSeconds(3), "matching types are listed", () -> showing("intake-type-list"));
        type(KeyCode.ENTER);
        assertEquals("纠纷 / 家庭纠纷", text("intake-type"));
        write("夫妻吵架");
        type(KeyCode.ENTER);

        waitUntil(Duration.ofSeconds(5), "the call is saved", () -> text("intake-message").startsWith("已登记警情 J"));
        waitUntil(Duration.ofSeconds(5), "it arrives in the queue through the change feed and is selected",
                () -> queue().getItems().size() == 1 && queue().getSelectionModel().getSelectedItem() != null);
        QueueRow row = onFx(() -> queue().getSelectionModel().getSelectedItem());
        assertEquals("南关小学", row.getEntry().address());
        assertEquals(IncidentType.FAMILY_DISPUTE, row.getEntry().type());
        assertEquals(2, row.getEntry().priority(), "defaulted from the type");
        assertEquals("南关社区第二警格", row.getEntry().gridName());
        assertTrue(showing("intake-repeat"), "the repeat is shown");
        assertEquals("重复警情（一人多警）：30天内第2次", text("intake-repeat-title"));
        assertEquals(1, onFx(() -> ((ListView<?>) scene.lookup("#intake-repeat-list")).getItems().size()));
        assertEquals("", text("intake-caller"), "the form is ready for the next call");

        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(Duration.ofSeconds(5), "the door visit is issued", () -> text("intake-message").startsWith("已下发上门回访指令 ZL"));

        type(KeyCode.F3);
        waitUntil(Duration.ofSeconds(5), "the dispatch panel proposes the unit", () -> showing("dispatch-proposals")
                && ((TableView<?>) scene.lookup("#dispatch-proposals")).getItems().size() == 1);
        UnitProposal first = onFx(() -> (UnitProposal) ((TableView<?>) scene.lookup("#dispatch-proposals")).getItems().get(0));
        assertEquals("巡逻01", first.callSign());
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(5), "it is dispatched", () -> text("dispatch-message").startsWith("已派 巡逻01，指令 ZL"));
        waitUntil(Duration.ofSeconds(5), "the queue shows it dispatched",
                () -> queue().getItems().get(0).getEntry().status() == IncidentStatus.DISPATCHED);
        assertEquals(UnitStatus.EN_ROUTE, fx.db.jdbi().withExtension(UnitDao.class, d -> d.findById(first.unitId()))
                .orElseThrow().status());
        Order order = fx.db.jdbi().withExtension(OrderDao.class, d -> d.forIncident(row.getEntry().id())).stream()
                .filter(o -> o.kind() == OrderKind.DISPATCH).findFirst().orElseThrow();
        assertEquals(first.unitId(), order.unitId());

        type(KeyCode.ESCAPE);
        waitUntil(Duration.ofSeconds(2), "Esc closes the panel", () -> !showing("side-panel"));
    }

    @Test
    void enterPressedTwiceSendsTheGridOfficerOnceAndTheThirdSaysWhichOrderHeAlreadyHas() throws Exception {
        open();
        fx.db.jdbi().useHandle(h -> {
            long officer = h.createUpdate("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) "
                    + "VALUES (:s, 'C900', '赵强', 'POLICE', 'COMMUNITY_OFFICER')").bind("s", fx.stationId)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("UPDATE police_grid SET officer_id = :o WHERE id = :g").bind("o", officer).bind("g", fx.gridId)
                    .execute();
        });
        module.intake().record(CallReport.of(null, "南关路12号", GeoPoint.wgs84(29.212, 103.712),
                IncidentType.NEIGHBOUR_DISPUTE, null, null), "t");
        waitUntil(Duration.ofSeconds(5), "the call is queued", () -> queue().getItems().size() == 1);
        onFx(() -> {
            queue().getSelectionModel().select(0);
            return null;
        });
        type(KeyCode.F3);
        waitUntil(Duration.ofSeconds(5), "the grid officer is proposed first and chosen", () -> showing("dispatch-proposals")
                && ((TableView<?>) scene.lookup("#dispatch-proposals")).getItems().size() == 2
                && "赵强".equals(selectedProposal()));
        assertEquals("按责任排序：警格民警、本所警力、就近警力", text("dispatch-ranking"));

        type(KeyCode.ENTER, KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(5), "the dispatch has settled",
                () -> (text("dispatch-message").startsWith("已派 赵强") || text("dispatch-message").startsWith("赵强 已有"))
                && !onFx(() -> scene.lookup("#dispatch-confirm").isDisabled()));
        assertEquals(1L, dispatchOrders(), "two Enters, one order");
        String orderNo = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT order_no FROM work_order").mapTo(String.class).one());
        waitUntil(Duration.ofSeconds(5), "he is marked as sent", () -> "已派".equals(
                LiveScreen.cellText((TableView<?>) scene.lookup("#dispatch-proposals"), 0, 0)));

        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(5), "the third Enter is refused and says why",
                () -> ("赵强 已有本警情的指令 " + orderNo + "（已下发），未重复派警").equals(text("dispatch-message")));
        assertEquals(1L, dispatchOrders());
    }

    private String selectedProposal() {
        return onFx(() -> {
            Object p = ((TableView<?>) scene.lookup("#dispatch-proposals")).getSelectionModel().getSelectedItem();
            return p == null ? null : ((UnitProposal) p).label();
        });
    }

    private long dispatchOrders() {
        return fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM work_order WHERE kind = 'DISPATCH'")
                .mapTo(Long.class).one());
    }

    @Test
    void aUnitTakenByAnotherWorkstationFirstIsExplainedAndTheNoteIsKept() throws Exception {
        open();
        module.intake().record(CallReport.of(null, "南关小学", null, IncidentType.FIGHT, null, null), "t");
        Incident other = module.intake().record(CallReport.of(null, "南关路12号", GeoPoint.wgs84(29.212, 103.712),
                IncidentType.NOISE, null, null), "t").incident();
        waitUntil(Duration.ofSeconds(5), "both calls are queued", () -> queue().getItems().size() == 2);
        onFx(() -> {
            queue().getSelectionModel().select(0);
            return null;
        });
        type(KeyCode.F3);
        waitUntil(Duration.ofSeconds(5), "proposals shown", () -> showing("dispatch-proposals")
                && ((TableView<?>) scene.lookup("#dispatch-proposals")).getItems().size() == 1);
        clickOn("#dispatch-note");
        write("带上酒精检测仪");

        // Meanwhile another workstation sends the same unit elsewhere.
        UnitProposal westSees = module.dispatch().propose(other, 5).get(0);
        module.dispatch().dispatch(other, westSees, "西席");

        clickOn("#dispatch-confirm");
        waitUntil(Duration.ofSeconds(5), "the loss is explained", () -> text("dispatch-message")
                .equals("巡逻01 已被其他席位抢先派出（现为“出警途中”），本次未写入，请另选警力"));
        assertEquals("带上酒精检测仪", text("dispatch-note"), "what was typed is kept");
        waitUntil(Duration.ofSeconds(5), "the proposals were read again without the taken unit",
                () -> ((TableView<?>) scene.lookup("#dispatch-proposals")).getItems().isEmpty());
        assertTrue(onFx(() -> ((Button) scene.lookup("#dispatch-confirm")).isDisabled()));
        assertEquals(1L, (long) fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM work_order").mapTo(Long.class).one()));
    }
}
