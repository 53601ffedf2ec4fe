package org.commandroom.app.ui.map;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;

/**
 * What moves or changes by itself, on one canvas: patrol units, incidents (with their pulse) and the
 * search mark. One canvas rather than three: on the software pipeline each full-window layer is
 * blended on every frame. It is drawn again when any of them changes (a unit reports, an incident
 * pulses, the ages tick, the selection or a toggle changes) or the zoom does; a pan within its
 * margin only moves it.
 */
final class MovingLayer extends CanvasLayer {

    private final List<OverlayLayer.Painter> painters;

    /** Drawn this far beyond the view on every side, so that a pan moves it instead of drawing it again. */
    static final double MARGIN = 120;

    MovingLayer(List<OverlayLayer.Painter> painters) {
        super(MARGIN);
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
