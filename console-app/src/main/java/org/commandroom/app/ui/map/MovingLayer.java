package org.commandroom.app.ui.map;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;

/**
 * What moves or changes by itself, on one canvas: patrol units, incidents (with their pulse) and the
 * search mark, and every name on the map (of these and of the places and areas under them), placed together so
 * that none overlaps another ({@link MapLabels}). One canvas rather than three: on the software pipeline each full-window layer is
 * blended on every frame. It is drawn again when any of them changes (a unit reports, an incident
 * pulses, the ages tick, the selection or a toggle changes) or the zoom does; a pan within its
 * margin only moves it.
 */
final class MovingLayer extends CanvasLayer {

    private final List<OverlayLayer.Painter> painters;
    private final MapLabels labels;
    private long paints;
    private long paintNanos;

    /** Drawn this far beyond the view on every side, so that a pan moves it instead of drawing it again. */
    static final double MARGIN = 120;

    MovingLayer(List<OverlayLayer.Painter> painters, MapLabels labels) {
        super(MARGIN);
        this.painters = List.copyOf(painters);
        this.labels = labels;
    }

    /** The painters draw their symbols and offer their labels; then the labels that fit are drawn over everything. */
    @Override
    boolean paint(GraphicsContext g, Viewport v) {
        long t0 = System.nanoTime();
        labels.clear();
        boolean any = false;
        for (OverlayLayer.Painter p : painters) {
            any |= p.paint(g, v);
        }
        boolean drawn = labels.draw(g) > 0 || any;
        paints++;
        paintNanos += System.nanoTime() - t0;
        return drawn;
    }

    /** Mean time to draw the layer (symbols and placed labels), in milliseconds (for the benchmark). */
    double meanPaintMillis() {
        return paints == 0 ? 0 : paintNanos / 1e6 / paints;
    }
}
