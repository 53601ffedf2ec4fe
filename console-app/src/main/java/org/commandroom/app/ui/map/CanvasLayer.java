package org.commandroom.app.ui.map;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * A layer drawn on one Canvas the size of the view: one node, whatever the number of features. A
 * canvas with nothing on it is hidden, so the software pipeline does not blend an empty
 * full-window texture on every frame.
 */
abstract class CanvasLayer extends ViewportLayer {

    protected final Canvas canvas = new Canvas();

    CanvasLayer() {
        getChildren().add(canvas);
    }

    @Override
    final void draw(Viewport v) {
        if (canvas.getWidth() != v.width() || canvas.getHeight() != v.height()) {
            canvas.setWidth(v.width());
            canvas.setHeight(v.height());
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (canvas.isVisible()) {
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        }
        canvas.setVisible(isVisible() && paint(g, v));
    }

    /** Draws the layer; returns false when there was nothing to draw. */
    abstract boolean paint(GraphicsContext g, Viewport v);
}
