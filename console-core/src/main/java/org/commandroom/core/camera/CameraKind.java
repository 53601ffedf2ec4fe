package org.commandroom.core.camera;

import java.util.Locale;
import java.util.Optional;

/** The kinds of video point the command room draws on; the Chinese name is what import files use. */
public enum CameraKind {
    /** 天网 (public security's own road cameras). */
    SKYNET("天网"),
    /** 雪亮 (the rural and community "sharp eyes" project). */
    XUELIANG("雪亮"),
    /** 一类监控点 (class-1 monitoring point). */
    CLASS1("一类"),
    /** Telecom operators' HD cameras. */
    TELECOM_HD("电信高清"),
    /** Connected social (private) cameras. */
    SOCIAL("社会");

    private final String chineseName;

    CameraKind(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The short Chinese name used in camera lists (天网, 雪亮, 一类, 电信高清, 社会). */
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
