package org.commandroom.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The desk's session lock, from {@code console.properties} in the data directory:
 *
 * <pre>
 * session.idleLockMinutes=30   # lock the desk after 30 minutes without input; 0 or absent: only by hand (Ctrl+L)
 * </pre>
 *
 * Off by default: a duty commander may watch the map for a long time without touching it, and a locked desk hides
 * the queue. A bureau whose command room is not always staffed turns it on.
 */
public final class SessionSettings {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionSettings.class);
    static final String KEY = "session.idleLockMinutes";
    /** The longest idle time accepted (a shift). */
    static final long MAX_MINUTES = 12 * 60;

    private SessionSettings() {
    }

    /** The idle time before the desk locks; zero when it locks only by hand. A bad value is logged and ignored. */
    public static Duration idleLock(Path dataDir) {
        Path file = dataDir.resolve(ConsoleSettings.FILE);
        if (!Files.isRegularFile(file)) {
            return Duration.ZERO;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            LOG.warn("{} not read for {}: {}", file, KEY, e.getMessage());
            return Duration.ZERO;
        }
        String v = p.getProperty(KEY, "").strip();
        if (v.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            long minutes = Long.parseLong(v);
            if (minutes >= 0 && minutes <= MAX_MINUTES) {
                return Duration.ofMinutes(minutes);
            }
        } catch (NumberFormatException e) {
            // below
        }
        LOG.warn("{}: {}={} is not a number of minutes from 0 to {}; the desk locks only by hand (Ctrl+L)", file, KEY, v,
                MAX_MINUTES);
        return Duration.ZERO;
    }
}
