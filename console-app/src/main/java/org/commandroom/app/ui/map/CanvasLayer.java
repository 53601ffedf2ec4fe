package org.commandroom.app.ui.map;

import javafx.scene.canvas.Canvas;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;

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
    /** While a flight runs (wall): the view the canvas was drawn for; null otherwise. */
    private Viewport flightBase;
    /** The canvas was hidden with a drawing on it (a flight): clear it before drawing again. */
    private boolean drawnHidden;

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
        if (flightBase != null) {
            return; // in a flight its drawing is in the map's composite, scaled there (beginFlight)
        }
        double dx = v.translateX() - drawnTx;
        double dy = v.translateY() - drawnTy;
        if (margin > 0 && !changed && v.zoom() == drawnZoom && v.width() == drawnWidth && v.height() == drawnHeight
                && Math.abs(dx) <= margin && Math.abs(dy) <= margin) {
            canvas.setTranslateX(-margin + dx);
            canvas.setTranslateY(-margin + dy);
            return;
        }
        paintFor(v);
    }

    /** Draws the layer for view {@code v} (the canvas covers it and the margin round it). */
    private void paintFor(Viewport v) {
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
        if (canvas.isVisible() || drawnHidden) {
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        }
        drawnHidden = false;
        draws++;
        Viewport drawn = margin == 0 ? v : new Viewport(v.zoom(), v.translateX() + margin, v.translateY() + margin, w, h);
        canvas.setVisible(isVisible() && paint(g, drawn));
    }

    /**
     * A flight starts (the wall's way, {@code LiveMapView.setRasterWhileMoving}): the layer is drawn once for
     * {@code base} (the flight's end at the lower zoom, whose view holds every view of the flight) and its pixels
     * returned, to be merged into the map's composite and scaled with it; the canvas is hidden until {@link #endFlight}.
     * Scaling the canvas itself cost the software renderer more (a filtered full-window transform every frame) than
     * drawing it. Null when nothing was drawn.
     */
    final WritableImage beginFlight(Viewport base) {
        flightBase = base;
        paintFor(base);
        WritableImage image = null;
        if (canvas.isVisible()) {
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(javafx.scene.paint.Color.TRANSPARENT);
            image = canvas.snapshot(p, null);
        }
        canvas.setVisible(false);
        drawnHidden = true;
        return image;
    }

    /** The flight is over: the next frame draws the canvas for the view then. */
    final void endFlight() {
        if (flightBase != null) {
            flightBase = null;
            changed = true;
            markDirty();
        }
    }

    /** Whether a flight holds the layer hidden, its drawing merged into the composite (for tests). */
    final boolean inFlight() {
        return flightBase != null;
    }

    /** The margin drawn round the view on every side. */
    final double margin() {
        return margin;
    }

    /** How many times the layer was drawn (not just moved), for tests. */
    final long draws() {
        return draws;
    }

    /** Draws the layer; returns false when there was nothing to draw. */
    abstract boolean paint(GraphicsContext g, Viewport v);
}
