package org.commandroom.app;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
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
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        int[] argb = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, w, h, argb, 0, w);
        Path target = Paths.get("target", "screenshots", fileName);
        Files.createDirectories(target.getParent());
        ImageIO.write(image, "png", target.toFile());
        if (Boolean.getBoolean("docs.screenshots")) {
            Path docs = Paths.get("..", "docs", fileName);
            ImageIO.write(image, "png", docs.toFile());
            return docs;
        }
        return target;
    }
}
