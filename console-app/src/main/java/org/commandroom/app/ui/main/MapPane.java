package org.commandroom.app.ui.main;

import org.commandroom.app.ui.common.Failures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.commandroom.app.AppServices;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.map.GeoImportDialog;
import org.commandroom.app.ui.map.GeoImportViewModel;
import org.commandroom.app.ui.map.GridArea;
import org.commandroom.app.ui.map.IncidentMarker;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.LiveMapViewModel;
import org.commandroom.app.ui.map.MapData;
import org.commandroom.app.ui.map.MapLayerId;
import org.commandroom.app.ui.map.MapLayerToggles;
import org.commandroom.app.ui.map.GridColouring;
import org.commandroom.app.ui.map.GridFill;
import org.commandroom.app.ui.map.MapLegend;
import org.commandroom.app.ui.map.MapSelection;
import org.commandroom.app.ui.map.RiskGrade;
import org.commandroom.app.ui.map.UnitMarker;
import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.app.ui.search.SearchBox;
import org.commandroom.app.ui.search.SearchViewModel;
import org.commandroom.app.ui.units.UnitRow;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.QueueEntry;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.Entity;
import org.commandroom.core.search.FeatureIndex;
import org.commandroom.core.search.FeatureSearch;
import org.commandroom.core.search.SearchHit;
import org.commandroom.core.unit.UnitBoardEntry;

/**
 * The centre of the workstation: the live map of the county, with its legend (layer toggles), the
 * search box, the import button and a line naming what is under the pointer. Its static layers (base
 * map, areas, places, cameras) are read in the background, and read again when the change feed says
 * cameras or boundaries were imported (here or on another workstation); units and incidents follow the
 * unit board and the queue, which already follow the database. Until the layers are read it says so;
 * if they cannot be read it says why, and never shows anything that could be taken for a map.
 *
 * <p>Keys: Ctrl+F (anywhere in the window) goes to the search box; Alt+1..9 and Alt+0 toggle the
 * layers in the legend's order, Alt+H the houses; on the map +/- zoom, the arrows pan, Esc clears the selection.
 */
final class MapPane {

    /** Zoom at which the whole county fits the centre region at 1600x900. */
    static final double COUNTY_ZOOM = 11.2;
    /** Closed incidents received longer ago than this are not offered by the search. */
    static final Duration SEARCH_INCIDENT_WINDOW = Duration.ofDays(7);
    /** The id prefix of the house register's search hits. */
    static final String HOUSE_HIT = "HOUSE:";
    /** How long the map takes to fly to a search hit. */
    static final long FLIGHT_MILLIS = 700;

    private final StackPane root = new StackPane();
    private final UiContext ui;
    private final AppServices services;
    private final ObservableRows rows;
    private final MapLayerToggles toggles;
    private final KeyCombination findKey = KeyCombination.keyCombination("Shortcut+F");
    private final ChangeFeed.Listener feedListener = this::onChanges;
    private LiveMapView view;
    private LiveMapViewModel vm;
    private MapLegend legend;
    private SearchBox searchBox;
    private SearchViewModel searchVm;
    private FeatureIndex index;
    private boolean loadRequested;
    private boolean showing;
    private boolean reloading;
    private boolean reloadAgain;
    private GeoImportDialog.FileSource importFiles;
    private GeoImportDialog importDialog;
    /** Points picked for the forms (F7), once the map is shown. */
    private MapPicking picking;

    /** The lists the map follows, and what it tells back when the commander clicks an incident. */
    record ObservableRows(javafx.collections.ObservableList<QueueRow> incidents,
                          javafx.collections.ObservableList<UnitRow> units,
                          javafx.beans.value.ObservableValue<?> unitsUpdated,
                          java.util.function.LongConsumer incidentClicked) {
    }

