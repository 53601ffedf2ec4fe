package org.commandroom.core.drill;

import java.time.Instant;

/**
 * A note the instructor wrote on the drill's timeline, shown in the after-action report at its time.
 *
 * @param at     the scenario clock's time when it was written
 * @param author who wrote it (the instructor)
 * @param text   what it says
 */
public record DrillNote(Instant at, String author, String text) {
}
