package org.commandroom.app.ui.map;

import java.util.EnumMap;
import java.util.Map;

import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.commandroom.app.ui.common.I18n;

/**
 * The legend over the map: every layer with its symbol and a check box that switches it (bound to the
 * view model), the key that toggles it, and a help mark whose tooltip lists the map's keys. A layer
 * switched on but not shown at the current zoom (communities, micro-grids, places zoomed out) is
 * greyed and says from which zoom it appears.
 */
public final class MapLegend extends VBox {

    private final Map<MapLayerId, CheckBox> boxes = new EnumMap<>(MapLayerId.class);
    private final Map<MapLayerId, Canvas> symbols = new EnumMap<>(MapLayerId.class);
    private final VBox rows = new VBox();
    private final LiveMapViewModel vm;
    private final I18n i18n;
    private final javafx.beans.property.ObjectProperty<GridColouring> colouring =
            new javafx.beans.property.SimpleObjectProperty<>(this, "colouring", GridColouring.RISK_GRADE);
    /** The rule of the colouring chosen, under the choice (分色预警). */
    private final Label rule = new Label();
    private final javafx.beans.property.BooleanProperty open = new javafx.beans.property.SimpleBooleanProperty(this, "open", true);
    private final HBox head;
    private final javafx.scene.control.Button unfold = new javafx.scene.control.Button();

    public MapLegend(LiveMapViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("map-legend");
        getStyleClass().add("map-legend");
        Label title = new Label(i18n.tr("map.legend.title"));
        title.setId("map-legend-title");
        title.getStyleClass().add("map-legend-title");
        // Folded, the legend is one small button: on a small map the list covers too much. A click on the title or
        // the fold mark folds it; the main window keeps the state for the session (MapLayerToggles).
        title.setOnMouseClicked(e -> open.set(false));
        javafx.scene.control.Button fold = new javafx.scene.control.Button("▴");
        fold.setId("map-legend-fold");
        fold.getStyleClass().addAll("map-legend-fold", "flat");
        fold.setFocusTraversable(false);
        fold.setTooltip(new Tooltip(i18n.tr("map.legend.fold")));
        fold.setOnAction(e -> open.set(false));
        unfold.setId("map-legend-open");
        unfold.getStyleClass().add("map-legend-open");
        unfold.setText(i18n.tr("map.legend.title") + " ▾");
        unfold.setFocusTraversable(false);
        unfold.setTooltip(new Tooltip(i18n.tr("map.legend.unfold")));
        unfold.setOnAction(e -> open.set(true));
        Label help = new Label("?");
        help.setId("map-legend-help");
        help.getStyleClass().add("map-legend-help");
        Tooltip keys = new Tooltip(keyHelp(i18n));
        keys.setShowDelay(Duration.millis(150));
        keys.setShowDuration(Duration.INDEFINITE);
        help.setTooltip(keys);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        head = new HBox(6, title, spacer, help, fold);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, rows);
        open.addListener((o, was, is) -> showOpen(is));
        rows.getStyleClass().add("map-legend-rows");
        for (MapLayerId id : MapLayerId.values()) {
            CheckBox box = new CheckBox(name(i18n, id));
            javafx.beans.Observable data = vm.layerDataProperty(id);
            if (data != null) {
                // A layer with nothing stored says so (a bureau sees which layers it has not imported yet).
                data.addListener(o -> showEmpty(id, box));
            }
            box.setId("legend-" + id.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            box.selectedProperty().bindBidirectional(vm.layerVisibleProperty(id));
            Canvas symbol = new Canvas(20, 12);
            symbols.put(id, symbol);
            box.setGraphic(symbol);
            Tooltip tip = new Tooltip(i18n.tr("map.legend.toggleKey", id.keyLabel())
                    + (id.minZoom() > 0 ? "\n" + i18n.tr("map.legend.fromZoom", (int) id.minZoom()) : "")
                    + (id == MapLayerId.HOUSES ? "\n" + i18n.tr("map.house.rule") : ""));
            tip.setShowDelay(Duration.millis(300));
            box.setTooltip(tip);
            boxes.put(id, box);
            if (id == MapLayerId.HOUSES) {
                // the grades on the layer's own row: a layer adds one row to the legend, no more
                HBox row = new HBox(6, box, houseGrades(i18n));
                row.setAlignment(Pos.CENTER_LEFT);
                rows.getChildren().add(row);
            } else {
                rows.getChildren().add(box);
            }
            if (data != null) {
                showEmpty(id, box);
            }
        }
        // A base map with no roads or water says so, with where to get one (docs/LIVE-MAP.md)
        Label noBaseMap = new Label(i18n.tr("map.legend.baseMapEmpty"));
        noBaseMap.setId("legend-base-map-empty");
        noBaseMap.getStyleClass().add("map-legend-note");
        noBaseMap.setWrapText(true);
        noBaseMap.setMaxWidth(220);
        noBaseMap.setTooltip(new Tooltip(i18n.tr("map.legend.baseMapEmpty.how")));
        noBaseMap.visibleProperty().bind(vm.baseMapEmptyProperty());
        noBaseMap.managedProperty().bind(vm.baseMapEmptyProperty());
        rows.getChildren().add(noBaseMap);
        vm.gridFillProperty().addListener(o -> paintSymbols());
        paintSymbols();
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        // The legend lies over the map: its rows must not hold the map pane open against the panels under it (the
        // split between map and orders). On a map shorter than the list the rows run over the map's foot; fold it.
        setMinHeight(0);
    }

