package org.commandroom.app.ui.common;

import atlantafx.base.theme.PrimerDark;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.text.Font;

/**
 * The one look of the console: AtlantaFX Primer Dark as the user-agent stylesheet (set once, at
 * start-up) plus the project stylesheet {@code console.css} with the semantic colour tokens and the
 * alarm pseudo-classes. No other class sets styles.
 */
public final class Theme {

    public static final String STYLESHEET = "/org/commandroom/app/ui/console.css";

    /** CJK-capable families in order of preference, each with a style class in console.css. */
    public static final List<String> CJK_FAMILIES = List.of(
            "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC");

    /**
     * Families with emoji, in order of preference. JavaFX draws a character the CJK family lacks (an emoji typed in
     * a call's summary) from an installed font that has it, so one of these must be installed or emoji show as empty
     * boxes: on Debian {@code fonts-symbola} (outline emoji, 1.3 MB). Colour bitmap fonts such as Noto Color Emoji
     * ({@code fonts-noto-color-emoji}) are not drawn by JavaFX 21 on Linux and do not count.
     */
    public static final List<String> EMOJI_FAMILIES = List.of(
            "Symbola", "Noto Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Apple Color Emoji");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Theme.class);
    private static volatile boolean emojiChecked;

    private Theme() {
    }

    public static void installUserAgentStylesheet() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }

    /** Adds the project stylesheet and the font class of the first CJK family installed. */
    public static void style(Scene scene) {
        String css = Objects.requireNonNull(Theme.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
        scene.getStylesheets().add(css);
        String fontClass = fontStyleClass(Set.copyOf(Font.getFamilies()));
        if (fontClass != null) {
            scene.getRoot().getStyleClass().add(fontClass);
        }
        if (!emojiChecked) {
            emojiChecked = true;
            if (emojiFamily(Set.copyOf(Font.getFamilies())).isEmpty()) {
                LOG.warn("No font with emoji is installed (one of {}; on Debian: apt-get install fonts-symbola): "
                        + "emoji in summaries show as empty boxes", EMOJI_FAMILIES);
            }
        }
    }

    /** The first installed family with emoji, if any. */
    public static Optional<String> emojiFamily(Set<String> installed) {
        return EMOJI_FAMILIES.stream().filter(installed::contains).findFirst();
    }

    /** The style class naming the first preferred family among those installed, or null. */
    static String fontStyleClass(Set<String> installed) {
        for (int i = 0; i < CJK_FAMILIES.size(); i++) {
            if (installed.contains(CJK_FAMILIES.get(i))) {
                return "cjk-font-" + i;
            }
        }
        return null;
    }
}
