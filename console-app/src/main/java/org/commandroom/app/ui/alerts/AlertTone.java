package org.commandroom.app.ui.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.DataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert tones, synthesised at start as 16-bit PCM and played through javax.sound on a background thread:
 * routine (one soft 660 Hz note, 0.12 s) and urgent (a rising three-note figure played twice, 0.9 s, near full
 * volume), so the commander hears which it is without looking. At most one urgent tone per {@code minGap}, and a
 * routine one at most every {@link #ROUTINE_GAP} and never over an urgent one. A machine with no audio device (a
 * wall display without speakers, a headless test) plays nothing: it says so once in the log and tells its
 * listener, and {@link #available()} lets the screen say so before the first alert.
 */
public final class AlertTone implements Runnable, AlertSound {

    private static final Logger LOG = LoggerFactory.getLogger(AlertTone.class);
    static final float RATE = 22_050f;
    /** Routine calls come every few minutes on a busy night; one soft tone per this is enough. */
    static final Duration ROUTINE_GAP = Duration.ofSeconds(10);
    private static final AudioFormat FORMAT = new AudioFormat(RATE, 16, 1, true, false);

    /** Where the clips come from: the audio system, or in a test one that has no device. */
    @FunctionalInterface
    public interface Lines {
        Clip clip(AudioFormat format) throws Exception;
    }

    static final Lines SYSTEM = format -> (Clip) AudioSystem.getLine(new DataLine.Info(Clip.class, format));

    private final Executor player;
    private final Clock clock;
    private final Duration minGap;
    private final Lines lines;
    private final Map<Level, byte[]> pcm = new EnumMap<>(Level.class);
    private final Map<Level, Integer> played = new EnumMap<>(Level.class);
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile Runnable onUnavailable = () -> { };
    private Instant lastUrgent;
    private Instant lastAny;

    public AlertTone(Executor player, Clock clock, Duration minGap) {
        this(player, clock, minGap, SYSTEM);
    }

    public AlertTone(Executor player, Clock clock, Duration minGap, Lines lines) {
        this.player = player;
        this.clock = clock;
        this.minGap = minGap;
        this.lines = lines;
        for (Level l : Level.values()) {
            pcm.put(l, synthesise(l));
            played.put(l, 0);
        }
    }

    /** The urgent tone (for callers that know one kind of alert). */
    @Override
    public void run() {
        play(Level.URGENT);
    }

    @Override
    public synchronized void play(Level level) {
        Instant now = clock.instant();
        if (level == Level.URGENT) {
            if (lastUrgent != null && Duration.between(lastUrgent, now).compareTo(minGap) < 0) {
                return;
            }
            lastUrgent = now;
        } else if ((lastAny != null && Duration.between(lastAny, now).compareTo(ROUTINE_GAP) < 0)
                || (lastUrgent != null && Duration.between(lastUrgent, now).compareTo(minGap) < 0)) {
            return;
        }
        lastAny = now;
        played.merge(level, 1, Integer::sum);
        byte[] tone = pcm.get(level);
        player.execute(() -> play(tone));
    }

    /** How many tones of a level were asked for past the gap rules (whether or not a device played them). */
    public synchronized int played(Level level) {
        return played.get(level);
    }

    /** How many tones of either level. */
    public synchronized int played() {
        return played.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public boolean available() {
        try {
            lines.clip(FORMAT);
            return true;
        } catch (Exception | LinkageError e) {
            LOG.warn("No audio device for the alert tones ({}); alerts are visual only", e.toString());
            warned.set(true);
            return false;
        }
    }

    @Override
    public void setOnUnavailable(Runnable listener) {
        this.onUnavailable = listener == null ? () -> { } : listener;
    }

    private void play(byte[] tone) {
        try {
            Clip clip = lines.clip(FORMAT);
            clip.open(FORMAT, tone, 0, tone.length);
            clip.addLineListener(e -> {
                if (e.getType() == javax.sound.sampled.LineEvent.Type.STOP) {
                    clip.close();
                }
            });
            clip.start();
        } catch (Exception | LinkageError e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("No audio device for the alert tones ({}); alerts are visual only", e.toString());
            }
            onUnavailable.run();
        }
    }

    /** A level's notes, each with a soft attack and release so the tone does not click. */
    static byte[] synthesise(Level level) {
        double[] freqs = level == Level.URGENT ? new double[] {988, 1319, 1568, 0, 988, 1319, 1568} : new double[] {660};
        double seconds = level == Level.URGENT ? 0.12 : 0.12;
        double volume = level == Level.URGENT ? 0.8 : 0.25;
        int perNote = (int) (RATE * seconds);
        byte[] out = new byte[freqs.length * perNote * 2];
        int ramp = (int) (RATE * 0.01);
        int i = 0;
        for (double f : freqs) {
            for (int n = 0; n < perNote; n++) {
                double env = Math.min(1, Math.min(n, perNote - 1 - n) / (double) ramp);
                short v = (short) (f == 0 ? 0 : Math.sin(2 * Math.PI * f * n / RATE) * env * volume * Short.MAX_VALUE);
                out[i++] = (byte) v;
                out[i++] = (byte) (v >> 8);
            }
        }
        return out;
    }
}
