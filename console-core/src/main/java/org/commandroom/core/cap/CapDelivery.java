package org.commandroom.core.cap;

import java.time.Instant;
import java.util.Objects;
import org.commandroom.core.text.Text;

/**
 * What became of posting one alert to the endpoint ({@link CapPoster}): delivered (the endpoint answered 2xx) or
 * failed, after how many attempts, and for a failure why, in the user's words ({@link #reason()}).
 *
 * @param httpStatus the endpoint's last answer, or 0 when none came
 */
public record CapDelivery(State state, Failure failure, int attempts, int httpStatus, String endpoint, Instant at) {

    /** Delivered, or failed after every attempt. */
    public enum State { DELIVERED, FAILED }

    /** Why a post failed (null when delivered). */
    public enum Failure {
        /** The endpoint answered, but not 2xx. */
        HTTP_STATUS,
        /** No answer within the timeout. */
        TIMEOUT,
        /** No connection could be made (nothing listens, the name is unknown, the network is down). */
        UNREACHABLE,
        /** Anything else (TLS refused, say); the log has the exception. */
        ERROR
    }

    public CapDelivery {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(at, "at");
        if ((state == State.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failure is given exactly when the post failed");
        }
    }

    public boolean delivered() {
        return state == State.DELIVERED;
    }

    /** For a failure, why (said in either language); for a delivery, what the endpoint answered. */
    public Text reason() {
        if (failure == null) {
            return Text.of("core.cap.post.delivered", httpStatus, attempts);
        }
        return switch (failure) {
            case HTTP_STATUS -> Text.of("core.cap.post.httpStatus", httpStatus, attempts);
            case TIMEOUT -> Text.of("core.cap.post.timeout", attempts);
            case UNREACHABLE -> Text.of("core.cap.post.unreachable", endpoint, attempts);
            case ERROR -> Text.of("core.cap.post.error", attempts);
        };
    }

    /** The audit trail's detail, which {@link #fromAudit} reads back: {@code DELIVERED 200 1 http://host/path}. */
    String auditDetail() {
        return (failure == null ? state.name() : failure.name()) + " " + httpStatus + " " + attempts + " " + endpoint;
    }

    /**
     * A delivery read back from its audit row's detail, or null when the detail is not one. A re-post's detail ends
     * with {@value CapService#REPOST_NOTE} after the endpoint (which holds no space).
     */
    static CapDelivery fromAudit(String detail, Instant at) {
        String[] parts = detail == null ? new String[0] : detail.split(" ", 5);
        if (parts.length < 4 || !parts[1].matches("\\d{1,3}") || !parts[2].matches("\\d{1,2}")) {
            return null;
        }
        int status = Integer.parseInt(parts[1]);
        int attempts = Integer.parseInt(parts[2]);
        if (State.DELIVERED.name().equals(parts[0])) {
            return new CapDelivery(State.DELIVERED, null, attempts, status, parts[3], at);
        }
        for (Failure f : Failure.values()) {
            if (f.name().equals(parts[0])) {
                return new CapDelivery(State.FAILED, f, attempts, status, parts[3], at);
            }
        }
        return null;
    }
}
