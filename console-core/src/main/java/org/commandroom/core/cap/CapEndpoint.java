package org.commandroom.core.cap;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the command room's alerts are also POSTed (docs/CAP.md, "Posting to an endpoint"), from {@value CapFolders#FILE}:
 * {@code cap.post.url} (http or https; absent or {@code none}: nothing is posted), {@code cap.post.timeout.seconds}
 * (1 to 120, default 10: connecting and the answer each), {@code cap.post.attempts} (1 to 5, default 3),
 * {@code cap.post.retry.seconds} (pause before the second attempt, doubled before each further one; 0 to 60,
 * default 2) and {@code cap.post.contentType} ({@code application/cap+xml}, the default, or {@code text/xml}).
 */
public record CapEndpoint(URI url, Duration timeout, int attempts, Duration retryPause, String contentType) {

    public static final String CAP_XML = "application/cap+xml";
    public static final String TEXT_XML = "text/xml";

    public CapEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryPause, "retryPause");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException(CapFolders.FILE + ": cap.post.url must be an http or https URL with a host");
        }
        if (attempts < 1 || attempts > 5) {
            throw new IllegalArgumentException(CapFolders.FILE + ": cap.post.attempts must be 1 to 5");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(120)) > 0) {
            throw new IllegalArgumentException(CapFolders.FILE + ": cap.post.timeout.seconds must be 1 to 120");
        }
        if (!CAP_XML.equals(contentType) && !TEXT_XML.equals(contentType)) {
            throw new IllegalArgumentException(CapFolders.FILE + ": cap.post.contentType must be " + CAP_XML + " or " + TEXT_XML);
        }
    }

    /**
     * The endpoint configured in the data directory's {@value CapFolders#FILE}, or empty when none is.
     *
     * @throws IllegalArgumentException naming the key whose value is wrong
     */
    public static Optional<CapEndpoint> load(Path dataDir) throws IOException {
        Properties p = new Properties();
        Path file = dataDir.resolve(CapFolders.FILE);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        String url = p.getProperty("cap.post.url", "").strip();
        if (url.isEmpty() || url.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CapFolders.FILE + ": cap.post.url is not a URL", e);
        }
        return Optional.of(new CapEndpoint(uri,
                Duration.ofSeconds(number(p, "cap.post.timeout.seconds", 10, 1, 120)),
                number(p, "cap.post.attempts", 3, 1, 5),
                Duration.ofSeconds(number(p, "cap.post.retry.seconds", 2, 0, 60)),
                p.getProperty("cap.post.contentType", CAP_XML).strip()));
    }

    private static int number(Properties p, String key, int fallback, int min, int max) {
        String s = p.getProperty(key, Integer.toString(fallback)).strip();
        if (!s.matches("\\d{1,3}") || Integer.parseInt(s) < min || Integer.parseInt(s) > max) {
            throw new IllegalArgumentException(CapFolders.FILE + ": " + key + " must be " + min + " to " + max);
        }
        return Integer.parseInt(s);
    }

    /** The URL as shown and audited: scheme, host, port and path, never a user or query (which may hold a key). */
    public String shown() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
