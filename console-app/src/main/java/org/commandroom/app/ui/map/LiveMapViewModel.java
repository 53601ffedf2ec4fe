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
    private final ReadOnlyObjectWrapper<GridSet> grids;
    private final ObservableList<UnitMarker> units = FXCollections.observableArrayList();
    private final ObservableList<IncidentMarker> incidents = FXCollections.observableArrayList();
    private final MarkerIndex<UnitMarker> unitIndex;
    private final MarkerIndex<IncidentMarker> incidentIndex;

    private final BooleanProperty gridsVisible = new SimpleBooleanProperty(this, "gridsVisible", true);
    private final BooleanProperty camerasVisible = new SimpleBooleanProperty(this, "camerasVisible", true);
    private final BooleanProperty unitsVisible = new SimpleBooleanProperty(this, "unitsVisible", true);
    private final BooleanProperty incidentsVisible = new SimpleBooleanProperty(this, "incidentsVisible", true);
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
        this.grids = new ReadOnlyObjectWrapper<>(this, "grids", GridSet.empty(mapDatum));
        this.unitIndex = new MarkerIndex<>(units, UnitMarker::position, mapDatum);
        this.incidentIndex = new MarkerIndex<>(incidents, IncidentMarker::position, mapDatum);
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

    /** Replaces the police grids. */
    public void setGrids(List<GridArea> areas) {
        grids.set(GridSet.build(areas, mapDatum));
    }

    ReadOnlyObjectProperty<GridSet> gridsProperty() {
        return grids.getReadOnlyProperty();
    }

    public ObservableList<UnitMarker> units() {
        return units;
    }

    public ObservableList<IncidentMarker> incidents() {
        return incidents;
    }

    // ---- layers ----------------------------------------------------------------------------

    public BooleanProperty gridsVisibleProperty() {
        return gridsVisible;
    }

    public BooleanProperty camerasVisibleProperty() {
        return camerasVisible;
    }

    public BooleanProperty unitsVisibleProperty() {
        return unitsVisible;
    }

    public BooleanProperty incidentsVisibleProperty() {
        return incidentsVisible;
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

    /**
     * The feature at a point: the nearest incident, else unit, else camera within the tolerance
     * (of those layers that are visible), else the grid containing the point.
     */
    public Optional<MapSelection> pick(GeoPoint at, double toleranceMetres) {
        GeoPoint p = DatumConverter.convert(at, mapDatum);
        if (incidentsVisible.get()) {
            Optional<IncidentMarker> hit = incidentIndex.nearest(p, toleranceMetres);
            if (hit.isPresent()) {
                return Optional.of(new MapSelection(MapSelection.Kind.INCIDENT, hit.get().id(), inMapDatum(hit.get().position())));
            }
        }
        if (unitsVisible.get()) {
            Optional<UnitMarker> hit = unitIndex.nearest(p, toleranceMetres);
            if (hit.isPresent()) {
                return Optional.of(new MapSelection(MapSelection.Kind.UNIT, hit.get().id(), inMapDatum(hit.get().position())));
            }
        }
        if (camerasVisible.get()) {
            int i = nearestCamera(p, toleranceMetres);
            if (i >= 0) {
                CameraSet set = cameras.get();
                return Optional.of(new MapSelection(MapSelection.Kind.CAMERA, set.id(i),
                        new GeoPoint(set.lat(i), set.lon(i), mapDatum)));
            }
        }
        if (gridsVisible.get()) {
            GridSet set = grids.get();
            Optional<Integer> k = set.locator().locate(p);
            if (k.isPresent()) {
                GridSet.Prepared g = set.grids().get(k.get());
                return Optional.of(new MapSelection(MapSelection.Kind.GRID, g.area().id(),
                        new GeoPoint(g.labelLat(), g.labelLon(), mapDatum)));
            }
        }
        return Optional.empty();
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
}
