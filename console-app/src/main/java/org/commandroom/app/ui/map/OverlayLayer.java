package org.commandroom.app.ui.map;

import java.nio.IntBuffer;
import java.util.List;

import javafx.animation.PauseTransition;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * Everything on the map that does not move by itself, as <b>one opaque image</b>: the base map's
 * tiles at the exact zoom ({@link BaseTiles}), then the areas and places (police grids, micro-grids,
 * communities, patrol zones, deployment points, police offices, key places, painted in that order on
 * an off-screen canvas and blended in), then the cameras ({@link CameraLayer}) and the houses
 * ({@link HouseLayer}), written straight into the pixels. Gluon's own tile nodes are hidden.
 *
 * <p>Why one image: on the software pipeline every full-window layer is blended on every frame, an
 * image at a fractional offset or scaled with filtering is resampled pixel by pixel, and Gluon scales
 * every tile node at a zoom between levels. Here a frame while panning is one whole-pixel copy.
 *
 * <p>The image is composed for the view enlarged by {@link #MARGIN} pixels on every side; while the
 * map only pans within that margin it is moved (by whole pixels: the map's translation is kept on
 * whole pixels) instead of composed again. While the zoom changes by less than a level (wheel,
 * flight) the composed image is scaled here into the image shown (nearest pixel, the part in view:
 * cheap, and brief) and composed sharp once the zoom has rested {@link #SETTLE_MILLIS}. A resize, new data, a style, visibility or
 * selection change ({@link #invalidate()}), a zoom of a level or more, or tiles arriving compose it
 * again at once.
 */
final class OverlayLayer extends ViewportLayer {

    /** One layer's drawing on the shared canvas. */
    interface Painter {
        /** Paints the layer if it is on and shown at this zoom; returns whether anything was drawn. */
        boolean paint(GraphicsContext g, Viewport v);
    }

    /** A layer written straight into the composite's pixels after the cameras (the houses), never a node per point. */
    interface RasterPainter {
        /** Writes the layer into {@code px} ({@code w} x {@code h}, premultiplied ARGB) for viewport {@code v}. */
        void paintInto(int[] px, int w, int h, Viewport v);
    }

    static final double MARGIN = 200;
    /** How long the zoom must rest before a scaled image is composed sharp again. */
    static final long SETTLE_MILLIS = 150;
    /**
     * While tiles are loading, how often those that arrived are composed in. Each compose is a full-image pass on the FX thread (60-100 ms at
     * 1600x900 on the software pipeline); at start-up, when the tiles stream in, polling every 60 ms kept the FX
     * thread composing and held the queue's first frame back by about a second.
     */
    private static final long TILE_POLL_MILLIS = 250;

    private final List<Painter> painters;
    private final CameraLayer cameras;
    private final List<RasterPainter> rasters;
    private final BaseTiles tiles = new BaseTiles();
    private final Canvas canvas = new Canvas();
    private final SnapshotParameters snapshotParameters = new SnapshotParameters();
    private final ImageView shown = new ImageView();
    private final PauseTransition settle = new PauseTransition(Duration.millis(SETTLE_MILLIS));
    private final PauseTransition tilePoll = new PauseTransition(Duration.millis(TILE_POLL_MILLIS));

    private PixelBuffer<IntBuffer> buffer;
    /** What is shown: {@link #composed}, or it scaled while the zoom moves. */
    private int[] pixels = new int[0];
    /** The image as composed at {@link #drawnZoom}. */
    private int[] composed = new int[0];
    private int[] columns = new int[0];
    private boolean scaledShown;
    private long scales;
    private boolean scaleWhileMoving;
    /** While a flight runs (wall): the view of its end at the lower zoom; null otherwise. */
    private Viewport flightBase;
    /** The image composed before {@link #composed} (wall), for a flight back to its view. */
    private int[] previous = new int[0];
    private boolean previousValid;
    private double previousZoom;
    private double previousTx;
    private double previousTy;
    private long swaps;
    /** During a flight (wall): the composite with the units, incidents and names blended over it. */
    private int[] flightSource = new int[0];
    /** The zoom rested after the image was shown scaled: compose it for the view now. */
    private boolean settled;
    private int[] overlayPixels = new int[0];
    private WritableImage overlayImage;
    private int width;
    private int height;

    private boolean changed = true;
    private double drawnZoom = Double.NaN;
    private double drawnTx;
    private double drawnTy;
    private double drawnWidth;
    private double drawnHeight;
    private long draws;
    private long composeNanos;
    private boolean overlayDrawn;
    /** Tiles came since the image was composed: compose it again, the areas and places as they were painted. */
    private boolean tilesArrived;

    OverlayLayer(List<Painter> painters, CameraLayer cameras) {
        this(painters, cameras, List.of());
    }

    /** With {@code rasters} written over the cameras, in order. */
    OverlayLayer(List<Painter> painters, CameraLayer cameras, List<RasterPainter> rasters) {
        this.painters = List.copyOf(painters);
        this.cameras = cameras;
        this.rasters = List.copyOf(rasters);
        shown.setSmooth(false);
        shown.setMouseTransparent(true);
        getChildren().add(shown);
        snapshotParameters.setFill(Color.TRANSPARENT);
        // composed again for the view now; not invalidate(): the data did not change, and the image kept from before
        // (a flight back to it) stays good
        settle.setOnFinished(e -> {
            settled = true;
            markDirty();
        });
        tilePoll.setOnFinished(e -> {
            if (scaledShown) {
                return; // scaled while the zoom moves: composed (with the tiles that came) once it rests
            }
            if (tiles.harvest()) {
                tilesArrived = true;
                markDirty();
            } else if (tiles.hasPending()) {
                tilePoll.playFromStart();
            }
        });
    }

    @Override
    void contentChanged() {
        changed = true;
        previousValid = false;
    }

    /**
     * The wall's way (off by default): during a flight the image is not composed again at each level crossed but scaled
     * from the one composed for the flight's lower-zoom end, and the image composed before the last one is kept, so
     * that a flight back to the view before (the wall's return to its district) starts without composing.
     */
    void setScaleWhileMoving(boolean on) {
        scaleWhileMoving = on;
        if (!on) {
            previous = new int[0];
            flightSource = new int[0];
            previousValid = false;
        }
    }

    /**
     * A flight starts (wall): the image for {@code base}, the flight's end at the lower zoom, whose view holds every
     * view of the flight, is made ready (the one shown, the one kept from before, or composed now); {@code top} (the
     * units, incidents and names drawn for the same view with {@code topMargin} round it, or null) is blended over a
     * copy of it, and each frame until {@link #endFlight} shows that copy scaled to the view: one image for the renderer.
     */
    void beginFlight(Viewport base, WritableImage top, double topMargin) {
        if (!covers(base, drawnZoom, drawnTx, drawnTy, drawnWidth, drawnHeight) || changed || buffer == null) {
            if (previousValid && !changed && buffer != null
                    && covers(base, previousZoom, previousTx, previousTy, drawnWidth, drawnHeight)) {
                swapWithPrevious();
            } else {
                compose(base, false);
            }
        }
        flightBase = base;
        if (flightSource.length != composed.length) {
            flightSource = new int[composed.length];
        }
        System.arraycopy(composed, 0, flightSource, 0, composed.length);
        if (top != null) {
            blendAt(top, (int) Math.round(MARGIN - topMargin + drawnTx - base.translateX()),
                    (int) Math.round(MARGIN - topMargin + drawnTy - base.translateY()));
        }
        markDirty();
    }

    /** Blends {@code top}'s pixels over {@link #flightSource}, its top-left at image pixel (ox, oy). */
    private void blendAt(WritableImage top, int ox, int oy) {
        int tw = (int) top.getWidth();
        int th = (int) top.getHeight();
        int[] row = new int[tw];
        javafx.scene.image.PixelReader reader = top.getPixelReader();
        for (int y = 0; y < th; y++) {
            int dy = oy + y;
            if (dy < 0 || dy >= height) {
                continue;
            }
            reader.getPixels(0, y, tw, 1, PixelFormat.getIntArgbPreInstance(), row, 0, tw);
            int out = dy * width;
            for (int x = 0; x < tw; x++) {
                int s = row[x];
                int a = s >>> 24;
                int dx = ox + x;
                if (a == 0 || dx < 0 || dx >= width) {
                    continue;
                }
                flightSource[out + dx] = a == 255 ? s : over(s, flightSource[out + dx], a);
            }
        }
    }

    /** The flight is over: the next frame shows the image composed, or scales it until the zoom rests. */
    void endFlight() {
        if (flightBase != null) {
            flightBase = null;
            markDirty();
        }
    }

    /** Whether an image composed at (zoom, tx, ty) for a view of that size serves view {@code v} moved by whole pixels. */
    private static boolean covers(Viewport v, double zoom, double tx, double ty, double w, double h) {
        return v.zoom() == zoom && v.width() == w && v.height() == h
                && Math.abs(v.translateX() - tx) <= MARGIN && Math.abs(v.translateY() - ty) <= MARGIN;
    }

    private void swapWithPrevious() {
        int[] c = composed;
        composed = previous;
        previous = c;
        double z = drawnZoom;
        double x = drawnTx;
        double y = drawnTy;
        drawnZoom = previousZoom;
        drawnTx = previousTx;
        drawnTy = previousTy;
        previousZoom = z;
        previousTx = x;
        previousTy = y;
        System.arraycopy(composed, 0, pixels, 0, composed.length);
        buffer.updateBuffer(b -> null);
        scaledShown = false;
        swaps++;
    }

    @Override
    void draw(Viewport v) {
        if (flightBase != null) {
            showScaled(v, flightSource);
            return;
        }
        if (settled) {
            settled = false;
            compose(v, false);
            return;
        }
        double dx = v.translateX() - drawnTx;
        double dy = v.translateY() - drawnTy;
        boolean same = !changed && v.width() == drawnWidth && v.height() == drawnHeight;
        boolean withinMargin = Math.abs(dx) <= MARGIN && Math.abs(dy) <= MARGIN;
        if (same && v.zoom() == drawnZoom && withinMargin) {
            if (tilesArrived) {
                // the areas, places and cameras are where they were: only the tiles under them change
                compose(new Viewport(drawnZoom, drawnTx, drawnTy, drawnWidth, drawnHeight), true);
            } else if (scaledShown) {
                System.arraycopy(composed, 0, pixels, 0, composed.length);
                buffer.updateBuffer(b -> null);
                scaledShown = false;
            }
            shown.setTranslateX(-MARGIN + dx);
            shown.setTranslateY(-MARGIN + dy);
            return;
        }
        if (same && Math.abs(v.zoom() - drawnZoom) < 1) {
            showScaled(v);
            settle.playFromStart();
            return;
        }
        compose(v, false);
    }

    /**
     * Shows the composed image scaled to the zoom now (a zoom of less than a level since it was
     * composed): resampled here, nearest pixel, for the part of the image in view only, so that the
     * renderer copies an image at whole pixels instead of scaling one.
     */
    private void showScaled(Viewport v) {
        showScaled(v, composed);
    }

    /** {@link #showScaled(Viewport)} from {@code src} (an image of the composite's size and view). */
    private void showScaled(Viewport v, int[] src) {
        // a point composed at image x lies at screen tx + (x - MARGIN - drawnTx) * k now
        double k = Math.pow(2, v.zoom() - drawnZoom);
        int w = width;
        int m = (int) MARGIN;
        int vw = Math.min(w - m, (int) Math.ceil(v.width()));
        int vh = Math.min(height - m, (int) Math.ceil(v.height()));
        if (columns.length < w) {
            columns = new int[w];
        }
        for (int x = m; x < m + vw; x++) {
            int xi = (int) Math.floor((x - MARGIN + 0.5 - v.translateX()) / k + MARGIN + drawnTx);
            columns[x] = xi >= 0 && xi < w ? xi : -1;
        }
        int[] dst = pixels;
        for (int y = m; y < m + vh; y++) {
            int yi = (int) Math.floor((y - MARGIN + 0.5 - v.translateY()) / k + MARGIN + drawnTy);
            int out = y * w;
            if (yi < 0 || yi >= height) {
                java.util.Arrays.fill(dst, out + m, out + m + vw, MapPalette.LAND);
                continue;
            }
            int row = yi * w;
            for (int x = m; x < m + vw; x++) {
                int xi = columns[x];
                dst[out + x] = xi < 0 ? MapPalette.LAND : src[row + xi];
            }
        }
        javafx.geometry.Rectangle2D dirty = new javafx.geometry.Rectangle2D(m, m, vw, vh);
        buffer.updateBuffer(b -> dirty);
        scaledShown = true;
        scales++;
        shown.setTranslateX(-MARGIN);
        shown.setTranslateY(-MARGIN);
    }

    /** Composes the image for {@code v}; with {@code tilesOnly}, the areas and places painted last time are reused. */
    private void compose(Viewport v, boolean tilesOnly) {
        long t0 = System.nanoTime();
        int cw = (int) Math.ceil(v.width() + 2 * MARGIN);
        int ch = (int) Math.ceil(v.height() + 2 * MARGIN);
        if (scaleWhileMoving && !tilesOnly && !changed && !Double.isNaN(drawnZoom) && cw == width && ch == height
                && !covers(v, drawnZoom, drawnTx, drawnTy, drawnWidth, drawnHeight)) {
            // keep the image shown as the one before: a flight back to it needs no compose
            if (previous.length != composed.length) {
                previous = new int[composed.length];
            }
            int[] c = previous;
            previous = composed;
            composed = c;
            previousZoom = drawnZoom;
            previousTx = drawnTx;
            previousTy = drawnTy;
            previousValid = true;
        }
        settle.stop();
        settled = false;
        tilesArrived = false;
        changed = false;
        drawnZoom = v.zoom();
        drawnTx = v.translateX();
        drawnTy = v.translateY();
        drawnWidth = v.width();
        drawnHeight = v.height();
        int w = (int) Math.ceil(v.width() + 2 * MARGIN);
        int h = (int) Math.ceil(v.height() + 2 * MARGIN);
        ensureSize(w, h);
        shown.setTranslateX(-MARGIN);
        shown.setTranslateY(-MARGIN);
        draws++;
        Viewport wide = new Viewport(v.zoom(), v.translateX() + MARGIN, v.translateY() + MARGIN, w, h);

        tiles.drawInto(composed, w, h, wide.zoom(), wide.translateX(), wide.translateY());
        if (!tilesOnly) {
            paintOverlay(wide, w, h);
        }
        if (overlayDrawn) {
            blendOverlay();
        }
        cameras.paintInto(composed, w, h, wide);
        if (isVisible()) {
            for (RasterPainter r : rasters) {
                r.paintInto(composed, w, h, wide);
            }
        }
        System.arraycopy(composed, 0, pixels, 0, composed.length);
        scaledShown = false;
        buffer.updateBuffer(b -> null);
        if (tiles.hasPending()) {
            tilePoll.playFromStart();
        }
        composeNanos += System.nanoTime() - t0;
    }

    /** Mean time to compose the image, in milliseconds (for the benchmark). */
    double meanComposeMillis() {
        return draws == 0 ? 0 : composeNanos / 1e6 / draws;
    }

    /** Paints areas and places on the off-screen canvas and takes its pixels. */
    private void paintOverlay(Viewport wide, int w, int h) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (overlayDrawn) {
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        }
        boolean any = false;
        if (isVisible()) {
            for (Painter p : painters) {
                any |= p.paint(g, wide);
            }
        }
        overlayDrawn = any;
        if (any) {
            canvas.snapshot(snapshotParameters, overlayImage);
            overlayImage.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), overlayPixels, 0, w);
        }
    }

    /** Blends the areas and places over the base map. */
    private void blendOverlay() {
        int[] dst = composed;
        int[] src = overlayPixels;
        for (int i = 0; i < dst.length; i++) {
            int s = src[i];
            int a = s >>> 24;
            if (a == 0) {
                continue;
            }
            dst[i] = a == 255 ? s : over(s, dst[i], a);
        }
    }

    /** Source-over for premultiplied ARGB. */
    static int over(int s, int d, int srcAlpha) {
        int inv = 255 - srcAlpha;
        int rb = ((d & 0x00FF00FF) * inv + 0x00800080) >>> 8 & 0x00FF00FF;
        int ga = (((d >>> 8) & 0x00FF00FF) * inv + 0x00800080) & 0xFF00FF00;
        return s + (rb | ga);
    }

    private void ensureSize(int w, int h) {
        if (w == width && h == height && buffer != null) {
            return;
        }
        width = w;
        height = h;
        previousValid = false;
        pixels = new int[w * h];
        composed = new int[w * h];
        overlayPixels = new int[w * h];
        buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
        shown.setImage(new WritableImage(buffer));
        canvas.setWidth(w);
        canvas.setHeight(h);
        overlayImage = new WritableImage(w, h);
        overlayDrawn = true;
    }

    /** How long the zoom must rest before the layer is composed sharp again (tests lengthen it). */
    void setSettleDelay(java.time.Duration d) {
        settle.setDuration(Duration.millis(d.toMillis()));
    }

    /** How many times the image was composed (not just moved or scaled), for tests and the benchmark. */
    long draws() {
        return draws;
    }

    /** The node showing the composed image (for tests: its translation). */
    ImageView shown() {
        return shown;
    }

    /** Whether the image shown is the composed one scaled to a zoom it was not composed at. */
    boolean showsScaled() {
        return scaledShown;
    }

    /** How many times a flight started from the image composed before, instead of composing (for tests). */
    long reusedPrevious() {
        return swaps;
    }

    /** How many frames showed the composed image scaled (for tests). */
    long scales() {
        return scales;
    }

    /** Whether tiles are still coming that will compose the image again when they arrive (for tests). */
    boolean tilesPending() {
        return tiles.hasPending() || tilesArrived;
    }

    /** How many base-map tiles were taken in (for tests). */
    long tilesLoaded() {
        return tiles.loaded();
    }
}
