package org.commandroom.core.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 一人多警、一事多警: finds the earlier incidents an incident repeats under a {@link RepeatRule} and stores
 * the flag with its links, inside the transaction that records the incident. Earlier means received
 * within the window before it (the window's start included, the same instant included); each criterion
 * (caller, address, nearby) is counted on its own and flags when it reaches the rule's count.
 */
public final class RepeatDetector {

    private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180.0;

    private final RepeatRule rule;
    private final RecentPositions recent;

    /** Looks nearby incidents up in the database. */
    public RepeatDetector(RepeatRule rule) {
        this(rule, null);
    }

    /** Looks nearby incidents up in {@code recent} (falling back to the database for old windows). */
    public RepeatDetector(RepeatRule rule, RecentPositions recent) {
        this.rule = rule;
        this.recent = recent;
    }

    /** The in-memory positions this detector uses, or null. */
    public RecentPositions recent() {
        return recent;
    }

    public RepeatRule rule() {
        return rule;
    }

    /** What the stored incident repeats; reads only. */
    public RepeatFinding detect(Handle h, Incident incident) {
        RepeatDao dao = h.attach(RepeatDao.class);
        Instant to = incident.receivedAt();
        Instant from = to.minus(rule.window());
        Map<RepeatReason, List<RepeatDao.Candidate>> byReason = new EnumMap<>(RepeatReason.class);
        if (incident.callerNumber() != null && !incident.callerNumber().isBlank()) {
            byReason.put(RepeatReason.CALLER, dao.sameCaller(incident.callerNumber(), from, to, incident.id()));
        }
        if (!incident.address().isBlank()) {
            byReason.put(RepeatReason.ADDRESS, dao.sameAddress(incident.address(), from, to, incident.id()));
        }
        Map<Long, Double> distances = new LinkedHashMap<>();
        GeoPoint here = incident.position();
        if (here != null) {
            double r = rule.radiusMetres();
            List<RepeatDao.Candidate> near = new ArrayList<>();
            Map<Long, Double> inMemory = recent == null ? null : recent.within(here, r, from, to, incident.id());
            if (inMemory != null) {
                if (!inMemory.isEmpty()) {
                    near.addAll(dao.byIds(inMemory.keySet()));
                    distances.putAll(inMemory);
                }
            } else {
                // Positions are stored in either datum: look in a small box around the point as each datum has it.
                for (Datum datum : Datum.values()) {
                    GeoPoint centre = DatumConverter.convert(here, datum);
                    double dLat = (r + 5) / METRES_PER_DEGREE;
                    double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(centre.lat())));
                    for (RepeatDao.Candidate c : dao.inBox(centre.lat() - dLat, centre.lat() + dLat, centre.lon() - dLon,
                            centre.lon() + dLon, datum.name(), from, to, incident.id())) {
                        if (c.position() == null) {
                            continue;
                        }
                        double d = DatumConverter.convert(c.position(), here.datum()).distanceMetres(here);
                        if (d <= r) {
                            near.add(c);
                            distances.put(c.id(), d);
                        }
                    }
                }
            }
            byReason.put(RepeatReason.NEARBY, near);
        }
        Set<RepeatReason> reached = EnumSet.noneOf(RepeatReason.class);
        byReason.forEach((reason, list) -> {
            if (list.size() + 1 >= rule.minCount()) {
                reached.add(reason);
            }
        });
        if (reached.isEmpty()) {
            return RepeatFinding.none(incident.id(), rule);
        }
        Map<Long, RepeatDao.Candidate> earlier = new LinkedHashMap<>();
        Map<Long, Set<RepeatReason>> shared = new LinkedHashMap<>();
        byReason.forEach((reason, list) -> {
            for (RepeatDao.Candidate c : list) {
                shared.computeIfAbsent(c.id(), k -> EnumSet.noneOf(RepeatReason.class)).add(reason);
                if (reached.contains(reason)) {
                    earlier.put(c.id(), c);
                }
            }
        });
        List<EarlierIncident> out = new ArrayList<>();
        for (RepeatDao.Candidate c : earlier.values()) {
            Double d = distances.get(c.id());
            if (d == null && here != null && c.position() != null) {
                d = DatumConverter.convert(c.position(), here.datum()).distanceMetres(here);
            }
            out.add(new EarlierIncident(c.id(), c.incidentNo(), c.receivedAt(), c.address(), c.callerNumber(), c.type(),
                    shared.get(c.id()), d));
        }
        out.sort(Comparator.comparing(EarlierIncident::receivedAt).reversed().thenComparing(e -> -e.id()));
        return new RepeatFinding(incident.id(), rule, reached, out);
    }

    /** Links kept per flagged incident: the most recent earlier incidents (the flag counts them all). */
    static final int LINKS_KEPT = 20;

    /**
     * Stores a flagged finding: the flag with the number of earlier incidents, and a link to each of the
     * {@value #LINKS_KEPT} most recent; does nothing for an unflagged one.
     */
    public void persist(Handle h, RepeatFinding finding, Instant at) {
        if (!finding.flagged()) {
            return;
        }
        RepeatDao dao = h.attach(RepeatDao.class);
        dao.insertFlag(finding.incidentId(), at, formatReasons(finding.reasons()), finding.earlier().size(),
                finding.rule().minCount(), finding.rule().windowDays(), finding.rule().radiusMetres());
        List<Long> ids = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        for (EarlierIncident e : finding.earlier().subList(0, Math.min(LINKS_KEPT, finding.earlier().size()))) {
            ids.add(e.id());
            reasons.add(formatReasons(e.reasons()));
            distances.add(e.distanceMetres());
        }
        dao.insertLinks(finding.incidentId(), ids, reasons, distances);
    }

    /** The stored flag of an incident with its earlier incidents, or empty when it was not flagged. */
    public static Optional<RepeatFinding> stored(Jdbi jdbi, long incidentId) {
        return jdbi.withHandle(h -> {
            RepeatDao dao = h.attach(RepeatDao.class);
            return dao.flag(incidentId).map(f -> new RepeatFinding(incidentId,
                    new RepeatRule(f.minCount(), Duration.ofDays(f.days()), f.metres()),
                    parseReasons(f.reasons()), dao.links(incidentId)));
        });
    }

    static String formatReasons(Set<RepeatReason> reasons) {
        return reasons.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<RepeatReason> parseReasons(String text) {
        Set<RepeatReason> out = EnumSet.noneOf(RepeatReason.class);
        if (text != null) {
            for (String s : text.split(",")) {
                if (!s.isBlank()) {
                    out.add(RepeatReason.valueOf(s.trim()));
                }
            }
        }
        return out;
    }
}
