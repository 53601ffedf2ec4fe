package org.commandroom.core.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts on the commander's screen and the triage that keeps them from becoming a storm:
 * <ul>
 *   <li>one alert per event: a key seen before (the same incident, the same missed deadline) is ignored;</li>
 *   <li>routine kinds ({@link AlertKind#urgent()} false: new calls) go into one counter per kind, which takes
 *       every further event of its kind until it is acknowledged ("7 new incidents");</li>
 *   <li>urgent kinds (priority-1 calls, overdue orders) stand apart, one alert per event; only a burst groups
 *       them: when more than {@code groupAbove} events of one kind arrive within {@code window}, the alerts of
 *       that kind raised within the window and not yet acknowledged, and every further event of the burst,
 *       become one grouped alert that counts them;</li>
 *   <li>an alert stays until acknowledged (one, or all at once); urgent ones are listed first.</li>
 * </ul>
 * Time is the injected clock's. Not thread-safe by design: the app calls it on the FX thread only.
 */
public final class AlertCenter {

    private final Clock clock;
    private final AlertPolicy policy;
    private final Map<Long, Alert> active = new LinkedHashMap<>();
    private final Map<Long, Instant> lastActivity = new HashMap<>();
    private final Map<AlertKind, Deque<Instant>> recent = new EnumMap<>(AlertKind.class);
    private final Set<String> seen = new LinkedHashSet<>();
    private long nextId = 1;

    public AlertCenter(Clock clock, AlertPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    /** Takes new events; returns the alerts that appeared and what is on screen now. */
    public AlertUpdate offer(List<AlertTrigger> triggers) {
        Set<Long> before = new HashSet<>(active.keySet());
        Set<Long> grown = new HashSet<>();
        for (AlertTrigger t : triggers) {
            if (!remember(t.key())) {
                continue;
            }
            Instant now = clock.instant();
            if (!t.kind().urgent()) {
                count(t, now, grown);
                continue;
            }
            Deque<Instant> times = recent.computeIfAbsent(t.kind(), k -> new ArrayDeque<>());
            Instant windowStart = now.minus(policy.window());
            while (!times.isEmpty() && times.peekFirst().isBefore(windowStart)) {
                times.pollFirst();
            }
            times.addLast(now);
            if (times.size() > policy.groupAbove()) {
                group(t, now, windowStart, grown);
            } else {
                add(new Alert(nextId++, t.kind(), List.of(t), now, false), now);
            }
        }
        List<Alert> raised = new ArrayList<>();
        List<Alert> grew = new ArrayList<>();
        for (Alert a : active.values()) {
            if (!before.contains(a.id())) {
                raised.add(a);
            } else if (grown.contains(a.id())) {
                grew.add(a);
            }
        }
        return new AlertUpdate(raised, grew, active());
    }

    /** A routine event joins the counter of its kind, or starts it. */
    private void count(AlertTrigger t, Instant now, Set<Long> grown) {
        for (Alert a : active.values()) {
            if (a.kind() == t.kind()) {
                active.put(a.id(), a.with(t));
                lastActivity.put(a.id(), now);
                grown.add(a.id());
                return;
            }
        }
        add(new Alert(nextId++, t.kind(), List.of(t), now, false), now);
    }

    private void group(AlertTrigger t, Instant now, Instant windowStart, Set<Long> grown) {
        for (Alert a : active.values()) {
            if (a.grouped() && a.kind() == t.kind() && !lastActivity.get(a.id()).isBefore(windowStart)) {
                active.put(a.id(), a.with(t));
                lastActivity.put(a.id(), now);
                grown.add(a.id());
                return;
            }
        }
        List<AlertTrigger> absorbed = new ArrayList<>();
        Iterator<Alert> it = active.values().iterator();
        while (it.hasNext()) {
            Alert a = it.next();
            if (!a.grouped() && a.kind() == t.kind() && !a.raisedAt().isBefore(windowStart)) {
                absorbed.addAll(a.triggers());
                lastActivity.remove(a.id());
                it.remove();
            }
        }
        absorbed.add(t);
        add(new Alert(nextId++, t.kind(), absorbed, now, absorbed.size() > 1), now);
    }

    private void add(Alert a, Instant now) {
        active.put(a.id(), a);
        lastActivity.put(a.id(), now);
    }

    private boolean remember(String key) {
        if (!seen.add(key)) {
            return false;
        }
        if (seen.size() > policy.remember()) {
            Iterator<String> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Takes one alert off the screen; empty if it is not (or no longer) there. */
    public Optional<Alert> acknowledge(long alertId) {
        lastActivity.remove(alertId);
        return Optional.ofNullable(active.remove(alertId));
    }

    /** Takes every alert off the screen and returns them, oldest first. */
    public List<Alert> acknowledgeAll() {
        List<Alert> all = new ArrayList<>(active.values());
        active.clear();
        lastActivity.clear();
        return all;
    }

    /** What is on screen: emergencies, then the other urgent alerts, newest first; then the routine counters. */
    public List<Alert> active() {
        List<Alert> out = new ArrayList<>(active.values());
        Collections.reverse(out);
        // An officer in danger first, then the other urgent alerts, then the routine counters.
        out.sort(java.util.Comparator.comparing((Alert a) -> a.kind() != AlertKind.UNIT_EMERGENCY)
                .thenComparing((Alert a) -> !a.kind().urgent()));
        return out;
    }
}
