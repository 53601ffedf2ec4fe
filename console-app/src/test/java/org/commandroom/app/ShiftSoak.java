package org.commandroom.app;

import static org.commandroom.app.ui.common.LiveScreen.onFx;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.main.MainWindow;
import org.commandroom.app.ui.orders.OrderRow;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.store.DatabaseHealth;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;

/**
 * The shift soak (issue 10): the real console — {@link AppContext} on the embedded database, the demo county, the
 * simulator, the embedded broker and simulated terminals, the real {@link MainWindow} at 1920×1080 — with every clock
 * running {@code speed} times faster, worked by a robot as a duty commander works it: calls typed with F2, dispatches
 * with F3 (Enter pressed twice), task orders with F4, the index with F6, map search, layer keys, pan and zoom, panels
 * closed while they load, alerts acknowledged. It counts what a night shift must never see and returns the figures:
 * database closures, failed writes, FX-thread stalls, heap after a full GC at start and end, rows written against
 * rows on screen. Run by {@code ShiftSoakIT} (docs/BENCHMARKS.md, "Shift soak").
 */
final class ShiftSoak {

    /** The robot's actions, with how often each is chosen. */
    enum Action {
        CALL(6), DISPATCH(6), TASK(2), INDEX(1), SEARCH(2), LAYERS(2), MAP(3), CLOSE_MID_LOAD(2), ACK_ALERTS(3), SELECT(4);

        final int weight;

        Action(int weight) {
            this.weight = weight;
        }
    }

    /**
     * @param length real time the robot works
     * @param speed  how much faster the console's clocks run (10: a 12-hour shift in 72 minutes)
     */
    record Settings(Duration length, int speed, Path dataDir, long seed) {
    }

