package org.commandroom.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.commandroom.app.ui.common.LiveScreen;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves what a scene shows as a PNG: always under {@code target/screenshots/}, and into {@code docs/} when the run is
 * asked to refresh the documentation's pictures ({@code -Ddocs.screenshots=true}), so an ordinary test run leaves the
 * repository unchanged. Works headless (Monocle renders in software).
 */
public final class ScreenshotOfScene {

    private ScreenshotOfScene() {
    }

    public static Path save(Scene scene, String fileName) throws Exception {
        BufferedImage image = image(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get());
        Path target = underTarget(image, fileName);
        if (Boolean.getBoolean("docs.screenshots")) {
            Path docs = Paths.get("..", "docs", fileName);
            ImageIO.write(image, "png", docs.toFile());
            return docs;
        }
        return target;
    }

    /** Saves what {@code scene} shows under {@code target/screenshots/} only, to look at: nothing is compared. */
    public static Path underTarget(Scene scene, String fileName) {
        try {
            return underTarget(image(LiveScreen.onFx(() -> scene.snapshot(null))), fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path underTarget(BufferedImage image, String fileName) throws IOException {
        Path target = Paths.get("target", "screenshots", fileName);
        Files.createDirectories(target.getParent());
        ImageIO.write(image, "png", target.toFile());
        return target;
    }

    private static BufferedImage image(WritableImage shot) {
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        int[] argb = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, w, h, argb, 0, w);
        return image;
    }
}
