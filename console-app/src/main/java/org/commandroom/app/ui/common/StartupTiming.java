package org.commandroom.app.ui.common;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, once per process, how long after the JVM started the commander first saw live data: the layout pulse
 * that puts the first rows on screen, not the moment they reach the table's list. This is the figure behind
 * "data on screen within 3 s of launch"; scripts/measure-startup.sh reads it.
 */
public final class StartupTiming {

    public static final String MARKER = "FIRST-DATA";
    /** The console is open and waits for someone to sign in (docs/ACCESS.md): the start-up ends there. */
    public static final String LOGIN_MARKER = "LOGIN-READY";
    private static final Logger LOG = LoggerFactory.getLogger(StartupTiming.class);
    private static final AtomicBoolean DONE = new AtomicBoolean();
    private static final java.util.List<Runnable> AFTER = new java.util.concurrent.CopyOnWriteArrayList<>();

    private StartupTiming() {
    }

    /** Runs {@code action} on the FX thread once the first data has been laid out (once per process). */
    public static void afterFirstData(Runnable action) {
        AFTER.add(action);
    }

    /**
     * Call on the FX thread when the log-in screen {@code node} is shown: the database is open and the console waits
     * for a person. Logged once as {@value #LOGIN_MARKER}; it ends the start-up as first data would (the actions of
     * {@link #afterFirstData} run).
     */
    public static void loginShown(Node node) {
        if (DONE.get()) {
            return;
        }
        Runnable mark = () -> {
            if (DONE.compareAndSet(false, true)) {
                LOG.info("{} {} ms after JVM start: log-in screen (database open)", LOGIN_MARKER,
                        ManagementFactory.getRuntimeMXBean().getUptime());
                AFTER.forEach(Runnable::run);
            }
        };
        node.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene is) {
                if (is != null) {
                    node.sceneProperty().removeListener(this);
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        is.removePostLayoutPulseListener(once[0]);
                        mark.run();
                    };
                    is.addPostLayoutPulseListener(once[0]);
                }
            }
        });
    }

    /** Call on the FX thread when {@code node} has just been given its first {@code rows} rows. */
    public static void firstDataShown(Node node, String what, int rows) {
        if (rows <= 0 || DONE.get()) {
            return;
        }
        Scene scene = node.getScene();
        if (scene == null) {
            // Not on screen yet: count from the pulse after it is.
            node.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene is) {
                    if (is != null) {
                        node.sceneProperty().removeListener(this);
                        afterNextLayout(is, what, rows);
                    }
                }
            });
        } else {
            afterNextLayout(scene, what, rows);
        }
    }

    private static void afterNextLayout(Scene scene, String what, int rows) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (DONE.compareAndSet(false, true)) {
                LOG.info("{} {} ms after JVM start: {} ({} rows laid out)", MARKER,
                        ManagementFactory.getRuntimeMXBean().getUptime(), what, rows);
                AFTER.forEach(Runnable::run);
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