    /** What the soak measured. */
    record Figures(Duration length, int speed, Duration shiftCovered, Map<Action, Integer> actionsDone,
                   Map<Action, Integer> actionsUnfinished, List<String> unfinishedReasons, int callsSaved, int dispatches,
                   int duplicateDispatchRefusals, int tasksIssued, int databaseClosures, int databaseLost,
                   int failedWrites, List<String> failedWriteLines, int errorLines, int warnLines,
                   Map<String, Integer> warnAndErrorKinds, int stallsOver100ms, long worstStallMs, List<String> stallSites,
                   double fxBusy, double loadAverage,
                   long heapStartMb, long heapEndMb, long incidentsWritten, long ordersWritten,
                   int queueRowsOnScreen, int queueRowsOpen, int orderRowsOnScreen, int orderRowsOpen,
                   List<String> rowsDiff) {

        double heapGrowth() {
            return heapStartMb == 0 ? 0 : (heapEndMb - heapStartMb) / (double) heapStartMb;
        }

        String report() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Shift soak: %d min real at %dx = %.1f h of shift%n",
                    length.toMinutes(), speed, shiftCovered.toMinutes() / 60.0));
            b.append("  robot actions done: ").append(actionsDone).append('\n');
            b.append("  robot actions not finished: ").append(actionsUnfinished).append('\n');
            unfinishedReasons.stream().limit(10).forEach(r -> b.append("    ").append(r).append('\n'));
            b.append(String.format(Locale.ROOT, "  calls saved %d, dispatches %d (Enter pressed twice, one order written each;"
                    + " the panel showed the refusal %d times), task orders %d%n", callsSaved, dispatches,
                    duplicateDispatchRefusals, tasksIssued));
            b.append(String.format(Locale.ROOT, "  database closures: %d (lost for any reason: %d)%n", databaseClosures, databaseLost));
            b.append(String.format(Locale.ROOT, "  failed writes: %d%n", failedWrites));
            failedWriteLines.stream().limit(10).forEach(r -> b.append("    ").append(r).append('\n'));
            b.append(String.format(Locale.ROOT, "  log: %d ERROR, %d WARN%n", errorLines, warnLines));
            warnAndErrorKinds.forEach((k, n) -> b.append("    ").append(n).append(" × ").append(k).append('\n'));
            b.append(String.format(Locale.ROOT, "  FX-thread stalls over 100 ms: %d, worst %d ms; FX thread busy %.1f %% of"
                    + " the time (CPU / wall); machine load average at the end %.1f%n", stallsOver100ms, worstStallMs,
                    fxBusy * 100, loadAverage));
            stallSites.forEach(r -> b.append("    ").append(r).append('\n'));
            b.append(String.format(Locale.ROOT, "  heap after full GC: start %d MB, end %d MB (%+.1f %%)%n",
                    heapStartMb, heapEndMb, heapGrowth() * 100));
            b.append(String.format(Locale.ROOT, "  rows written: %d incidents, %d orders%n", incidentsWritten, ordersWritten));
            b.append(String.format(Locale.ROOT, "  rows on screen at the end: queue %d of %d open incidents, orders %d of %d open orders%n",
                    queueRowsOnScreen, queueRowsOpen, orderRowsOnScreen, orderRowsOpen));
            rowsDiff.stream().limit(10).forEach(r -> b.append("    ").append(r).append('\n'));
            return b.toString();
        }
    }

    private static final Duration STEP_WAIT = Duration.ofSeconds(8);

    private final FxRobot robot;
    private Stage stage;
    private final Settings settings;
    private final Random random;

    private AppContext context;
    private Scene scene;
    private List<String> addresses = List.of();
    private final Map<Action, Integer> done = new LinkedHashMap<>();
    private final Map<Action, Integer> unfinished = new LinkedHashMap<>();
    private final List<String> unfinishedReasons = new ArrayList<>();
    private final List<String> failedWrites = new ArrayList<>();
    private int callsSaved;
    private int dispatches;
    private int duplicateRefusals;
    private int tasksIssued;

    ShiftSoak(FxRobot robot, Settings settings) {
        this.robot = robot;
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    Figures run() throws Exception {
        LogTally log = LogTally.install();
        try {
            return runLogged(log);
        } finally {
            log.uninstall();
        }
    }

    private Figures runLogged(LogTally log) throws Exception {
        LaunchOptions options = LaunchOptions.parse(List.of("--data-dir", settings.dataDir().toString(),
                "--sim-speed", Integer.toString(settings.speed())), Map.of());
        context = new AppContext(options, options.clock(), Platform::runLater);
        Locale.setDefault(context.i18n().locale());
        // The night shift's user: the duty commander (值班长), as the log-in screen would sign him in.
        TestUsers.signedIn(context, org.commandroom.core.access.Role.DUTY_COMMANDER);
        context.connectEarly();
        MainWindow window = onFx(() -> new MainWindow(context));
        // A stage of its own, not TestFX's registered primary stage: TestFX keeps every event fired on that one
        // (FiredEvents), each holding the cell it hit, which over a shift is most of the heap's growth.
        Stage stage = onFx(Stage::new);
        this.stage = stage;
        scene = onFx(() -> {
            Scene s = new Scene(window.root(), 1920, 1080);
            Theme.style(s);
            stage.setScene(s);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            stage.toFront();
            window.connect();
            return s;
        });
        try {
            // The county's year of history is written in the background; the simulator starts when it is complete.
            if (!context.demoSettled().get(15, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the soak needs the embedded demo county");
            }
            waitFor(Duration.ofSeconds(60), () -> scene.lookup("#incident-queue-table") != null
                    && scene.lookup("#orders-table") != null);
            AppServices services = context.services();
            addresses = services.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT name FROM key_place ORDER BY id").mapTo(String.class).list());

            AtomicInteger closures = new AtomicInteger();
            AtomicInteger lost = new AtomicInteger();
            AtomicBoolean wasUp = new AtomicBoolean(true);
            services.database().health().addListener(Runnable::run, state -> {
                if (wasUp.getAndSet(state.up()) && !state.up()) {
                    lost.incrementAndGet();
                    if (state.problem() == DatabaseHealth.Problem.CLOSED) {
                        closures.incrementAndGet();
                    }
                }
            });

            // Warm-up: every action once, so that what the console keeps for the shift (the index, the tiles
            // around the county, the gazetteer) is there when the heap is first measured.
            for (Action a : Action.values()) {
                perform(a);
            }
            FxStallMonitor stalls = new FxStallMonitor();
            long heapStart = settledHeap();
            histogram("start");
            stalls.start();
            long incidentsAtStart = count("incident");
            long ordersAtStart = count("work_order");
            java.time.Instant shiftStart = context.clock().instant();
            log.reset();

            List<Action> deck = new ArrayList<>();
            for (Action a : Action.values()) {
                for (int i = 0; i < a.weight; i++) {
                    deck.add(a);
                }
            }
            long end = System.nanoTime() + settings.length().toNanos();
            while (System.nanoTime() < end) {
                perform(deck.get(random.nextInt(deck.size())));
                robot.sleep(500 + random.nextInt(2500), TimeUnit.MILLISECONDS);
            }
            escapeEverything();
            Duration covered = Duration.between(shiftStart, context.clock().instant());

            stalls.stop();
            long heapEnd = settledHeap();
            histogram("end");

            // Rows written against rows on screen: with the simulator stopped, the screen must settle on exactly
            // what the database holds open.
            context.simulator().ifPresent(s -> s.close());
            long incidentsWritten = count("incident") - incidentsAtStart;
            long ordersWritten = count("work_order") - ordersAtStart;
            List<String> diff = new ArrayList<>();
            long settleBy = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            int[] rows;
            do {
                robot.sleep(500, TimeUnit.MILLISECONDS);
                rows = compareRows(services, diff);
            } while (!diff.isEmpty() && System.nanoTime() < settleBy);

            Map<String, Integer> kinds = log.kinds();
            int failed = failedWrites.size() + log.writeFailures();
            List<String> failedLines = new ArrayList<>(failedWrites);
            failedLines.addAll(log.writeFailureLines());
            return new Figures(settings.length(), settings.speed(), covered, new LinkedHashMap<>(done),
                    new LinkedHashMap<>(unfinished), List.copyOf(unfinishedReasons), callsSaved, dispatches,
                    duplicateRefusals, tasksIssued, closures.get() + log.closures(), lost.get(), failed, failedLines,
                    log.errors(), log.warnings(), kinds, stalls.count(), stalls.worstMs(), stalls.sites(),
                    stalls.busy(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), heapStart, heapEnd,
                    incidentsWritten, ordersWritten, rows[0], rows[1], rows[2], rows[3], diff);
        } finally {
            context.close();
            onFx(() -> {
                stage.hide();
                return null;
            });
        }
    }

    // ---- the robot's actions ----

    private void perform(Action a) {
        try {
            boolean finished = switch (a) {
                case CALL -> call();
                case DISPATCH -> dispatch();
                case TASK -> task();
                case INDEX -> index();
                case SEARCH -> search();
                case LAYERS -> layers();
                case MAP -> panAndZoom();
                case CLOSE_MID_LOAD -> closeMidLoad();
                case ACK_ALERTS -> acknowledgeAlerts();
                case SELECT -> selectInQueue();
            };
            (finished ? done : unfinished).merge(a, 1, Integer::sum);
        } catch (RuntimeException | AssertionError e) {
            unfinished.merge(a, 1, Integer::sum);
            unfinishedReasons.add(a + ": " + e.getMessage());
        } finally {
            escapeEverything();
        }
    }

    /** F2: a call typed as an operator types it. */
    private boolean call() {
        focusQueue();
        robot.type(KeyCode.F2);
        waitFor(STEP_WAIT, "F2 opens the intake form", () -> showing("intake-form") && scene.lookup("#intake-caller").isFocused());
        robot.write("13" + (100000000 + random.nextInt(899999999)));
        robot.type(KeyCode.TAB);
        String address = addresses.isEmpty() ? "城关" : addresses.get(random.nextInt(addresses.size()));
        robot.write(address.substring(0, Math.min(3, address.length())));
        waitFor(STEP_WAIT, "the gazetteer suggests " + address, () -> showing("intake-suggestions")
                && !((ListView<?>) scene.lookup("#intake-suggestions")).getItems().isEmpty());
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        String[] types = {"斗殴", "盗窃", "纠纷", "噪音", "交通", "求助"};
        robot.write(types[random.nextInt(types.length)]);
        waitFor(STEP_WAIT, "types are offered", () -> showing("intake-type-list"));
        robot.type(KeyCode.ENTER);
        robot.write("夜班测试：" + random.nextInt(1000) + "号现场有人报警");
        robot.type(KeyCode.ENTER);
        String message = waitForText("intake-message", STEP_WAIT);
        if (message.startsWith("已登记警情")) {
            callsSaved++;
            return true;
        }
        failedWrites.add("F2 call: " + message);
        return false;
    }

    /** F3 on a waiting incident, Enter, and Enter again as a hurried commander would. */
    private boolean dispatch() {
        focusQueue();
        Long incident = onFx(() -> {
            TableView<QueueRow> queue = table("incident-queue-table");
            for (QueueRow r : queue.getItems()) {
                if (r.getEntry().status() == IncidentStatus.NEW) {
                    queue.getSelectionModel().select(r);
                    queue.scrollTo(r);
                    return r.getEntry().id();
                }
            }
            return null;
        });
        if (incident == null) {
            unfinishedReasons.add("DISPATCH: no waiting incident in the queue");
            return false;
        }
        long before = dispatchOrders(incident);
        robot.type(KeyCode.F3);
        waitFor(STEP_WAIT, "F3 proposes units", () -> showing("dispatch-proposals") && !table("dispatch-proposals").getItems().isEmpty()
                || !label("dispatch-message").isEmpty());
        if (table("dispatch-proposals").getItems().isEmpty()) {
            unfinishedReasons.add("DISPATCH: " + label("dispatch-message"));
            return false;
        }
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        String message = waitForText("dispatch-message", STEP_WAIT);
        robot.sleep(500, TimeUnit.MILLISECONDS);
        // What the database holds decides: one order of this workstation more, or none (refused with a reason); never
        // two open dispatch orders to one unit or officer, from whichever workstation (the simulated one may have sent
        // a unit meanwhile, and a second resource to a dispatched incident is the commander's right).
        List<String> doubled = doubledDispatches(incident);
        if (!doubled.isEmpty()) {
            failedWrites.add("F3 dispatch of incident " + incident + ": two open dispatch orders to one resource " + doubled
                    + "; the form said: " + message);
            return false;
        }
        long added = dispatchOrders(incident) - before;
        if (added == 1) {
            dispatches++;
            if (!label("dispatch-message").startsWith("已派") || !message.startsWith("已派")) {
                duplicateRefusals++;
            }
            return true;
        }
        if (added == 0 && !message.startsWith("已派")) {
            return true; // refused with its reason (taken by another workstation meanwhile)
        }
        failedWrites.add("F3 dispatch of incident " + incident + ": " + added + " orders of this workstation added, the form said: "
                + message);
        return false;
    }

    /** Dispatch orders of the incident created by this workstation (not by the simulated colleague). */
    private long dispatchOrders(long incident) {
        return context.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM work_order o JOIN work_order_event e ON e.order_id = o.id AND e.event = 'CREATED' "
                        + "WHERE o.incident_id = :i AND o.kind = 'DISPATCH' AND e.actor <> :sim")
                .bind("i", incident).bind("sim", "模拟值班长").mapTo(Long.class).one());
    }

    /** Resources (unit, or officer sent alone) with more than one open dispatch order for the incident. */
    private List<String> doubledDispatches(long incident) {
        return context.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COALESCE(CAST(unit_id AS VARCHAR(20)), 'officer ' || CAST(assignee_officer_id AS VARCHAR(20))) AS who, "
                        + "COUNT(*) AS n FROM work_order WHERE incident_id = :i AND kind = 'DISPATCH' AND status <> 'CLOSED' "
                        + "GROUP BY COALESCE(CAST(unit_id AS VARCHAR(20)), 'officer ' || CAST(assignee_officer_id AS VARCHAR(20))) "
                        + "HAVING COUNT(*) > 1")
                .bind("i", incident)
                .map((rs, ctx) -> rs.getString("who") + " ×" + rs.getInt("n")).list());
    }

    /** F4: a door visit to an officer or unit of a station. */
    private boolean task() {
        focusQueue();
        robot.type(KeyCode.F4);
        waitFor(STEP_WAIT, "F4 opens the task form", () -> showing("task-form"));
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<OrderKind> kind = (ComboBox<OrderKind>) scene.lookup("#task-kind");
            kind.setValue(OrderKind.VISIT);
            ComboBox<?> station = (ComboBox<?>) scene.lookup("#task-station");
            if (station.getValue() == null && !station.getItems().isEmpty()) {
                selectRandom(station);
            }
            return null;
        });
        waitFor(STEP_WAIT, "the station's units and officers are offered",
                () -> !((ComboBox<?>) scene.lookup("#task-assignee")).getItems().isEmpty());
        onFx(() -> {
            selectRandom((ComboBox<?>) scene.lookup("#task-assignee"));
            return null;
        });
        // The commander tabs to the summary (the combo boxes above were chosen as a click on an item would).
        onFx(() -> {
            scene.lookup("#task-summary").requestFocus();
            return null;
        });
        waitFor(STEP_WAIT, "the summary has the keyboard", () -> scene.lookup("#task-summary").isFocused());
        robot.write("上门走访：核实近期纠纷情况并做好记录");
        robot.type(KeyCode.ENTER);
        String message = waitForText("task-message", STEP_WAIT);
        if (message.startsWith("已下发")) {
            tasksIssued++;
            return true;
        }
        if (message.contains("其他席位")) {
            return true; // the unit changed under the form: a refusal with its reason
        }
        failedWrites.add("F4 task: " + message);
        return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void selectRandom(ComboBox box) {
        box.setValue(box.getItems().get(random.nextInt(box.getItems().size())));
    }

    /** F6: the index window, a look at its gauges, then closed. */
    private boolean index() {
        focusQueue();
        robot.type(KeyCode.F6);
        waitFor(Duration.ofSeconds(20), "F6 shows the index", () -> indexWindow() != null && indexWindow().getScene().lookup("#index-gauges") != null);
        robot.sleep(1500 + random.nextInt(2000), TimeUnit.MILLISECONDS);
        closeIndexWindow();
        return true;
    }

    /** Ctrl+F, a unit's call-sign or a place, Enter flies to it. */
    private boolean search() {
        robot.clickOn("#live-map");
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        waitFor(STEP_WAIT, "Ctrl+F puts the caret in the search box", () -> scene.lookup("#map-search") != null && scene.lookup("#map-search").isFocused());
        String what = addresses.isEmpty() ? "派出所" : addresses.get(random.nextInt(addresses.size()));
        robot.write(what.substring(0, Math.min(4, what.length())));
        waitFor(STEP_WAIT, "the search finds " + what, () -> showing("map-search-results")
                && !((ListView<?>) scene.lookup("#map-search-results")).getItems().isEmpty());
        robot.type(KeyCode.ENTER);
        return true;
    }

    /** Alt+n twice: a layer off and on again. */
    private boolean layers() {
        robot.clickOn("#live-map");
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9, KeyCode.DIGIT0};
        KeyCode d = digits[random.nextInt(digits.length)];
        robot.press(KeyCode.ALT).type(d).release(KeyCode.ALT);
        robot.sleep(400, TimeUnit.MILLISECONDS);
        robot.press(KeyCode.ALT).type(d).release(KeyCode.ALT);
        return true;
    }

    /** Zoom in and out, pan with the arrows and by dragging. */
    private boolean panAndZoom() {
        robot.clickOn("#live-map");
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            robot.type(KeyCode.ADD);
        }
        KeyCode[] arrows = {KeyCode.LEFT, KeyCode.RIGHT, KeyCode.UP, KeyCode.DOWN};
        for (int i = 0; i < 4; i++) {
            robot.type(arrows[random.nextInt(arrows.length)]);
        }
        robot.drag("#live-map").moveBy(-80 + random.nextInt(160), -60 + random.nextInt(120)).drop();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            robot.type(KeyCode.SUBTRACT);
        }
        return true;
    }

    /** A panel or window closed before its data arrived: F3 then Esc at once, F6 then closed at once. */
    private boolean closeMidLoad() {
        focusQueue();
        onFx(() -> {
            TableView<QueueRow> queue = table("incident-queue-table");
            if (!queue.getItems().isEmpty()) {
                queue.getSelectionModel().select(random.nextInt(queue.getItems().size()));
            }
            return null;
        });
        robot.type(KeyCode.F3);
        robot.type(KeyCode.ESCAPE);
        focusQueue();
        robot.type(KeyCode.F6);
        closeIndexWindow();
        focusQueue();
        robot.type(KeyCode.F2);
        robot.type(KeyCode.ESCAPE);
        return true;
    }

    /** The commander clears the alert strip: the counter's button, or everything. */
    private boolean acknowledgeAlerts() {
        String id = showing("alert-ack-all") ? "alert-ack-all" : showing("alert-counter-ack") ? "alert-counter-ack" : null;
        if (id == null) {
            return true; // nothing to acknowledge
        }
        onFx(() -> {
            ((Button) scene.lookup("#" + id)).fire();
            return null;
        });
        return true;
    }

    /** Down through the queue: each selection centres the map and shows the incident's orders. */
    private boolean selectInQueue() {
        focusQueue();
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            robot.type(KeyCode.DOWN);
            robot.sleep(200, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    // ---- helpers ----

    private void focusQueue() {
        Node queue = scene.lookup("#incident-queue-table");
        if (!onFx(queue::isFocused)) {
            robot.clickOn(queue);
        }
    }

    private void escapeEverything() {
        try {
            closeIndexWindow();
            if (showing("side-panel")) {
                onFx(() -> {
                    scene.lookup("#side-panel").requestFocus();
                    return null;
                });
                robot.type(KeyCode.ESCAPE);
                waitFor(Duration.ofSeconds(3), () -> !showing("side-panel"));
            }
        } catch (RuntimeException | AssertionError e) {
            unfinishedReasons.add("closing panels: " + e.getMessage());
        }
    }

    private Window indexWindow() {
        for (Window w : Window.getWindows()) {
            if (w != stage && w.isShowing() && w.getScene() != null && w.getScene().lookup("#index-dashboard") != null) {
                return w;
            }
        }
        return null;
    }

    private void closeIndexWindow() {
        onFx(() -> {
            Window w = indexWindow();
            if (w != null) {
                w.hide();
            }
            return null;
        });
    }

    private boolean showing(String id) {
        return onFx(() -> {
            Node n = scene.lookup("#" + id);
            return n != null && n.isVisible() && n.getScene() != null;
        });
    }

    private String label(String id) {
        return onFx(() -> {
            Node n = scene.lookup("#" + id);
            String t = n instanceof Label l ? l.getText() : null;
            return t == null ? "" : t;
        });
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return (TableView<T>) scene.lookup("#" + id);
    }

    private String waitForText(String id, Duration within) {
        waitFor(within, () -> {
            Node n = scene.lookup("#" + id);
            return n instanceof Label l && l.getText() != null && !l.getText().isBlank();
        });
        return label(id);
    }

    private static void waitFor(Duration within, BooleanSupplier condition) {
        waitFor(within, "the screen answers", condition);
    }

    private static void waitFor(Duration within, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private long count(String table) {
        return context.services().database().jdbi().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** Queue and orders on screen against the same queries on the database; fills {@code diff} with what differs. */
    private int[] compareRows(AppServices services, List<String> diff) {
        diff.clear();
        Set<Long> openIncidents = services.incidents().openQueue().stream().map(e -> e.id()).collect(Collectors.toSet());
        Set<Long> openOrders = services.workflow().followUp().openOrders().stream().map(e -> e.id()).collect(Collectors.toSet());
        Set<Long> queue = onFx(() -> table("incident-queue-table").getItems().stream()
                .map(r -> ((QueueRow) r).getEntry().id()).collect(Collectors.toCollection(HashSet::new)));
        Set<Long> orders = onFx(() -> table("orders-table").getItems().stream()
                .map(r -> ((OrderRow) r).getEntry().id()).collect(Collectors.toCollection(HashSet::new)));
        difference("incident", openIncidents, queue, diff);
        difference("order", openOrders, orders, diff);
        if (!diff.isEmpty()) {
            // What the rows are, and their changes, for the report.
            Set<Long> odd = new HashSet<>();
            odd.addAll(difference(openOrders, orders));
            odd.addAll(difference(orders, openOrders));
            services.workflow().followUp().entries(odd).forEach(e -> diff.add("  order " + e.id() + " " + e.orderNo() + " "
                    + e.kind() + " " + e.status()));
            if (!odd.isEmpty()) {
                services.database().jdbi().useHandle(h -> h.createQuery("SELECT id, at, op, origin, entity_id FROM change_log "
                        + "WHERE entity = 'ORDER' AND entity_id IN (<ids>) ORDER BY id").bindList("ids", List.copyOf(odd))
                        .mapToMap().forEach(m -> diff.add("  change " + m)));
            }
        }
        return new int[] {queue.size(), openIncidents.size(), orders.size(), openOrders.size()};
    }

    private static Set<Long> difference(Set<Long> a, Set<Long> b) {
        Set<Long> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static void difference(String what, Set<Long> database, Set<Long> screen, List<String> diff) {
        for (Long id : database) {
            if (!screen.contains(id)) {
                diff.add(what + " " + id + " open in the database, not on screen");
            }
        }
        for (Long id : screen) {
            if (!database.contains(id)) {
                diff.add(what + " " + id + " on screen, not open in the database");
            }
        }
    }

    /**
     * The heap's classes by size, to target/shift-soak-histogram-{when}.txt (what grew, when it grows); with
     * {@code -Dsoak.heapdump=true} the whole heap too (target/shift-soak-{when}.hprof), to find what holds it.
     */
    private static void histogram(String when) {
        if (Boolean.getBoolean("soak.heapdump")) {
            try {
                java.nio.file.Files.deleteIfExists(Path.of("target", "shift-soak-" + when + ".hprof"));
                ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                        .dumpHeap(Path.of("target", "shift-soak-" + when + ".hprof").toString(), true);
            } catch (java.io.IOException e) {
                System.err.println("no heap dump: " + e.getMessage());
            }
        }
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "shift-soak-histogram-" + when + ".txt").toFile())
                    .start();
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            System.err.println("no class histogram: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What the console holds, measured the same way at start and end: the robot idle and no window open, the smallest
     * of three readings after a full GC ten seconds apart (work in flight, a report or a query being read, is not
     * what the console keeps; the simulator goes on).
     */
    private long settledHeap() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            robot.sleep(10, TimeUnit.SECONDS);
            least = Math.min(least, heapAfterFullGc());
        }
        return least;
    }

    /** Used heap after full collections (soft references cleared too where the JVM runs with SoftRefLRUPolicyMSPerMB=0). */
    static long heapAfterFullGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /**
     * Measures the FX thread's answer time: a probe is posted every 50 ms; a stall is a probe that waited more than
     * 100 ms to run (a frame the commander would have seen frozen).
     */
    static final class FxStallMonitor {
        private final AtomicInteger stalls = new AtomicInteger();
        private final AtomicLong worst = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        private long fxThreadId = -1;
        private long cpuAtStart;
        private long wallAtStart;
        private double busy;

        void start() {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals("JavaFX Application Thread")) {
                    fxThreadId = t.getId();
                }
            }
            cpuAtStart = fxThreadId < 0 ? 0 : ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThreadId);
            wallAtStart = System.nanoTime();
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    CountDownLatch ran = new CountDownLatch(1);
                    long posted = System.nanoTime();
                    long[] at = new long[1];
                    Platform.runLater(() -> {
                        at[0] = System.nanoTime();
                        ran.countDown();
                    });
                    try {
                        // Past 100 ms the FX thread is looked at: what it is doing is where the stall is.
                        if (!ran.await(100, TimeUnit.MILLISECONDS)) {
                            sample();
                            if (!ran.await(60, TimeUnit.SECONDS)) {
                                at[0] = System.nanoTime();
                            }
                        }
                        long ms = (at[0] - posted) / 1_000_000;
                        if (ms > 100) {
                            stalls.incrementAndGet();
                        }
                        worst.accumulateAndGet(ms, Math::max);
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "soak-fx-stall-monitor");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5000);
            if (fxThreadId >= 0) {
                busy = (ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThreadId) - cpuAtStart)
                        / (double) (System.nanoTime() - wallAtStart);
            }
        }

        /** The FX thread's CPU time over the wall time: what the console itself costs it, whatever the machine's load. */
        double busy() {
            return busy;
        }

        private final Map<String, Integer> sites = new java.util.concurrent.ConcurrentHashMap<>();

        private void sample() {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                if (e.getKey().getName().equals("JavaFX Application Thread")) {
                    sites.merge(site(e.getValue()), 1, Integer::sum);
                }
            }
        }

        /** The first frames of the console's own code (or the top frames when none), as one line. */
        private static String site(StackTraceElement[] stack) {
            List<String> own = new ArrayList<>();
            for (StackTraceElement f : stack) {
                if (f.getClassName().startsWith("org.commandroom.") && own.size() < 3) {
                    own.add(f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName()
                            + ":" + f.getLineNumber());
                }
            }
            if (own.isEmpty()) {
                for (int i = 0; i < Math.min(3, stack.length); i++) {
                    own.add(stack[i].getClassName().substring(stack[i].getClassName().lastIndexOf('.') + 1) + "."
                            + stack[i].getMethodName());
                }
            }
            return String.join(" < ", own);
        }

        /** Where the FX thread was when a probe had waited 100 ms, most frequent first. */
        List<String> sites() {
            return sites.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                    .map(e -> e.getValue() + " × " + e.getKey()).toList();
        }

        int count() {
            return stalls.get();
        }

        long worstMs() {
            return worst.get();
        }
    }

    /** Counts the console's WARN and ERROR lines by kind (logger and message pattern). */
    static final class LogTally extends AppenderBase<ILoggingEvent> {
        private final Map<String, Integer> kinds = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicInteger errors = new AtomicInteger();
        private final AtomicInteger warnings = new AtomicInteger();
        private final AtomicInteger closures = new AtomicInteger();
        private final AtomicInteger writeFailures = new AtomicInteger();
        private final List<String> writeFailureLines = java.util.Collections.synchronizedList(new ArrayList<>());

        static LogTally install() {
            LoggerContext lc = (LoggerContext) LoggerFactory.getILoggerFactory();
            LogTally t = new LogTally();
            t.setContext(lc);
            t.setName("shift-soak");
            t.start();
            lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(t);
            return t;
        }

        void uninstall() {
            LoggerContext lc = (LoggerContext) LoggerFactory.getILoggerFactory();
            lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
            stop();
        }

        void reset() {
            kinds.clear();
            errors.set(0);
            warnings.set(0);
            closures.set(0);
            writeFailures.set(0);
            writeFailureLines.clear();
        }

        @Override
        protected void append(ILoggingEvent e) {
            if (!e.getLevel().isGreaterOrEqual(Level.WARN)) {
                return;
            }
            (e.getLevel() == Level.ERROR ? errors : warnings).incrementAndGet();
            String logger = e.getLoggerName().substring(e.getLoggerName().lastIndexOf('.') + 1);
            kinds.merge(e.getLevel() + " " + logger + ": " + e.getMessage(), 1, Integer::sum);
            String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : " / " + e.getThrowableProxy().getClassName() + ": " + e.getThrowableProxy().getMessage());
            if (text.contains("90098") || text.contains("has been closed")) {
                closures.incrementAndGet();
            }
            // A write the console or its simulator could not make: the simulator's step, a push, an acknowledgement.
            if (e.getLevel() == Level.ERROR || text.contains("failed") || text.contains("could not")) {
                writeFailures.incrementAndGet();
                if (writeFailureLines.size() < 20) {
                    writeFailureLines.add(logger + ": " + text);
                }
            }
        }

        Map<String, Integer> kinds() {
            return new java.util.TreeMap<>(kinds);
        }

        int errors() {
            return errors.get();
        }

        int warnings() {
            return warnings.get();
        }

        int closures() {
            return closures.get();
        }

        int writeFailures() {
            return writeFailures.get();
        }

        List<String> writeFailureLines() {
            return List.copyOf(writeFailureLines);
        }
    }
}