    MapPane(AppServices services, UiContext ui, ObservableRows rows, MapLayerToggles toggles) {
        this.ui = ui;
        this.services = services;
        this.rows = rows;
        this.toggles = toggles;
        this.importFiles = GeoImportDialog.nativeChooser(ui.i18n());
        root.setId("map-pane");
        root.getStyleClass().addAll("panel", "map-pane");
        Label loading = new Label(ui.i18n().tr("map.loading"));
        loading.getStyleClass().add("placeholder-title");
        root.getChildren().setAll(loading);
        StackPane.setAlignment(loading, Pos.CENTER);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onLayerKey);
        // Start reading the layers once the pane is on screen: the queue and the unit board, which
        // became visible first, have already asked for their data, so the map never delays them.
        Lifecycle.whileShowing(root, () -> {
            showing = true;
            if (!loadRequested) {
                loadRequested = true;
                ui.tasks().runLong(() -> prepare(services), this::show, this::failed);
            }
            attachLive();
        }, () -> {
            showing = false;
            detachLive();
        });
    }

    // ---- loading -----------------------------------------------------------------------------

    /**
     * Off the FX thread: reads the layers, configures the offline tiles, builds the sets to draw (shared with the wall),
     * and adds the house register's placed houses (docs/PREVENTION.md). A register that cannot be read leaves the map
     * without houses, not without a map.
     */
    private MapData.Prepared prepare(AppServices s) {
        MapData.Prepared p = MapData.prepare(org.commandroom.core.geo.MapLayers.load(s.database().jdbi()));
        try {
            return p.withHouses(new org.commandroom.core.prevention.HouseMapPoints(s.database().jdbi()).placed());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MapPane.class).warn("The map shows no houses: the register could not be read ({})",
                    Tasks.rootMessage(e));
            return p;
        }
    }

    /** Colours the police grids by the legend's choice; the values are read on the I/O executor. */
    private void colourGrids(GridColouring choice) {
        LiveMapViewModel model = vm;
        if (choice != GridColouring.STATION_AREA && choice != GridColouring.COMMUNITY_RISK) {
            model.clearStationAreas();
        }
        if (choice != GridColouring.COMMUNITY_RISK) {
            legend.showRule(null);
        }
        if (choice == GridColouring.COMMUNITY_RISK) {
            colourCommunities(model);
            return;
        }
        if (choice == null || choice == GridColouring.RISK_GRADE) {
            model.gridFillProperty().set(GridFill.byRiskGrade());
            return;
        }
        java.time.YearMonth month = java.time.YearMonth.from(ui.clock().instant().atZone(ui.clock().getZone()));
        if (choice == GridColouring.STATION_AREA) {
            colourStations(model, month);
            return;
        }
        ui.tasks().run(() -> services.index().gridValues(choice == GridColouring.PING_AN, month), values -> {
            if (legend.colouringProperty().get() == choice) {
                model.gridFillProperty().set(GridFill.byValue(values, GridColouring.scorePalette()));
            }
        }, e -> {
            org.slf4j.LoggerFactory.getLogger(MapPane.class).warn("Grids not coloured by {}: {}", choice, Tasks.rootMessage(e));
            legend.colouringProperty().set(GridColouring.RISK_GRADE);
        });
    }

    /**
     * 分色预警: the communities filled red, orange or green by the rule in force (core prevention CommunityRisk, read and
     * prepared on the I/O executor), drawn where the station areas would be, each named with its score; the grids are
     * outlined only; the legend states the rule. Also called after the rule is saved in the prevention window.
     */
    void colourCommunities(LiveMapViewModel model) {
        record Ready(LiveMapViewModel.PreparedAreas areas, String rule) {
        }
        if (services.prevention() == null) {
            return;
        }
        ui.tasks().run(() -> {
            var risk = services.prevention().risk();
            var rule = risk.rule();
            List<GridArea> areas = new ArrayList<>();
            for (org.commandroom.core.prevention.CommunityRisk.Assessment a : risk.assess()) {
                areas.add(new GridArea(Long.toString(a.id()), a.name() + String.format(java.util.Locale.ROOT, " %.0f", a.score()),
                        RiskGrade.valueOf(a.grade().name()), a.wkt(), a.datum()));
            }
            return new Ready(LiveMapViewModel.prepareAreas(areas, model.mapDatum()),
                    org.commandroom.app.ui.prevention.RiskRuleViewModel.statement(ui.i18n(), rule));
        }, ready -> {
            if (legend.colouringProperty().get() == GridColouring.COMMUNITY_RISK) {
                model.setStationAreas(ready.areas(), GridFill.byRiskGrade());
                model.gridFillProperty().set(GridFill.outlineOnly(GridFill.byRiskGrade().legendColours()));
                legend.showRule(ready.rule());
            }
        }, e -> {
            org.slf4j.LoggerFactory.getLogger(MapPane.class).warn("Communities not coloured: {}", Tasks.rootMessage(e));
            legend.colouringProperty().set(GridColouring.RISK_GRADE);
        });
    }

    /** Recolours the communities if the map shows them by risk (after the rule changed). */
    void riskRuleChanged() {
        if (legend != null && vm != null && legend.colouringProperty().get() == GridColouring.COMMUNITY_RISK) {
            colourCommunities(vm);
        }
    }

    /**
     * Colours the stations' areas by their prevention index this month (areas and values read and prepared on the
     * I/O executor); the grids are outlined only, so the station colour reads through.
     */
    private void colourStations(LiveMapViewModel model, java.time.YearMonth month) {
        record Ready(LiveMapViewModel.PreparedAreas areas, Map<String, Double> values) {
        }
        ui.tasks().run(() -> {
            var colouring = services.index().stationColouring(month);
            List<GridArea> areas = new ArrayList<>();
            Map<String, Double> values = new java.util.HashMap<>();
            for (org.commandroom.core.geo.StationAreas.Area a : colouring.areas()) {
                Double v = colouring.values().get(a.stationId());
                String id = Long.toString(a.stationId());
                areas.add(new GridArea(id, a.name() + (v == null ? "" : String.format(java.util.Locale.ROOT, " %.1f", v)),
                        RiskGrade.GREEN, a.wkt(), a.datum()));
                if (v != null) {
                    values.put(id, v);
                }
            }
            return new Ready(LiveMapViewModel.prepareAreas(areas, model.mapDatum()), values);
        }, ready -> {
            if (legend.colouringProperty().get() == GridColouring.STATION_AREA) {
                model.setStationAreas(ready.areas(), GridFill.byValue(ready.values(), GridColouring.scorePalette()));
                model.gridFillProperty().set(GridFill.outlineOnly(GridColouring.scorePalette().colours()));
            }
        }, e -> {
            org.slf4j.LoggerFactory.getLogger(MapPane.class).warn("Stations not coloured: {}", Tasks.rootMessage(e));
            legend.colouringProperty().set(GridColouring.RISK_GRADE);
        });
    }

    private void show(MapData.Prepared p) {
        vm = new LiveMapViewModel(MapTiles.tileDatum(), ui.clock());
        toggles.attach(vm);
        apply(p);
        view = new LiveMapView(vm);
        view.setId("live-map");
        if (capAreas != null) {
            vm.capAreasProperty().bind(capAreas);
        }
        legend = new MapLegend(vm, ui.i18n());
        toggles.attach(legend);
        // the index's colourings where the console has the index, 分色预警 where it has the prevention services
        List<GridColouring> colourings = java.util.Arrays.stream(GridColouring.values())
                .filter(c -> c == GridColouring.RISK_GRADE || (c == GridColouring.COMMUNITY_RISK ? services.prevention() != null
                        : services.index() != null)).toList();
        if (colourings.size() > 1) {
            legend.offerColourings(colourings);
            legend.colouringProperty().addListener((o, was, is) -> colourGrids(is));
        }
        view.zoomProperty().addListener((o, was, is) -> legend.showZoom(is.doubleValue()));
        StackPane.setAlignment(legend, Pos.TOP_RIGHT);
        StackPane.setMargin(legend, new Insets(8));

        FeatureSearch search = new FeatureSearch(List.of());
        searchVm = new SearchViewModel(search, ui.tasks());
        searchBox = new SearchBox(searchVm, ui.i18n());
        searchBox.setDisable(true);
        searchVm.chosenProperty().addListener((o, was, hit) -> {
            if (hit != null) {
                flyTo(hit);
            }
        });
        Button importButton = new Button(ui.i18n().tr("map.import"));
        importButton.setId("map-import");
        importButton.setMinWidth(Region.USE_PREF_SIZE);   // never "Im…" when the search results open
        importButton.setOnAction(e -> openImport());
        // Only a user who may set up the geography imports it (docs/ACCESS.md): without the service, no button.
        importButton.setVisible(services.geoImport() != null);
        importButton.setManaged(importButton.isVisible());
        HBox top = new HBox(8, searchBox, importButton);
        top.setAlignment(Pos.TOP_LEFT);
        top.setPickOnBounds(false);
        top.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(top, Pos.TOP_LEFT);
        StackPane.setMargin(top, new Insets(8));

        Label detail = new Label();
        detail.setId("map-detail");
        detail.getStyleClass().add("map-detail");
        detail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            MapSelection s = vm.hoveredFeatureProperty().get() != null ? vm.hoveredFeatureProperty().get()
                    : vm.selectedFeatureProperty().get();
            return s == null ? "" : describe(s);
        }, vm.hoveredFeatureProperty(), vm.selectedFeatureProperty()));
        detail.visibleProperty().bind(detail.textProperty().isNotEmpty());
        StackPane.setAlignment(detail, Pos.BOTTOM_LEFT);
        StackPane.setMargin(detail, new Insets(8));

        picking = new MapPicking(view, legend, ui.i18n());
        // Esc in the search box while picking also gives up the pick (the box clears itself as usual)
        searchBox.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                picking.cancel();
            }
        });

        // The area circled or drawn: what is inside, and 对此区域发布预警… for a user who may issue warnings.
        areaPanel = new org.commandroom.app.ui.map.AreaSelectionPanel(vm, ui.i18n());
        areaPanel.offerWarning(warnForArea);
        StackPane.setAlignment(areaPanel, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(areaPanel, new Insets(8));

        root.getChildren().setAll(view, legend, top, detail, areaPanel, picking.banner());
        districtShown = p.extent() != null;
        if (p.extent() != null) {
            view.fitTo(p.extent().southWest(), p.extent().northEast());
        } else if (p.centre() != null) {
            view.centreOn(p.centre(), COUNTY_ZOOM);
        }
        rows.units().addListener((ListChangeListener<UnitRow>) c -> syncUnits(vm));
        rows.incidents().addListener((ListChangeListener<QueueRow>) c -> {
            // The queue re-sorting itself changes no marker: only additions and removals rebuild them.
            boolean onlyReordered = true;
            while (c.next()) {
                onlyReordered &= c.wasPermutated();
            }
            if (!onlyReordered) {
                syncIncidents(vm);
            }
        });
        // Units move without the list changing: the board says when a feed batch updated rows in place, and the
        // markers follow in the same FX event (they used to wait for the one-second tick: up to 1.4 s behind).
        rows.unitsUpdated().addListener((o, was, is) -> syncUnits(vm));
        syncUnits(vm);
        syncIncidents(vm);
        vm.selectedFeatureProperty().addListener((o, was, is) -> {
            if (is != null && is.kind() == MapSelection.Kind.INCIDENT) {
                rows.incidentClicked().accept(Long.parseLong(is.id()));
            }
            if (is == null || was != null && !Objects.equals(is.position(), vm.focusProperty().get())) {
                vm.focusProperty().set(null);
            }
        });
        if (showing) {
            attachLive();
        }
        // The search index is read after the map is up, so that it never delays the map.
        index = new FeatureIndex(services.database().jdbi(), ui.clock(), SEARCH_INCIDENT_WINDOW);
        ui.tasks().runLong(index::reload, loaded -> {
            search.addSource(loaded);
            searchBox.setDisable(false);
            addGazetteer(search);
        }, e -> searchBox.setDisable(true));
    }

    /**
     * Where the console takes calls, the search box also finds the gazetteer's addresses (earlier calls' addresses,
     * streets, police offices, deployment points): a call's point can be picked by an address called in before. The
     * gazetteer is read on the long-read executor if the intake form has not read it yet.
     */
    /** The house register's houses (docs/PREVENTION.md), read once on the long-read executor. */
    private void addHouses(FeatureSearch search) {
        var houses = new org.commandroom.core.prevention.HouseSearchSource(services.database().jdbi());
        search.addSource(houses);
        ui.tasks().runLong(() -> {
            houses.load();
            return true;
        }, ok -> { }, e -> org.slf4j.LoggerFactory.getLogger(MapPane.class).warn(
                "The search box finds no houses: the register could not be read ({})", Tasks.rootMessage(e)));
    }

    private void addGazetteer(FeatureSearch search) {
        if (services.intake() == null) {
            return;
        }
        var gazetteer = services.intake().gazetteer();
        search.addSource(new org.commandroom.core.intake.GazetteerSearchSource(gazetteer));
        addHouses(search);
        if (!gazetteer.isLoaded()) {
            ui.tasks().runLong(() -> {
                if (!gazetteer.isLoaded()) {
                    gazetteer.load();
                }
                return true;
            }, ok -> { }, e -> org.slf4j.LoggerFactory.getLogger(MapPane.class).warn(
                    "The search box finds no addresses: the gazetteer could not be read ({})", Tasks.rootMessage(e)));
        }
    }

    /** Puts prepared data into the view model (first load and every reload). */
    private void apply(MapData.Prepared p) {
        p.applyTo(vm);
    }

    private void failed(Exception e) {
        Label text = new Label(ui.i18n().tr("map.failed", Failures.text(e, ui.i18n())));
        text.setWrapText(true);
        text.getStyleClass().addAll("placeholder-detail", "danger");
        root.getChildren().setAll(text);
    }

    // ---- live: feed, keys ---------------------------------------------------------------------

    private void attachLive() {
        if (view == null) {
            return;
        }
        services.feed().removeListener(feedListener);
        services.feed().addListener(feedListener);
        Scene scene = root.getScene();
        if (scene != null) {
            scene.getAccelerators().put(findKey, this::focusSearch);
            picking.attach(scene);
        }
    }

    private void detachLive() {
        services.feed().removeListener(feedListener);
        Scene scene = root.getScene();
        if (scene != null) {
            scene.getAccelerators().remove(findKey);
        }
        if (picking != null) {
            picking.detach(scene);
        }
    }

    /** Whether a form waits for a point (for tests). */
    boolean picking() {
        return picking != null && picking.active();
    }

    private void onChanges(List<Change> changes) {
        if (vm == null) {
            return;
        }
        if (index != null && FeatureIndex.concerns(changes)) {
            FeatureIndex idx = index;
            // On the same thread as the index's first reading, so a change is never applied before it.
            ui.tasks().runLong(() -> {
                idx.apply(changes);
                return idx;
            }, done -> {
                if (searchVm != null && !searchVm.queryProperty().get().isBlank()) {
                    searchVm.refresh();
                }
            }, e -> { });
        }
        if (changes.stream().anyMatch(c -> c.entity() == Entity.GEOGRAPHY
                && c.entityId() == org.commandroom.core.geo.io.ImportLayer.DISTRICT.changeId())) {
            fitAfterReload = true; // a district boundary was imported: the map goes to it
        }
        if (changes.stream().anyMatch(c -> c.entity() == Entity.GEOGRAPHY || c.entity() == Entity.CAMERA)) {
            reload();
        }
    }

    /** Whether the map has had a district to show (a reload into the first one fits the view to it). */
    private boolean districtShown;
    /** A district boundary was imported: the next reload fits the view to the district. */
    private boolean fitAfterReload;

    /** Reads the static layers again (an import happened); one reload at a time, the last request wins. */
    void reload() {
        if (reloading) {
            reloadAgain = true;
            return;
        }
        reloading = true;
        ui.tasks().runLong(() -> prepare(services), p -> {
            apply(p);
            if (view != null) {
                view.refreshBaseMap(); // prepare() configured the tiles with what was imported
                if ((!districtShown || fitAfterReload) && p.extent() != null) {
                    // The first geography of a new bureau, or its district boundary: the map goes to it.
                    view.fitTo(p.extent().southWest(), p.extent().northEast());
                    fitAfterReload = false;
                }
            }
            districtShown |= p.extent() != null;
            finishReload();
        }, e -> finishReload());
    }

    private void finishReload() {
        reloading = false;
        if (reloadAgain) {
            reloadAgain = false;
            reload();
        }
    }

    private void onLayerKey(KeyEvent e) {
        if (vm == null || !e.isAltDown() || e.isControlDown() || e.isShortcutDown()) {
            return;
        }
        int digit = digit(e.getCode());
        Optional<MapLayerId> layer = digit >= 0 ? MapLayerId.byHotkey(digit)
                : e.getCode().isLetterKey() ? MapLayerId.byLetter(e.getCode().getName().charAt(0)) : Optional.empty();
        layer.ifPresent(id -> {
            var on = vm.layerVisibleProperty(id);
            on.set(!on.get());
            e.consume();
        });
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String n = code.getName();
            char c = n.charAt(n.length() - 1);
            return Character.isDigit(c) ? c - '0' : -1;
        }
        return -1;
    }

    void focusSearch() {
        if (searchBox != null && !searchBox.isDisabled()) {
            searchBox.focusField();
        }
    }

    // ---- search and import ----------------------------------------------------------------------

    private void flyTo(SearchHit hit) {
        MapSelection.Kind kind = switch (hit.kind()) {
            case INCIDENT -> MapSelection.Kind.INCIDENT;
            case UNIT -> MapSelection.Kind.UNIT;
            case CAMERA -> MapSelection.Kind.CAMERA;
            case POLICE_GRID -> MapSelection.Kind.GRID;
            case COMMUNITY -> MapSelection.Kind.COMMUNITY;
            case KEY_PLACE -> MapSelection.Kind.KEY_PLACE;
            // a house of the register (core prevention HouseSearchSource: id HOUSE:<id>) is selected on the house layer
            case ADDRESS -> hit.id().startsWith(HOUSE_HIT) ? MapSelection.Kind.HOUSE : null;
        };
        String id = kind == MapSelection.Kind.HOUSE ? hit.id().substring(HOUSE_HIT.length()) : hit.id();
        GeoPoint at = org.commandroom.core.geo.DatumConverter.convert(hit.position(), vm.mapDatum());
        double zoom = LiveMapView.zoomFor(kind == null ? MapSelection.Kind.INCIDENT : kind);
        view.flyTo(at, zoom, FLIGHT_MILLIS);
        if (picking.active()) {
            // picking: a place found is the point; an area is flown to, to click in it (or Enter on the cross)
            boolean area = kind == MapSelection.Kind.GRID || kind == MapSelection.Kind.COMMUNITY;
            if (area) {
                view.requestFocus();
            } else {
                picking.answer(at);
            }
            return;
        }
        // the layer holding the hit is switched on, so that what the map flew to can be seen
        if (kind != null) {
            vm.layerVisibleProperty(LiveMapViewModel.layerOf(kind)).set(true);
            vm.selectedFeatureProperty().set(new MapSelection(kind, id, at));
        } else {
            vm.selectedFeatureProperty().set(null);
        }
        vm.focusProperty().set(at);
        view.requestFocus();
    }

    /**
     * Shows a house of the register (the register window's "show on the map"): flies to it, switches the houses on and
     * selects it there, as a search hit of the house does. False when the map is not up yet or the house has no place.
     */
    boolean showHouse(long houseId, GeoPoint position) {
        if (view == null || position == null) {
            return false;
        }
        GeoPoint at = org.commandroom.core.geo.DatumConverter.convert(position, vm.mapDatum());
        view.flyTo(at, LiveMapView.zoomFor(MapSelection.Kind.HOUSE), FLIGHT_MILLIS);
        vm.layerVisibleProperty(LiveMapViewModel.layerOf(MapSelection.Kind.HOUSE)).set(true);
        vm.selectedFeatureProperty().set(new MapSelection(MapSelection.Kind.HOUSE, Long.toString(houseId), at));
        vm.focusProperty().set(at);
        return true;
    }

    private void openImport() {
        if (importDialog != null && importDialog.stage().isShowing()) {
            importDialog.stage().toFront();
            return;
        }
        GeoImportViewModel importVm = GeoImportViewModel.of(services.geoImport(), ui.tasks(),
                System.getProperty("user.name", "?"));
        importDialog = new GeoImportDialog(importVm, ui.i18n(), importFiles,
                root.getScene() == null ? null : root.getScene().getWindow());
        importDialog.show();
    }

    /** Replaces the native file chooser (tests). */
    void setImportFiles(GeoImportDialog.FileSource files) {
        this.importFiles = files;
    }

    GeoImportDialog importDialog() {
        return importDialog;
    }

    private String describe(MapSelection s) {
        String layer = MapLegend.name(ui.i18n(), LiveMapViewModel.layerOf(s.kind()));
        if (s.kind() == MapSelection.Kind.HOUSE) {
            return vm.house(s.id()).map(h -> ui.i18n().tr("map.detail", layer,
                    org.commandroom.app.ui.map.HouseSet.describe(ui.i18n(), h))).orElse(layer);
        }
        return vm.describe(s).map(name -> ui.i18n().tr("map.detail", layer, name)).orElse(layer);
    }

    // ---- units and incidents from the board and the queue ----------------------------------------

    private void syncUnits(LiveMapViewModel model) {
        List<UnitMarker> markers = new ArrayList<>();
        for (UnitRow r : rows.units()) {
            UnitBoardEntry e = r.getEntry();
            if (e.position() != null && e.fixAt() != null) {
                markers.add(new UnitMarker(Long.toString(e.id()), e.callSign(), e.kind(), e.status(), e.position(),
                        e.heading() == null ? Double.NaN : e.heading(), e.fixAt()));
            }
        }
        if (!markers.equals(model.units())) {
            model.units().setAll(markers);
        }
    }

    private void syncIncidents(LiveMapViewModel model) {
        List<IncidentMarker> markers = new ArrayList<>();
        for (QueueRow r : rows.incidents()) {
            QueueEntry e = r.getEntry();
            if (e.position() != null) {
                String title = e.incidentNo() + " " + ui.i18n().label(e.type());
                markers.add(new IncidentMarker(Long.toString(e.id()), title, e.priority(), e.position(), e.receivedAt()));
            }
        }
        if (!markers.equals(model.incidents())) {
            model.incidents().setAll(markers);
        }
    }

    /** Centres the map on an incident the commander selected in the queue. */
    void centreOn(QueueEntry entry) {
        if (view != null && entry != null && entry.position() != null && !view.flying()) {
            view.centreOn(entry.position());
        }
    }

    private javafx.beans.value.ObservableValue<java.util.List<org.commandroom.core.cap.CapArea>> capAreas;

    /** Draws the areas of the CAP alerts in force (docs/CAP.md) over the map, now or once it is shown. */
    void showCapAreas(javafx.beans.value.ObservableValue<java.util.List<org.commandroom.core.cap.CapArea>> areas) {
        capAreas = areas;
        if (vm != null) {
            vm.capAreasProperty().bind(areas);
        }
    }

    private java.util.function.Consumer<org.commandroom.core.geo.GeoShape> warnForArea;
    private org.commandroom.app.ui.map.AreaSelectionPanel areaPanel;

    /**
     * Offers 对此区域发布预警… on the area circled or drawn on the map, now or once it is shown (the desk does so only
     * for a user who may issue warnings, docs/CAP.md).
     */
    void offerWarningForArea(java.util.function.Consumer<org.commandroom.core.geo.GeoShape> issue) {
        warnForArea = issue;
        if (areaPanel != null) {
            areaPanel.offerWarning(issue);
        }
    }

    /** The map, once it is shown (for tests). */
    LiveMapView mapView() {
        return view;
    }

    MapLegend legend() {
        return legend;
    }

    SearchBox searchBox() {
        return searchBox;
    }

    /** Whether the search index is loaded and the box takes queries (for tests). */
    boolean searchReady() {
        return searchBox != null && !searchBox.isDisabled();
    }

    Node root() {
        return root;
    }

    static boolean sameId(QueueRow row, long id) {
        return row != null && Objects.equals(row.getEntry().id(), id);
    }
}
