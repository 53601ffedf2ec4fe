package org.commandroom.app.ui.map.tiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import javafx.scene.image.Image;

/**
 * Tiles from an XYZ URL template, kept in a disk cache ({@code cache/z/x/y.tile}) so each tile is
 * fetched once and then served from disk, also with no network. After a failed request the server
 * is not asked again for {@link #BACKOFF_NANOS} (tiles fall through to the next tier meanwhile), so
 * a dead network costs one timeout, not one per tile.
 */
final class UrlTileSource implements TileSource {

    static final long BACKOFF_NANOS = Duration.ofSeconds(30).toNanos();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(8);

    private final String template;
    private final Path cache;
    private final HttpClient client;
    private final LongSupplier nanoTime;
    private volatile long blockedUntil = Long.MIN_VALUE;
    private volatile boolean blocked;

    UrlTileSource(String template, Path cache) {
        this(template, cache, System::nanoTime);
    }

    UrlTileSource(String template, Path cache, LongSupplier nanoTime) {
        this.template = template;
        this.cache = cache;
        this.nanoTime = nanoTime;
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String describe() {
        return "tile server " + template;
    }

    Path cacheFile(int zoom, long x, long y) {
        return cache.resolve(Integer.toString(zoom)).resolve(Long.toString(x)).resolve(y + ".tile");
    }

    @Override
    public Optional<Image> load(int zoom, long x, long y) throws Exception {
        Path cached = cacheFile(zoom, x, y);
        if (Files.isRegularFile(cached)) {
            Optional<Image> image = TileImages.decode(Files.readAllBytes(cached));
            if (image.isPresent()) {
                return image;
            }
            Files.deleteIfExists(cached); // a damaged cache entry: fetch it again
        }
        if (blocked && nanoTime.getAsLong() - blockedUntil < 0) {
            return Optional.empty();
        }
        String url = template.replace("{z}", Integer.toString(zoom))
                .replace("{x}", Long.toString(x))
                .replace("{y}", Long.toString(y));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", "commandroom-console")
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            blockedUntil = nanoTime.getAsLong() + BACKOFF_NANOS;
            blocked = true;
            throw e;
        }
        blocked = false;
        if (response.statusCode() == 404 || response.statusCode() == 204) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + url);
        }
        byte[] body = response.body();
        Optional<Image> image = TileImages.decode(body);
        if (image.isPresent()) {
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), "tile", ".part");
            Files.write(tmp, body);
            Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return image;
    }
}
