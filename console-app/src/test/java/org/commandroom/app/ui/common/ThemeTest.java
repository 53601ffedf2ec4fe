package org.commandroom.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThemeTest {

    @Test
    void picksTheFirstInstalledCjkFamilyInOrderOfPreference() {
        assertEquals("cjk-font-1", Theme.fontStyleClass(Set.of("DejaVu Sans", "Noto Sans CJK SC", "Microsoft YaHei")));
        assertEquals("cjk-font-0", Theme.fontStyleClass(Set.of("WenQuanYi Micro Hei", "Noto Sans CJK SC")));
        assertNull(Theme.fontStyleClass(Set.of("DejaVu Sans")));
    }

    @Test
    void theStylesheetDefinesAFontClassForEveryPreferredFamilyAndTheSemanticTokens() throws IOException {
        String css;
        try (InputStream in = Theme.class.getResourceAsStream(Theme.STYLESHEET)) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (int i = 0; i < Theme.CJK_FAMILIES.size(); i++) {
            assertTrue(css.contains(".root.cjk-font-" + i + " { -fx-font-family: \"" + Theme.CJK_FAMILIES.get(i) + "\"; }"),
                    Theme.CJK_FAMILIES.get(i));
        }
        for (String token : new String[] {"-cr-danger:", "-cr-warning:", "-cr-success:", "-cr-accent:"}) {
            assertTrue(css.contains(token), token);
        }
    }
}
