package org.commandroom.core.dispatch.push;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.commandroom.core.geo.GeoPoint;

/**
 * One message a terminal sent (protocol version 2, docs/PUSH.md), after it passed its JSON Schema. Which fields are
 * set depends on the {@link #type()}: {@code orderId}/{@code orderUid} for RECEIPT, SIGN, FEEDBACK (and a STATUS about
 * an order); {@code text} for FEEDBACK and EMERGENCY; {@code photos} for FEEDBACK; {@code status} for STATUS;
 * {@code position} (with fix time, accuracy, speed, heading) for POSITION and, optional, EMERGENCY.
 *
 * @param callSign  the unit, from the topic (never from the payload)
 * @param at        the terminal's time of the event ({@code at}; {@code fixAt} for POSITION), may be null
 */
public record TerminalMessage(AckAction type, String callSign, String messageId, Long orderId, String orderUid,
                              Instant at, String text, List<String> photos, String status, GeoPoint position,
                              Instant fixAt, Double accuracyM, Double speedMps, Double headingDeg) {

    public TerminalMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(callSign, "callSign");
        Objects.requireNonNull(messageId, "messageId");
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
