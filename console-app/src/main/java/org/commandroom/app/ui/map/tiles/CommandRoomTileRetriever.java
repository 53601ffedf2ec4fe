package org.commandroom.app.ui.map.tiles;

import java.util.concurrent.CompletableFuture;

import javafx.scene.image.Image;

import com.gluonhq.maps.tile.TileRetriever;

/**
 * Gluon Maps' tile retriever, registered in {@code META-INF/services}: hands every tile request to
 * the sources set with {@link MapTiles#configure}. The future always completes with an image (the
 * neutral tile at worst), never exceptionally: a failed future would leave a blank square and make
 * Gluon log once per tile.
 */
public final class CommandRoomTileRetriever implements TileRetriever {

    public CommandRoomTileRetriever() {
        // found by ServiceLoader
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long x, long y) {
        return MapTiles.loadAsync(zoom, x, y);
    }
}
