package org.commandroom.app.ui.map;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

import org.commandroom.app.ui.map.tiles.MapTiles;

/**
 * The base map's tiles as pixel arrays, drawn into the live map's composite at the exact zoom shown
 * ({@link #drawInto}): at a zoom between two tile levels the tiles of the nearer level are resampled
 * once into the composite, instead of Gluon scaling each tile node on every frame (which the
 * software pipeline does pixel by pixel, with filtering). A tile still loading is stood in for by
 * an ancestor already loaded (scaled up), else plain land. FX thread only; the tiles themselves are
 * drawn on the tile threads ({@link MapTiles#loadAsync}).
 */
final class BaseTiles {

    /** Like Gluon: less than this below a level, the tiles of that level are used (scaled down). */
    static final double TIPPING = 0.2;
    static final int MAX_LEVEL = 19;
    /** Tiles kept at least; more when a composite needs more (a 4K view touches about 200 at once). */
    private static final int MAX_TILES = 160;
    private static final int FALLBACK_LEVELS = 4;

    private record Tile(int[] pixels, int size) {
    }

    private final Map<Long, Tile> tiles = new LinkedHashMap<>(MAX_TILES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Tile> eldest) {
            return size() > capacity;
        }
    };
    private final Map<Long, CompletableFuture<Image>> pending = new HashMap<>();
    /**
     * How many tiles are kept: twice what the last composite touched, at least {@link #MAX_TILES}. A fixed 160 was
     * fewer than a 3840x2160 composite needs (18 x 11 at a whole zoom): each compose dropped tiles it had just drawn,
     * asked for them again, and the tiles' arrival composed it again, over and over.
     */
    private int capacity = MAX_TILES;
    private int generation = MapTiles.generation();
    private long loaded;

    /** The tile level drawn for a zoom. */
    static int levelFor(double zoom) {
        return Math.max(0, Math.min(MAX_LEVEL, (int) Math.floor(zoom + TIPPING)));
    }

    private static long key(int z, long x, long y) {
        return ((long) z << 58) | (x << 29) | y;
    }

    /** Takes in the tiles that arrived; returns whether any did. */
    boolean harvest() {
        if (generation != MapTiles.generation()) {
            generation = MapTiles.generation();
            tiles.clear();
            pending.clear();
            return true;
        }
        boolean any = false;
        for (Iterator<Map.Entry<Long, CompletableFuture<Image>>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, CompletableFuture<Image>> e = it.next();
            if (!e.getValue().isDone()) {
                continue;
            }
            it.remove();
            Image img = e.getValue().getNow(null);
            if (img != null && img.getWidth() > 0 && img.getPixelReader() != null) {
                int size = (int) Math.min(img.getWidth(), img.getHeight());
                int[] px = new int[size * size];
                img.getPixelReader().getPixels(0, 0, size, size, PixelFormat.getIntArgbPreInstance(), px, 0, size);
                tiles.put(e.getKey(), new Tile(px, size));
                loaded++;
                any = true;
            }
        }
        return any;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** How many tiles were taken in (for tests). */
    long loaded() {
        return loaded;
    }

    private Tile tile(int z, long x, long y, boolean load) {
        long k = key(z, x, y);
        Tile t = tiles.get(k);
        if (t == null && load && !pending.containsKey(k)) {
            CompletableFuture<Image> f = MapTiles.loadAsync(z, x, y);
            pending.put(k, f);
        }
        return t;
    }

    /**
     * Draws the base map into {@code px} ({@code w} x {@code h}, opaque) for a view whose world origin
     * lies at composite pixel ({@code originX}, {@code originY}) at zoom {@code zoom}. Tiles not
     * loaded yet are asked for; {@link #harvest} later takes them in.
     */
    void drawInto(int[] px, int w, int h, double zoom, double originX, double originY) {
        harvest();
        int level = levelFor(zoom);
        long n = 1L << level;
        double f = Math.pow(2, level - zoom); // level pixels per composite pixel
        long i0 = (long) Math.floor((0 - originX) * f / 256);
        long i1 = (long) Math.floor((w - originX) * f / 256);
        long j0 = (long) Math.floor((0 - originY) * f / 256);
        long j1 = (long) Math.floor((h - originY) * f / 256);
        capacity = (int) Math.max(MAX_TILES, Math.min(4096, 2 * (i1 - i0 + 1) * (j1 - j0 + 1)));
        for (long j = j0; j <= j1; j++) {
            int y0 = Math.max(0, (int) Math.ceil(originY + 256 * j / f - 0.5));
            int y1 = Math.min(h, (int) Math.ceil(originY + 256 * (j + 1) / f - 0.5));
            if (y0 >= y1) {
                continue;
            }
            for (long i = i0; i <= i1; i++) {
                int x0 = Math.max(0, (int) Math.ceil(originX + 256 * i / f - 0.5));
                int x1 = Math.min(w, (int) Math.ceil(originX + 256 * (i + 1) / f - 0.5));
                if (x0 >= x1) {
                    continue;
                }
                if (i < 0 || j < 0 || i >= n || j >= n) {
                    fill(px, w, x0, y0, x1, y1, MapPalette.LAND);
                    continue;
                }
                Tile t = tile(level, i, j, true);
                int l = level;
                long si = i;
                long sj = j;
                for (int k = 1; t == null && k <= FALLBACK_LEVELS && level - k >= 0; k++) {
                    t = tile(level - k, i >> k, j >> k, false);
                    l = level - k;
                    si = i >> k;
                    sj = j >> k;
                }
                if (t == null) {
                    fill(px, w, x0, y0, x1, y1, MapPalette.LAND);
                } else {
                    sample(px, w, x0, y0, x1, y1, t, Math.pow(2, l - zoom) * t.size() / 256.0, originX, originY,
                            si * t.size(), sj * t.size());
                }
            }
        }
    }

    private static void fill(int[] px, int w, int x0, int y0, int x1, int y1, int argb) {
        for (int y = y0; y < y1; y++) {
            java.util.Arrays.fill(px, y * w + x0, y * w + x1, argb);
        }
    }

    /**
     * Fills [x0,x1) x [y0,y1) of the composite from one tile whose top-left lies at source pixel
     * (tileX, tileY) of its level; {@code f} source pixels per composite pixel. A copy when the tile
     * lies on whole composite pixels at its own scale, else bilinear.
     */
    private static void sample(int[] px, int w, int x0, int y0, int x1, int y1, Tile t, double f,
                               double originX, double originY, long tileX, long tileY) {
        int size = t.size();
        int[] src = t.pixels();
        double offX = (x0 + 0.5 - originX) * f - tileX - 0.5;
        double offY = (y0 + 0.5 - originY) * f - tileY - 0.5;
        if (f == 1 && offX == Math.rint(offX) && offY == Math.rint(offY)) {
            int sx = (int) offX;
            int sy = (int) offY;
            int len = x1 - x0;
            for (int y = y0; y < y1; y++) {
                int row = sy + (y - y0);
                if (row >= 0 && row < size && sx >= 0 && sx + len <= size) {
                    System.arraycopy(src, row * size + sx, px, y * w + x0, len);
                }
            }
            return;
        }
        int max = size - 1;
        for (int y = y0; y < y1; y++) {
            double sy = offY + (y - y0) * f;
            if (sy < 0) {
                sy = 0;
            } else if (sy > max) {
                sy = max;
            }
            int ya = (int) sy;
            int yb = Math.min(max, ya + 1);
            int fy = (int) ((sy - ya) * 256);
            int rowA = ya * size;
            int rowB = yb * size;
            int out = y * w + x0;
            for (int x = x0; x < x1; x++) {
                double sx = offX + (x - x0) * f;
                if (sx < 0) {
                    sx = 0;
                } else if (sx > max) {
                    sx = max;
                }
                int xa = (int) sx;
                int xb = Math.min(max, xa + 1);
                int fx = (int) ((sx - xa) * 256);
                px[out++] = lerp(lerp(src[rowA + xa], src[rowA + xb], fx), lerp(src[rowB + xa], src[rowB + xb], fx), fy);
            }
        }
    }

    /** Per channel (a * (256 - t) + b * t) / 256, t in 0..256. */
    private static int lerp(int a, int b, int t) {
        if (a == b || t == 0) {
            return a;
        }
        int u = 256 - t;
        int rb = (((a & 0x00FF00FF) * u + (b & 0x00FF00FF) * t) >>> 8) & 0x00FF00FF;
        int ga = (((a >>> 8) & 0x00FF00FF) * u + ((b >>> 8) & 0x00FF00FF) * t) & 0xFF00FF00;
        return rb | ga;
    }
}
