package org.commandroom.app.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A font file that can draw Chinese, to embed in a PDF report and draw its charts with. Looked for, in order: the
 * {@value #PROPERTY} system property, the files the usual Debian packages install (WenQuanYi Micro Hei and Zen Hei,
 * Droid Sans Fallback, AR PL UMing), then whatever fontconfig lists for Chinese ({@code fc-list :lang=zh file}).
 * Only TrueType outlines are taken (.ttf and .ttc): PDFBox embeds those as a subset.
 */
public record CjkFont(Path file) {

    /** A system property naming a .ttf or .ttc file to use before any other. */
    public static final String PROPERTY = "console.cjkFont";

    /** Where the usual packages put a Chinese TrueType font (fonts-wqy-microhei first). */
    public static final List<Path> KNOWN = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"),
            Path.of("C:/Windows/Fonts/msyh.ttc"),
            Path.of("C:/Windows/Fonts/simsun.ttc"));

    private static final Logger LOG = LoggerFactory.getLogger(CjkFont.class);

    /** Raised when no Chinese font can be found; its message lists where it looked. */
    public static final class NotFound extends IOException {
        private final List<Path> searched;

        NotFound(List<Path> searched) {
            super("no font that can draw Chinese was found (looked at " + searched
                    + " and fontconfig); install fonts-wqy-microhei or set -D" + PROPERTY + "=<file.ttf|.ttc>");
            this.searched = List.copyOf(searched);
        }

        public List<Path> searched() {
            return searched;
        }
    }

    /** The machine's Chinese font: the property, the known files, then fontconfig. */
    public static CjkFont find() throws NotFound {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property.trim()));
        }
        candidates.addAll(KNOWN);
        return find(candidates, true);
    }

    /**
     * The first of the candidates that exists and is TrueType, then (if asked) the first such file fontconfig
     * lists for Chinese.
     */
    public static CjkFont find(List<Path> candidates, boolean askFontconfig) throws NotFound {
        for (Path p : candidates) {
            if (usable(p)) {
                return new CjkFont(p);
            }
        }
        if (askFontconfig) {
            for (Path p : fontconfig()) {
                if (usable(p)) {
                    return new CjkFont(p);
                }
            }
        }
        throw new NotFound(candidates);
    }

    private static boolean usable(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".ttf") || name.endsWith(".ttc")) && Files.isRegularFile(p) && Files.isReadable(p);
    }

    /** Font files fontconfig knows for Chinese; empty when fc-list is missing or fails. */
    static List<Path> fontconfig() {
        Set<Path> out = new LinkedHashSet<>();
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh", "file").redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String f = line.trim();
                    if (f.endsWith(":")) {
                        f = f.substring(0, f.length() - 1);
                    }
                    if (!f.isEmpty()) {
                        out.add(Path.of(f));
                    }
                }
            }
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            LOG.debug("fontconfig not available: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ArrayList<>(out);
    }

    /** The AWT font of this file that draws Chinese (for chart images), at the given size. */
    public Optional<java.awt.Font> awtFont(float size) {
        try {
            for (java.awt.Font f : java.awt.Font.createFonts(file.toFile())) {
                if (f.canDisplay('主')) {
                    return Optional.of(f.deriveFont(size));
                }
            }
        } catch (java.awt.FontFormatException | IOException e) {
            LOG.warn("{} cannot be used for chart text: {}", file, e.getMessage());
        }
        return Optional.empty();
    }
}
