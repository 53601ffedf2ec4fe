package org.commandroom.app.ui.alerts;

/**
 * The audible half of the alerts, in two levels: a soft tone for routine new calls and a louder, distinct one
 * for urgent calls and overdue orders. It also says whether the machine can play at all, so the strip can show
 * that the alerts are visual only.
 */
public interface AlertSound {

    /** Which tone. */
    enum Level { ROUTINE, URGENT }

    /** Plays the level's tone (or nothing, if one played too recently); returns at once. */
    void play(Level level);

    /** Whether a sound device can play the tones. Blocking (it asks the audio system): never on the FX thread. */
    boolean available();

    /** Called, on whatever thread found it, when a tone could not play for want of a device. */
    void setOnUnavailable(Runnable listener);
}
