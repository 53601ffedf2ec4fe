package org.commandroom.core.drill;

import java.time.Instant;

/**
 * Something that happened in a drill, for the trainee's notice line, the instructor and the after-action report.
 *
 * @param kind     CALL (a call was fed through intake), INJECT (a sighting or a dark camera), UNIT (a unit's
 *                 behaviour or position changed), TERMINAL (a simulated terminal signed for or fed back on an order)
 * @param eventId  the scenario's id of the call or inject, else null
 * @param text     what it says, in the scenario's words; an event the instructor injected (one of the scenario's
 *                 injectable events, or a call of his own) starts with {@link DrillSession#INJECTED}
 */
public record DrillEvent(Instant at, String kind, String eventId, String text) {
}
