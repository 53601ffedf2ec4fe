package org.commandroom.core.demo;

/**
 * How far the generator is: the phase it works on and the fraction of the whole run done (0..1).
 * {@code liveReady} turns true once the live state is committed and can be shown.
 */
public record GenerationProgress(String phase, double fraction, boolean liveReady) {
}
