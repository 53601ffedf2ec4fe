package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoDao;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.MapLayers;
import org.junit.jupiter.api.Test;

/**
 * A bureau's own district opens whole on the map: the box comes from its outline or, without one, from the streets,
 * communities and police grids it imported; the zoom is the largest at which the box fits with a margin.
 */
class MapFitTest {

    private static MapLayers layers(String districtWkt, List<GeoDao.Area> streets, List<MapLayers.Grid> grids) {
        return new MapLayers(districtWkt, Datum.GCJ02, streets, List.of(), List.of(), grids, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    @Test
    void withoutAnOutlineTheImportedLayersTogetherMakeTheBox() {
        GeoDao.Area street = new GeoDao.Area(1, "S1", "街道", "POLYGON ((113.75 22.5, 114.0 22.5, 114.0 22.8, 113.75 22.8, 113.75 22.5))",
                Datum.GCJ02, null);
        MapLayers.Grid grid = new MapLayers.Grid(2, "警格", "GREEN",
                "POLYGON ((114.0 22.6, 114.6 22.6, 114.6 22.7, 114.0 22.7, 114.0 22.6))", Datum.GCJ02);
        MapData.Extent e = MapData.extent(layers("", List.of(street), List.of(grid)));
        assertNotNull(e);
        assertEquals(22.5, e.southWest().lat(), 1e-9);
        assertEquals(113.75, e.southWest().lon(), 1e-9);
        assertEquals(22.8, e.northEast().lat(), 1e-9);
        assertEquals(114.6, e.northEast().lon(), 1e-9);
        assertEquals(Datum.GCJ02, e.southWest().datum());
        assertNull(MapData.extent(layers("", List.of(), List.of())), "nothing imported: no box");
    }

    @Test
    void theOutlineWinsOverTheLayers() {
        GeoDao.Area street = new GeoDao.Area(1, "S1", "街道", "POLYGON ((100 20, 101 20, 101 21, 100 21, 100 20))",
                Datum.GCJ02, null);
        MapData.Extent e = MapData.extent(layers("POLYGON ((113.8 22.4, 114.5 22.4, 114.5 22.85, 113.8 22.85, 113.8 22.4))",
                List.of(street), List.of()));
        assertEquals(113.8, e.southWest().lon(), 1e-9);
        assertEquals(22.85, e.northEast().lat(), 1e-9);
    }

    @Test
    void theFitZoomIsTheLargestThatHoldsTheBoxWithAMargin() {
        // Shenzhen-sized: 0.8 degrees wide, 0.45 high.
        GeoPoint sw = GeoPoint.wgs84(22.40, 113.75);
        GeoPoint ne = GeoPoint.wgs84(22.85, 114.62);
        double z = LiveMapView.fitZoom(sw, ne, 800, 450);
        double dx = WebMercator.x(ne.lon()) - WebMercator.x(sw.lon());
        double dy = WebMercator.y(sw.lat()) - WebMercator.y(ne.lat());
        double pxW = dx * WebMercator.worldPixels(z);
        double pxH = dy * WebMercator.worldPixels(z);
        assertTrue(pxW <= 800 * 0.8 + 1e-6 && pxH <= 450 * 0.8 + 1e-6, "fits: " + pxW + " x " + pxH);
        assertTrue(Math.abs(pxW - 640) < 1e-6 || Math.abs(pxH - 360) < 1e-6, "and touches the margin on one side");
        assertEquals(LiveMapView.MAX_ZOOM, LiveMapView.fitZoom(sw, sw, 800, 450), "a point: the closest zoom");
        assertEquals(LiveMapView.MIN_ZOOM, LiveMapView.fitZoom(GeoPoint.wgs84(-60, -170), GeoPoint.wgs84(70, 170), 200, 100));
    }
}
