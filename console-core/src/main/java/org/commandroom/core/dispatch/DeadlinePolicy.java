package org.commandroom.core.dispatch;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.commandroom.core.incident.IncidentType;

/**
 * How long an issued order may wait for signing and for feedback, by kind of order and by the priority of its
 * incident. Seed 004: sign within 30 minutes, feed back within 3, 6, 9 or 24 hours by category; an urgent
 * (紧急, priority 1) dispatch must be signed for within a few minutes.
 *
 * <p>Sign window: the rule for the order's kind at its incident's priority, else the rule for its kind, else the
 * general one. Feedback window: the rule for the kind at the priority, else (dispute follow-ups) the kind of
 * dispute's, else the kind's. A bureau lays its own table over these ({@link DeadlineTable}).
 */
public final class DeadlinePolicy {

    /** Incident priorities a rule may name: 1 (紧急) to 3 (一般). */
    public static final int HIGHEST_PRIORITY = 1;
    public static final int LOWEST_PRIORITY = 3;

    /** A rule for one kind of order at one incident priority. */
    record KindPriority(OrderKind kind, int priority) {
    }

    private final Duration signWithin;
    private final Map<OrderKind, Duration> signByKind;
    private final Map<KindPriority, Duration> signByKindPriority;
    private final Map<OrderKind, Duration> feedbackByKind;
    private final Map<IncidentType, Duration> feedbackByDisputeType;
    private final Map<KindPriority, Duration> feedbackByKindPriority;

    /** A policy with one sign window for every order, feedback by kind and by kind of dispute. */
    public DeadlinePolicy(Duration signWithin, Map<OrderKind, Duration> feedbackByKind,
                          Map<IncidentType, Duration> feedbackByDisputeType) {
        this(signWithin, Map.of(), Map.of(), feedbackByKind, feedbackByDisputeType, Map.of());
    }

    DeadlinePolicy(Duration signWithin, Map<OrderKind, Duration> signByKind,
                   Map<KindPriority, Duration> signByKindPriority, Map<OrderKind, Duration> feedbackByKind,
                   Map<IncidentType, Duration> feedbackByDisputeType, Map<KindPriority, Duration> feedbackByKindPriority) {
        this.signWithin = Objects.requireNonNull(signWithin);
        this.signByKind = enumMap(OrderKind.class, signByKind);
        this.signByKindPriority = Map.copyOf(signByKindPriority);
        this.feedbackByKind = enumMap(OrderKind.class, feedbackByKind);
        this.feedbackByDisputeType = enumMap(IncidentType.class, feedbackByDisputeType);
        this.feedbackByKindPriority = Map.copyOf(feedbackByKindPriority);
        for (OrderKind k : OrderKind.values()) {
            if (!this.feedbackByKind.containsKey(k)) {
                throw new IllegalArgumentException("no feedback limit for order kind " + k);
            }
        }
    }

    private static <E extends Enum<E>> EnumMap<E, Duration> enumMap(Class<E> type, Map<E, Duration> m) {
        EnumMap<E, Duration> out = new EnumMap<>(type);
        out.putAll(m);
        return out;
    }

    /**
     * The product's defaults: sign within 30 minutes, an urgent (priority 1) dispatch within 5; feed back within
     * 3 h (dispatch, intercept, family dispute), 6 h (neighbour dispute), 9 h (labour dispute), 24 h (the rest).
     */
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
        return new DeadlinePolicy(Duration.ofMinutes(30), Map.of(),
                Map.of(new KindPriority(OrderKind.DISPATCH, HIGHEST_PRIORITY), URGENT_DISPATCH_SIGN),
                byKind, disputes, Map.of());
    }

    /** The default sign window of an urgent (priority 1) dispatch. */
    public static final Duration URGENT_DISPATCH_SIGN = Duration.ofMinutes(5);

    /** The general sign window (for an order whose kind and priority have no rule of their own). */
    public Duration signWithin() {
        return signWithin;
    }

    /** The sign window of an order of this kind about an incident of this priority (null: no incident). */
    public Duration signWithin(OrderKind kind, Integer priority) {
        Duration d = priority == null ? null : signByKindPriority.get(new KindPriority(kind, priority));
        if (d == null) {
            d = signByKind.get(kind);
        }
        return d != null ? d : signWithin;
    }

    /** The feedback limit for an order of this kind about an incident of this type (type may be null). */
    public Duration feedbackWithin(OrderKind kind, IncidentType incidentType) {
        return feedbackWithin(kind, incidentType, null);
    }

    /** As {@link #feedbackWithin(OrderKind, IncidentType)}, with the incident's priority (null: no incident). */
    public Duration feedbackWithin(OrderKind kind, IncidentType incidentType, Integer priority) {
        Duration d = priority == null ? null : feedbackByKindPriority.get(new KindPriority(kind, priority));
        if (d != null) {
            return d;
        }
        if (kind == OrderKind.DISPUTE_FOLLOW_UP && incidentType != null) {
            d = feedbackByDisputeType.get(incidentType);
            if (d != null) {
                return d;
            }
        }
        return feedbackByKind.get(kind);
    }

    /** Changes one entry at a time, for {@link DeadlineTable}. */
    static final class Builder {
        private Duration sign;
        private final Map<OrderKind, Duration> signByKind;
        private final Map<KindPriority, Duration> signByKindPriority;
        private final Map<OrderKind, Duration> feedbackByKind;
        private final Map<IncidentType, Duration> feedbackByDisputeType;
        private final Map<KindPriority, Duration> feedbackByKindPriority;

        Builder(DeadlinePolicy base) {
            sign = base.signWithin;
            signByKind = new EnumMap<>(base.signByKind);
            signByKindPriority = new HashMap<>(base.signByKindPriority);
            feedbackByKind = new EnumMap<>(base.feedbackByKind);
            feedbackByDisputeType = enumMap(IncidentType.class, base.feedbackByDisputeType);
            feedbackByKindPriority = new HashMap<>(base.feedbackByKindPriority);
        }

        void sign(Duration d) {
            sign = d;
        }

        void sign(OrderKind kind, Integer priority, Duration d) {
            if (priority == null) {
                signByKind.put(kind, d);
            } else {
                signByKindPriority.put(new KindPriority(kind, priority), d);
            }
        }

        void feedback(OrderKind kind, Integer priority, Duration d) {
            if (priority == null) {
                feedbackByKind.put(kind, d);
            } else {
                feedbackByKindPriority.put(new KindPriority(kind, priority), d);
            }
        }

        void feedback(IncidentType dispute, Duration d) {
            feedbackByDisputeType.put(dispute, d);
        }

        DeadlinePolicy build() {
            return new DeadlinePolicy(sign, signByKind, signByKindPriority, feedbackByKind, feedbackByDisputeType,
                    feedbackByKindPriority);
        }
    }
}
