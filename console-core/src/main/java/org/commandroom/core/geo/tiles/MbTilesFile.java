package org.commandroom.core.geo.tiles;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Reads tile images from an MBTiles file (SQLite, table {@code tiles(zoom_level, tile_column,
 * tile_row, tile_data)}). MBTiles numbers rows bottom-up (TMS), so row = 2^z - 1 - y for the usual
 * XYZ y. Opened read-only on first use; one connection, one caller at a time.
 */
public final class MbTilesFile implements AutoCloseable {

    private final Path file;
    private Connection connection;
    private PreparedStatement query;

    public MbTilesFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The encoded image (PNG/JPEG/WebP bytes) of tile z/x/y in XYZ numbering, if the file has it. */
    public synchronized Optional<byte[]> tile(int zoom, long x, long y) throws SQLException, NoSuchFileException {
        if (query == null) {
            open();
        }
        long tmsRow = (1L << zoom) - 1 - y;
        query.setInt(1, zoom);
        query.setLong(2, x);
        query.setLong(3, tmsRow);
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
        }
    }

    private void open() throws SQLException, NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "MBTiles file not found");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        query = connection.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
    }

    @Override
    public synchronized void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // closing a read-only file: nothing to lose
        }
        connection = null;
        query = null;
    }
}
