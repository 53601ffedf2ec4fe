package org.commandroom.core.geo.io;

import java.util.Map;
import java.util.Objects;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.text.Text;

/**
 * One boundary read from a file: its name, its other properties as text (nested values as JSON
 * text), its outline as WKT (POLYGON or MULTIPOLYGON, x = longitude, exterior rings
 * counter-clockwise and holes clockwise) and the datum of the coordinates.
 */
public record ImportedArea(String name, Map<String, String> properties, String wkt, Datum datum, Text whereText) {

    /** @param whereText how problems name the area, e.g. {@code feature 0 (城东街道)} or {@code record 1 (犍为县)}; null
     *              when only its position in the file names it */
    public ImportedArea {
        Objects.requireNonNull(name, "name");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(wkt, "wkt");
        Objects.requireNonNull(datum, "datum");
    }

    /** An area named in problems by its position in the file only. */
    public ImportedArea(String name, Map<String, String> properties, String wkt, Datum datum) {
        this(name, properties, wkt, datum, null);
    }

    /** {@link #whereText()} in English, or null. */
    public String where() {
        return whereText == null ? null : whereText.english();
    }
}
