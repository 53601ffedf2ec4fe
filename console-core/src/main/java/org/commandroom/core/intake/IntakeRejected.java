package org.commandroom.core.intake;

/**
 * A call that cannot be recorded as given; nothing was written. {@link #reason()} says what to fix (the
 * form shows it in the user's language), the message says it in English for logs and import reports.
 */
public final class IntakeRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What was wrong, and which field to fix. */
    public enum Reason {
        ADDRESS_MISSING("address"),
        ADDRESS_TOO_LONG("address"),
        CALLER_NUMBER_INVALID("caller_number"),
        TYPE_MISSING("type"),
        PRIORITY_INVALID("priority"),
        DESCRIPTION_TOO_LONG("description"),
        NO_POSITION("address"),
        OUTSIDE_DISTRICT("position"),
        RECEIVED_IN_FUTURE("received_at"),
        NUMBER_TAKEN("incident_no");

        private final String field;

        Reason(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final Reason reason;

    public IntakeRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return reason.field();
    }
}
