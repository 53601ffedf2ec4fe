package org.commandroom.app.ui.main;

import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.MapPointPick;
import org.commandroom.core.geo.GeoPoint;

/**
 * The map pane's side of "pick a point for a form" (F7 in the intake and task forms): takes the forms' requests at
 * the scene while the map is shown, puts the map in picking mode with a banner saying what to do (the legend steps
 * aside meanwhile), and answers once: the point clicked or found, ringed on the map, or cancelled. A new request
 * cancels one still waiting; the map hidden cancels it too.
 */
final class MapPicking {

    private final LiveMapView view;
    private final Node legend;
    private final Label banner = new Label();
    private final EventHandler<MapPointPick.Request> requests = r -> {
        start(r.pick());
        r.consume();
    };
    private MapPointPick active;

    MapPicking(LiveMapView view, Node legend, I18n i18n) {
        this.view = view;
        this.legend = legend;
        banner.setText(i18n.tr("map.pick.banner"));
        banner.setId("map-pick-banner");
        banner.getStyleClass().add("map-pick-banner");
        banner.setVisible(false);
        banner.setMouseTransparent(true);
        banner.setWrapText(true); // the map can be narrow with a side panel open
        StackPane.setAlignment(banner, Pos.BOTTOM_CENTER);
        StackPane.setMargin(banner, new Insets(8, 8, 44, 8));
    }

    /** What to do while the map waits, for the map pane's stack. */
    Label banner() {
        return banner;
    }

    /** Takes the forms' requests in this scene (the map is shown). */
    void attach(Scene scene) {
        scene.removeEventHandler(MapPointPick.REQUESTED, requests);
        scene.addEventHandler(MapPointPick.REQUESTED, requests);
    }

    /** Stops taking requests (the map is hidden); one waiting is cancelled. */
    void detach(Scene scene) {
        if (scene != null) {
            scene.removeEventHandler(MapPointPick.REQUESTED, requests);
        }
        cancel();
    }

    /** Whether a form waits for a point. */
    boolean active() {
        return active != null;
    }

    private void start(MapPointPick pick) {
        cancel();
        active = pick;
        pick.take(this::leave);
        banner.setVisible(true);
        legend.setVisible(false); // the whole map to click on; the legend comes back as it was
        view.pickPoint(this::answer, this::cancel);
    }

    private void leave() {
        active = null;
        banner.setVisible(false);
        legend.setVisible(true);
        if (view.pickingProperty().get()) {
            view.stopPicking();
        }
    }

    /** The point clicked or found (map datum): ringed on the map and handed to the form, which takes the keyboard back. */
    void answer(GeoPoint at) {
        MapPointPick pick = active;
        leave();
        view.viewModel().focusProperty().set(at);
        if (pick != null) {
            pick.picked(at);
        }
    }

    /** Gives up the point asked for, if any (Esc). */
    void cancel() {
        MapPointPick pick = active;
        if (pick == null) {
            return;
        }
        leave();
        pick.cancelled();
    }
}
