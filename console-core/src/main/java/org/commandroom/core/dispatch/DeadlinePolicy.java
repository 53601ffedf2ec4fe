package org.commandroom.core.dispatch;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.commandroom.core.incident.IncidentType;

/**
 * How long an issued order may wait for signing and for feedback. Seed 004: sign within 30 minutes,
 * feed back within 3, 6, 9 or 24 hours by category. Dispute follow-ups take their limit from the kind
 * of dispute; other orders from their kind.
 */
public final class DeadlinePolicy {

    private final Duration signWithin;
    private final Map<OrderKind, Duration> feedbackByKind;
    private final Map<IncidentType, Duration> feedbackByDisputeType;

    public DeadlinePolicy(Duration signWithin, Map<OrderKind, Duration> feedbackByKind,
                          Map<IncidentType, Duration> feedbackByDisputeType) {
        this.signWithin = Objects.requireNonNull(signWithin);
        this.feedbackByKind = new EnumMap<>(feedbackByKind);
        this.feedbackByDisputeType = feedbackByDisputeType.isEmpty()
                ? new EnumMap<>(IncidentType.class) : new EnumMap<>(feedbackByDisputeType);
        for (OrderKind k : OrderKind.values()) {
            if (!this.feedbackByKind.containsKey(k)) {
                throw new IllegalArgumentException("no feedback limit for order kind " + k);
            }
        }
    }

    /** The product's defaults. */
    public static DeadlinePolicy defaults() {
        Map<OrderKind, Duration> byKind = new EnumMap<>(OrderKind.class);
        byKind.put(OrderKind.DISPATCH, Duration.ofHours(3));
        byKind.put(OrderKind.INTERCEPT, Duration.ofHours(3));
        byKind.put(OrderKind.VISIT, Duration.ofHours(24));
        byKind.put(OrderKind.DISPUTE_FOLLOW_UP, Duration.ofHours(24));
        byKind.put(OrderKind.HOUSE_INSPECTION, Duration.ofHours(24));
        byKind.put(OrderKind.STANDARD_TASK, Duration.ofHours(24));
        byKind.put(OrderKind.REMINDER, Duration.ofHours(24));
        Map<IncidentType, Duration> disputes = new EnumMap<>(IncidentType.class);
        disputes.put(IncidentType.FAMILY_DISPUTE, Duration.ofHours(3));
        disputes.put(IncidentType.NEIGHBOUR_DISPUTE, Duration.ofHours(6));
        disputes.put(IncidentType.LABOUR_DISPUTE, Duration.ofHours(9));
        disputes.put(IncidentType.CONSUMER_DISPUTE, Duration.ofHours(24));
        return new DeadlinePolicy(Duration.ofMinutes(30), byKind, disputes);
    }

    public Duration signWithin() {
        return signWithin;
    }

    /** The feedback limit for an order of this kind about an incident of this type (type may be null). */
    public Duration feedbackWithin(OrderKind kind, IncidentType incidentType) {
        if (kind == OrderKind.DISPUTE_FOLLOW_UP && incidentType != null) {
            Duration d = feedbackByDisputeType.get(incidentType);
            if (d != null) {
                return d;
            }
        }
        return feedbackByKind.get(kind);
    }
}
