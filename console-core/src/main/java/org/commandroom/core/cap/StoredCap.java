package org.commandroom.core.cap;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One row of {@code cap_alert}: what lists show, and the document as sent or received. */
public record StoredCap(long id, Direction direction, String identifier, String sender, String sent,
                        CapAlert.Status status, CapAlert.MsgType msgType, String event, String headline,
                        String severity, String areaDesc, Instant expiresAt, Long refersTo, boolean superseded,
                        String document, String fileName, Instant recordedAt) {

    /** Issued by this command room, or received from another agency. */
    public enum Direction { OUT, IN }

    /** The stored document read back (it was valid when stored). */
    public CapAlert alert(CapReader reader) {
        return reader.read(document.getBytes(StandardCharsets.UTF_8)).alert();
    }
}
