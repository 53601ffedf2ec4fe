package org.commandroom.app.ui.map;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;

/**
 * What moves or changes by itself, on one canvas drawn again every frame: patrol units, incidents
 * (with their pulse) and the search mark. One canvas rather than three: on the software pipeline each
 * full-window layer is blended on every frame, which costs more than drawing a few hundred markers.
 */
final class MovingLayer extends CanvasLayer {

    private final List<OverlayLayer.Painter> painters;

    MovingLayer(List<OverlayLayer.Painter> painters) {
        this.painters = List.copyOf(painters);
    }

    @Override
    boolean paint(GraphicsContext g, Viewport v) {
        boolean any = false;
        for (OverlayLayer.Painter p : painters) {
            any |= p.paint(g, v);
        }
        return any;
    }
}
