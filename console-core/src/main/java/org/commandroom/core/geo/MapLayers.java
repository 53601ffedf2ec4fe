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
 * The static layers of the live map as read from the database: the district outline (the district's own boundary
 * when one was imported, else the union of its streets), the district boundaries and the stations' own boundaries
 * (派出所辖区) as layers, streets, communities (with their risk grade) and micro-grids, police grids with their
 * risk grade, key patrol zones, deployment points, key places, community police offices, the roads
 * and water of the base map, and the cameras. Loaded once, off the FX thread, and again when the
 * change feed says a layer was imported.
 */
public record MapLayers(String districtWkt, Datum districtDatum, List<GeoDao.Area> streets,
                        List<Grid> communities, List<Grid> microGrids, List<Grid> policeGrids, List<Grid> patrolZones,
                        List<Place> deploymentPoints, List<Place> keyPlaces, List<Place> policeOffices,
                        List<BaseFeature> baseMap, List<CameraPoint> cameras, List<Grid> districts,
                        List<Grid> stationAreas) {

    /** Without district and station boundaries of their own. */
    public MapLayers(String districtWkt, Datum districtDatum, List<GeoDao.Area> streets, List<Grid> communities,
                     List<Grid> microGrids, List<Grid> policeGrids, List<Grid> patrolZones, List<Place> deploymentPoints,
                     List<Place> keyPlaces, List<Place> policeOffices, List<BaseFeature> baseMap, List<CameraPoint> cameras) {
        this(districtWkt, districtDatum, streets, communities, microGrids, policeGrids, patrolZones, deploymentPoints,
                keyPlaces, policeOffices, baseMap, cameras, List.of(), List.of());
    }

    public MapLayers {
        districts = List.copyOf(districts);
        stationAreas = List.copyOf(stationAreas);
        streets = List.copyOf(streets);
        communities = List.copyOf(communities);
        microGrids = List.copyOf(microGrids);
        policeGrids = List.copyOf(policeGrids);
        patrolZones = List.copyOf(patrolZones);
        deploymentPoints = List.copyOf(deploymentPoints);
        keyPlaces = List.copyOf(keyPlaces);
        policeOffices = List.copyOf(policeOffices);
        baseMap = List.copyOf(baseMap);
        cameras = List.copyOf(cameras);
    }

    /** A named area as the map draws it; riskGrade is RED, ORANGE or GREEN (GREEN where the table has none). */
    public record Grid(long id, String name, String riskGrade, String wkt, Datum datum) {
    }

    /** A named point: deployment point, key place (kind e.g. SCHOOL, MARKET) or police office (kind empty). */
    public record Place(long id, String name, String kind, double lat, double lon, Datum datum) {
    }

    /** One video point. */
    public record CameraPoint(String deviceId, String name, CameraKind kind, double lat, double lon, Datum datum,
                              boolean online) {
    }

    /**
     * What a base-map feature is: a major or minor road (a line), water (an area, or a line for a stream), or a place
     * name (a point: city, town, village, suburb, neighbourhood; migration V32).
     */
    public enum BaseKind {
        ROAD_MAJOR,
        ROAD_MINOR,
        WATER,
        PLACE
    }

    /**
     * A road, water feature or place name of the base map, geometry as WKT (x = longitude); {@code detail} is the
     * OpenStreetMap class it came from ({@code motorway}, {@code river}, {@code city}...), empty for the demo's rows.
     */
    public record BaseFeature(long id, BaseKind kind, String name, String wkt, Datum datum, String detail) {

        public BaseFeature {
            detail = detail == null ? "" : detail;
        }

        public BaseFeature(long id, BaseKind kind, String name, String wkt, Datum datum) {
            this(id, kind, name, wkt, datum, "");
        }
    }

    /** Reads every layer. The district outline is empty when the database holds neither a district boundary nor streets. */
    public static MapLayers load(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            GeoDao geo = h.attach(GeoDao.class);
            MapLayerDao layers = h.attach(MapLayerDao.class);
            List<GeoDao.Area> streets = geo.streets();
            List<Grid> districts = layers.districts();
            String district = "";
            Datum datum = Datum.WGS84;
            if (!districts.isEmpty()) {
                datum = districts.get(0).datum();
                district = union(districts.stream().map(d -> new GeoDao.Area(d.id(), "", d.name(), d.wkt(), d.datum(), null)).toList(),
                        datum);
            } else if (!streets.isEmpty()) {
                datum = streets.get(0).datum();
                district = union(streets, datum);
            }
            return new MapLayers(district, datum, streets, layers.communities(), layers.microGrids(),
                    layers.policeGrids(), layers.patrolZones(), layers.deploymentPoints(), layers.keyPlaces(),
                    layers.policeOffices(), h.attach(BaseMapDao.class).all(), layers.cameras(), districts,
                    layers.stationAreas());
        });
    }

    private static String union(List<GeoDao.Area> areas, Datum datum) {
        WKTReader reader = new WKTReader();
        List<Geometry> parts = new ArrayList<>();
        for (GeoDao.Area a : areas) {
            try {
                parts.add(StationAreas.inDatum(reader.read(a.boundaryWkt()), a.datum(), datum));
            } catch (ParseException e) {
                throw new IllegalStateException(a.name() + " has an unreadable boundary: " + e.getMessage(), e);
            }
        }
        return UnaryUnionOp.union(parts).toText();
    }
}
