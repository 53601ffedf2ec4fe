package org.commandroom.app.ui.map;

import java.util.Objects;

import org.commandroom.core.geo.Datum;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/** A police grid (警格) to draw: id, name shown as its label, risk grade, outline as WKT (x = longitude). */
public record GridArea(String id, String name, RiskGrade grade, String wkt, Datum datum) {

    public GridArea {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(wkt, "wkt");
        Objects.requireNonNull(datum, "datum");
    }

    public static GridArea of(String id, String name, RiskGrade grade, Geometry outline, Datum datum) {
        return new GridArea(id, name, grade, new WKTWriter().write(outline), datum);
    }
}
