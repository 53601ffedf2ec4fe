package org.commandroom.app.ui.map.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.commandroom.app.ui.map.MapData;
import org.commandroom.app.ui.map.MapPalette;
import org.commandroom.app.ui.map.WebMercator;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.MapLayers;
import org.commandroom.core.geo.osm.OsmExtractReader;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTWriter;

/** The console's own tiles draw a real OpenStreetMap extract (Matiu/Somes Island, core's test resources). */
class OsmBaseMapTilesTest {

    private static final double LAT = -41.2565;
    private static final double LON = 174.8645;

    private static MapLayers somes() throws Exception {
        OsmExtractReader.Result read;
        try (InputStream in = OsmBaseMapTilesTest.class.getResourceAsStream("/osm/somes-island.osm.pbf")) {
            read = OsmExtractReader.read(in, null, OsmExtractReader.Limits.DEFAULT);
        }
        List<MapLayers.BaseFeature> rows = new ArrayList<>();
        long id = 1;
        for (OsmExtractReader.Feature f : read.features()) {
            rows.add(new MapLayers.BaseFeature(id++, f.kind(), f.name(), new WKTWriter().write(f.geometry()), Datum.WGS84,
                    f.detail()));
        }
        return new MapLayers("", Datum.WGS84, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), rows, List.of());
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
    void theIslandsShoreRoadAndNameAreDrawnAndTheNameOnlyWhereItFits() throws Exception {
        BaseMapData data = MapData.baseMap(somes());
        assertTrue(data.places().stream().anyMatch(p -> p.name().equals("Matiu/Somes Island")));
        VectorTileSource source = new VectorTileSource(data, Datum.WGS84);
        int z = 15;
        long x = (long) (WebMercator.x(LON) * (1 << z));
        long y = (long) (WebMercator.y(LAT) * (1 << z));
        long water = 0;
        long roads = 0;
        long text = 0;
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                BufferedImage tile = source.render(z, x + dx, y + dy);
                water += pixelsOf(tile, MapPalette.WATER);
                roads += pixelsOf(tile, MapPalette.ROAD_MINOR);
                text += pixelsOf(tile, MapPalette.AREA_LABEL);
            }
        }
        assertTrue(water > 200, "the coastline: " + water);
        assertTrue(roads > 10, "the service road: " + roads);
        assertTrue(text > 20, "the island's name: " + text);
        assertTrue(source.placesAt(z).stream().anyMatch(p -> p.name().equals("Matiu/Somes Island")));
        assertTrue(source.placesAt(11).isEmpty(), "an island's name (rank 2) is not drawn zoomed out to 11");
    }

    @Test
    void namesNeverOverlapAndTheMoreImportantOneWins() {
        GeometryFactory gf = new GeometryFactory();
        List<BaseMapFeature> places = List.of(
                new BaseMapFeature("南关村", gf.createPoint(new Coordinate(103.9503, 29.21)), 2),
                new BaseMapFeature("城关镇", gf.createPoint(new Coordinate(103.95, 29.21)), 1),
                new BaseMapFeature("北岸村", gf.createPoint(new Coordinate(103.95, 29.30)), 2));
        VectorTileSource source = new VectorTileSource(BaseMapData.of(Datum.WGS84, List.of(), List.of(), List.of(),
                List.of(), places), Datum.WGS84);
        assertEquals(List.of("城关镇"), source.placesAt(12).stream().map(VectorTileSource.PlaceName::name).toList(),
                "at 12 only towns; villages from 13");
        assertEquals(List.of("城关镇", "北岸村"), source.placesAt(13).stream().map(VectorTileSource.PlaceName::name).toList(),
                "the village 30 m from the town gives way to it; the one 10 km away is named");
        assertEquals(3, source.placesAt(19).size(), "zoomed in far enough, both fit");
    }
}
