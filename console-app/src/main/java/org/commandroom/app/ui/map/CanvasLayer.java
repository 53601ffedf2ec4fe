package org.commandroom.app.ui.map;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * A layer drawn on one Canvas the size of the view: one node, whatever the number of features. A
 * canvas with nothing on it is hidden, so the software pipeline does not blend an empty
 * full-window texture on every frame.
 *
 * <p>With a margin, the canvas is drawn for the view enlarged by it on every side, and while the map
 * only pans within the margin and nothing was invalidated, the drawn canvas is moved (by whole
 * pixels) instead of drawn again: replaying hundreds of markers every frame costs the renderer more
 * than the markers change. Without one it is drawn again on every move.
 */
abstract class CanvasLayer extends ViewportLayer {

    protected final Canvas canvas = new Canvas();
    private final double margin;
    private boolean changed = true;
    private double drawnZoom = Double.NaN;
    private double drawnTx;
    private double drawnTy;
    private double drawnWidth;
    private double drawnHeight;
    private long draws;

    CanvasLayer() {
        this(0);
    }

    CanvasLayer(double margin) {
        this.margin = margin;
        getChildren().add(canvas);
    }

    @Override
    final void contentChanged() {
        changed = true;
    }

    @Override
    final void draw(Viewport v) {
        double dx = v.translateX() - drawnTx;
        double dy = v.translateY() - drawnTy;
        if (margin > 0 && !changed && v.zoom() == drawnZoom && v.width() == drawnWidth && v.height() == drawnHeight
                && Math.abs(dx) <= margin && Math.abs(dy) <= margin) {
            canvas.setTranslateX(-margin + dx);
            canvas.setTranslateY(-margin + dy);
            return;
        }
        changed = false;
        drawnZoom = v.zoom();
        drawnTx = v.translateX();
        drawnTy = v.translateY();
        drawnWidth = v.width();
        drawnHeight = v.height();
        double w = v.width() + 2 * margin;
        double h = v.height() + 2 * margin;
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        canvas.setTranslateX(-margin);
        canvas.setTranslateY(-margin);
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (canvas.isVisible()) {
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        }
        draws++;
        Viewport drawn = margin == 0 ? v : new Viewport(v.zoom(), v.translateX() + margin, v.translateY() + margin, w, h);
        canvas.setVisible(isVisible() && paint(g, drawn));
    }

    /** How many times the layer was drawn (not just moved), for tests. */
    final long draws() {
        return draws;
    }

    /** Draws the layer; returns false when there was nothing to draw. */
    abstract boolean paint(GraphicsContext g, Viewport v);
}
