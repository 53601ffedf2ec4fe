package org.commandroom.app.ui.map;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.geo.GeoShape;

/**
 * The area circled (Shift+drag) or drawn (Ctrl+click, Enter) on the map: how many cameras and units are inside, and
 * the actions on it. Shown only while an area is selected; Esc on the map clears it. 对此区域发布预警… is there only
 * when the desk gave an action for it ({@link #offerWarning}): the desk does so for a user who may issue warnings.
 */
public final class AreaSelectionPanel extends VBox {

    /** The largest circle a warning is issued for (CAP's service takes up to 100 km). */
    static final double MAX_RADIUS_METRES = 100_000;
    /** The smallest: a Shift+click without a drag draws no area to warn. */
    static final double MIN_RADIUS_METRES = 10;

    private final LiveMapViewModel vm;
    private final Button warn = new Button();

    public AreaSelectionPanel(LiveMapViewModel vm, I18n i18n) {
        this.vm = vm;
        setId("map-area-panel");
        getStyleClass().addAll("map-area-panel");
        setSpacing(6);
        setAlignment(Pos.TOP_LEFT);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Label title = new Label();
        title.setId("map-area-title");
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr(
                vm.selectionAreaProperty().get() instanceof GeoShape.Circle ? "map.area.circle" : "map.area.polygon"),
                vm.selectionAreaProperty()));
        Label inside = new Label();
        inside.setId("map-area-inside");
        inside.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr("map.area.inside",
                vm.camerasInAreaProperty().size(), vm.unitsInAreaProperty().size()),
                vm.camerasInAreaProperty(), vm.unitsInAreaProperty()));
        warn.setId("map-area-warn");
        warn.setText(i18n.tr("map.area.warn"));
        warn.setMinWidth(Region.USE_PREF_SIZE);
        warn.setVisible(false);
        warn.managedProperty().bind(warn.visibleProperty());
        warn.disableProperty().bind(Bindings.createBooleanBinding(() -> !usable(vm.selectionAreaProperty().get()),
                vm.selectionAreaProperty()));
        getChildren().addAll(title, inside, warn);
        visibleProperty().bind(vm.selectionAreaProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    /** Offers 对此区域发布预警… for the area selected: {@code issue} gets the circle or polygon, in the map's datum. */
    public void offerWarning(Consumer<GeoShape> issue) {
        warn.setOnAction(e -> {
            GeoShape shape = vm.selectionAreaProperty().get();
            if (usable(shape)) {
                issue.accept(shape);
            }
        });
        warn.setVisible(issue != null);
    }

    /** Whether a warning can be issued for {@code shape}: a polygon, or a circle between 10 m and 100 km. */
    static boolean usable(GeoShape shape) {
        if (shape instanceof GeoShape.Circle c) {
            return c.radiusMetres() >= MIN_RADIUS_METRES && c.radiusMetres() <= MAX_RADIUS_METRES;
        }
        return shape instanceof GeoShape.Outline;
    }
}
