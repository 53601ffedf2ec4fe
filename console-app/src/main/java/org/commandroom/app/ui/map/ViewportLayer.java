package org.commandroom.app.ui.map;

import javafx.scene.Parent;
import javafx.scene.layout.Region;

import com.gluonhq.maps.MapLayer;

/**
 * A Gluon map layer that redraws whenever the base map moves or zooms (its translation and zoom
 * are watched directly, since {@code MapView.getCenter()} does not follow mouse drags), and that
 * knows the current {@link Viewport}.
 */
abstract class ViewportLayer extends MapLayer {

    @Override
    protected void initialize() {
        baseMap.translateXProperty().addListener(o -> markDirty());
        baseMap.translateYProperty().addListener(o -> markDirty());
        baseMap.zoom().addListener(o -> markDirty());
        setManaged(false);
        setPickOnBounds(false);
        setMouseTransparent(true);
    }

    /**
     * Keeps the base map's translation on whole pixels (Gluon moves it by fractions while dragging
     * and zooming): on the software pipeline an image drawn at a fractional offset is resampled,
     * pixel by pixel, and every tile and full-window layer would be on every frame.
     */
    final void snapToWholePixels() {
        javafx.beans.value.ChangeListener<Number> snap = (o, was, now) -> {
            double v = now.doubleValue();
            double r = Math.rint(v);
            if (v != r && !Double.isNaN(v)) {
                ((javafx.beans.property.DoubleProperty) o).set(r);
            }
        };
        baseMap.translateXProperty().addListener(snap);
        baseMap.translateYProperty().addListener(snap);
    }

    /** Hides Gluon's tile nodes (the tiles are still asked for, and shared through MapTiles' cache). */
    final void hideBaseMapTiles() {
        baseMap.setVisible(false);
    }

    /** Asks for a redraw on the next pulse (data or style changed). */
    final void invalidate() {
        contentChanged();
        markDirty();
    }

    /** Called when the layer's data or style changed (not when the map moved). */
    void contentChanged() {
    }

    Viewport viewport() {
        Parent parent = getParent();
        double w = parent instanceof Region r ? r.getWidth() : 0;
        double h = parent instanceof Region r ? r.getHeight() : 0;
        return new Viewport(baseMap.zoom().get(), baseMap.getTranslateX(), baseMap.getTranslateY(), w, h);
    }

    /** Zooms by {@code delta} levels keeping the map point under the pivot (view pixels) in place. */
    void zoomAround(double delta, double pivotX, double pivotY) {
        baseMap.zoom(delta, pivotX, pivotY);
    }

    boolean attached() {
        return baseMap != null && getParent() != null && getScene() != null;
    }

    @Override
    protected final void layoutLayer() {
        if (attached()) {
            draw(viewport());
        }
    }

    abstract void draw(Viewport v);
}
