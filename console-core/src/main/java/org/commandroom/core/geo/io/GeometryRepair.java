package org.commandroom.core.geo.io;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One feature whose boundary was repaired on reading: what was wrong with it and its area before and after.
 *
 * <p>Boundaries cut from web maps often cross themselves, overlap between their parts or repeat a vertex (the map's
 * coordinate grid). Such a boundary is repaired with JTS's {@code GeometryFixer} when the result is a non-empty
 * polygon or multipolygon; repeated consecutive vertices are dropped. Nothing repaired is written without the user's
 * consent ({@link GeoImportService.Request#acceptRepairs()}), so the repair says enough to judge it.
 *
 * <p><b>Areas</b> are on the WGS-84 ellipsoid in km² (coordinates in GCJ-02 are converted first), see
 * {@link SurfaceArea}. The area <i>before</i> is what the file's rings add up to: the absolute shoelace area of each
 * exterior ring minus that of each hole, summed over the parts. For a ring that crosses itself that is the difference
 * of its lobes, and parts that overlap are counted twice, so it is not an area the boundary "had", but it is what
 * a naive area of the file gives; the area <i>after</i> is that of the repaired, valid boundary.
 *
 * @param feature     the feature's index in the file, from 0
 * @param name        the feature's name, or null when it has none (which is then also a problem)
 * @param where       the feature as problems name it, e.g. {@code feature 0 (犍为县)}
 * @param defects     what was wrong, in the order found
 * @param areaBefore  km², see above
 * @param areaAfter   km², of the repaired boundary
 * @param partsBefore polygons in the file's geometry
 * @param partsAfter  polygons in the repaired geometry
 */
public record GeometryRepair(int feature, String name, String where, List<Defect> defects, double areaBefore,
                             double areaAfter, int partsBefore, int partsAfter) {

    /** What was wrong; each but {@link #REPEATED_POINTS} is a JTS validation error. */
    public enum Kind {
        /** Consecutive positions repeated; the repeats were dropped (the area is unchanged). */
        REPEATED_POINTS,
        /** A ring crosses itself, or a hole crosses its exterior ring. */
        SELF_INTERSECTION,
        /** A ring touches itself at a vertex, or doubles back on itself (a spike). */
        RING_SELF_INTERSECTION,
        /**
         * The parts of a multipolygon cross, overlap or share an edge (each part is valid on its own); the repair merges
         * them where they meet.
         */
        PARTS_INTERSECT,
        HOLE_OUTSIDE_SHELL,
        NESTED_HOLES,
        /** Holes cut the polygon's interior in two. */
        DISCONNECTED_INTERIOR,
        NESTED_SHELLS,
        DUPLICATE_RINGS,
        /** Any other JTS validation error; its message says which. */
        OTHER
    }

    /**
     * One thing wrong.
     *
     * @param kind    what
     * @param part    the index of the polygon in a multipolygon it was found in; null for a single polygon or for a
     *                defect between the parts of a multipolygon
     * @param error   JTS's validation message (e.g. {@code Self-intersection}), or for repeated points
     *                {@code repeated consecutive positions}
     * @param lon     where (the first place, for repeated points), in the file's datum
     * @param lat     where
     * @param count   how many positions were dropped for {@link Kind#REPEATED_POINTS}; 1 otherwise
     */
    public record Defect(Kind kind, Integer part, String error, double lon, double lat, int count) {
        public Defect {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(error, "error");
        }

        /** The place as {@code lon,lat} rounded to 7 decimals, as problems write it. */
        public String location() {
            return DistrictEnvelope.formatRounded(lon, lat);
        }

        /** In English, for logs, the command line and the audit trail, e.g. {@code polygon 2: Self-intersection at …}. */
        public String message() {
            String text = kind == Kind.REPEATED_POINTS
                    ? count + " repeated consecutive position" + (count == 1 ? "" : "s") + " dropped (first at " + location() + ")"
                    : (kind == Kind.PARTS_INTERSECT ? "parts cross, overlap or share an edge: " : "") + error + " at " + location();
            return (part == null ? "" : "polygon " + part + ": ") + text;
        }
    }

    public GeometryRepair {
        Objects.requireNonNull(where, "where");
        defects = List.copyOf(defects);
        if (defects.isEmpty()) {
            throw new IllegalArgumentException("a repair needs at least one defect");
        }
    }

    /**
     * {@code (after − before) / before}; NaN when the rings enclosed (net) less than 1 m² before, e.g. a bow-tie whose
     * lobes cancel, where there is nothing to compare with.
     */
    public double relativeChange() {
        return areaBefore < 1e-6 ? Double.NaN : (areaAfter - areaBefore) / areaBefore;
    }

    /**
     * In English, for logs, the command line and the audit trail, e.g.
     * {@code feature 0 (犍为县): parts cross, overlap or share an edge: Self-intersection at 104.132507,29.399626; area 1370.14 → 1370.14 km² (0.00%), 3 parts → 2}.
     */
    public String message() {
        StringBuilder b = new StringBuilder(where).append(": ")
                .append(defects.stream().map(Defect::message).collect(Collectors.joining("; ")))
                .append("; area ").append(km2(areaBefore)).append(" → ").append(km2(areaAfter)).append(" km²");
        double change = relativeChange();
        if (!Double.isNaN(change)) {
            b.append(" (").append(percent(change)).append(')');
        }
        if (partsBefore != partsAfter) {
            b.append(", ").append(partsBefore).append(partsBefore == 1 ? " part" : " parts").append(" → ").append(partsAfter);
        }
        return b.toString();
    }

    /** A relative change as {@code +1.23%} or {@code -0.40%}; {@code 0.00%} when it rounds to nothing (no "-0.00%"). */
    static String percent(double change) {
        double pct = change * 100;
        return Math.abs(pct) < 0.005 ? "0.00%" : String.format(Locale.ROOT, "%+.2f%%", pct);
    }

    /** Areas to 0.01 km² (1 hectare), or to 1 m² below 0.01 km² so a sliver's area still shows; 0 below 1 m². */
    static String km2(double v) {
        if (Math.abs(v) < 1e-6) {
            return "0";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 0.01 ? "%.2f" : "%.6f", v);
    }

    @Override
    public String toString() {
        return message();
    }
}
