package org.commandroom.core.geo;

import java.util.ArrayList;
import java.util.List;
import org.commandroom.core.camera.CameraKind;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The static layers of the live map as read from the database: the district outline (the union of
 * its streets), streets and communities for the base map, police grids with their risk grade, and
 * the cameras. Loaded once, off the FX thread.
 */
public record MapLayers(String districtWkt, Datum districtDatum, List<GeoDao.Area> streets,
                        List<GeoDao.Area> communities, List<Grid> policeGrids, List<CameraPoint> cameras) {

    public MapLayers {
        streets = List.copyOf(streets);
        communities = List.copyOf(communities);
        policeGrids = List.copyOf(policeGrids);
        cameras = List.copyOf(cameras);
    }

    /** A police grid as the map draws it; riskGrade is RED, ORANGE or GREEN. */
    public record Grid(long id, String name, String riskGrade, String wkt, Datum datum) {
    }

    /** One video point. */
    public record CameraPoint(String deviceId, String name, CameraKind kind, double lat, double lon, Datum datum,
                              boolean online) {
    }

    /** Reads every layer. The district outline is empty when the database holds no streets yet. */
    public static MapLayers load(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            GeoDao geo = h.attach(GeoDao.class);
            MapLayerDao layers = h.attach(MapLayerDao.class);
            List<GeoDao.Area> streets = geo.streets();
            String district = "";
            Datum datum = Datum.WGS84;
            if (!streets.isEmpty()) {
                datum = streets.get(0).datum();
                district = union(streets);
            }
            return new MapLayers(district, datum, streets, geo.communities(), layers.policeGrids(), layers.cameras());
        });
    }

    private static String union(List<GeoDao.Area> areas) {
        WKTReader reader = new WKTReader();
        List<Geometry> parts = new ArrayList<>();
        for (GeoDao.Area a : areas) {
            try {
                parts.add(reader.read(a.boundaryWkt()));
            } catch (ParseException e) {
                throw new IllegalStateException("street " + a.name() + " has an unreadable boundary: " + e.getMessage(), e);
            }
        }
        return UnaryUnionOp.union(parts).toText();
    }
}
