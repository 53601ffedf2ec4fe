package org.commandroom.core.dispatch;

import java.time.Instant;
import java.util.Objects;
import org.commandroom.core.geo.GeoPoint;

/** An order (指令) with where it stands in the closed loop and its deadlines. */
public record Order(
        long id,
        String orderNo,
        OrderKind kind,
        Long incidentId,
        long stationId,
        Long unitId,
        Long assigneeOfficerId,
        String summary,
        GeoPoint target,
        OrderStatus status,
        Instant createdAt,
        Instant signDeadline,
        Instant feedbackDeadline,
        Instant issuedAt,
        Instant signedAt,
        Instant fedBackAt,
        Instant closedAt,
        int version) {

    public Order {
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** True if it should have been signed for by {@code now} and was not. */
    public boolean signOverdueAt(Instant now) {
        return signDeadline != null && signedAt == null && status != OrderStatus.CLOSED && now.isAfter(signDeadline);
    }

    /** True if feedback was due by {@code now} and has not come. */
    public boolean feedbackOverdueAt(Instant now) {
        return feedbackDeadline != null && fedBackAt == null && status != OrderStatus.CLOSED && now.isAfter(feedbackDeadline);
    }
}
