package org.commandroom.app.ui.map.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.commandroom.app.ui.map.MapPalette;
import org.commandroom.app.ui.map.WebMercator;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The last tier draws the district from vector data, in the tiles' datum. */
class VectorTileSourceTest {

    private static final GeometryFactory GF = new GeometryFactory();

    /** A 2 km square district around 29.21 N, 103.95 E in WGS-84. */
    private static BaseMapData square() {
        double d = 0.009;
        var poly = GF.createPolygon(new Coordinate[] {
            new Coordinate(103.95 - d, 29.21 - d), new Coordinate(103.95 + d, 29.21 - d),
            new Coordinate(103.95 + d, 29.21 + d), new Coordinate(103.95 - d, 29.21 + d), new Coordinate(103.95 - d, 29.21 - d)});
        return BaseMapData.of(Datum.WGS84, List.of(new BaseMapFeature("县界", poly, 0)), List.of(), List.of(), List.of());
    }

    private static long pixelsOf(BufferedImage img, int argb) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) == argb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void districtIsFilledWhereItLiesAndTheRestIsPlainLand() {
        VectorTileSource source = new VectorTileSource(square(), Datum.WGS84);
        int z = 15;
        long x = (long) (WebMercator.x(103.95) * (1 << z));
        long y = (long) (WebMercator.y(29.21) * (1 << z));
        BufferedImage inside = source.render(z, x, y);
        assertTrue(pixelsOf(inside, MapPalette.DISTRICT_LAND) > 256 * 256 / 4, "the district colours its tile");
        BufferedImage far = source.render(z, x + 40, y);
        assertEquals(256L * 256, pixelsOf(far, MapPalette.LAND), "far from the data: plain land, not blank");
    }

    @Test
    void dataIsShiftedIntoTheTileDatum() {
        // At z 18 one tile is about 150 m; GCJ-02 moves this point by some 500 m, so the district's
        // centre tile in GCJ-02 lies several tiles away from its WGS-84 tile.
        int z = 18;
        double[] gcj = new double[2];
        DatumConverter.convert(29.21, 103.95, Datum.WGS84, Datum.GCJ02, gcj);
        long gx = (long) (WebMercator.x(gcj[1]) * (1 << z));
        long gy = (long) (WebMercator.y(gcj[0]) * (1 << z));
        long wx = (long) (WebMercator.x(103.95) * (1 << z));
        long wy = (long) (WebMercator.y(29.21) * (1 << z));
        assertTrue(Math.abs(gx - wx) + Math.abs(gy - wy) >= 2, "the datums differ by more than a tile here");
        VectorTileSource source = new VectorTileSource(square(), Datum.GCJ02);
        // Outline dashes aside, the tile at the converted centre is district land.
        assertTrue(pixelsOf(source.render(z, gx, gy), MapPalette.DISTRICT_LAND) > 256 * 256 * 9 / 10);
    }
}
