package org.commandroom.app.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.commandroom.app.AppServices;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.map.CameraSet;
import org.commandroom.app.ui.map.GridArea;
import org.commandroom.app.ui.map.IncidentMarker;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.LiveMapViewModel;
import org.commandroom.app.ui.map.MapSelection;
import org.commandroom.app.ui.map.RiskGrade;
import org.commandroom.app.ui.map.UnitMarker;
import org.commandroom.app.ui.map.tiles.BaseMapData;
import org.commandroom.app.ui.map.tiles.BaseMapFeature;
import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.app.ui.map.tiles.TileSourceSettings;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.app.ui.units.UnitRow;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.geo.GeoDao;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.MapLayers;
import org.commandroom.core.incident.QueueEntry;
import org.commandroom.core.unit.UnitBoardEntry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The centre of the workstation: the live map of the county. Its static layers (base map, police
 * grids, cameras) are read once in the background; units and incidents follow the unit board and the
 * queue, which already follow the database. Until the layers are read it says so; if they cannot be
 * read it says why, and never shows anything that could be taken for a map.
 */
final class MapPane {

    /** Zoom at which the whole county fits the centre region at 1600x900. */
    static final double COUNTY_ZOOM = 11.2;

    private final StackPane root = new StackPane();
    private final UiContext ui;
    private final ObservableRows rows;
    private LiveMapView view;
    private boolean loadRequested;

    /** The lists the map follows, and what it tells back when the commander clicks an incident. */
    record ObservableRows(javafx.collections.ObservableList<QueueRow> incidents,
                          javafx.collections.ObservableList<UnitRow> units,
                          java.util.function.LongConsumer incidentClicked) {
    }

    MapPane(AppServices services, UiContext ui, ObservableRows rows) {
        this.ui = ui;
        this.rows = rows;
        root.setId("map-pane");
        root.getStyleClass().addAll("panel", "map-pane");
        Label loading = new Label(ui.i18n().tr("map.loading"));
        loading.getStyleClass().add("placeholder-title");
        root.getChildren().setAll(loading);
        StackPane.setAlignment(loading, Pos.CENTER);
        // Start reading the layers once the pane is on screen: the queue and the unit board, which
        // became visible first, have already asked for their data, so the map never delays them.
        Lifecycle.whileShowing(root, () -> {
            if (!loadRequested) {
                loadRequested = true;
                ui.tasks().run(() -> prepare(services), this::show, this::failed);
            }
        }, () -> { });
    }

    /** Off the FX thread: reads the layers, configures the offline tiles, builds the camera set. */
    private Prepared prepare(AppServices services) {
        MapLayers layers = MapLayers.load(services.database().jdbi());
        MapTiles.configure(TileSourceSettings.fromSystemProperties(baseMap(layers)));
        var mapDatum = MapTiles.tileDatum();
        int n = layers.cameras().size();
        String[] ids = new String[n];
        String[] names = new String[n];
        double[] lats = new double[n];
        double[] lons = new double[n];
        CameraKind[] kinds = new CameraKind[n];
        boolean[] online = new boolean[n];
        var datum = n == 0 ? layers.districtDatum() : layers.cameras().get(0).datum();
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
        List<GridArea> grids = new ArrayList<>();
        for (MapLayers.Grid g : layers.policeGrids()) {
            grids.add(new GridArea(Long.toString(g.id()), g.name(), RiskGrade.valueOf(g.riskGrade()), g.wkt(), g.datum()));
        }
        GeoPoint centre = layers.districtWkt().isEmpty() ? null : centroid(layers.districtWkt(), layers.districtDatum());
        return new Prepared(cameras, grids, centre);
    }

    private record Prepared(CameraSet cameras, List<GridArea> grids, GeoPoint centre) {
    }

