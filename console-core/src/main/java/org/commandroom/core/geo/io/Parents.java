package org.commandroom.core.geo.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoDao;
import org.commandroom.core.text.Text;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the area an imported area belongs to: the street of a community, the community of a
 * micro-grid, the station of a police grid or patrol zone.
 *
 * <p><b>By property first.</b> When the feature has one of the reference properties (e.g.
 * {@code street} or {@code 街道}), its value must be the code, or else the name, of exactly one
 * candidate; anything else is a problem (it is not silently placed by position instead, since a
 * property that names a wrong street is a mistake in the file).
 *
 * <p><b>Otherwise by containment:</b> the candidate that holds the largest part of the area,
 * provided that part is at least {@code minShare} of it (default half). Boundaries drawn by
 * different offices never line up exactly, so "lies inside" cannot mean strict containment.
 * Candidates must already be in the datum of the imported areas.
 */
final class Parents {

    /** A possible parent: its id, code, name and boundary (null when it has none). */
    record Candidate(long id, String code, String name, Geometry boundary) {
        Candidate {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
        }
    }

    private final String kind;
    private final List<Candidate> candidates;
    private final STRtree tree = new STRtree();
    private final int withBoundary;
    private final double minShare;

    /**
     * @param kind what a parent is ({@code street}, {@code community} or {@code station}; see {@link #kindText})
     */
    Parents(String kind, List<Candidate> candidates, double minShare) {
        this.kind = kind;
        this.candidates = List.copyOf(candidates);
        this.minShare = minShare;
        int n = 0;
        for (Candidate c : this.candidates) {
            if (c.boundary() != null) {
                tree.insert(c.boundary().getEnvelopeInternal(), c);
                n++;
            }
        }
        this.withBoundary = n;
    }

    /**
     * The parent's id, or null after adding a problem under {@code label}.
     *
     * @param referenceKeys the properties that may name the parent, first one set wins
     */
    Long place(Text label, Map<String, String> properties, List<String> referenceKeys, Geometry area,
               List<ImportProblem> problems) {
        java.util.Optional<PropertyKeys.Found> ref = PropertyKeys.find(properties, referenceKeys);
        if (ref.isPresent()) {
            return byReference(label, ref.get().field(), ref.get().value(), problems);
        }
        return byContainment(label, area, problems);
    }

    /** {@code street}, {@code community} or {@code station} as a word of the bundles, singular or plural. */
    static Text kindText(String kind, boolean plural) {
        return switch (kind) {
            case "street" -> plural ? Text.of("core.geo.kind.streets") : Text.of("core.geo.kind.street");
            case "community" -> plural ? Text.of("core.geo.kind.communities") : Text.of("core.geo.kind.community");
            case "station" -> plural ? Text.of("core.geo.kind.stations") : Text.of("core.geo.kind.station");
            default -> throw new IllegalArgumentException("no parent kind " + kind);
        };
    }

    /** What the candidates are, e.g. {@code station}. */
    String kind() {
        return kind;
    }

    /** Whether a candidate has this code. */
    boolean hasCode(String code) {
        return candidates.stream().anyMatch(c -> c.code().equals(code));
    }

    /** The candidate whose code, else (only) whose name, is {@code value}; or null after adding a problem. */
    Long byReference(Text label, String key, String value, List<ImportProblem> problems) {
        for (Candidate c : candidates) {
            if (c.code().equals(value)) {
                return c.id();
            }
        }
        List<Candidate> named = candidates.stream().filter(c -> c.name().equals(value)).toList();
        if (named.size() == 1) {
            return named.get(0).id();
        }
        if (named.isEmpty()) {
            problems.add(new ImportProblem(label, Text.of("core.geo.parent.unknown", key, value, kindText(kind, false))));
        } else {
            problems.add(new ImportProblem(label, Text.of("core.geo.parent.ambiguous", key, value, named.size(),
                    kindText(kind, true), String.join(", ", named.stream().map(Candidate::code).toList()))));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Long byContainment(Text label, Geometry area, List<ImportProblem> problems) {
        if (withBoundary == 0) {
            problems.add(new ImportProblem(label, Text.of("core.geo.parent.noBoundaries", kindText(kind, false),
                    kindText(kind, true))));
            return null;
        }
        Candidate best = null;
        double bestShare = 0;
        for (Candidate c : (List<Candidate>) tree.query(area.getEnvelopeInternal())) {
            double share = AreaGeometry.shareInside(area, c.boundary());
            if (share > bestShare || (share == bestShare && best != null && c.code().compareTo(best.code()) < 0)) {
                best = c;
                bestShare = share;
            }
        }
        if (best != null && bestShare >= minShare) {
            return best.id();
        }
        problems.add(new ImportProblem(label, best == null || bestShare == 0
                ? Text.of("core.geo.parent.overlapsNone", kindText(kind, false), withBoundary, kindText(kind, true))
                : Text.of("core.geo.parent.tooLittle", kindText(kind, false), AreaGeometry.percent(bestShare), best.name(),
                        best.code(), AreaGeometry.percent(minShare))));
        return null;
    }

    /**
     * Stored areas as candidates, their boundaries moved into {@code target}; an unreadable stored
     * boundary is a problem (the import cannot be placed reliably).
     */
    static List<Candidate> candidates(List<GeoDao.Area> rows, Datum target, List<ImportProblem> problems, String kind) {
        List<Candidate> out = new ArrayList<>(rows.size());
        for (GeoDao.Area row : rows) {
            Geometry boundary = null;
            if (row.boundaryWkt() != null && !row.boundaryWkt().isBlank()) {
                try {
                    boundary = AreaGeometry.toDatum(AreaGeometry.read(row.boundaryWkt()), row.datum(), target);
                } catch (IllegalArgumentException e) {
                    problems.add(ImportProblem.database(Text.of("core.geo.parent.unreadable", kindText(kind, false), row.name(),
                            row.code(), String.valueOf(e.getMessage()))));
                }
            }
            out.add(new Candidate(row.id(), row.code(), row.name(), boundary));
        }
        return out;
    }
}
