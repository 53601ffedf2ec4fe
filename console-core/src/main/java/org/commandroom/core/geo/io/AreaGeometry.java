package org.commandroom.core.geo.io;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Boundary helpers for imports: WKT parsing, moving a geometry into another datum, and the share of
 * one area that lies inside another. Areas are compared in degrees; shares are ratios of areas a few
 * kilometres across, where the difference from true (metric) areas cancels out.
 */
final class AreaGeometry {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private AreaGeometry() {
    }

    /** @throws IllegalArgumentException when the text is not WKT */
    static Geometry read(String wkt) {
        try {
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException("unreadable WKT: " + e.getMessage(), e);
        }
    }

    /** The geometry with every coordinate converted from {@code from} to {@code to}; the same one when they agree. */
    static Geometry toDatum(Geometry g, Datum from, Datum to) {
        if (from == to) {
            return g;
        }
        Geometry copy = g.copy();
        double[] out = new double[2];
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                DatumConverter.convert(seq.getY(i), seq.getX(i), from, to, out);
                seq.setOrdinate(i, CoordinateSequence.X, out[1]);
                seq.setOrdinate(i, CoordinateSequence.Y, out[0]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    /** The part of {@code area}'s surface that lies inside {@code container}, from 0 to 1 (0 for an empty area). */
    static double shareInside(Geometry area, Geometry container) {
        double total = area.getArea();
        if (!(total > 0) || !area.getEnvelopeInternal().intersects(container.getEnvelopeInternal())) {
            return 0;
        }
        return OverlayNGRobust.overlay(area, container, OverlayNG.INTERSECTION).getArea() / total;
    }

    /** A share as operators read it: "37%", or "0.4%" below 1 %. */
    static String percent(double share) {
        double p = share * 100;
        return p >= 1 || p == 0 ? Math.round(p) + "%" : String.format(java.util.Locale.ROOT, "%.1f%%", p);
    }
}
