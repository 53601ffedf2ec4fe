package org.commandroom.app.ui.common;

import atlantafx.base.theme.PrimerDark;
import java.util.List;
import java.util.Objects;
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
