package org.commandroom.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Emoji typed in a summary are drawn, not shown as empty boxes: the themed text finds them in an installed emoji
 * font (Theme.EMOJI_FAMILIES; on Debian fonts-symbola). A machine without one fails here, by design.
 */
@ExtendWith(ApplicationExtension.class)
class EmojiRenderingTest {

    /** A code point no font has: what a missing glyph looks like in the themed font. */
    private static final String MISSING = new String(Character.toChars(0x10FFFD));

    private Label emoji;
    private Label car;
    private Label missing;

    @Start
    void start(Stage stage) {
        Theme.installUserAgentStylesheet();
        emoji = new Label("😀");
        car = new Label("🚓");
        missing = new Label(MISSING);
        VBox root = new VBox(emoji, car, missing);
        Scene scene = new Scene(root, 200, 200);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anEmojiFontIsInstalledAndEmojiAreDrawnUnlikeAMissingGlyph() throws Exception {
        assertTrue(Theme.emojiFamily(Set.copyOf(Font.getFamilies())).isPresent(),
                "no emoji font installed (one of " + Theme.EMOJI_FAMILIES + "; Debian: apt-get install fonts-symbola)");
        WaitForAsyncUtils.waitForFxEvents();
        int[] box = pixels(missing);
        for (Label l : new Label[] {emoji, car}) {
            int[] drawn = pixels(l);
            assertFalse(Arrays.equals(box, drawn), l.getText() + " is drawn as the missing-glyph box");
            assertTrue(ink(drawn) > ink(box), l.getText() + " has more ink than an empty box: " + ink(drawn) + " vs " + ink(box));
        }
        assertEquals(emoji.getFont().getFamily(), missing.getFont().getFamily(), "the same themed font asks for both");
    }

    private static int[] pixels(Label l) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            WritableImage img = l.snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] out = new int[w * h + 2];
            out[0] = w;
            out[1] = h;
            img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 2, w);
            return out;
        }).get(5, TimeUnit.SECONDS);
    }

    /** How many pixels differ clearly from the label's background (its top-left pixel). */
    private static int ink(int[] p) {
        int bg = p[2];
        int n = 0;
        for (int i = 2; i < p.length; i++) {
            int d = Math.abs(((p[i] >> 16) & 0xFF) - ((bg >> 16) & 0xFF)) + Math.abs(((p[i] >> 8) & 0xFF) - ((bg >> 8) & 0xFF))
                    + Math.abs((p[i] & 0xFF) - (bg & 0xFF));
            if (d > 120) {
                n++;
            }
        }
        return n;
    }
}
