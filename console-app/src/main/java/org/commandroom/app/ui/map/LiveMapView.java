package org.commandroom.app.ui.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

import com.gluonhq.maps.MapView;

import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GeoShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live map: a Gluon {@link MapView} over the configured base map ({@link MapTiles}), with the
 * layers of {@link MapLayerId} (police grids, communities and micro-grids as one zooms in, key patrol
 * zones, deployment points, community police offices, key places, cameras and the register's houses as raster, patrol
 * units, incidents), the search focus and the selection area, each shown or hidden through
 * {@code LiveMapViewModel.layerVisibleProperty}.
 *
 * <p>Mouse: drag pans, wheel zooms (also {@code +}/{@code -}); a click selects the feature under the
 * pointer, found in the view model's spatial indexes; <b>Shift + drag</b> draws a circle and
 * selects the cameras and units inside; <b>Ctrl + click</b> adds polygon vertices, Enter or a Ctrl
 * double-click closes the polygon; Esc clears the area and the selection. Arrow keys pan by a quarter
 * of the view. Selecting an incident centres the map on it.
 *
 * <p>Listeners on the view model are added when the view enters a scene and removed when it leaves.
 */
public final class LiveMapView extends StackPane {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMapView.class);
    /** How far from a feature, in pixels, a click or hover still picks it. */
    static final double PICK_TOLERANCE_PX = 7;
    static final double WHEEL_ZOOM_STEP = 0.25;
    static final double MIN_ZOOM = 3;
    static final double MAX_ZOOM = 19;
    /** Arrow keys pan by this share of the view. */
    static final double PAN_STEP = 0.25;

    private final LiveMapViewModel vm;
    private final MapView map = new MapView();
    private final javafx.beans.property.ReadOnlyDoubleWrapper shownZoom = new javafx.beans.property.ReadOnlyDoubleWrapper(this, "zoom");
    private final ViewportLayer probe = new ViewportLayer() {
        @Override
        protected void initialize() {
            super.initialize();
            snapToWholePixels();
            // the base map is drawn into the overlay's composite, at the exact zoom: Gluon's tile nodes
            // (which it scales one by one between levels) are not shown
            hideBaseMapTiles();
        }

        @Override
        void draw(Viewport v) {
            if (shownZoom.get() != v.zoom()) {
                shownZoom.set(v.zoom());
            }
        }
    };
    private final java.util.EnumMap<MapLayerId, AreaLayer> areaLayers = new java.util.EnumMap<>(MapLayerId.class);
    private final java.util.EnumMap<MapLayerId, PlaceLayer> placeLayers = new java.util.EnumMap<>(MapLayerId.class);
    private final FocusLayer focus;
    private final OverlayLayer overlay;
    private final StationAreaLayer stationLayer;
    private final MovingLayer moving;
    private final CameraLayer cameras;
    private final HouseLayer houses;
    private final UnitLayer units;
    private final IncidentLayer incidents;
    private final PulseLayer pulses;
    private final AreaSelectionLayer area;
    /** The wall's way: layers scaled while the zoom moves, drawn sharp once it rests ({@link #setRasterWhileMoving}). */
    private boolean rasterWhileMoving;
    private final MapLabels labels = new MapLabels();
    private final List<Runnable> detach = new ArrayList<>();
    private final Timeline ageRefresh;

    private Timeline flight;
    /** Undoes a {@link #fitTo} that waits for the view's size, or null. */
    private Runnable pendingFit;
    private GeoPoint circleCentre;
    /** While a form waits for a point: what to tell it (null when not picking). */
    private java.util.function.Consumer<GeoPoint> pickDone;
    private Runnable pickCancelled;
    private final javafx.beans.property.ReadOnlyBooleanWrapper picking = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "picking");
    private final javafx.scene.Node pickCross = pickCross();
    private final List<GeoPoint> polygon = new ArrayList<>();

    public LiveMapView(LiveMapViewModel viewModel) {
        this.vm = Objects.requireNonNull(viewModel, "viewModel");
        if (vm.mapDatum() != MapTiles.tileDatum()) {
            LOG.warn("Map view model is in {} but the tiles are drawn in {}: overlays will be offset",
                    vm.mapDatum(), MapTiles.tileDatum());
        }
        getStyleClass().add("live-map");
        cameras = new CameraLayer(vm);
        houses = new HouseLayer(vm);
        units = new UnitLayer(vm, labels);
        incidents = new IncidentLayer(vm, labels);
        focus = new FocusLayer(vm);
        area = new AreaSelectionLayer(vm);
        map.addLayer(probe);
        // areas bottom up (grid fill first, then the finer lines and the zones over it), then the places
        List<OverlayLayer.Painter> painters = new ArrayList<>();
        for (MapLayerId id : List.of(MapLayerId.DISTRICT, MapLayerId.STATION_AREAS)) {
            AreaLayer layer = new AreaLayer(vm, id);
            areaLayers.put(id, layer);
            painters.add(layer);
        }
        stationLayer = new StationAreaLayer(vm);
        painters.add(stationLayer);
        for (MapLayerId id : List.of(MapLayerId.POLICE_GRIDS, MapLayerId.MICRO_GRIDS, MapLayerId.COMMUNITIES,
                MapLayerId.PATROL_ZONES)) {
            AreaLayer layer = new AreaLayer(vm, id);
            areaLayers.put(id, layer);
            painters.add(layer);
        }
        for (MapLayerId id : List.of(MapLayerId.DEPLOYMENT_POINTS, MapLayerId.POLICE_OFFICES, MapLayerId.KEY_PLACES)) {
            PlaceLayer layer = new PlaceLayer(vm, id);
            placeLayers.put(id, layer);
            painters.add(layer);
        }
        painters.add(new CapAreaLayer(vm));
        painters.add(cameras::paintSelection);
        painters.add(houses::paintSelection);
        overlay = new OverlayLayer(painters, cameras, List.of(houses));
        cameras.setOnChange(overlay::invalidate);
        map.addLayer(overlay);
        map.addLayer(cameras);
        // every name on the map is placed on the moving canvas, in one pass, so that none overlaps another
        OverlayLayer.Painter overlayNames = (g, v) -> {
            stationLayer.offerLabels(labels, v);
            areaLayers.values().forEach(a -> a.offerLabels(labels, v));
            placeLayers.values().forEach(p -> p.offerLabels(labels, v));
            return false;
        };
        moving = new MovingLayer(List.of(overlayNames, units, incidents, focus), labels);
        incidents.setRedraw(moving::invalidate);
        // the rings of new incidents under the moving canvas, apart from it: a pulse repaints its ring, not the canvas
        pulses = new PulseLayer(incidents);
        incidents.setPulseRedraw(pulses::invalidate);
        map.addLayer(pulses);
        map.addLayer(moving);
        map.addLayer(area);
        // No background: the composed image is opaque and covers the view, and a fill under it would
        // be one more full-window pass per frame on the software pipeline.
        getChildren().addAll(map, pickCross);
        // layers drawn with a margin round the view must not spill over the rest of the window
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        setMinSize(0, 0);

        ageRefresh = new Timeline(new KeyFrame(Duration.seconds(UnitLayer.refreshEvery().toSeconds()), e -> moving.invalidate()));
        ageRefresh.setCycleCount(Timeline.INDEFINITE);

        addEventFilter(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventFilter(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventFilter(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventFilter(MouseEvent.MOUSE_CLICKED, this::onClicked);
        addEventFilter(MouseEvent.MOUSE_MOVED, this::onMoved);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> vm.hoveredFeatureProperty().set(null));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // Gluon zooms on the wheel only where Gluon Attach detects a desktop, by 0.1 per notch:
        // handle the wheel here so that it works the same everywhere.
        addEventFilter(ScrollEvent.SCROLL, this::onScroll);

        sceneProperty().addListener((o, oldScene, newScene) -> {
            if (newScene != null && detach.isEmpty()) {
                activate();
            } else if (newScene == null) {
                deactivate();
            }
        });
    }

    public LiveMapViewModel viewModel() {
        return vm;
    }

    /**
     * Picking mode (a form asked for a point): the pointer is a cross and a cross marks the middle of the view; a
     * click answers with the point under it, Enter with the point under the middle cross (after panning with the
     * arrow keys), Esc cancels. Dragging and the wheel still move the map. The answer is in the map's datum; the
     * mode ends before {@code picked} or {@code cancelled} is called. The view takes the keyboard.
     */
    public void pickPoint(java.util.function.Consumer<GeoPoint> picked, Runnable cancelled) {
        pickDone = Objects.requireNonNull(picked, "picked");
        pickCancelled = Objects.requireNonNull(cancelled, "cancelled");
        picking.set(true);
        setCursor(Cursor.CROSSHAIR);
        requestFocus();
    }

    /** Leaves picking mode without an answer. */
    public void stopPicking() {
        pickDone = null;
        pickCancelled = null;
        picking.set(false);
        setCursor(Cursor.DEFAULT);
    }

    /** Whether a form is waiting for a point. */
    public javafx.beans.property.ReadOnlyBooleanProperty pickingProperty() {
        return picking.getReadOnlyProperty();
    }

    private void answerPick(GeoPoint at) {
        java.util.function.Consumer<GeoPoint> done = pickDone;
        stopPicking();
        done.accept(at);
    }

    private void cancelPick() {
        Runnable cancelled = pickCancelled;
        stopPicking();
        cancelled.run();
    }

    /** The cross in the middle of the view while picking: one small node, never picked by the mouse. */
    private javafx.scene.Node pickCross() {
        javafx.scene.shape.Path cross = new javafx.scene.shape.Path(
                new javafx.scene.shape.MoveTo(-16, 0), new javafx.scene.shape.LineTo(-5, 0),
                new javafx.scene.shape.MoveTo(5, 0), new javafx.scene.shape.LineTo(16, 0),
                new javafx.scene.shape.MoveTo(0, -16), new javafx.scene.shape.LineTo(0, -5),
                new javafx.scene.shape.MoveTo(0, 5), new javafx.scene.shape.LineTo(0, 16));
        cross.setStroke(MapPalette.fx(MapPalette.SELECTION));
        cross.setStrokeWidth(2);
        cross.setEffect(new javafx.scene.effect.DropShadow(3, javafx.scene.paint.Color.BLACK));
        cross.setMouseTransparent(true);
        cross.setManaged(false);
        cross.visibleProperty().bind(picking);
        cross.layoutXProperty().bind(widthProperty().divide(2));
        cross.layoutYProperty().bind(heightProperty().divide(2));
        return cross;
    }

    /** Centres the map on a point (any datum), keeping the zoom. */
    public void centreOn(GeoPoint point) {
        dropPendingFit();
        GeoPoint p = DatumConverter.convert(point, vm.mapDatum());
        map.setCenter(p.lat(), p.lon());
    }

    public void centreOn(GeoPoint point, double zoom) {
        map.setZoom(zoom);
        centreOn(point);
    }

    /**
     * Shows the whole box (corners in any datum) with a margin: the zoom at which it fits the view, centred on it. Before
     * the view has a size (while the window is built) it fits once the size is known.
     */
    public void fitTo(GeoPoint southWest, GeoPoint northEast) {
        dropPendingFit();
        if (getWidth() <= 0 || getHeight() <= 0) {
            javafx.beans.value.ChangeListener<Number> once = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was, Number now) {
                    if (getWidth() > 0 && getHeight() > 0) {
                        fitTo(southWest, northEast);
                    }
                }
            };
            widthProperty().addListener(once);
            heightProperty().addListener(once);
            pendingFit = () -> {
                widthProperty().removeListener(once);
                heightProperty().removeListener(once);
            };
            return;
        }
        GeoPoint sw = DatumConverter.convert(southWest, vm.mapDatum());
        GeoPoint ne = DatumConverter.convert(northEast, vm.mapDatum());
        map.setZoom(fitZoom(sw, ne, getWidth(), getHeight()));
        map.setCenter(WebMercator.lat((WebMercator.y(sw.lat()) + WebMercator.y(ne.lat())) / 2),
                WebMercator.lon((WebMercator.x(sw.lon()) + WebMercator.x(ne.lon())) / 2));
    }

    /**
     * Forgets a fit waiting for the view's size: a centre chosen since (an incident selected in the queue while the
     * window was still being laid out) is the commander's, and the late fit used to throw it away.
     */
    private void dropPendingFit() {
        if (pendingFit != null) {
            Runnable drop = pendingFit;
            pendingFit = null;
            drop.run();
        }
    }

    /** The largest zoom at which the box, with a tenth of the view as margin on each side, fits a view of this size. */
    static double fitZoom(GeoPoint sw, GeoPoint ne, double width, double height) {
        double dx = Math.abs(WebMercator.x(ne.lon()) - WebMercator.x(sw.lon()));
        double dy = Math.abs(WebMercator.y(sw.lat()) - WebMercator.y(ne.lat()));
        double usableW = width * 0.8;
        double usableH = height * 0.8;
        double zx = dx <= 0 ? MAX_ZOOM : Math.log(usableW / (256.0 * dx)) / Math.log(2);
        double zy = dy <= 0 ? MAX_ZOOM : Math.log(usableH / (256.0 * dy)) / Math.log(2);
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Math.min(zx, zy)));
    }

    public void setZoom(double zoom) {
        GeoPoint centre = viewCentre();
        map.setZoom(zoom);
        centreOn(centre);
    }

    /** The zoom level shown, updated when the map is drawn (for the legend). */
    public javafx.beans.property.ReadOnlyDoubleProperty zoomProperty() {
        return shownZoom.getReadOnlyProperty();
    }

    /** The zoom level shown now (follows the mouse wheel, unlike {@code MapView.getZoom()}). */
    public double zoom() {
        return probe.attached() ? probe.viewport().zoom() : map.getZoom();
    }

    /** The point in the middle of the view, in the map's datum. */
    public GeoPoint viewCentre() {
        return geoAt(getWidth() / 2, getHeight() / 2);
    }

    /** The position under a view pixel, in the map's datum. */
    public GeoPoint geoAt(double x, double y) {
        Viewport v = probe.viewport();
        return new GeoPoint(clampLat(v.latAt(y)), wrapLon(v.lonAt(x)), vm.mapDatum());
    }

    /** The view pixel of a position (any datum). */
    public Point2D screenPoint(GeoPoint point) {
        GeoPoint p = DatumConverter.convert(point, vm.mapDatum());
        Viewport v = probe.viewport();
        return new Point2D(v.screenX(WebMercator.x(p.lon())), v.screenY(WebMercator.y(p.lat())));
    }

    /**
     * Level of detail of the camera layer: below {@code clusterBelowZoom}, or with more than
     * {@code maxIndividualPoints} cameras in view, cameras are drawn as counted clusters.
     */
    public void setCameraLevelOfDetail(int clusterBelowZoom, int maxIndividualPoints) {
        cameras.setLevelOfDetail(clusterBelowZoom, maxIndividualPoints);
    }

    OverlayLayer overlayLayer() {
        return overlay;
    }

    StationAreaLayer stationLayer() {
        return stationLayer;
    }

    /**
     * Draws the base map again from the tile sources configured now: call it after
     * {@link MapTiles#configure} gave the map new vector data (roads, water, streets imported), so
     * the new tiles show without a restart. The tiles drawn before are dropped.
     */
    public void refreshBaseMap() {
        overlay.invalidate();
    }

    MovingLayer movingLayer() {
        return moving;
    }

    AreaLayer areaLayer(MapLayerId id) {
        return areaLayers.get(id);
    }

    PlaceLayer placeLayer(MapLayerId id) {
        return placeLayers.get(id);
    }

    /** The zoom at which each kind of feature is shown when the map flies to it. */
    public static double zoomFor(MapSelection.Kind kind) {
        return switch (kind) {
            case COMMUNITY -> 14;
            case GRID -> 15;
            case MICRO_GRID, PATROL_ZONE -> 16;
            default -> 17;
        };
    }

    /**
     * Moves the view to a point (any datum) and zoom in an animation of {@code millis}, centre and zoom
     * together. While it runs, selecting an incident does not jump the map.
     */
    public void flyTo(GeoPoint point, double targetZoom, long millis) {
        dropPendingFit();
        GeoPoint target = DatumConverter.convert(point, vm.mapDatum());
        if (flight != null) {
            flight.stop();
            endFlightRaster();
        }
        GeoPoint from = viewCentre();
        double x0 = WebMercator.x(from.lon());
        double y0 = WebMercator.y(from.lat());
        double x1 = WebMercator.x(target.lon());
        double y1 = WebMercator.y(target.lat());
        double z0 = zoom();
        double z1 = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, targetZoom));
        javafx.beans.property.DoubleProperty t = new javafx.beans.property.SimpleDoubleProperty(0);
        t.addListener((o, was, now) -> {
            double k = now.doubleValue();
            map.setZoom(z0 + (z1 - z0) * k);
            map.setCenter(WebMercator.lat(y0 + (y1 - y0) * k), WebMercator.lon(x0 + (x1 - x0) * k));
        });
        Timeline timeline = new Timeline(new KeyFrame(Duration.millis(Math.max(1, millis)),
                new javafx.animation.KeyValue(t, 1.0, javafx.animation.Interpolator.EASE_BOTH)));
        if (rasterWhileMoving && probe.attached() && getWidth() > 0 && getHeight() > 0) {
            Viewport base = z1 < z0 ? viewportAt(target, z1) : probe.viewport();
            overlay.beginFlight(base, moving.beginFlight(base), moving.margin());
        }
        timeline.setOnFinished(e -> {
            endFlightRaster();
            map.setZoom(z1);
            map.setCenter(target.lat(), target.lon());
            flight = null;
        });
        flight = timeline;
        timeline.play();
    }

    /**
     * The wall's way of flying (off by default, as on the desk): a {@link #flyTo} draws the map once, for the flight's
     * end at the lower zoom (whose view holds every view of the flight), the units, incidents and names merged into
     * the composite of tiles, areas and cameras, and each frame of the flight shows that one image scaled and moved;
     * the map is drawn sharp when the flight ends. The composite shown before the last one is kept, so that the flight
     * back to the district composes nothing. Units reporting during the 1.5 s of a flight show at its end. At
     * 3840x2160 on the software pipeline a flight drawn frame by frame composed at every level crossed and redrew every
     * name: a few frames a second.
     */
    public void setRasterWhileMoving(boolean on) {
        rasterWhileMoving = on;
        overlay.setScaleWhileMoving(on);
    }

    /** The view a flight ends at, as a viewport of this view's size (translation on whole pixels). */
    private Viewport viewportAt(GeoPoint centre, double zoom) {
        Viewport now = probe.viewport();
        double scale = WebMercator.worldPixels(zoom);
        return new Viewport(zoom, Math.rint(now.width() / 2 - WebMercator.x(centre.lon()) * scale),
                Math.rint(now.height() / 2 - WebMercator.y(centre.lat()) * scale), now.width(), now.height());
    }

    private void endFlightRaster() {
        overlay.endFlight();
        moving.endFlight();
    }

    /** Whether a {@link #flyTo} animation is running. */
    public boolean flying() {
        return flight != null;
    }

    UnitLayer unitLayer() {
        return units;
    }

    CameraLayer cameraLayer() {
        return cameras;
    }

    HouseLayer houseLayer() {
        return houses;
    }

    IncidentLayer incidentLayer() {
        return incidents;
    }

    PulseLayer pulseLayer() {
        return pulses;
    }

    /** The names placed in the last frame of the moving layer (for tests). */
    MapLabels labels() {
        return labels;
    }

    // ---- activation --------------------------------------------------------------------------

    private void activate() {
        List<Observable> overlayData = new ArrayList<>();
        areaLayers.keySet().forEach(id -> {
            overlayData.add(vm.layerVisibleProperty(id));
            overlayData.add(vm.areasProperty(id));
        });
        placeLayers.keySet().forEach(id -> {
            overlayData.add(vm.layerVisibleProperty(id));
            overlayData.add(vm.placesProperty(id));
        });
        overlayData.add(vm.gridFillProperty());
        overlayData.add(vm.capAreasProperty());
        overlayData.add(vm.textScaleProperty());
        overlayData.add(vm.stationAreasProperty());
        overlayData.add(vm.stationFillProperty());
        overlayData.add(vm.camerasVisibleProperty());
        overlayData.add(vm.camerasProperty());
        overlayData.add(vm.layerVisibleProperty(MapLayerId.HOUSES));
        overlayData.add(vm.housesProperty());
        bindLayer(overlay, new javafx.beans.property.SimpleBooleanProperty(true), overlayData.toArray(new Observable[0]));
        bindLayer(cameras, vm.camerasVisibleProperty(), vm.camerasProperty());
        List<Observable> movingData = new ArrayList<>(overlayData); // the names of areas and places are drawn there
        movingData.addAll(List.of(vm.unitsVisibleProperty(), vm.units(), vm.staleAfterProperty(), vm.incidentsVisibleProperty(),
                vm.incidents()));
        bindLayer(moving, new javafx.beans.property.SimpleBooleanProperty(true), movingData.toArray(new Observable[0]));
        InvalidationListener focusRedraw = o -> moving.invalidate();
        vm.focusProperty().addListener(focusRedraw);
        detach.add(() -> vm.focusProperty().removeListener(focusRedraw));
        moving.invalidate();
        InvalidationListener selectionRedraw = o -> {
            overlay.invalidate();
            moving.invalidate();
        };
        vm.selectedFeatureProperty().addListener(selectionRedraw);
        detach.add(() -> vm.selectedFeatureProperty().removeListener(selectionRedraw));
        javafx.beans.value.ChangeListener<MapSelection> centreOnIncident = (o, was, now) -> {
            if (now != null && now.kind() == MapSelection.Kind.INCIDENT && flight == null) {
                centreOn(now.position());
            }
        };
        vm.selectedFeatureProperty().addListener(centreOnIncident);
        detach.add(() -> vm.selectedFeatureProperty().removeListener(centreOnIncident));
        InvalidationListener areaRedraw = o -> area.invalidate();
        vm.selectionAreaProperty().addListener(areaRedraw);
        detach.add(() -> vm.selectionAreaProperty().removeListener(areaRedraw));
        incidents.activate();
        detach.add(incidents::deactivate);
        ageRefresh.play();
        detach.add(ageRefresh::stop);
    }

    private void bindLayer(ViewportLayer layer, javafx.beans.property.BooleanProperty visible, Observable... data) {
        layer.visibleProperty().bind(visible);
        InvalidationListener redraw = o -> layer.invalidate();
        visible.addListener(redraw);
        for (Observable d : data) {
            if (d instanceof javafx.collections.ObservableList<?> list) {
                ListChangeListener<Object> l = c -> layer.invalidate();
                @SuppressWarnings("unchecked")
                javafx.collections.ObservableList<Object> objects = (javafx.collections.ObservableList<Object>) list;
                objects.addListener(l);
                detach.add(() -> objects.removeListener(l));
            } else {
                d.addListener(redraw);
                detach.add(() -> d.removeListener(redraw));
            }
        }
        detach.add(() -> {
            visible.removeListener(redraw);
            layer.visibleProperty().unbind();
        });
        layer.invalidate();
    }

    private void deactivate() {
        detach.forEach(Runnable::run);
        detach.clear();
    }

    // ---- input -------------------------------------------------------------------------------

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.PRIMARY && e.isShiftDown()) {
            circleCentre = geoAt(e.getX(), e.getY());
            area.setDraft(GeoShape.circle(circleCentre, 0));
            e.consume();
        } else if (e.getButton() == MouseButton.PRIMARY && e.isShortcutDown()) {
            e.consume();
        }
    }

    private void onDragged(MouseEvent e) {
        if (circleCentre != null) {
            area.setDraft(GeoShape.circle(circleCentre, circleCentre.distanceMetres(geoAt(e.getX(), e.getY()))));
            e.consume();
        }
    }

    private void onReleased(MouseEvent e) {
        if (circleCentre != null) {
            double radius = circleCentre.distanceMetres(geoAt(e.getX(), e.getY()));
            GeoPoint centre = circleCentre;
            circleCentre = null;
            area.setDraft(null);
            if (radius > 0) {
                vm.selectArea(GeoShape.circle(centre, radius));
            }
            e.consume();
        } else if (e.isShortcutDown()) {
            e.consume();
        }
    }

    private void onClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.isShiftDown()) {
            e.consume();
            return;
        }
        if (e.isShortcutDown()) {
            if (e.getClickCount() >= 2) {
                closePolygon();
            } else {
                polygon.add(geoAt(e.getX(), e.getY()));
                area.setDraftVertices(polygon);
            }
            e.consume();
            return;
        }
        if (!e.isStillSincePress()) {
            return;
        }
        if (pickDone != null) {
            e.consume();
            answerPick(geoAt(e.getX(), e.getY()));
            return;
        }
        vm.selectedFeatureProperty().set(pickAt(e.getX(), e.getY()).orElse(null));
    }

    private void onMoved(MouseEvent e) {
        Optional<MapSelection> hit = pickAt(e.getX(), e.getY());
        vm.hoveredFeatureProperty().set(hit.orElse(null));
        if (pickDone == null) {
            setCursor(hit.isPresent() && !isArea(hit.get().kind()) ? Cursor.HAND : Cursor.DEFAULT);
        }
    }

    private void onScroll(ScrollEvent e) {
        double steps = e.getDeltaY() > 0 ? WHEEL_ZOOM_STEP : e.getDeltaY() < 0 ? -WHEEL_ZOOM_STEP : 0;
        double target = zoom() + steps;
        if (steps != 0 && probe.attached() && target <= MAX_ZOOM && target >= MIN_ZOOM) {
            probe.zoomAround(steps, e.getX(), e.getY());
            // what lies under the pointer changed with the zoom
            vm.hoveredFeatureProperty().set(pickAt(e.getX(), e.getY()).orElse(null));
        }
        e.consume();
    }

    private void onKey(KeyEvent e) {
        if (pickDone != null && (e.getCode() == javafx.scene.input.KeyCode.ESCAPE || e.getCode() == javafx.scene.input.KeyCode.ENTER)) {
            e.consume();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                answerPick(viewCentre());
            } else {
                cancelPick();
            }
            return;
        }
        switch (e.getCode()) {
            case ESCAPE -> {
                polygon.clear();
                area.setDraftVertices(polygon);
                vm.clearArea();
                vm.selectedFeatureProperty().set(null);
                vm.focusProperty().set(null);
            }
            case LEFT, KP_LEFT -> pan(-PAN_STEP * getWidth(), 0);
            case RIGHT, KP_RIGHT -> pan(PAN_STEP * getWidth(), 0);
            case UP, KP_UP -> pan(0, -PAN_STEP * getHeight());
            case DOWN, KP_DOWN -> pan(0, PAN_STEP * getHeight());
            case ENTER -> closePolygon();
            case PLUS, ADD, EQUALS -> setZoom(Math.min(MAX_ZOOM, zoom() + 1));
            case MINUS, SUBTRACT -> setZoom(Math.max(MIN_ZOOM, zoom() - 1));
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Shows what lies (dx, dy) view pixels from the centre. */
    void pan(double dx, double dy) {
        if (probe.attached()) {
            centreOn(geoAt(getWidth() / 2 + dx, getHeight() / 2 + dy));
        }
    }

    private void closePolygon() {
        if (polygon.size() >= 3) {
            vm.selectArea(GeoShape.polygon(polygon));
        }
        polygon.clear();
        area.setDraftVertices(polygon);
    }

    /** The feature under a view pixel, from the view model's indexes. */
    Optional<MapSelection> pickAt(double x, double y) {
        if (!probe.attached()) {
            return Optional.empty();
        }
        Optional<MapSelection> stacked = incidents.pickSpread(x, y, this::screenPoint);
        if (stacked.isPresent()) {
            return stacked;
        }
        GeoPoint at = geoAt(x, y);
        double tolerance = PICK_TOLERANCE_PX * WebMercator.metresPerPixel(at.lat(), probe.viewport().zoom());
        return vm.pick(at, tolerance, probe.viewport().zoom());
    }

    private static boolean isArea(MapSelection.Kind kind) {
        return kind == MapSelection.Kind.GRID || kind == MapSelection.Kind.COMMUNITY || kind == MapSelection.Kind.MICRO_GRID
                || kind == MapSelection.Kind.PATROL_ZONE;
    }

    private static double clampLat(double lat) {
        return Math.max(-WebMercator.MAX_LAT, Math.min(WebMercator.MAX_LAT, lat));
    }

    private static double wrapLon(double lon) {
        double l = ((lon + 180) % 360 + 360) % 360 - 180;
        return Double.isNaN(l) ? 0 : l;
    }

}
