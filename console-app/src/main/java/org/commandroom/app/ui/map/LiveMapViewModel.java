package org.commandroom.app.ui.map;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GeoShape;
import org.commandroom.core.geo.PointIndex;
import org.commandroom.core.geo.io.CameraCsvWriter;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.geo.io.ImportedCamera;

/**
 * State of the live map, as properties and plain records; no nodes, so it is tested without a
 * display. Feed it from the FX thread: {@link #setCameras}, {@link #setGrids}, and the
 * {@link #units()} / {@link #incidents()} lists (replace an element to move a unit). All positions
 * are converted to {@link #mapDatum()}, the datum the base map is drawn in.
 *
 * <p>Picking and area selection are answered by the spatial indexes ({@link PointIndex},
 * {@link org.commandroom.core.geo.GridLocator}) over the data, never by the nodes on screen.
 */
public final class LiveMapViewModel {

    private final Datum mapDatum;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<CameraSet> cameras;
    private final ReadOnlyObjectWrapper<HouseSet> houses;
    private final java.util.EnumMap<MapLayerId, ReadOnlyObjectWrapper<GridSet>> areas = new java.util.EnumMap<>(MapLayerId.class);
    private final java.util.EnumMap<MapLayerId, ReadOnlyObjectWrapper<PlaceSet>> places = new java.util.EnumMap<>(MapLayerId.class);
    private final java.util.EnumMap<MapLayerId, BooleanProperty> visible = new java.util.EnumMap<>(MapLayerId.class);
    private final ObjectProperty<GridFill> gridFill = new SimpleObjectProperty<>(this, "gridFill", GridFill.byRiskGrade());
    private final ReadOnlyObjectWrapper<GridSet> stationAreas = new ReadOnlyObjectWrapper<>(this, "stationAreas");
    private final ReadOnlyObjectWrapper<GridFill> stationFill = new ReadOnlyObjectWrapper<>(this, "stationFill");
    private final ObjectProperty<GeoPoint> focus = new SimpleObjectProperty<>(this, "focus");
    private final ObservableList<UnitMarker> units = FXCollections.observableArrayList();
    private final ObservableList<IncidentMarker> incidents = FXCollections.observableArrayList();
    private final MarkerIndex<UnitMarker> unitIndex;
    private final MarkerIndex<IncidentMarker> incidentIndex;

    private final ObjectProperty<Duration> staleAfter = new SimpleObjectProperty<>(this, "staleAfter", Duration.ofMinutes(2));

