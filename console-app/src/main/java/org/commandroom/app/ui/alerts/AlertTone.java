package org.commandroom.app.ui.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.DataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audible half of an alert: a short two-note tone (880 Hz then 660 Hz, 0.3 s) synthesised at start
 * as 16-bit PCM and played through javax.sound on a background thread. At most one tone per
 * {@code minGap}, so a burst of alerts is one sound. A machine with no audio device (a headless test,
 * a wall display without speakers) plays nothing and says so once in the log.
 */
public final class AlertTone implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertTone.class);
    static final float RATE = 22_050f;

    private final Executor player;
    private final Clock clock;
    private final Duration minGap;
    private final byte[] pcm = synthesise();
    private final AtomicBoolean warned = new AtomicBoolean();
    private Instant last;
    private int played;

    public AlertTone(Executor player, Clock clock, Duration minGap) {
        this.player = player;
        this.clock = clock;
        this.minGap = minGap;
    }

    /** Plays the tone unless one played less than {@code minGap} ago. */
    @Override
    public synchronized void run() {
        Instant now = clock.instant();
        if (last != null && Duration.between(last, now).compareTo(minGap) < 0) {
            return;
        }
        last = now;
        played++;
        player.execute(this::play);
    }

    /** How many tones were asked for past the gap rule (whether or not a device played them). */
    public synchronized int played() {
        return played;
    }

    private void play() {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try {
            Clip clip = (Clip) AudioSystem.getLine(new DataLine.Info(Clip.class, format));
            clip.open(format, pcm, 0, pcm.length);
            clip.addLineListener(e -> {
                if (e.getType() == javax.sound.sampled.LineEvent.Type.STOP) {
                    clip.close();
                }
            });
            clip.start();
        } catch (Exception | LinkageError e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("No audio device for the alert tone ({}); alerts are visual only", e.toString());
            }
        }
    }

    /** Two notes with a soft attack and release, so the tone does not click. */
    static byte[] synthesise() {
        double[] freqs = {880, 660};
        int perNote = (int) (RATE * 0.15);
        byte[] out = new byte[freqs.length * perNote * 2];
        int ramp = (int) (RATE * 0.01);
        int i = 0;
        for (double f : freqs) {
            for (int n = 0; n < perNote; n++) {
                double env = Math.min(1, Math.min(n, perNote - 1 - n) / (double) ramp);
                short v = (short) (Math.sin(2 * Math.PI * f * n / RATE) * env * 0.5 * Short.MAX_VALUE);
                out[i++] = (byte) v;
                out[i++] = (byte) (v >> 8);
            }
        }
        return out;
    }
}
