package org.commandroom.app.ui.map;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.commandroom.app.ui.map.tiles.BaseMapData;
import org.commandroom.app.ui.map.tiles.BaseMapFeature;
import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.app.ui.map.tiles.TileSourceSettings;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoDao;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.MapLayers;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The map's static layers (read from the database by core's {@link MapLayers}) prepared to draw (base map configured, cameras, areas, places,
 * the district's centre): what the desk's map pane and the wall's map both show. Reads only; blocking, so it runs on
 * a long-read executor, never the FX thread.
 */
public final class MapData {

    /** Everything a {@link LiveMapViewModel} needs besides units and incidents. */
    public record Prepared(CameraSet cameras, Map<MapLayerId, LiveMapViewModel.PreparedAreas> areas,
                           Map<MapLayerId, List<PlaceMarker>> places, GeoPoint centre, Extent extent, HouseSet houses,
                           boolean baseMapEmpty) {

        public Prepared(CameraSet cameras, Map<MapLayerId, LiveMapViewModel.PreparedAreas> areas,
                        Map<MapLayerId, List<PlaceMarker>> places, GeoPoint centre, Extent extent, HouseSet houses) {
            this(cameras, areas, places, centre, extent, houses, false);
        }

        public Prepared(CameraSet cameras, Map<MapLayerId, LiveMapViewModel.PreparedAreas> areas,
                        Map<MapLayerId, List<PlaceMarker>> places, GeoPoint centre, Extent extent) {
            this(cameras, areas, places, centre, extent, HouseSet.empty(cameras.mapDatum()));
        }

        /** The same with the register's houses (read by core's HouseMapPoints), converted and indexed here. */
        public Prepared withHouses(List<org.commandroom.core.prevention.HouseMapPoints.Point> list) {
            return new Prepared(cameras, areas, places, centre, extent, HouseSet.of(list, cameras.mapDatum()), baseMapEmpty);
        }

        /** Puts the prepared data into a view model (first load and every reload). */
        public void applyTo(LiveMapViewModel vm) {
            vm.setCameras(cameras);
            vm.setHouses(houses);
            vm.baseMapEmptyProperty().set(baseMapEmpty);
            areas.forEach(vm::setAreas);
            places.forEach(vm::setPlaces);
        }
    }

    /**
     * The box the district fills (south-west and north-east corners, in one datum): the district outline, or where a
     * bureau has imported no outline, its streets, communities and police grids together. Null with none of them.
     */
    public record Extent(GeoPoint southWest, GeoPoint northEast) {
    }

    private MapData() {
    }

    /** Configures the offline tiles with the district's own base map and builds the sets to draw from layers read. */
    public static Prepared prepare(MapLayers layers) {
        TileSourceSettings settings = TileSourceSettings.fromSystemProperties(baseMap(layers));
        MapTiles.configure(settings);
        Datum mapDatum = MapTiles.tileDatum();
        int n = layers.cameras().size();
        String[] ids = new String[n];
        String[] names = new String[n];
        double[] lats = new double[n];
        double[] lons = new double[n];
        CameraKind[] kinds = new CameraKind[n];
        boolean[] online = new boolean[n];
        Datum datum = n == 0 ? layers.districtDatum() : layers.cameras().get(0).datum();
        for (int i = 0; i < n; i++) {
            MapLayers.CameraPoint c = layers.cameras().get(i);
            ids[i] = c.deviceId();
            names[i] = c.name();
            lats[i] = c.lat();
            lons[i] = c.lon();
            kinds[i] = c.kind();
            online[i] = c.online();
        }
        CameraSet cameras = CameraSet.of(ids, names, lats, lons, kinds, online, datum, mapDatum);
        Map<MapLayerId, LiveMapViewModel.PreparedAreas> areas = new EnumMap<>(MapLayerId.class);
        areas.put(MapLayerId.POLICE_GRIDS, LiveMapViewModel.prepareAreas(areas(layers.policeGrids()), mapDatum));
        areas.put(MapLayerId.COMMUNITIES, LiveMapViewModel.prepareAreas(areas(layers.communities()), mapDatum));
        areas.put(MapLayerId.MICRO_GRIDS, LiveMapViewModel.prepareAreas(areas(layers.microGrids()), mapDatum));
        areas.put(MapLayerId.PATROL_ZONES, LiveMapViewModel.prepareAreas(areas(layers.patrolZones()), mapDatum));
        areas.put(MapLayerId.DISTRICT, LiveMapViewModel.prepareAreas(areas(layers.districts()), mapDatum));
        areas.put(MapLayerId.STATION_AREAS, LiveMapViewModel.prepareAreas(areas(layers.stationAreas()), mapDatum));
        Map<MapLayerId, List<PlaceMarker>> places = new EnumMap<>(MapLayerId.class);
        places.put(MapLayerId.DEPLOYMENT_POINTS, places(layers.deploymentPoints()));
        Map<Long, org.commandroom.core.camera.VideoCoverage.Gap> gaps = new java.util.HashMap<>();
        for (org.commandroom.core.camera.VideoCoverage.Gap g : org.commandroom.core.camera.VideoCoverage.gaps(
                layers.keyPlaces(), layers.cameras(), org.commandroom.core.camera.VideoCoverage.Rule.DEFAULT)) {
            gaps.put(g.placeId(), g);
        }
        List<PlaceMarker> keyPlaces = new ArrayList<>(layers.keyPlaces().size());
        for (MapLayers.Place p : layers.keyPlaces()) {
            org.commandroom.core.camera.VideoCoverage.Gap g = gaps.get(p.id());
            keyPlaces.add(new PlaceMarker(Long.toString(p.id()), p.name(), p.kind(), new GeoPoint(p.lat(), p.lon(), p.datum()),
                    g == null ? null : new PlaceMarker.VideoShort(g.cameras(), g.online())));
        }
        places.put(MapLayerId.KEY_PLACES, keyPlaces);
        places.put(MapLayerId.POLICE_OFFICES, places(layers.policeOffices()));
        GeoPoint centre = layers.districtWkt().isEmpty() ? null : centroid(layers.districtWkt(), layers.districtDatum());
        Extent extent = extent(layers);
        if (centre == null && extent != null) {
            centre = new GeoPoint((extent.southWest().lat() + extent.northEast().lat()) / 2,
                    (extent.southWest().lon() + extent.northEast().lon()) / 2, extent.southWest().datum());
        }
        return new Prepared(cameras, areas, places, centre, extent, HouseSet.empty(mapDatum), baseMapEmpty(layers, settings));
    }

    private static List<GridArea> areas(List<MapLayers.Grid> grids) {
        List<GridArea> out = new ArrayList<>(grids.size());
        for (MapLayers.Grid g : grids) {
            out.add(new GridArea(Long.toString(g.id()), g.name(), RiskGrade.valueOf(g.riskGrade()), g.wkt(), g.datum()));
        }
        return out;
    }

    private static List<PlaceMarker> places(List<MapLayers.Place> list) {
        List<PlaceMarker> out = new ArrayList<>(list.size());
        for (MapLayers.Place p : list) {
            out.add(new PlaceMarker(Long.toString(p.id()), p.name(), p.kind(), new GeoPoint(p.lat(), p.lon(), p.datum())));
        }
        return out;
    }

    /** The offline base map: district outline, streets and communities, water, roads (major rank 0). */
    public static BaseMapData baseMap(MapLayers layers) {
        List<BaseMapFeature> outline = new ArrayList<>();
        if (!layers.districtWkt().isEmpty()) {
            outline.add(new BaseMapFeature("", read(layers.districtWkt()), 0));
        }
        List<BaseMapFeature> areas = new ArrayList<>();
        for (GeoDao.Area s : layers.streets()) {
            areas.add(new BaseMapFeature(s.name(), read(s.boundaryWkt()), 0));
        }
        for (MapLayers.Grid c : layers.communities()) {
            areas.add(new BaseMapFeature(c.name(), read(c.wkt()), 1));
        }
        List<BaseMapFeature> water = new ArrayList<>();
        List<BaseMapFeature> roads = new ArrayList<>();
        List<BaseMapFeature> places = new ArrayList<>();
        Datum datum = layers.districtDatum();
        for (MapLayers.BaseFeature f : layers.baseMap()) {
            Geometry g = BaseMapData.toDatum(read(f.wkt()), f.datum(), datum);
            switch (f.kind()) {
                case WATER -> water.add(new BaseMapFeature(f.name(), g, 0));
                case ROAD_MAJOR -> roads.add(new BaseMapFeature(f.name(), g, 0));
                case ROAD_MINOR -> roads.add(new BaseMapFeature(f.name(), g, 1));
                case PLACE -> places.add(new BaseMapFeature(f.name(), g, placeRank(f.detail())));
            }
        }
        return BaseMapData.of(datum, outline, areas, water, roads, places);
    }

    /** The rank of an OpenStreetMap place class: 0 city, 1 town, 2 village / suburb / island, 3 the rest. */
    static int placeRank(String osmClass) {
        return switch (osmClass) {
            case "city" -> 0;
            case "town" -> 1;
            case "village", "suburb", "island" -> 2;
            default -> 3;
        };
    }

    /**
     * Whether the map has no base map to speak of: no roads or water in the database and no tile file, directory or
     * server configured (the legend says so).
     */
    static boolean baseMapEmpty(MapLayers layers, TileSourceSettings settings) {
        boolean tiles = settings.mbtiles() != null || settings.tileDirectory() != null || settings.urlTemplate() != null;
        return !tiles && layers.baseMap().stream().noneMatch(f -> f.kind() != MapLayers.BaseKind.PLACE);
    }

    private static Geometry read(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable geometry in the database: " + e.getMessage(), e);
        }
    }

    static Extent extent(MapLayers layers) {
        org.locationtech.jts.geom.Envelope box = new org.locationtech.jts.geom.Envelope();
        Datum datum = layers.districtDatum();
        if (!layers.districtWkt().isEmpty()) {
            box.expandToInclude(read(layers.districtWkt()).getEnvelopeInternal());
        } else {
            // One datum for the box: the first layer's (GCJ-02 and WGS-84 differ by some 500 m, nothing for a fit).
            Datum first = null;
            for (GeoDao.Area s : layers.streets()) {
                box.expandToInclude(read(s.boundaryWkt()).getEnvelopeInternal());
                first = first == null ? s.datum() : first;
            }
            List<MapLayers.Grid> grids = new ArrayList<>(layers.communities());
            grids.addAll(layers.policeGrids());
            for (MapLayers.Grid g : grids) {
                box.expandToInclude(read(g.wkt()).getEnvelopeInternal());
                first = first == null ? g.datum() : first;
            }
            datum = first == null ? datum : first;
        }
        if (box.isNull()) {
            // no geography yet: the base map imported from a whole extract shows where the bureau is
            for (MapLayers.BaseFeature f : layers.baseMap()) {
                box.expandToInclude(read(f.wkt()).getEnvelopeInternal());
                datum = f.datum();
            }
        }
        if (box.isNull()) {
            return null;
        }
        return new Extent(new GeoPoint(box.getMinY(), box.getMinX(), datum), new GeoPoint(box.getMaxY(), box.getMaxX(), datum));
    }

    private static GeoPoint centroid(String wkt, Datum datum) {
        var c = read(wkt).getCentroid();
        return new GeoPoint(c.getY(), c.getX(), datum);
    }
}
