package org.commandroom.core.geo.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoDao;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * "一张网": which police grids each micro-grid (governance grid) belongs to. A micro-grid matches
 * every police grid that covers more than {@code minShare} of its area (default 10 %), so one
 * straddling two police grids belongs to both, while a sliver caused by boundaries drawn by different
 * offices does not count. Both layers are compared in WGS-84, whatever datum each row is stored in.
 * Pure: computes, stores nothing.
 */
public final class GridMatching {

    /** The share of a micro-grid a police grid must cover, by default: more than 10 %. */
    public static final double DEFAULT_MIN_SHARE = 0.10;

    /** One row of {@code police_grid_micro_grid}. */
    public record Pair(long policeGridId, long microGridId) {
    }

    private GridMatching() {
    }

    /**
     * The matching pairs, ordered by police grid then micro-grid id.
     *
     * @throws IllegalArgumentException naming the area when a stored boundary cannot be read
     */
    @SuppressWarnings("unchecked")
    public static List<Pair> match(List<GeoDao.Area> policeGrids, List<GeoDao.Area> microGrids, double minShare) {
        if (!(minShare >= 0 && minShare < 1)) {
            throw new IllegalArgumentException("minShare must be in [0, 1): " + minShare);
        }
        STRtree tree = new STRtree();
        for (GeoDao.Area p : policeGrids) {
            Geometry g = wgs84(p);
            tree.insert(g.getEnvelopeInternal(), new Object[] {p.id(), g});
        }
        List<Pair> pairs = new ArrayList<>();
        for (GeoDao.Area m : microGrids) {
            Geometry g = wgs84(m);
            for (Object[] candidate : (List<Object[]>) tree.query(g.getEnvelopeInternal())) {
                if (AreaGeometry.shareInside(g, (Geometry) candidate[1]) > minShare) {
                    pairs.add(new Pair((Long) candidate[0], m.id()));
                }
            }
        }
        pairs.sort(Comparator.comparingLong(Pair::policeGridId).thenComparingLong(Pair::microGridId));
        return pairs;
    }

    private static Geometry wgs84(GeoDao.Area area) {
        try {
            return AreaGeometry.toDatum(AreaGeometry.read(area.boundaryWkt()), area.datum(), Datum.WGS84);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the boundary of " + area.name() + " (" + area.code() + ") cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
