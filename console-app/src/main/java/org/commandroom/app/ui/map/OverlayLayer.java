package org.commandroom.app.ui.map;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;

/**
 * The areas and places of the map (police grids, micro-grids, communities, patrol zones, deployment
 * points, police offices, key places), painted in that order on one canvas. One canvas, not one per
 * layer: on the software pipeline every full-window layer is blended on every frame whether or not it
 * changed, and seven of them cost more than drawing them. Panning moves the drawn canvas
 * ({@link StaticCanvasLayer}); each layer's visibility is checked by its painter.
 */
final class OverlayLayer extends StaticCanvasLayer {

    /** One layer's drawing on the shared canvas. */
    interface Painter {
        /** Paints the layer if it is on and shown at this zoom; returns whether anything was drawn. */
        boolean paint(GraphicsContext g, Viewport v);
    }

    private final List<Painter> painters;

    OverlayLayer(List<Painter> painters) {
        this.painters = List.copyOf(painters);
    }

    @Override
    boolean paint(GraphicsContext g, Viewport v) {
        boolean any = false;
        for (Painter p : painters) {
            any |= p.paint(g, v);
        }
        return any;
    }
}
