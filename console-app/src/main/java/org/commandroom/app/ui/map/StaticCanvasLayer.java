package org.commandroom.app.ui.map;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * A canvas layer for what does not move on its own (areas, places): drawn for the view enlarged by
 * {@link #MARGIN} pixels on every side, and while the map only pans within that margin the drawn
 * canvas is moved instead of drawn again. While the zoom changes by less than a level (wheel, flight)
 * the drawn canvas is scaled, and drawn again once the zoom has rested for {@link #SETTLE_MILLIS}.
 * A resize, new data, a style or selection change ({@link #invalidate()}), a zoom of a level or more
 * draw it again at once. A canvas with nothing on it is hidden.
 */
abstract class StaticCanvasLayer extends ViewportLayer {

    static final double MARGIN = 200;
    /** How long the zoom must rest before a scaled canvas is drawn sharp again. */
    static final long SETTLE_MILLIS = 150;

    protected final Canvas canvas = new Canvas();
    private boolean changed = true;
    private double drawnZoom = Double.NaN;
    private double drawnTx;
    private double drawnTy;
    private double drawnWidth;
    private double drawnHeight;
    private boolean drawnVisible;
    private long draws;
    private final javafx.scene.transform.Affine scaled = new javafx.scene.transform.Affine();
    private final javafx.animation.PauseTransition settle =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(SETTLE_MILLIS));

    StaticCanvasLayer() {
        getChildren().add(canvas);
        settle.setOnFinished(e -> invalidate());
    }

    @Override
    final void contentChanged() {
        changed = true;
    }

    @Override
    final void draw(Viewport v) {
        boolean visible = isVisible();
        double dx = v.translateX() - drawnTx;
        double dy = v.translateY() - drawnTy;
        boolean same = !changed && visible == drawnVisible && v.width() == drawnWidth && v.height() == drawnHeight;
        if (same && v.zoom() == drawnZoom && Math.abs(dx) <= MARGIN && Math.abs(dy) <= MARGIN) {
            canvas.getTransforms().clear();
            canvas.setTranslateX(-MARGIN + dx);
            canvas.setTranslateY(-MARGIN + dy);
            return;
        }
        if (same && Math.abs(v.zoom() - drawnZoom) < 1) {
            // a point drawn at canvas x lies at screen tx + (x - MARGIN - drawnTx) * k now
            double k = Math.pow(2, v.zoom() - drawnZoom);
            canvas.setTranslateX(0);
            canvas.setTranslateY(0);
            scaled.setToTransform(k, 0, v.translateX() - (MARGIN + drawnTx) * k, 0, k, v.translateY() - (MARGIN + drawnTy) * k);
            if (canvas.getTransforms().isEmpty()) {
                canvas.getTransforms().add(scaled);
            }
            settle.playFromStart();
            return;
        }
        settle.stop();
        canvas.getTransforms().clear();
        changed = false;
        drawnVisible = visible;
        drawnZoom = v.zoom();
        drawnTx = v.translateX();
        drawnTy = v.translateY();
        drawnWidth = v.width();
        drawnHeight = v.height();
        double w = v.width() + 2 * MARGIN;
        double h = v.height() + 2 * MARGIN;
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        canvas.setTranslateX(-MARGIN);
        canvas.setTranslateY(-MARGIN);
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (canvas.isVisible()) {
            g.clearRect(0, 0, w, h);
        }
        draws++;
        Viewport wide = new Viewport(v.zoom(), v.translateX() + MARGIN, v.translateY() + MARGIN, w, h);
        canvas.setVisible(visible && paint(g, wide));
    }

    /** How long the zoom must rest before the layer is drawn sharp again (tests lengthen it). */
    void setSettleDelay(java.time.Duration d) {
        settle.setDuration(javafx.util.Duration.millis(d.toMillis()));
    }

    /** How many times the layer was drawn (not just moved), for tests. */
    long draws() {
        return draws;
    }

    /** Draws the layer for the given (enlarged) view; returns false when there was nothing to draw. */
    abstract boolean paint(GraphicsContext g, Viewport v);
}