    private final ObjectProperty<MapSelection> selectedFeature = new SimpleObjectProperty<>(this, "selectedFeature");
    private final ObjectProperty<MapSelection> hoveredFeature = new SimpleObjectProperty<>(this, "hoveredFeature");
    private final ReadOnlyObjectWrapper<GeoShape> selectionArea = new ReadOnlyObjectWrapper<>(this, "selectionArea");
    private final ReadOnlyListWrapper<String> camerasInArea =
            new ReadOnlyListWrapper<>(this, "camerasInArea", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> unitsInArea =
            new ReadOnlyListWrapper<>(this, "unitsInArea", FXCollections.observableArrayList());

    /**
     * @param mapDatum the datum the base map is drawn in ({@code MapTiles.tileDatum()})
     * @param clock    for the age of unit positions
     */
    public LiveMapViewModel(Datum mapDatum, Clock clock) {
        this.mapDatum = Objects.requireNonNull(mapDatum, "mapDatum");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cameras = new ReadOnlyObjectWrapper<>(this, "cameras", CameraSet.empty(mapDatum));
        this.houses = new ReadOnlyObjectWrapper<>(this, "houses", HouseSet.empty(mapDatum));
        for (MapLayerId id : MapLayerId.values()) {
            visible.put(id, new SimpleBooleanProperty(this, id.name() + "Visible", true));
        }
        for (MapLayerId id : AREA_LAYERS) {
            areas.put(id, new ReadOnlyObjectWrapper<>(this, id.name(), GridSet.empty(mapDatum)));
        }
        for (MapLayerId id : OUTLINE_LAYERS) {
            areas.put(id, new ReadOnlyObjectWrapper<>(this, id.name(), GridSet.empty(mapDatum)));
        }
        for (MapLayerId id : PLACE_LAYERS) {
            places.put(id, new ReadOnlyObjectWrapper<>(this, id.name(), PlaceSet.of(List.of(), mapDatum)));
        }
        this.unitIndex = new MarkerIndex<>(units, UnitMarker::position, mapDatum);
        this.incidentIndex = new MarkerIndex<>(incidents, IncidentMarker::position, mapDatum);
    }

    /** The layers drawn from polygons, in the order they are picked when the point lies in several. */
    static final List<MapLayerId> AREA_LAYERS = List.of(MapLayerId.PATROL_ZONES, MapLayerId.MICRO_GRIDS,
            MapLayerId.POLICE_GRIDS, MapLayerId.COMMUNITIES);
    /**
     * The area layers that are drawn but not picked (a click inside the district or a station's area would always hit
     * them): the district boundary and the stations' own boundaries.
     */
    static final List<MapLayerId> OUTLINE_LAYERS = List.of(MapLayerId.DISTRICT, MapLayerId.STATION_AREAS);
    /** The point layers besides cameras, units and incidents, in pick order. */
    static final List<MapLayerId> PLACE_LAYERS = List.of(MapLayerId.KEY_PLACES, MapLayerId.POLICE_OFFICES,
            MapLayerId.DEPLOYMENT_POINTS);

    /** What a pick on this layer selects. */
    public static MapSelection.Kind kindOf(MapLayerId layer) {
        return switch (layer) {
            case DISTRICT, STATION_AREAS -> null; // drawn, never picked (OUTLINE_LAYERS)
            case POLICE_GRIDS -> MapSelection.Kind.GRID;
            case COMMUNITIES -> MapSelection.Kind.COMMUNITY;
            case MICRO_GRIDS -> MapSelection.Kind.MICRO_GRID;
            case PATROL_ZONES -> MapSelection.Kind.PATROL_ZONE;
            case DEPLOYMENT_POINTS -> MapSelection.Kind.DEPLOYMENT_POINT;
            case KEY_PLACES -> MapSelection.Kind.KEY_PLACE;
            case POLICE_OFFICES -> MapSelection.Kind.POLICE_OFFICE;
            case HOUSES -> MapSelection.Kind.HOUSE;
            case CAMERAS -> MapSelection.Kind.CAMERA;
            case UNITS -> MapSelection.Kind.UNIT;
            case INCIDENTS -> MapSelection.Kind.INCIDENT;
        };
    }

    public Datum mapDatum() {
        return mapDatum;
    }

    public Clock clock() {
        return clock;
    }

    // ---- data ------------------------------------------------------------------------------

    /** Replaces all cameras (build the set off the FX thread for large lists). */
    public void setCameras(CameraSet set) {
        if (set.mapDatum() != mapDatum) {
            throw new IllegalArgumentException("camera set is in " + set.mapDatum() + ", the map in " + mapDatum);
        }
        cameras.set(set);
        refreshArea();
    }

    /** Convenience for {@link CameraSet#of}; builds the index on the calling thread. */
    public void setCameras(String[] ids, double[] lats, double[] lons, CameraKind[] kinds, boolean[] online, Datum datum) {
        setCameras(CameraSet.of(ids, null, lats, lons, kinds, online, datum, mapDatum));
    }

    public ReadOnlyObjectProperty<CameraSet> camerasProperty() {
        return cameras.getReadOnlyProperty();
    }

    public CameraSet cameras() {
        return cameras.get();
    }

    /** Replaces the houses of the register (build the set off the FX thread: {@link HouseSet#of}). */
    public void setHouses(HouseSet set) {
        if (set.mapDatum() != mapDatum) {
            throw new IllegalArgumentException("house set is in " + set.mapDatum() + ", the map in " + mapDatum);
        }
        houses.set(set);
    }

    public ReadOnlyObjectProperty<HouseSet> housesProperty() {
        return houses.getReadOnlyProperty();
    }

    public HouseSet houses() {
        return houses.get();
    }

    /** The house of the register a selection names, if the map has it. */
    public Optional<org.commandroom.core.prevention.HouseMapPoints.Point> house(String id) {
        HouseSet set = houses.get();
        int i = set.positionOf(id);
        return i < 0 ? Optional.empty() : Optional.of(set.get(i));
    }

    /** Replaces the police grids. */
    public void setGrids(List<GridArea> areas) {
        setAreas(MapLayerId.POLICE_GRIDS, areas);
    }

    /** Replaces the areas of an area layer (police grids, communities, micro-grids, patrol zones). */
    public void setAreas(MapLayerId layer, List<GridArea> list) {
        setAreas(layer, GridSet.build(list, mapDatum));
    }

    /** As {@link #setAreas(MapLayerId, List)} with the set built off the FX thread ({@link #prepareAreas}). */
    public void setAreas(MapLayerId layer, PreparedAreas prepared) {
        setAreas(layer, prepared.set());
    }

    private void setAreas(MapLayerId layer, GridSet set) {
        ReadOnlyObjectWrapper<GridSet> w = areas.get(layer);
        if (w == null) {
            throw new IllegalArgumentException(layer + " is not an area layer");
        }
        w.set(set);
    }

    /** Areas converted and indexed for the map, built on any thread (thousands of micro-grids take a while). */
    public record PreparedAreas(GridSet set) {
    }

    public static PreparedAreas prepareAreas(List<GridArea> list, Datum mapDatum) {
        return new PreparedAreas(GridSet.build(list, mapDatum));
    }

    /** Replaces the places of a point layer (deployment points, key places, police offices). */
    public void setPlaces(MapLayerId layer, List<PlaceMarker> list) {
        ReadOnlyObjectWrapper<PlaceSet> w = places.get(layer);
        if (w == null) {
            throw new IllegalArgumentException(layer + " is not a place layer");
        }
        w.set(PlaceSet.of(list, mapDatum));
    }

    ReadOnlyObjectProperty<GridSet> gridsProperty() {
        return areasProperty(MapLayerId.POLICE_GRIDS);
    }

    ReadOnlyObjectProperty<GridSet> areasProperty(MapLayerId layer) {
        return areas.get(layer).getReadOnlyProperty();
    }

    /**
     * Whether a layer that shows stored data has none (the legend says so): area and place layers with no areas or
     * places, cameras and houses with none; units and incidents are never called empty.
     */
    public boolean layerEmpty(MapLayerId layer) {
        if (areas.containsKey(layer)) {
            return areas.get(layer).get().grids().isEmpty();
        }
        if (places.containsKey(layer)) {
            return places.get(layer).get().size() == 0;
        }
        if (layer == MapLayerId.CAMERAS) {
            return cameras.get().size() == 0;
        }
        if (layer == MapLayerId.HOUSES) {
            return houses.get().size() == 0;
        }
        return false;
    }

    /** The data behind a layer, to follow for {@link #layerEmpty}; null for units and incidents. */
    javafx.beans.Observable layerDataProperty(MapLayerId layer) {
        if (areas.containsKey(layer)) {
            return areas.get(layer).getReadOnlyProperty();
        }
        if (places.containsKey(layer)) {
            return places.get(layer).getReadOnlyProperty();
        }
        if (layer == MapLayerId.CAMERAS) {
            return cameras.getReadOnlyProperty();
        }
        if (layer == MapLayerId.HOUSES) {
            return houses.getReadOnlyProperty();
        }
        return null;
    }

    ReadOnlyObjectProperty<PlaceSet> placesProperty(MapLayerId layer) {
        return places.get(layer).getReadOnlyProperty();
    }

    /** The size of the smallest name drawn on the map (micro-grids) at text scale 1, in px. */
    public static final double SMALLEST_LABEL_PX = 11;

    private final javafx.beans.property.DoubleProperty textScale =
            new javafx.beans.property.SimpleDoubleProperty(this, "textScale", 1);

    /**
     * How much larger than the desk's the names on the map are drawn (grid and station names, call-signs, incident
     * numbers, places): 1 on the desk; the wall sets it so its smallest name is legible from 5 m.
     */
    public javafx.beans.property.DoubleProperty textScaleProperty() {
        return textScale;
    }

    double textScale() {
        return textScale.get();
    }

    private final BooleanProperty baseMapEmpty =
            new javafx.beans.property.SimpleBooleanProperty(this, "baseMapEmpty", false);

    /**
     * True when there is no base map to draw: no roads or water imported (console-admin import basemap) and no tile
     * file or server configured. The legend says so.
     */
    public BooleanProperty baseMapEmptyProperty() {
        return baseMapEmpty;
    }

    /** The smallest name's size in px at the current text scale. */
    public double smallestLabelPx() {
        return SMALLEST_LABEL_PX * textScale.get();
    }

    /** How the police grids are filled: by risk grade unless set otherwise (e.g. by prevention-index score). */
    public ObjectProperty<GridFill> gridFillProperty() {
        return gridFill;
    }

    /**
     * Shows the stations' areas (辖区) filled by a value per station (the area's id is the station id), under the
     * police grids; built off the FX thread with {@link #prepareAreas}.
     */
    public void setStationAreas(PreparedAreas areas, GridFill fill) {
        stationAreas.set(areas.set());
        stationFill.set(Objects.requireNonNull(fill, "fill"));
    }

    /** Stops showing the stations' areas. */
    public void clearStationAreas() {
        stationFill.set(null);
        stationAreas.set(null);
    }

    /** The stations' areas shown, or null when the map does not colour stations. */
    ReadOnlyObjectProperty<GridSet> stationAreasProperty() {
        return stationAreas.getReadOnlyProperty();
    }

    /** The labels of the station areas shown (name and score), in order; empty when stations are not coloured. */
    public List<String> stationAreaLabels() {
        GridSet set = stationAreas.get();
        return set == null ? List.of() : set.grids().stream().map(p -> p.area().name()).toList();
    }

    /** The fill colour of each area shown in place of the stations' (as {@link #stationAreaLabels}), in order. */
    public List<Integer> stationAreaColours() {
        GridSet set = stationAreas.get();
        GridFill fill = stationFill.get();
        return set == null || fill == null ? List.of() : set.grids().stream().map(p -> fill.argb(p.area())).toList();
    }

    /** How the stations' areas are filled, or null when they are not shown. */
    public ReadOnlyObjectProperty<GridFill> stationFillProperty() {
        return stationFill.getReadOnlyProperty();
    }

    /** A point the map marks as found (a search result); null for none. */
    public ObjectProperty<GeoPoint> focusProperty() {
        return focus;
    }

    public ObservableList<UnitMarker> units() {
        return units;
    }

    public ObservableList<IncidentMarker> incidents() {
        return incidents;
    }

    // ---- layers ----------------------------------------------------------------------------

    /** Whether a layer is switched on (it still shows only from its {@link MapLayerId#minZoom()}). */
    public BooleanProperty layerVisibleProperty(MapLayerId layer) {
        return visible.get(layer);
    }

    public BooleanProperty gridsVisibleProperty() {
        return visible.get(MapLayerId.POLICE_GRIDS);
    }

    public BooleanProperty camerasVisibleProperty() {
        return visible.get(MapLayerId.CAMERAS);
    }

    public BooleanProperty unitsVisibleProperty() {
        return visible.get(MapLayerId.UNITS);
    }

    public BooleanProperty incidentsVisibleProperty() {
        return visible.get(MapLayerId.INCIDENTS);
    }

    /** Whether a layer is on and shown at this zoom. */
    public boolean shown(MapLayerId layer, double zoom) {
        return visible.get(layer).get() && layer.shownAt(zoom);
    }

    /** A unit whose last position is older than this is drawn as stale, with its age. */
    public ObjectProperty<Duration> staleAfterProperty() {
        return staleAfter;
    }

    public Duration positionAge(UnitMarker unit) {
        Duration age = Duration.between(unit.fixTime(), clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    public boolean isStale(UnitMarker unit) {
        return positionAge(unit).compareTo(staleAfter.get()) > 0;
    }

    // ---- selection -------------------------------------------------------------------------

    /** The feature clicked last, or null. Selecting an incident makes the view centre on it. */
    public ObjectProperty<MapSelection> selectedFeatureProperty() {
        return selectedFeature;
    }

    public ObjectProperty<MapSelection> hoveredFeatureProperty() {
        return hoveredFeature;
    }

    /** {@link #pick(GeoPoint, double, double)} at the highest zoom (every switched-on layer shown). */
    public Optional<MapSelection> pick(GeoPoint at, double toleranceMetres) {
        return pick(at, toleranceMetres, Double.MAX_VALUE);
    }

    /**
     * The feature at a point, among the layers switched on and shown at {@code zoom}: the nearest
     * incident, else unit, else camera, else key place, police office, deployment point, house within the
     * tolerance; else the smallest kind of area containing the point: patrol zone, micro-grid, police
     * grid, community.
     */
    public Optional<MapSelection> pick(GeoPoint at, double toleranceMetres, double zoom) {
        GeoPoint p = DatumConverter.convert(at, mapDatum);
        if (shown(MapLayerId.INCIDENTS, zoom)) {
            Optional<IncidentMarker> hit = incidentIndex.nearest(p, toleranceMetres);
            if (hit.isPresent()) {
                return Optional.of(new MapSelection(MapSelection.Kind.INCIDENT, hit.get().id(), inMapDatum(hit.get().position())));
            }
        }
        if (shown(MapLayerId.UNITS, zoom)) {
            Optional<UnitMarker> hit = unitIndex.nearest(p, toleranceMetres);
            if (hit.isPresent()) {
                return Optional.of(new MapSelection(MapSelection.Kind.UNIT, hit.get().id(), inMapDatum(hit.get().position())));
            }
        }
        if (shown(MapLayerId.CAMERAS, zoom)) {
            int i = nearestCamera(p, toleranceMetres);
            if (i >= 0) {
                CameraSet set = cameras.get();
                return Optional.of(new MapSelection(MapSelection.Kind.CAMERA, set.id(i),
                        new GeoPoint(set.lat(i), set.lon(i), mapDatum)));
            }
        }
        for (MapLayerId layer : PLACE_LAYERS) {
            if (shown(layer, zoom)) {
                PlaceSet set = places.get(layer).get();
                Optional<Integer> i = set.nearest(p, toleranceMetres);
                if (i.isPresent()) {
                    return Optional.of(new MapSelection(kindOf(layer), set.get(i.get()).id(), set.position(i.get())));
                }
            }
        }
        if (shown(MapLayerId.HOUSES, zoom)) {
            HouseSet set = houses.get();
            int i = set.nearest(p, toleranceMetres);
            if (i >= 0) {
                return Optional.of(new MapSelection(MapSelection.Kind.HOUSE, set.id(i), set.position(i)));
            }
        }
        for (MapLayerId layer : AREA_LAYERS) {
            if (shown(layer, zoom)) {
                GridSet set = areas.get(layer).get();
                Optional<Integer> k = set.locator().locate(p);
                if (k.isPresent()) {
                    GridSet.Prepared g = set.grids().get(k.get());
                    return Optional.of(new MapSelection(kindOf(layer), g.area().id(),
                            new GeoPoint(g.labelLat(), g.labelLon(), mapDatum)));
                }
            }
        }
        return Optional.empty();
    }

    /** The name of a selected or hovered feature as the map shows it (incident title, call-sign, name). */
    public Optional<String> describe(MapSelection sel) {
        if (sel == null) {
            return Optional.empty();
        }
        return switch (sel.kind()) {
            case INCIDENT -> incidents.stream().filter(m -> m.id().equals(sel.id())).findFirst().map(IncidentMarker::title);
            case UNIT -> units.stream().filter(m -> m.id().equals(sel.id())).findFirst().map(UnitMarker::callSign);
            case CAMERA -> {
                CameraSet set = cameras.get();
                int i = set.positionOf(sel.id());
                yield i < 0 ? Optional.empty() : Optional.of(set.name(i) + " " + set.id(i));
            }
            case GRID, COMMUNITY, MICRO_GRID, PATROL_ZONE -> {
                GridSet.Prepared g = areas.get(layerOf(sel.kind())).get().byId(sel.id());
                yield g == null ? Optional.empty() : Optional.of(g.area().name());
            }
            case DEPLOYMENT_POINT, KEY_PLACE, POLICE_OFFICE -> {
                PlaceSet set = places.get(layerOf(sel.kind())).get();
                int i = set.positionOf(sel.id());
                yield i < 0 ? Optional.empty() : Optional.of(set.get(i).name());
            }
            case HOUSE -> house(sel.id()).map(org.commandroom.core.prevention.HouseMapPoints.Point::label);
        };
    }

    /** The layer a selection kind belongs to. */
    public static MapLayerId layerOf(MapSelection.Kind kind) {
        for (MapLayerId id : MapLayerId.values()) {
            if (kindOf(id) == kind) {
                return id;
            }
        }
        throw new IllegalArgumentException(kind.name());
    }

    private int nearestCamera(GeoPoint p, double toleranceMetres) {
        CameraSet set = cameras.get();
        long[] near = set.index().nearest(p, 1);
        if (near.length == 0) {
            return -1;
        }
        int i = (int) near[0];
        return p.distanceMetres(new GeoPoint(set.lat(i), set.lon(i), mapDatum)) <= toleranceMetres ? i : -1;
    }

    /** Selects the cameras and units inside the shape (circle or polygon, any datum). */
    public void selectArea(GeoShape shape) {
        selectionArea.set(Objects.requireNonNull(shape, "shape"));
        refreshArea();
    }

    public void clearArea() {
        selectionArea.set(null);
        refreshArea();
    }

    public ReadOnlyObjectProperty<GeoShape> selectionAreaProperty() {
        return selectionArea.getReadOnlyProperty();
    }

    /** Ids of the cameras inside the selection area, in the order of the camera list. */
    public ReadOnlyListProperty<String> camerasInAreaProperty() {
        return camerasInArea.getReadOnlyProperty();
    }

    /** Ids of the units inside the selection area. */
    public ReadOnlyListProperty<String> unitsInAreaProperty() {
        return unitsInArea.getReadOnlyProperty();
    }

    private void refreshArea() {
        GeoShape shape = selectionArea.get();
        if (shape == null) {
            camerasInArea.clear();
            unitsInArea.clear();
            return;
        }
        CameraSet set = cameras.get();
        long[] inside = set.index().within(shape);
        List<String> ids = new ArrayList<>(inside.length);
        for (long i : inside) {
            ids.add(set.id((int) i));
        }
        camerasInArea.setAll(ids);
        unitsInArea.setAll(unitIndex.within(shape).stream().map(UnitMarker::id).toList());
    }

    /**
     * Writes the cameras in the selection area as CSV ({@link CameraCsvWriter}), coordinates in the
     * datum they were given in. The caller does the I/O off the FX thread and picks the encoding.
     */
    public void writeCamerasInAreaCsv(Appendable out) throws IOException {
        CameraSet set = cameras.get();
        List<CameraCsvWriter.Row> rows = new ArrayList<>(camerasInArea.size());
        for (String id : camerasInArea) {
            int i = set.positionOf(id);
            rows.add(new CameraCsvWriter.Row(new ImportedCamera(set.id(i), set.name(i), set.kind(i),
                    new GeoPoint(set.sourceLat(i), set.sourceLon(i), set.sourceDatum())), set.online(i)));
        }
        CameraCsvWriter.write(out, rows);
    }

    private GeoPoint inMapDatum(GeoPoint p) {
        return DatumConverter.convert(p, mapDatum);
    }

    /** A point index over a small observable list, rebuilt lazily after the list changes. */
    static final class MarkerIndex<T> {
        private final ObservableList<T> list;
        private final Function<T, GeoPoint> position;
        private final Datum datum;
        private List<T> snapshot = List.of();
        private PointIndex index;

        MarkerIndex(ObservableList<T> list, Function<T, GeoPoint> position, Datum datum) {
            this.list = list;
            this.position = position;
            this.datum = datum;
            list.addListener((javafx.collections.ListChangeListener<T>) c -> index = null);
        }

        private PointIndex index() {
            if (index == null) {
                snapshot = List.copyOf(list);
                int n = snapshot.size();
                long[] ids = new long[n];
                double[] lats = new double[n];
                double[] lons = new double[n];
                for (int i = 0; i < n; i++) {
                    GeoPoint p = DatumConverter.convert(position.apply(snapshot.get(i)), datum);
                    ids[i] = i;
                    lats[i] = p.lat();
                    lons[i] = p.lon();
                }
                index = PointIndex.build(ids, lats, lons, datum);
            }
            return index;
        }

        Optional<T> nearest(GeoPoint p, double toleranceMetres) {
            long[] near = index().nearest(p, 1);
            if (near.length == 0) {
                return Optional.empty();
            }
            T t = snapshot.get((int) near[0]);
            GeoPoint q = DatumConverter.convert(position.apply(t), datum);
            return p.distanceMetres(q) <= toleranceMetres ? Optional.of(t) : Optional.empty();
        }

        List<T> within(GeoShape shape) {
            long[] inside = index().within(shape);
            List<T> out = new ArrayList<>(inside.length);
            for (long i : inside) {
                out.add(snapshot.get((int) i));
            }
            return out;
        }
    }

    // ---- CAP alert areas (docs/CAP.md) -------------------------------------------------------------------------

    private final ObjectProperty<java.util.List<org.commandroom.core.cap.CapArea>> capAreas =
            new SimpleObjectProperty<>(this, "capAreas", java.util.List.of());

    /** The areas of the CAP alerts in force (WGS 84, as CAP gives them), drawn over the map. */
    public ObjectProperty<java.util.List<org.commandroom.core.cap.CapArea>> capAreasProperty() {
        return capAreas;
    }
}
