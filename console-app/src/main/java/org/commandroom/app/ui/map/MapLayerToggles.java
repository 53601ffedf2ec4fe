package org.commandroom.app.ui.map;

import java.util.EnumMap;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ChangeListener;

/**
 * Which layers the commander switched on or off, and whether he folded the legend, kept for the session: the main window holds one, and
 * every map it builds (after a reconnect, a reload) starts from it and writes back to it.
 */
public final class MapLayerToggles {

    private final Map<MapLayerId, Boolean> on = new EnumMap<>(MapLayerId.class);
    private boolean legendOpen = true;

    public MapLayerToggles() {
        for (MapLayerId id : MapLayerId.values()) {
            on.put(id, true);
        }
    }

    public boolean isOn(MapLayerId id) {
        return on.get(id);
    }

    /** Whether the legend was left open (true) or folded to its button. */
    public boolean isLegendOpen() {
        return legendOpen;
    }

    /** Opens or folds the legend as it was left in this session, and follows it from now on. */
    public void attach(MapLegend legend) {
        legend.openProperty().set(legendOpen);
        legend.openProperty().addListener((o, was, is) -> legendOpen = is);
    }

    /** Sets the view model's layers from the session and follows its changes from now on. */
    public void attach(LiveMapViewModel vm) {
        for (MapLayerId id : MapLayerId.values()) {
            BooleanProperty p = vm.layerVisibleProperty(id);
            p.set(on.get(id));
            ChangeListener<Boolean> keep = (o, was, is) -> on.put(id, is);
            p.addListener(keep);
        }
    }
}