    /**
     * The houses' colour rule beside their check box: one swatch per grade, 1 star (red, high risk) to 5 (green, well
     * managed), each named; the tooltip states the rule in words.
     */
    private HBox houseGrades(I18n i18n) {
        HBox grades = new HBox(3);
        grades.setId("legend-house-grades");
        grades.getStyleClass().add("map-legend-grades");
        Tooltip rule = new Tooltip(i18n.tr("map.house.rule"));
        rule.setShowDelay(Duration.millis(300));
        for (int stars = 1; stars <= 5; stars++) {
            Canvas swatch = new Canvas(8, 8);
            GraphicsContext g = swatch.getGraphicsContext2D();
            g.setFill(MapPalette.fx(HouseSet.colourOf(stars)));
            g.fillPolygon(new double[] {4, 8, 4, 0}, new double[] {0, 4, 8, 4}, 4);
            Label grade = new Label(i18n.tr("map.house.stars", stars), swatch);
            grade.setId("legend-house-grade-" + stars);
            grade.setMinWidth(Region.USE_PREF_SIZE);
            grade.setTooltip(rule);
            grades.getChildren().add(grade);
        }
        grades.setAlignment(Pos.CENTER_LEFT);
        return grades;
    }

    /** The grades as the legend names them, 1 star first (for tests). */
    java.util.List<String> houseGradeNames() {
        HBox grades = (HBox) rows.lookup("#legend-house-grades");
        return grades.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    /**
     * Adds the choice of what colours the police grids (risk grade, Ping'an index, station's prevention
     * index) under the rows; whoever offers it follows {@link #colouringProperty()} and sets the fill.
     */
    public void offerColourings(java.util.List<GridColouring> choices) {
        rule.setId("legend-colouring-rule");
        rule.setWrapText(true);
        rule.setMaxWidth(260);
        rule.getStyleClass().add("map-legend-rule");
        showRule(null);
        javafx.scene.control.ComboBox<GridColouring> box = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(choices));
        box.setId("legend-colouring");
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(GridColouring c) {
                return c == null ? "" : i18n.tr(switch (c) {
                    case RISK_GRADE -> "map.colouring.riskGrade";
                    case PING_AN -> "map.colouring.pingAn";
                    case STATION_INDEX -> "map.colouring.stationIndex";
                    case STATION_AREA -> "map.colouring.stationArea";
                    case COMMUNITY_RISK -> "map.colouring.communityRisk";
                });
            }

            @Override
            public GridColouring fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(colouring);
        box.setMaxWidth(Double.MAX_VALUE);
        Label label = new Label(i18n.tr("map.colouring.title"));
        label.getStyleClass().add("map-legend-colouring");
        rows.getChildren().addAll(label, box, rule);
    }

