package org.commandroom.core.dispatch.push;

/** A terminal's message that cannot be understood; the message says why, for the log. */
public final class MalformedAckException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedAckException(String reason) {
        super(reason);
    }
}
