package org.commandroom.core.cap;

import java.util.List;
import java.util.Objects;

/**
 * One {@code <area>} of an info block: a description and any number of polygons and circles, in WGS 84 as CAP
 * requires.
 *
 * @param polygons each a closed ring of at least four points, the first equal to the last
 */
public record CapArea(String areaDesc, List<List<Point>> polygons, List<Circle> circles) {

    public CapArea {
        Objects.requireNonNull(areaDesc, "areaDesc");
        polygons = polygons.stream().map(List::copyOf).toList();
        circles = List.copyOf(circles);
    }

    /** A WGS 84 point. */
    public record Point(double lat, double lon) {
    }

    /** A circle: centre in WGS 84, radius in kilometres. */
    public record Circle(Point centre, double radiusKm) {
    }
}
