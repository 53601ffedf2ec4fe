package org.commandroom.app.ui.map;

import org.commandroom.app.ui.common.Failures;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.intake.PointLocation;

/**
 * A form's position (the call's, the intercept's): the text {@code lat, lon} the commander reads and may type,
 * the exact point behind it when it was chosen (picked on the map, or a gazetteer suggestion) with its datum,
 * and where it falls (police grid and station, or outside the district), looked up on the I/O executor
 * whenever the position changes. Typed text is WGS-84; a point picked on the map (drawn in the tiles' datum)
 * is converted to WGS-84, so the text always says what the datum line beside it says.
 */
public final class PositionInput {

    private static final Pattern LAT_LON = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*[,，\\s]\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

    private final Tasks tasks;
    private final I18n i18n;
    private final Function<GeoPoint, PointLocation> locator;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<PointLocation> location = new ReadOnlyObjectWrapper<>(this, "location");
    private final ReadOnlyStringWrapper locationText = new ReadOnlyStringWrapper(this, "locationText", "");
    private final ReadOnlyBooleanWrapper outside = new ReadOnlyBooleanWrapper(this, "outside");
    private GeoPoint chosen;
    private String chosenText;
    private long asked;

    /**
     * @param locator where a point falls (reads the geography the first time: it runs on the I/O executor);
     *                null where the form has none, and then nothing is shown
     */
    public PositionInput(Tasks tasks, I18n i18n, Function<GeoPoint, PointLocation> locator) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.locator = locator;
        text.addListener((o, was, is) -> locate());
    }

    /** Puts a chosen point in the field, in the datum it is given in. */
    public void choose(GeoPoint point) {
        String t = format(point);
        chosen = point;
        chosenText = t;
        if (t.equals(text.get())) {
            locate();
        } else {
            text.set(t);
        }
    }

    /** Puts a point picked on the map in the field, as WGS-84 (what the commander types and terminals report). */
    public void pickedOnMap(GeoPoint point) {
        choose(DatumConverter.convert(point, Datum.WGS84));
    }

    /**
     * The position: the chosen point while its text is untouched, else the typed text as WGS-84; null when blank.
     *
     * @throws IllegalArgumentException when the text is not {@code lat, lon} within ±90 / ±180
     */
    public GeoPoint point() {
        String t = text.get();
        if (t == null || t.isBlank()) {
            return null;
        }
        if (chosen != null && t.equals(chosenText)) {
            return chosen;
        }
        return parse(t);
    }

    /**
     * Typed text as a WGS-84 point: {@code lat, lon} (a full-width comma or a blank also separate them); null when blank.
     *
     * @throws IllegalArgumentException when it is not two numbers within ±90 / ±180
     */
    public static GeoPoint parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = LAT_LON.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        return GeoPoint.wgs84(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
    }

    /** Empties the field (the next call or order). */
    public void clear() {
        chosen = null;
        chosenText = null;
        text.set("");
        locate();
    }

    private void locate() {
        long ticket = ++asked;
        GeoPoint p;
        try {
            p = point();
        } catch (IllegalArgumentException unreadable) {
            p = null;
        }
        if (p == null || locator == null) {
            show(null);
            return;
        }
        GeoPoint at = p;
        tasks.run(() -> locator.apply(at), found -> {
            if (ticket == asked) {
                show(found);
            }
        }, e -> {
            if (ticket == asked) {
                show(null);
                locationText.set(i18n.tr("map.pick.locateFailed", Failures.text(e, i18n)));
            }
        });
    }

    private void show(PointLocation found) {
        location.set(found);
        outside.set(found != null && !found.inDistrict());
        locationText.set(found == null ? "" : describe(i18n, found));
    }

    /** "南关一格 · 城关派出所 · WGS-84", or that the point is outside the district. */
    public static String describe(I18n i18n, PointLocation l) {
        String datum = l.point().datum() == Datum.GCJ02 ? "GCJ-02" : "WGS-84";
        if (!l.inDistrict()) {
            return i18n.tr("map.pick.outside", datum);
        }
        String grid = l.gridName() != null ? l.gridName() : i18n.tr("map.pick.noGrid");
        String station = l.stationName() != null ? l.stationName() : i18n.tr("map.pick.noStation");
        return i18n.tr("map.pick.location", grid, station, datum);
    }

    private static String format(GeoPoint p) {
        return String.format(Locale.ROOT, "%.6f, %.6f", p.lat(), p.lon());
    }

    /** {@code lat, lon}: bind the text field to it. */
    public StringProperty textProperty() {
        return text;
    }

    /** Where the position falls, once looked up; null while blank, unreadable or unknown. */
    public ReadOnlyObjectProperty<PointLocation> locationProperty() {
        return location.getReadOnlyProperty();
    }

    /** The location as the form shows it under the field. */
    public ReadOnlyStringProperty locationTextProperty() {
        return locationText.getReadOnlyProperty();
    }

    /** Whether the position lies outside the district (shown as a warning). */
    public ReadOnlyBooleanProperty outsideProperty() {
        return outside.getReadOnlyProperty();
    }
}
