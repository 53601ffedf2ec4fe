package org.commandroom.core.geo.io;

import java.util.Map;
import java.util.Objects;

import org.commandroom.core.geo.Datum;

/**
 * One boundary read from a file: its name, its other properties as text (nested values as JSON
 * text), its outline as WKT (POLYGON or MULTIPOLYGON, x = longitude, exterior rings
 * counter-clockwise and holes clockwise) and the datum of the coordinates.
 */
public record ImportedArea(String name, Map<String, String> properties, String wkt, Datum datum) {

    public ImportedArea {
        Objects.requireNonNull(name, "name");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(wkt, "wkt");
        Objects.requireNonNull(datum, "datum");
    }
}
