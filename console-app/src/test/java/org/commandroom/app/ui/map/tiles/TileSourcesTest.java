package org.commandroom.app.ui.map.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import javafx.scene.image.Image;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;

import org.commandroom.app.ui.map.MapPalette;
import org.commandroom.core.geo.Datum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxToolkit;

/** Each tier of the base map on its own and in order; JavaFX runs headless (Monocle) to decode images. */
class TileSourcesTest {

    private static final int RED = 0xFFFF0000;
    private static final int BLUE = 0xFF0000FF;
    private static final int GREEN = 0xFF00FF00;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static byte[] png(int argb) throws IOException {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(argb, true));
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static int centre(Image image) {
        return image.getPixelReader().getArgb(128, 128);
    }

    private Path mbtiles(int zoom, long x, long y, int argb) throws Exception {
        Path file = tmp.resolve("test.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            s.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                p.setInt(1, zoom);
                p.setLong(2, x);
                p.setLong(3, (1L << zoom) - 1 - y); // MBTiles rows count from the bottom (TMS)
                p.setBytes(4, png(argb));
                p.executeUpdate();
            }
        }
        return file;
    }

    private Path tileDir(int zoom, long x, long y, int argb) throws IOException {
        Path dir = tmp.resolve("tiles");
        Path file = dir.resolve(zoom + "/" + x + "/" + y + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, png(argb));
        return dir;
    }

    @Test
    void mbtilesTierServesTheTileStoredUnderItsTmsRow() throws Exception {
        Path file = mbtiles(14, 12_921, 6_791, RED);
        try (TileChain chain = new TileChain(List.of(new MbTilesSource(file)))) {
            assertEquals(RED, centre(chain.load(14, 12_921, 6_791)));
            assertSame(chain.neutral(), chain.load(14, 12_921, 6_792), "a tile not in the file is the neutral tile");
        }
    }

    @Test
    void directoryTierServesZxyFiles() throws Exception {
        Path dir = tileDir(12, 3230, 1697, BLUE);
        try (TileChain chain = new TileChain(List.of(new DirectoryTileSource(dir)))) {
            assertEquals(BLUE, centre(chain.load(12, 3230, 1697)));
            assertSame(chain.neutral(), chain.load(12, 3230, 1698));
        }
    }

    @Test
    void tiersAreAskedInOrderAndAMissingTileFallsThroughToTheNext() throws Exception {
        Path file = mbtiles(10, 807, 424, RED);
        Path dir = tileDir(10, 807, 424, BLUE);
        Files.write(dir.resolve("10/807/425.png"), png(BLUE));
        TileSourceSettings settings = new TileSourceSettings(file, dir, null, null, BaseMapData.empty(), Datum.WGS84);
        try (TileChain chain = TileChain.from(settings)) {
            assertEquals(RED, centre(chain.load(10, 807, 424)), "MBTiles wins over the directory");
            assertEquals(BLUE, centre(chain.load(10, 807, 425)), "not in MBTiles: the directory's tile");
            assertEquals(MapPalette.LAND, centre(chain.load(10, 807, 426)), "in neither: drawn by the vector tier");
        }
    }

    @Test
    void urlTierFetchesATileOnceThenServesItFromTheDiskCache() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        byte[] body = png(GREEN);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            boolean known = exchange.getRequestURI().getPath().equals("/15/25843/13583.png");
            exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (known) {
                    out.write(body);
                }
            }
        });
        server.start();
        Path cache = tmp.resolve("cache");
        String template = "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png";
        try {
            try (TileChain chain = new TileChain(List.of(new UrlTileSource(template, cache)))) {
                assertEquals(GREEN, centre(chain.load(15, 25_843, 13_583)));
                assertSame(chain.neutral(), chain.load(15, 25_843, 13_584), "404: the neutral tile");
            }
            assertEquals(2, requests.get());
            assertTrue(Files.isRegularFile(cache.resolve("15/25843/13583.tile")), "the tile is kept on disk");
            try (TileChain again = new TileChain(List.of(new UrlTileSource(template, cache)))) {
                assertEquals(GREEN, centre(again.load(15, 25_843, 13_583)));
            }
            assertEquals(2, requests.get(), "the second time the disk cache answers, not the server");
        } finally {
            server.stop(0);
        }
        try (TileChain offline = new TileChain(List.of(new UrlTileSource(template, cache)))) {
            assertEquals(GREEN, centre(offline.load(15, 25_843, 13_583)), "server gone: still served from disk");
        }
    }

    @Test
    void aFailingTierIsLoggedOnceAndTheMapStillGetsTiles() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(TileChain.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        try {
            TileSourceSettings settings = new TileSourceSettings(tmp.resolve("missing.mbtiles"), null, null, null,
                    BaseMapData.empty(), Datum.WGS84);
            try (TileChain chain = TileChain.from(settings)) {
                for (int i = 0; i < 20; i++) {
                    Image tile = chain.load(12, 3230 + i, 1697);
                    assertEquals(MapPalette.LAND, centre(tile));
                }
            }
            long warnings = appender.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
            assertEquals(1, warnings, "one warning for the broken tier, not one per tile");
        } finally {
            log.detachAppender(appender);
        }
    }

    @Test
    void retrieverRegisteredForGluonAlwaysCompletesWithAnImage() throws Exception {
        var found = java.util.ServiceLoader.load(com.gluonhq.maps.tile.TileRetriever.class).findFirst();
        assertTrue(found.isPresent() && found.get() instanceof CommandRoomTileRetriever, "registered in META-INF/services");
        MapTiles.configure(new TileSourceSettings(tmp.resolve("missing.mbtiles"), null, null, null, BaseMapData.empty(), Datum.WGS84));
        Image image = found.get().loadTile(3, 6, 3).get(10, TimeUnit.SECONDS);
        assertEquals(MapPalette.LAND, centre(image));
    }
}
