package org.commandroom.app.ui.main;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.I18n;

/**
 * The region reserved for the live map. It says plainly that the map is not here yet; it does not
 * draw anything that could be mistaken for one.
 */
final class MapPlaceholder {

    private final VBox root = new VBox();

    MapPlaceholder(I18n i18n) {
        Label title = new Label(i18n.tr("map.placeholder.title"));
        title.getStyleClass().add("placeholder-title");
        Label detail = new Label(i18n.tr("map.placeholder.detail"));
        detail.getStyleClass().add("placeholder-detail");
        detail.setWrapText(true);
        root.getChildren().addAll(title, detail);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().addAll("panel", "map-placeholder");
        root.setId("map-placeholder");
    }

    Node root() {
        return root;
    }
}
