package org.commandroom.app.ui.map.tiles;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.image.Image;

import com.gluonhq.maps.MapView;

import org.commandroom.core.geo.Datum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the base map's tile sources are configured.
 *
 * <p>Why static: Gluon Maps finds its {@link com.gluonhq.maps.tile.TileRetriever} with
 * {@code ServiceLoader} and keeps the instance in a static field of its tile view, created with no
 * arguments. So the composition root calls {@link #configure} once at start-up (before or after the
 * first map is created; the retriever reads the current configuration for every tile) and
 * {@link #shutdown} on exit. Until configured, tiles are neutral tiles: never the network.
 *
 * <p>Tiles are loaded on two daemon threads named {@code map-tiles-N}, never on the FX thread.
 */
public final class MapTiles {

    private static final Logger LOG = LoggerFactory.getLogger(MapTiles.class);

    private static final Object LOCK = new Object();
    private static volatile TileChain chain = new TileChain(java.util.List.of());
    private static volatile TileSourceSettings settings =
            TileSourceSettings.offline(BaseMapData.empty(), Datum.WGS84);
    private static ExecutorService executor;
    /**
     * The tiles asked for lately, shared by Gluon's own tile nodes and the live map's composite
     * ({@code OverlayLayer}), so that a tile both ask for is drawn once. Emptied by {@link #configure}.
     */
    private static final int RECENT_TILES = 128;
    private static final java.util.Map<Long, CompletableFuture<Image>> RECENT =
            new java.util.LinkedHashMap<>(RECENT_TILES * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Long, CompletableFuture<Image>> eldest) {
                    return size() > RECENT_TILES;
                }
            };
    private static final AtomicInteger GENERATION = new AtomicInteger();

    private MapTiles() {
    }

    /** Replaces the tile sources; maps created afterwards draw from them. */
    public static void configure(TileSourceSettings newSettings) {
        Objects.requireNonNull(newSettings, "settings");
        TileChain next = TileChain.from(newSettings);
        TileChain previous;
        synchronized (LOCK) {
            previous = chain;
            chain = next;
            settings = newSettings;
            RECENT.clear();
            GENERATION.incrementAndGet();
        }
        Image neutral = next.neutral();
        MapView.setPlaceholderImageSupplier(() -> neutral);
        LOG.info("Map tiles from: {} (tile datum {})", next.describe(), newSettings.tileDatum());
        previous.close();
    }

    public static TileSourceSettings settings() {
        return settings;
    }

    /** The datum the base map is drawn in; layers convert their data to it. */
    public static Datum tileDatum() {
        return settings.tileDatum();
    }

    /** Stops the tile threads and closes files; call once on exit. */
    public static void shutdown() {
        ExecutorService ex;
        synchronized (LOCK) {
            ex = executor;
            executor = null;
            chain.close();
        }
        if (ex != null) {
            ex.shutdownNow();
            try {
                ex.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Counts the configurations: a map that drew tiles of an older generation draws them again
     * (for instance after roads and water were imported into the offline base map).
     */
    public static int generation() {
        return GENERATION.get();
    }

    /** The tile's image, drawn on a tile thread; never fails (the neutral tile at worst). */
    public static CompletableFuture<Image> loadAsync(int zoom, long x, long y) {
        long key = ((long) zoom << 58) | (x << 29) | y;
        synchronized (LOCK) {
            CompletableFuture<Image> known = RECENT.get(key);
            if (known != null) {
                return known;
            }
            TileChain current = chain;
            CompletableFuture<Image> f;
            try {
                f = CompletableFuture.supplyAsync(() -> current.load(zoom, x, y), executor());
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return CompletableFuture.completedFuture(current.neutral());
            }
            RECENT.put(key, f);
            return f;
        }
    }

    private static ExecutorService executor() {
        synchronized (LOCK) {
            if (executor == null) {
                AtomicInteger n = new AtomicInteger();
                executor = Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "map-tiles-" + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.NORM_PRIORITY - 1);
                    return t;
                });
            }
            return executor;
        }
    }
}
