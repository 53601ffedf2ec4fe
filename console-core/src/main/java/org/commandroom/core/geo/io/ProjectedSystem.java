package org.commandroom.core.geo.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commandroom.core.text.Text;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A projected coordinate system read from a Shapefile's {@code .prj} (WKT 1 as ArcGIS, QGIS and GDAL write it), and
 * the inverse projection of its metres to longitude and latitude on the same datum, done by proj4j.
 *
 * <p>What a Chinese bureau's GIS files carry: Gauss-Krüger (ArcGIS writes {@code Gauss_Kruger} or
 * {@code Transverse_Mercator}) on CGCS2000, 3° or 6° zones, with or without the zone number in the false easting;
 * UTM on WGS-84; and Web Mercator from web tools. Those are read. The datum must be WGS-84 or CGCS2000 (the two
 * agree within centimetres at a district's scale, so longitude and latitude on CGCS2000 are taken as WGS-84):
 * Beijing 1954 and Xi'an 1980 differ by tens to hundreds of metres and need the bureau's own seven parameters,
 * which a {@code .prj} does not carry; they are refused with the reason, as is any other projection.
 */
final class ProjectedSystem {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern PROJECTION = Pattern.compile("PROJECTION\\s*\\[\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAMETER = Pattern.compile(
            "PARAMETER\\s*\\[\\s*\"([^\"]*)\"\\s*,\\s*([-+0-9.eE]+)\\s*\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPHEROID = Pattern.compile(
            "SPHEROID\\s*\\[\\s*\"[^\"]*\"\\s*,\\s*([-+0-9.eE]+)\\s*,\\s*([-+0-9.eE]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATUM = Pattern.compile("DATUM\\s*\\[\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNIT = Pattern.compile("UNIT\\s*\\[\\s*\"([^\"]*)\"\\s*,\\s*([-+0-9.eE]+)",
            Pattern.CASE_INSENSITIVE);

    /** Either a system to project with, or why the file's cannot be read. */
    record Parsed(ProjectedSystem system, Text problem) {
    }

    private final String name;
    private final String datum;
    private final String proj4;
    private final BasicCoordinateTransform inverse;
    private final BasicCoordinateTransform forward;

    private ProjectedSystem(String name, String datum, String proj4, BasicCoordinateTransform inverse,
                            BasicCoordinateTransform forward) {
        this.name = name;
        this.datum = datum;
        this.proj4 = proj4;
        this.inverse = inverse;
        this.forward = forward;
    }

    /** Reads a {@code PROJCS[...]} text. */
    static Parsed parse(String wkt) {
        Matcher n = QUOTED.matcher(wkt);
        String name = n.find() ? n.group(1) : "?";
        Matcher d = DATUM.matcher(wkt);
        String datum = d.find() ? d.group(1) : name;
        if (!ShapefileAreaReader.wgs84OrCgcs2000(datum)) {
            return new Parsed(null, Text.of("core.geo.shp.projDatum", datum, name));
        }
        Matcher p = PROJECTION.matcher(wkt);
        if (!p.find()) {
            return new Parsed(null, Text.of("core.geo.shp.prjUnreadable"));
        }
        String projection = p.group(1);
        Map<String, Double> params = new HashMap<>();
        Matcher m = PARAMETER.matcher(wkt);
        while (m.find()) {
            Double v = number(m.group(2));
            if (v == null) {
                return new Parsed(null, Text.of("core.geo.shp.prjUnreadable"));
            }
            params.put(m.group(1).toLowerCase(Locale.ROOT).replace(' ', '_'), v);
        }
        Matcher s = SPHEROID.matcher(wkt);
        Double a = s.find() ? number(s.group(1)) : null;
        Double rf = a == null ? null : number(s.group(2));
        // The projected system's unit is the last UNIT (the GEOGCS's own, in degrees, comes first).
        Matcher u = UNIT.matcher(wkt);
        Double toMetre = null;
        while (u.find()) {
            toMetre = number(u.group(2));
        }
        if (a == null || rf == null || toMetre == null || !(toMetre > 0) || !(a > 6_000_000 && a < 7_000_000)) {
            return new Parsed(null, Text.of("core.geo.shp.prjUnreadable"));
        }
        List<String> args = new ArrayList<>();
        String kind = projection.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        switch (kind) {
            case "transversemercator", "gausskruger", "gausskrueger" -> {
                args.add("+proj=tmerc");
                args.add("+lat_0=" + param(params, 0, "latitude_of_origin"));
                args.add("+lon_0=" + param(params, Double.NaN, "central_meridian", "longitude_of_center"));
                args.add("+k=" + param(params, 1, "scale_factor"));
            }
            case "mercatorauxiliarysphere", "popularvisualisationpseudomercator" -> {
                // Web Mercator: the sphere of the datum's semi-major axis, whatever the spheroid says.
                args.add("+proj=merc");
                args.add("+lon_0=" + param(params, 0, "central_meridian"));
                args.add("+k=1");
                rf = 0.0;
            }
            case "mercator", "mercator1sp" -> {
                args.add("+proj=merc");
                args.add("+lon_0=" + param(params, 0, "central_meridian"));
                args.add("+k=" + param(params, 1, "scale_factor"));
            }
            default -> {
                return new Parsed(null, Text.of("core.geo.shp.projection", projection, name));
            }
        }
        if (args.stream().anyMatch(x -> x.endsWith("NaN"))) {
            return new Parsed(null, Text.of("core.geo.shp.projParameter", name));
        }
        args.add("+x_0=" + param(params, 0, "false_easting"));
        args.add("+y_0=" + param(params, 0, "false_northing"));
        // proj4j 1.4.1 misreads +rf (every point lands near the pole): the semi-minor axis is given instead.
        String ellipsoid = "+a=" + a + " +b=" + (rf == 0.0 ? a : a * (1 - 1 / rf));
        args.add(ellipsoid);
        args.add("+units=m");
        if (toMetre != 1.0) {
            args.add("+to_meter=" + toMetre);
        }
        args.add("+no_defs");
        String proj4 = String.join(" ", args);
        try {
            CRSFactory f = new CRSFactory();
            CoordinateReferenceSystem projected = f.createFromParameters(name, proj4);
            CoordinateReferenceSystem geographic = f.createFromParameters("lonlat", "+proj=longlat " + ellipsoid + " +no_defs");
            return new Parsed(new ProjectedSystem(name, datum, proj4, new BasicCoordinateTransform(projected, geographic),
                    new BasicCoordinateTransform(geographic, projected)), null);
        } catch (Proj4jException | IllegalArgumentException e) {
            return new Parsed(null, Text.of("core.geo.shp.projParameter", name));
        }
    }

    private static Double number(String s) {
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double param(Map<String, Double> params, double otherwise, String... names) {
        for (String n : names) {
            Double v = params.get(n);
            if (v != null) {
                return v;
            }
        }
        return otherwise;
    }

    String name() {
        return name;
    }

    String datum() {
        return datum;
    }

    /** The proj4 parameters the system was read as (for the log and the import's note). */
    String proj4() {
        return proj4;
    }

    /**
     * Longitude and latitude (x, y) of projected metres; null when the point lies where the projection has no
     * inverse (far outside its zone), which the caller reports as a problem of the record.
     */
    Coordinate lonLat(Coordinate c) {
        if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
            return null;
        }
        ProjCoordinate out = new ProjCoordinate();
        ProjCoordinate again = new ProjCoordinate();
        try {
            inverse.transform(new ProjCoordinate(c.x, c.y), out);
            if (!Double.isFinite(out.x) || !Double.isFinite(out.y) || Math.abs(out.y) > 90 || Math.abs(out.x) > 180) {
                return null;
            }
            // Far outside its zone a projection "inverts" to a wrong place (the pole, the antimeridian): only a point
            // that projects forward to where it was, within a metre, is taken.
            forward.transform(new ProjCoordinate(out.x, out.y), again);
        } catch (Proj4jException | ArithmeticException e) {
            return null;
        }
        return Math.hypot(again.x - c.x, again.y - c.y) <= 1.0 ? new Coordinate(out.x, out.y) : null;
    }
}
