package org.commandroom.app.ui.map.tiles;

import java.util.Optional;

import javafx.scene.image.Image;

/**
 * One tier of the base map: answers a tile or says it has none. Called on the tile executor, never
 * on the FX thread. An exception means the tier failed (a broken file, a refused connection); the
 * chain then asks the next tier and logs the failure once per tier, not once per tile.
 */
interface TileSource extends AutoCloseable {

    /** Short name for the log, e.g. {@code mbtiles /data/leshan.mbtiles}. */
    String describe();

    Optional<Image> load(int zoom, long x, long y) throws Exception;

    @Override
    default void close() {
    }
}