    private static BaseMapData baseMap(MapLayers layers) {
        List<BaseMapFeature> outline = new ArrayList<>();
        if (!layers.districtWkt().isEmpty()) {
            outline.add(new BaseMapFeature("", read(layers.districtWkt()), 0));
        }
        List<BaseMapFeature> areas = new ArrayList<>();
        for (GeoDao.Area s : layers.streets()) {
            areas.add(new BaseMapFeature(s.name(), read(s.boundaryWkt()), 0));
        }
        for (GeoDao.Area c : layers.communities()) {
            areas.add(new BaseMapFeature(c.name(), read(c.boundaryWkt()), 1));
        }
        return BaseMapData.of(layers.districtDatum(), outline, areas, List.of(), List.of());
    }

    private static Geometry read(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable boundary in the database: " + e.getMessage(), e);
        }
    }

    private static GeoPoint centroid(String wkt, org.commandroom.core.geo.Datum datum) {
        var c = read(wkt).getCentroid();
        return new GeoPoint(c.getY(), c.getX(), datum);
    }

    private void show(Prepared p) {
        LiveMapViewModel vm = new LiveMapViewModel(MapTiles.tileDatum(), ui.clock());
        vm.setGrids(p.grids());
        vm.setCameras(p.cameras());
        view = new LiveMapView(vm);
        view.setId("live-map");
        root.getChildren().setAll(view);
        if (p.centre() != null) {
            view.centreOn(p.centre(), COUNTY_ZOOM);
        }
        rows.units().addListener((ListChangeListener<UnitRow>) c -> syncUnits(vm));
        rows.incidents().addListener((ListChangeListener<QueueRow>) c -> syncIncidents(vm));
        // Units move without the list changing: refresh their markers with the one-second tick.
        ui.ticker().subscribe(() -> syncUnits(vm));
        syncUnits(vm);
        syncIncidents(vm);
        vm.selectedFeatureProperty().addListener((o, was, is) -> {
            if (is != null && is.kind() == MapSelection.Kind.INCIDENT) {
                rows.incidentClicked().accept(Long.parseLong(is.id()));
            }
        });
    }

    private void failed(Exception e) {
        Label text = new Label(ui.i18n().tr("map.failed", org.commandroom.app.ui.common.Tasks.rootMessage(e)));
        text.setWrapText(true);
        text.getStyleClass().addAll("placeholder-detail", "danger");
        root.getChildren().setAll(text);
    }

    private void syncUnits(LiveMapViewModel vm) {
        List<UnitMarker> markers = new ArrayList<>();
        for (UnitRow r : rows.units()) {
            UnitBoardEntry e = r.getEntry();
            if (e.position() != null && e.fixAt() != null) {
                markers.add(new UnitMarker(Long.toString(e.id()), e.callSign(), e.kind(), e.status(), e.position(),
                        e.heading() == null ? Double.NaN : e.heading(), e.fixAt()));
            }
        }
        if (!markers.equals(vm.units())) {
            vm.units().setAll(markers);
        }
    }

    private void syncIncidents(LiveMapViewModel vm) {
        List<IncidentMarker> markers = new ArrayList<>();
        for (QueueRow r : rows.incidents()) {
            QueueEntry e = r.getEntry();
            if (e.position() != null) {
                String title = e.incidentNo() + " " + ui.i18n().label(e.type());
                markers.add(new IncidentMarker(Long.toString(e.id()), title, e.priority(), e.position(), e.receivedAt()));
            }
        }
        if (!markers.equals(vm.incidents())) {
            vm.incidents().setAll(markers);
        }
    }

    /** Centres the map on an incident the commander selected in the queue. */
    void centreOn(QueueEntry entry) {
        if (view != null && entry != null && entry.position() != null) {
            view.centreOn(entry.position());
        }
    }

    /** The map, once it is shown (for tests). */
    LiveMapView mapView() {
        return view;
    }

    Node root() {
        return root;
    }

    static boolean sameId(QueueRow row, long id) {
        return row != null && Objects.equals(row.getEntry().id(), id);
    }
}
