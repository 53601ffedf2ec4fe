package org.commandroom.app.ui.map.tiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.image.Image;

/** Tiles from a directory laid out {@code z/x/y.png} (or {@code .jpg}/{@code .jpeg}), the XYZ scheme. */
final class DirectoryTileSource implements TileSource {

    private static final String[] EXTENSIONS = {".png", ".jpg", ".jpeg"};

    private final Path root;

    DirectoryTileSource(Path root) {
        this.root = root;
    }

    @Override
    public String describe() {
        return "tile directory " + root;
    }

    @Override
    public Optional<Image> load(int zoom, long x, long y) throws Exception {
        Path dir = root.resolve(Integer.toString(zoom)).resolve(Long.toString(x));
        for (String ext : EXTENSIONS) {
            Path file = dir.resolve(y + ext);
            if (Files.isRegularFile(file)) {
                return TileImages.decode(Files.readAllBytes(file));
            }
        }
        return Optional.empty();
    }
}
