package org.commandroom.app.ui.map.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;

import org.commandroom.app.ui.map.MapPalette;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tiers of {@link TileSourceSettings} in order. For each tile the first tier with an image wins;
 * a tier that throws is logged once (its first failure, as a warning) and skipped for that tile;
 * what no tier answers is the neutral tile. {@link #load} never throws and never returns null.
 */
final class TileChain implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TileChain.class);

    private final List<TileSource> sources;
    private final Image neutral;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    TileChain(List<TileSource> sources) {
        this.sources = List.copyOf(sources);
        this.neutral = neutralTile();
    }

    static TileChain from(TileSourceSettings settings) {
        List<TileSource> list = new ArrayList<>();
        if (settings.mbtiles() != null) {
            list.add(new MbTilesSource(settings.mbtiles()));
        }
        if (settings.tileDirectory() != null) {
            list.add(new DirectoryTileSource(settings.tileDirectory()));
        }
        if (settings.urlTemplate() != null) {
            list.add(new UrlTileSource(settings.urlTemplate(), settings.urlCacheDirectory()));
        }
        list.add(new VectorTileSource(settings.vectorData(), settings.tileDatum()));
        return new TileChain(list);
    }

    List<String> describe() {
        return sources.stream().map(TileSource::describe).toList();
    }

    Image neutral() {
        return neutral;
    }

    Image load(int zoom, long x, long y) {
        for (TileSource source : sources) {
            try {
                Optional<Image> image = source.load(zoom, x, y);
                if (image.isPresent()) {
                    return image.get();
                }
            } catch (Exception | LinkageError e) {
                if (reported.add(source.describe())) {
                    LOG.warn("Map tiles: {} failed ({}); tiles fall back to the next source. Further failures of this source are logged at debug level.",
                            source.describe(), e.toString());
                } else {
                    LOG.debug("Map tiles: {} failed for {}/{}/{}: {}", source.describe(), zoom, x, y, e.toString());
                }
            }
        }
        return neutral;
    }

    /** A dark tile with a faint grid, so that a missing tile reads as "no data here", not as a broken map. */
    static Image neutralTile() {
        int size = TileImages.TILE_SIZE;
        WritableImage img = new WritableImage(size, size);
        var w = img.getPixelWriter();
        for (int yy = 0; yy < size; yy++) {
            for (int xx = 0; xx < size; xx++) {
                boolean line = xx == 0 || yy == 0 || (xx % 64 == 0 && yy % 4 < 2) || (yy % 64 == 0 && xx % 4 < 2);
                w.setArgb(xx, yy, line ? MapPalette.NEUTRAL_TILE_LINE : MapPalette.NEUTRAL_TILE);
            }
        }
        return img;
    }

    @Override
    public void close() {
        sources.forEach(TileSource::close);
    }
}