    /** The rule of the colouring chosen, in words under the choice (分色预警); null or blank shows none. */
    public void showRule(String text) {
        boolean show = text != null && !text.isBlank();
        rule.setText(show ? text : "");
        rule.setVisible(show);
        rule.setManaged(show);
    }

    /** The rule shown under the choice ("" when none; tests). */
    public String ruleText() {
        return rule.isVisible() ? rule.getText() : "";
    }

    /** What the police grids are coloured by (the legend's choice). */
    public javafx.beans.property.ObjectProperty<GridColouring> colouringProperty() {
        return colouring;
    }

    private void showEmpty(MapLayerId id, CheckBox box) {
        boolean empty = vm.layerEmpty(id);
        box.setText(empty ? i18n.tr("map.legend.empty", name(i18n, id)) : name(i18n, id));
        if (id == MapLayerId.HOUSES) {
            // no houses, no grades to explain: the row keeps the legend's width with its "empty" mark
            javafx.scene.Node grades = rows.lookup("#legend-house-grades");
            if (grades != null) {
                grades.setVisible(!empty);
                grades.setManaged(!empty);
            }
        }
        box.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("empty"), empty);
    }

    /** Greys the layers that are on but not shown at this zoom. Call when the zoom changes. */
    public void showZoom(double zoom) {
        boxes.forEach((id, box) -> box.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("hidden-at-zoom"), !id.shownAt(zoom)));
    }

    public CheckBox box(MapLayerId id) {
        return boxes.get(id);
    }

    /** The layer's name as the legend shows it. */
    public static String name(I18n i18n, MapLayerId id) {
        return switch (id) {
            case DISTRICT -> i18n.tr("map.layer.district");
            case STATION_AREAS -> i18n.tr("map.layer.stationAreas");
            case POLICE_GRIDS -> i18n.tr("map.layer.policeGrids");
            case COMMUNITIES -> i18n.tr("map.layer.communities");
            case MICRO_GRIDS -> i18n.tr("map.layer.microGrids");
            case PATROL_ZONES -> i18n.tr("map.layer.patrolZones");
            case DEPLOYMENT_POINTS -> i18n.tr("map.layer.deploymentPoints");
            case KEY_PLACES -> i18n.tr("map.layer.keyPlaces");
            case POLICE_OFFICES -> i18n.tr("map.layer.policeOffices");
            case HOUSES -> i18n.tr("map.layer.houses");
            case CAMERAS -> i18n.tr("map.layer.cameras");
            case UNITS -> i18n.tr("map.layer.units");
            case INCIDENTS -> i18n.tr("map.layer.incidents");
        };
    }

    /** The keys of the map, one per line (the help tooltip). */
    public static String keyHelp(I18n i18n) {
        return String.join("\n", i18n.tr("map.keys.zoom"), i18n.tr("map.keys.pan"), i18n.tr("map.keys.search"),
                i18n.tr("map.keys.layers"), i18n.tr("map.keys.escape"), i18n.tr("map.keys.circle"),
                i18n.tr("map.keys.polygon"));
    }

    private void paintSymbols() {
        symbols.forEach((id, c) -> paint(c.getGraphicsContext2D(), id, c.getWidth(), c.getHeight()));
    }

    private void paint(GraphicsContext g, MapLayerId id, double w, double h) {
        g.clearRect(0, 0, w, h);
        g.setLineDashes();
        double cx = w / 2;
        double cy = h / 2;
        switch (id) {
            case DISTRICT -> {
                g.setStroke(MapPalette.fx(MapPalette.DISTRICT_OUTLINE));
                g.setLineWidth(2.5);
                g.strokeRect(2, 2, w - 4, h - 4);
            }
            case STATION_AREAS -> {
                g.setStroke(MapPalette.fx(MapPalette.STATION_AREA));
                g.setLineWidth(2);
                g.setLineDashes(6, 2, 2, 2);
                g.strokeRect(2, 2, w - 4, h - 4);
            }
            case POLICE_GRIDS -> {
                int[] colours = vm.gridFillProperty().get().legendColours();
                double part = (w - 2) / Math.max(1, colours.length);
                for (int i = 0; i < colours.length; i++) {
                    g.setFill(MapPalette.fx(colours[i], 0.55));
                    g.fillRect(1 + i * part, 1, part, h - 2);
                }
                g.setStroke(MapPalette.fx(MapPalette.AREA_LABEL));
                g.setLineWidth(1);
                g.strokeRect(1, 1, w - 2, h - 2);
            }
            case COMMUNITIES -> {
                g.setStroke(MapPalette.fx(MapPalette.GRADE_ORANGE));
                g.setLineWidth(2);
                g.setLineDashes(5, 3);
                g.strokeRect(2, 2, w - 4, h - 4);
            }
            case MICRO_GRIDS -> {
                g.setStroke(MapPalette.fx(MapPalette.MICRO_GRID));
                g.setLineWidth(1);
                g.strokeRect(1, 1, w - 2, h - 2);
                g.strokeLine(cx, 1, cx, h - 1);
                g.strokeLine(1, cy, w - 1, cy);
            }
            case PATROL_ZONES -> {
                g.setFill(MapPalette.fx(MapPalette.PATROL_ZONE, 0.2));
                g.fillOval(2, 1, w - 4, h - 2);
                g.setStroke(MapPalette.fx(MapPalette.PATROL_ZONE));
                g.setLineWidth(1.5);
                g.setLineDashes(4, 3);
                g.strokeOval(2, 1, w - 4, h - 2);
            }
            case DEPLOYMENT_POINTS, KEY_PLACES, POLICE_OFFICES -> PlaceLayer.symbol(g, id, cx, cy, 0.9);
            case HOUSES -> HouseLayer.symbol(g, w, h);
            case CAMERAS -> {
                int[] colours = {MapPalette.CAMERA_SKYNET, MapPalette.CAMERA_XUELIANG, MapPalette.CAMERA_CLASS1,
                    MapPalette.CAMERA_SOCIAL};
                for (int i = 0; i < colours.length; i++) {
                    g.setFill(MapPalette.fx(colours[i]));
                    g.fillRect(2 + i * 5, cy - 2, 4, 4);
                }
            }
            case UNITS -> {
                g.setFill(MapPalette.fx(MapPalette.UNIT_AVAILABLE));
                double[] xs = {cx, cx + 5, cx, cx - 5};
                double[] ys = {cy - 6, cy + 6, cy + 3, cy + 6};
                g.fillPolygon(xs, ys, 4);
            }
            case INCIDENTS -> {
                g.setFill(MapPalette.fx(MapPalette.PRIORITY_1));
                g.fillOval(cx - 6, cy - 6, 12, 12);
                g.setStroke(MapPalette.fx(MapPalette.TEXT));
                g.setLineWidth(1.5);
                g.strokeOval(cx - 6, cy - 6, 12, 12);
            }
        }
    }

    /** Whether the legend shows its layers (true) or is folded to one button (false). */
    public javafx.beans.property.BooleanProperty openProperty() {
        return open;
    }

    /** Whether the layer list is unfolded. */
    public boolean isOpen() {
        return open.get();
    }

    private void showOpen(boolean show) {
        if (show) {
            getChildren().setAll(head, rows);
            getStyleClass().remove("folded");
        } else {
            getChildren().setAll(unfold);
            getStyleClass().add("folded");
        }
    }
}
