package org.commandroom.core.geo.io;

import java.util.Locale;
import java.util.Optional;

/** Video point types as in the camera table's {@code kind} column, with the names used in Chinese lists. */
public enum CameraKind {
    SKYNET("天网"),
    XUELIANG("雪亮"),
    CLASS1("一类"),
    TELECOM_HD("电信高清"),
    SOCIAL("社会");

    private final String chineseName;

    CameraKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Accepts the code in any case ({@code skynet}) or the Chinese name ({@code 天网}). */
    public static Optional<CameraKind> parse(String text) {
        String t = text.trim();
        for (CameraKind k : values()) {
            if (k.name().equals(t.toUpperCase(Locale.ROOT)) || k.chineseName.equals(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
