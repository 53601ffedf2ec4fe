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

    /**
     * This policy with a bureau's own table laid over it, from a properties file (docs/ORDERS.md):
     * {@code sign=PT30M}, {@code feedback.kind.<OrderKind>=PT3H}, {@code feedback.dispute.<IncidentType>=PT6H}.
     * Durations are ISO-8601 ({@code PT45M}, {@code PT6H}) and must be positive. Keys not given keep this
     * policy's value.
     *
     * @throws IllegalArgumentException naming the key and why, for an unknown key or a bad duration
     */
    public DeadlinePolicy overriddenBy(java.util.Properties table) {
        Duration sign = signWithin;
        Map<OrderKind, Duration> byKind = new EnumMap<>(feedbackByKind);
        Map<IncidentType, Duration> disputes = new EnumMap<>(IncidentType.class);
        disputes.putAll(feedbackByDisputeType);
        for (String key : new java.util.TreeSet<>(table.stringPropertyNames())) {
            Duration d = duration(key, table.getProperty(key));
            if (key.equals("sign")) {
                sign = d;
            } else if (key.startsWith("feedback.kind.")) {
                byKind.put(constant(OrderKind.class, key, key.substring("feedback.kind.".length())), d);
            } else if (key.startsWith("feedback.dispute.")) {
                disputes.put(constant(IncidentType.class, key, key.substring("feedback.dispute.".length())), d);
            } else {
                throw new IllegalArgumentException(key + ": unknown key (use sign, feedback.kind.<kind> or "
                        + "feedback.dispute.<incident type>)");
            }
        }
        return new DeadlinePolicy(sign, byKind, disputes);
    }

    private static Duration duration(String key, String value) {
        Duration d;
        try {
            d = Duration.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a duration (write PT30M, PT6H)");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + ": '" + value + "' must be longer than zero");
        }
        return d;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String key, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + name + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
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
