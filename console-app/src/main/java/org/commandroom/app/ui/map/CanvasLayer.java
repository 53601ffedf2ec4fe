package org.commandroom.app.ui.map;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/** A layer drawn on one Canvas the size of the view: one node, whatever the number of features. */
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
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (isVisible()) {
            paint(g, v);
        }
    }

    abstract void paint(GraphicsContext g, Viewport v);
}
