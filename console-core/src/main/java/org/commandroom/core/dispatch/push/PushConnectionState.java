package org.commandroom.core.dispatch.push;

import java.time.Instant;

/** Whether the push channel is connected, since when, and (when not) the last reason. */
public record PushConnectionState(boolean connected, Instant since, String detail) {
}
