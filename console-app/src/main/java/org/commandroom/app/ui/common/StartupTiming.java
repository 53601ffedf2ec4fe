package org.commandroom.app.ui.common;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, once per process, how long after the JVM started the commander first saw live data. This
 * is the figure behind "data on screen within 3 s of launch"; scripts/measure-startup.sh reads it.
 */
public final class StartupTiming {

    public static final String MARKER = "FIRST-DATA";
    private static final Logger LOG = LoggerFactory.getLogger(StartupTiming.class);
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private StartupTiming() {
    }

    public static void firstDataShown(String what, int rows) {
        if (rows > 0 && DONE.compareAndSet(false, true)) {
            LOG.info("{} {} ms after JVM start: {} ({} rows)", MARKER,
                    ManagementFactory.getRuntimeMXBean().getUptime(), what, rows);
        }
    }
}
