package org.commandroom.core.intake;

import java.util.Optional;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.incident.Incident;

/**
 * A recorded call: the stored incident, what repeat detection found, and for a repeat the proposed
 * door-visit order (not yet created: the commander confirms it, see {@code dispatch.TaskOrderService}).
 */
public record IntakeResult(Incident incident, RepeatFinding repeat, Optional<OrderDraft> visitProposal) {
}
