package org.commandroom.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.Fixture;
import org.commandroom.core.live.ChangeFeed;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a screen test needs to run a view live: a real H2 database, the change feed polling every
 * 250 ms as in production with callbacks on the FX thread, the named I/O executor and a clock the
 * test moves. Build it inside {@code @Start}; call {@link #awaitFeed()} from the test thread.
 */
public final class LiveScreen implements AutoCloseable {

    public final Fixture fx;
    public final ChangeFeed feed;
    public final UiContext ui;
    private final ExecutorService io = Tasks.newIoExecutor("console-io");
    private final ScheduledExecutorService scheduler = Tasks.newScheduler("console-change-feed");
    private final CountDownLatch firstPoll = new CountDownLatch(1);

    public LiveScreen(Fixture fx, Locale locale) {
        this.fx = fx;
        this.feed = fx.feed(scheduler, Platform::runLater, Duration.ofMillis(250));
        this.ui = new UiContext(fx.clock, new Tasks(io, Platform::runLater), I18n.load(locale), new Ticker(),
                DisplaySettings.defaults());
        feed.addHealthListener((reachable, lastSuccess, error) -> firstPoll.countDown());
        feed.start();
    }

    /** Waits until the feed has polled once, so that writes from now on arrive as live changes. */
    public void awaitFeed() throws InterruptedException {
        assertTrue(firstPoll.await(5, TimeUnit.SECONDS), "the change feed never polled");
    }

    @Override
    public void close() {
        feed.close();
        scheduler.shutdownNow();
        io.shutdownNow();
        fx.close();
    }

    // ---- helpers that read the scene on the FX thread ----

    public static <T> T onFx(Callable<T> c) {
        return onFx(c, java.time.Duration.ofSeconds(5));
    }

    /**
     * As {@link #onFx(Callable)}, waiting up to {@code within}: building a whole window on the FX thread takes more
     * than 5 s on a loaded 2-core machine (the desk's main window at load 15-20).
     */
    public static <T> T onFx(Callable<T> c, java.time.Duration within) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Closes every stage still open, the primary one too, so that no window outlives its test; from the test thread. */
    public static void closeEveryStage() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w instanceof Stage s) {
                    s.close();
                }
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /** Clicks the visible cell of {@code table} that shows {@code text}, once there is one, as the user picks a row. */
    public static void clickCell(FxRobot robot, TableView<?> table, String text) {
        waitUntil(Duration.ofSeconds(5), "a cell shows " + text, () -> robot.from(table).lookup((Node n) ->
                n instanceof TableCell<?, ?> c && c.isVisible() && text.equals(c.getText())).tryQuery().isPresent());
        robot.clickOn(robot.from(table).lookup((Node n) -> n instanceof TableCell<?, ?> c && c.isVisible()
                && text.equals(c.getText())).queryAs(Node.class));
    }

    /** Polls {@code condition} on the FX thread until it holds; fails after {@code within}. */
    public static void waitUntil(Duration within, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The text shown in a table cell, or null when that cell is not on screen. Call on the FX thread. */
    public static String cellText(TableView<?> table, int row, int column) {
        var col = table.getColumns().get(column);
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() == col && c.getIndex() == row && c.isVisible()
                    && !c.isEmpty()) {
                return c.getText();
            }
        }
        return null;
    }

    /** Whether the on-screen row has the pseudo-class. Call on the FX thread. */
    public static boolean rowHas(TableView<?> table, int row, String pseudoClass) {
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && r.getIndex() == row && !r.isEmpty()) {
                return r.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
            }
        }
        throw new AssertionError("row " + row + " is not on screen");
    }

    /** Every node under {@code root}, depth first. */
    public static List<Node> allNodes(Parent root) {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        out.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}
