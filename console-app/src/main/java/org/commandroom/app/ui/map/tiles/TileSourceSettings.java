package org.commandroom.app.ui.map.tiles;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

import org.commandroom.core.geo.Datum;

/**
 * Where base-map tiles come from, tried in this order for every tile: an MBTiles file, a z/x/y
 * directory of PNG/JPEG files, an XYZ URL template (with a disk cache, so each tile is fetched once),
 * and finally tiles drawn from {@link BaseMapData}. Any of the first three may be null (not
 * configured). A tier that has no tile, or fails, passes the tile on to the next; what no tier
 * answers is a neutral tile. Nothing ever waits on the network before the map shows.
 *
 * @param mbtiles          an MBTiles (SQLite) file, or null
 * @param tileDirectory    a directory laid out {@code z/x/y.png} (or .jpg), or null
 * @param urlTemplate      e.g. {@code https://tiles.example.cn/{z}/{x}/{y}.png}, or null
 * @param urlCacheDirectory where fetched tiles are kept ({@code z/x/y}); required with a URL
 * @param vectorData       drawn when no other tier has the tile; {@link BaseMapData#empty()} for none
 * @param tileDatum        the datum the tiles are drawn in (GCJ-02 for most Chinese tile services,
 *                         WGS-84 for OpenStreetMap); every layer on the map is converted to it
 */
public record TileSourceSettings(Path mbtiles, Path tileDirectory, String urlTemplate, Path urlCacheDirectory,
                                 BaseMapData vectorData, Datum tileDatum) {

    public static final String PROP_MBTILES = "commandroom.map.mbtiles";
    public static final String PROP_TILE_DIR = "commandroom.map.tileDir";
    public static final String PROP_URL = "commandroom.map.tileUrl";
    public static final String PROP_URL_CACHE = "commandroom.map.tileCache";
    public static final String PROP_DATUM = "commandroom.map.tileDatum";

    public TileSourceSettings {
        Objects.requireNonNull(vectorData, "vectorData");
        Objects.requireNonNull(tileDatum, "tileDatum");
        if (urlTemplate != null && urlCacheDirectory == null) {
            throw new IllegalArgumentException("a tile URL needs a cache directory");
        }
        if (urlTemplate != null && !(urlTemplate.contains("{z}") && urlTemplate.contains("{x}") && urlTemplate.contains("{y}"))) {
            throw new IllegalArgumentException("tile URL must contain {z}, {x} and {y}: " + urlTemplate);
        }
    }

    /** Only the vector fallback: the map works with no file and no network. */
    public static TileSourceSettings offline(BaseMapData vectorData, Datum tileDatum) {
        return new TileSourceSettings(null, null, null, null, vectorData, tileDatum);
    }

    /**
     * Reads the tiers from system properties ({@value #PROP_MBTILES}, {@value #PROP_TILE_DIR},
     * {@value #PROP_URL}, {@value #PROP_URL_CACHE}, {@value #PROP_DATUM} = WGS84 or GCJ02, default
     * GCJ02), with the given vector data as the last tier.
     */
    public static TileSourceSettings fromSystemProperties(BaseMapData vectorData) {
        String url = System.getProperty(PROP_URL);
        String cache = System.getProperty(PROP_URL_CACHE);
        Path cachePath = cache != null ? Path.of(cache)
                : url != null ? Path.of(System.getProperty("user.home"), ".commandroom", "tile-cache") : null;
        return new TileSourceSettings(
                pathOrNull(System.getProperty(PROP_MBTILES)),
                pathOrNull(System.getProperty(PROP_TILE_DIR)),
                url, cachePath, vectorData,
                Datum.valueOf(System.getProperty(PROP_DATUM, "GCJ02").trim().toUpperCase(Locale.ROOT)));
    }

    private static Path pathOrNull(String s) {
        return s == null || s.isBlank() ? null : Path.of(s.trim());
    }
}
