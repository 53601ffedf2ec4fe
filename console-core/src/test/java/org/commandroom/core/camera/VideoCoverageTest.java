package org.commandroom.core.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.MapLayers;
import org.junit.jupiter.api.Test;

/** Which key places a video patrol cannot watch: counted within the radius, in either datum. */
class VideoCoverageTest {

    private static final double LAT = 29.21;
    private static final double LON = 103.95;
    /** About 100 m of latitude. */
    private static final double HUNDRED_M = 100 / 111_195.0;

    private static MapLayers.CameraPoint camera(String id, double dLatMetres, boolean online) {
        return new MapLayers.CameraPoint(id, id, CameraKind.SKYNET, LAT + dLatMetres / 100 * HUNDRED_M, LON, Datum.WGS84, online);
    }

    @Test
    void aPlaceWithFewerThanTwoCamerasOnLineWithin200MetresIsShortAndTheOthersAreNot() {
        MapLayers.Place school = new MapLayers.Place(1, "城关小学", "SCHOOL", LAT, LON, Datum.WGS84);
        MapLayers.Place market = new MapLayers.Place(2, "夜市", "NIGHT_MARKET", LAT + 10 * HUNDRED_M, LON, Datum.WGS84);
        List<MapLayers.CameraPoint> cameras = List.of(
                camera("a", 50, true), camera("b", -150, false), camera("c", 190, false), camera("d", 260, true),
                camera("m1", 1000, true), camera("m2", 1050, true), camera("m3", 980, false));

        List<VideoCoverage.Gap> gaps = VideoCoverage.gaps(List.of(school, market), cameras, VideoCoverage.Rule.DEFAULT);

        assertEquals(List.of(new VideoCoverage.Gap(1, "城关小学", 3, 1)), gaps,
                "the school sees a, b and c (d is 260 m away), one of them on line; the market has two on line");
        assertEquals(List.of(), VideoCoverage.gaps(List.of(school), cameras, new VideoCoverage.Rule(300, 2)),
                "at 300 m d counts too");
        assertEquals(List.of(new VideoCoverage.Gap(2, "夜市", 3, 2)),
                VideoCoverage.gaps(List.of(market), cameras, new VideoCoverage.Rule(200, 3)));
    }

    @Test
    void camerasInGcj02CountForAPlaceInWgs84AndAPlaceWithNoCameraIsShort() {
        GeoPoint shifted = DatumConverter.convert(new GeoPoint(LAT, LON, Datum.WGS84), Datum.GCJ02);
        assertTrue(shifted.distanceMetres(new GeoPoint(LAT, LON, Datum.GCJ02)) > 300, "GCJ-02 moves the point a few hundred metres");
        List<MapLayers.CameraPoint> cameras = List.of(
                new MapLayers.CameraPoint("g1", "g1", CameraKind.XUELIANG, shifted.lat(), shifted.lon(), Datum.GCJ02, true),
                new MapLayers.CameraPoint("g2", "g2", CameraKind.XUELIANG, shifted.lat() + HUNDRED_M / 2, shifted.lon(), Datum.GCJ02, true));
        MapLayers.Place place = new MapLayers.Place(7, "汽车站", "BUS_STATION", LAT, LON, Datum.WGS84);
        assertEquals(List.of(), VideoCoverage.gaps(List.of(place), cameras, VideoCoverage.Rule.DEFAULT));
        assertEquals(List.of(new VideoCoverage.Gap(7, "汽车站", 0, 0)),
                VideoCoverage.gaps(List.of(place), List.of(), VideoCoverage.Rule.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new VideoCoverage.Rule(0, 2));
    }
}
