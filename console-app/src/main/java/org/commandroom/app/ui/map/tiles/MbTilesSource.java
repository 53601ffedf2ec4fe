package org.commandroom.app.ui.map.tiles;

import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.image.Image;

import org.commandroom.core.geo.tiles.MbTilesFile;

/** Tiles from an MBTiles file, read by core's {@link MbTilesFile} and decoded here. */
final class MbTilesSource implements TileSource {

    private final MbTilesFile file;

    MbTilesSource(Path file) {
        this.file = new MbTilesFile(file);
    }

    @Override
    public String describe() {
        return "MBTiles " + file.file();
    }

    @Override
    public Optional<Image> load(int zoom, long x, long y) throws Exception {
        Optional<byte[]> bytes = file.tile(zoom, x, y);
        return bytes.isPresent() ? TileImages.decode(bytes.get()) : Optional.empty();
    }

    @Override
    public void close() {
        file.close();
    }
}
