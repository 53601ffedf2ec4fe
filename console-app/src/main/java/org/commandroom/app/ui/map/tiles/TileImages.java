package org.commandroom.app.ui.map.tiles;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.util.Optional;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turning bytes and AWT rasters into JavaFX tile images; callable from any thread. */
final class TileImages {

    static final int TILE_SIZE = 256;

    private TileImages() {
    }

    /** The decoded image, or empty when the bytes are not an image JavaFX can read (PNG, JPEG, GIF, BMP). */
    static Optional<Image> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        Image image = new Image(new ByteArrayInputStream(bytes));
        if (image.isError() || image.getWidth() <= 0) {
            return Optional.empty();
        }
        return Optional.of(image);
    }

    /** Copies an AWT image of type INT_ARGB_PRE into a new JavaFX image, no javafx-swing needed. */
    static WritableImage toFx(BufferedImage awt) {
        if (awt.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
            throw new IllegalArgumentException("expected TYPE_INT_ARGB_PRE, got " + awt.getType());
        }
        int w = awt.getWidth();
        int h = awt.getHeight();
        int[] pixels = ((DataBufferInt) awt.getRaster().getDataBuffer()).getData();
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), pixels, 0, w);
        return fx;
    }
}
