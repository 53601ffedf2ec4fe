package org.commandroom.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatumConverterTest {

    /**
     * Published WGS-84 / GCJ-02 reference pairs (lat, lon), full precision, from the test table of
     * googollee/eviltransform, file go/transform_test.go (the same table is in javascript/test.js).
     */
    @ParameterizedTest(name = "eviltransform pair {0}")
    @CsvSource({
            "shanghai, 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",
            "shenzhen, 22.543847,  113.912316,  22.540796131694766, 113.9171764808363",
            "beijing,  39.911954,  116.377817,  39.91334545536069, 116.38404722455657",
    })
    void wgs84ToGcj02MatchesEviltransformReferencePairs(String city, double wLat, double wLon, double gLat, double gLon) {
        GeoPoint g = DatumConverter.convert(GeoPoint.wgs84(wLat, wLon), Datum.GCJ02);
        assertEquals(Datum.GCJ02, g.datum());
        assertEquals(gLat, g.lat(), 1e-9, city);
        assertEquals(gLon, g.lon(), 1e-9, city);
    }

    /**
     * Reference pairs (lon, lat as in the file, 7 decimals) from hujiulong/gcoord, file
     * test/fixtures/china-cities.json: Meizhou, Shantou, Shanwei (Guangdong), Nagqu, Jiuquan, Shenyang.
     * These values come from a map service rather than from the formula, and gcoord's own test
     * (test/unit/transform.spec.ts) holds them to 4 decimals only; they differ from the formula by
     * about 0.5 m in latitude, so they are checked to gcoord's tolerance of 5e-5 degrees.
     */
    @ParameterizedTest(name = "gcoord pair {0}")
    @CsvSource({
            "meizhou,  116.1174053, 24.2912377, 116.1222426, 24.2886182",
            "shantou,  116.6775114, 23.3567569, 116.6819735, 23.3540964",
            "shanwei,  115.3702248, 22.7888255, 115.3751647, 22.7861903",
            "nagqu,    92.0499619,  31.4784436, 92.0512438,  31.4762063",
            "jiuquan,  98.4937175,  39.7319946, 98.4943595,  39.7328234",
            "shenyang, 123.4253306, 41.8032629, 123.4314787, 41.8057023",
    })
    void convertsBothWaysWithinGcoordToleranceOnItsCityTable(String city, double wLon, double wLat, double gLon, double gLat) {
        GeoPoint g = DatumConverter.convert(GeoPoint.wgs84(wLat, wLon), Datum.GCJ02);
        assertEquals(gLat, g.lat(), 5e-5, city);
        assertEquals(gLon, g.lon(), 5e-5, city);

        GeoPoint w = DatumConverter.convert(new GeoPoint(gLat, gLon, Datum.GCJ02), Datum.WGS84);
        assertEquals(Datum.WGS84, w.datum());
        assertEquals(wLat, w.lat(), 5e-5, city);
        assertEquals(wLon, w.lon(), 5e-5, city);
    }

    /** gcoord's own pair, test/unit/transform.spec.ts: WGS-84 (123, 45) is GCJ-02 (123.00607541, 45.00197815). */
    @Test
    void wgs84ToGcj02MatchesGcoordPairToEightDecimals() {
        GeoPoint g = DatumConverter.convert(GeoPoint.wgs84(45, 123), Datum.GCJ02);
        assertEquals(45.00197815, g.lat(), 1e-8);
        assertEquals(123.00607541, g.lon(), 1e-8);
    }

    @Test
    void inverseIsExactNotOneStep() {
        // The one-step inverse (subtract the offset computed at the GCJ-02 point) misses by metres;
        // the iterated inverse must map back onto the GCJ-02 point to within 1e-9 degrees (0.1 mm).
        GeoPoint gcj = new GeoPoint(22.5550, 113.8830, Datum.GCJ02);
        GeoPoint w = DatumConverter.convert(gcj, Datum.WGS84);
        GeoPoint again = DatumConverter.convert(w, Datum.GCJ02);
        assertEquals(gcj.lat(), again.lat(), 1e-9);
        assertEquals(gcj.lon(), again.lon(), 1e-9);
        GeoPoint forwardAtGcj = DatumConverter.convert(new GeoPoint(gcj.lat(), gcj.lon(), Datum.WGS84), Datum.GCJ02);
        GeoPoint oneStep = GeoPoint.wgs84(2 * gcj.lat() - forwardAtGcj.lat(), 2 * gcj.lon() - forwardAtGcj.lon());
        assertTrue(oneStep.distanceMetres(w) > 0.1, "the one-step inverse would already be exact here");
    }

    @Test
    void eviltransformGcj02ToWgs84IsWithinACentimetreOfTheReference() {
        GeoPoint w = DatumConverter.convert(new GeoPoint(22.540796131694766, 113.9171764808363, Datum.GCJ02), Datum.WGS84);
        assertTrue(w.distanceMetres(GeoPoint.wgs84(22.543847, 113.912316)) < 0.01);
    }

    @Test
    void roundTripOverAGridAcrossChinaStaysUnderOneCentimetre() {
        double worst = 0;
        for (double lat = 18.0; lat <= 53.0; lat += 0.5) {
            for (double lon = 73.5; lon <= 135.0; lon += 0.5) {
                GeoPoint w = GeoPoint.wgs84(lat, lon);
                GeoPoint back = DatumConverter.convert(DatumConverter.convert(w, Datum.GCJ02), Datum.WGS84);
                worst = Math.max(worst, w.distanceMetres(back));
            }
        }
        assertTrue(worst < 0.01, "worst round-trip error " + worst + " m");
    }

    /**
     * The rule of thumb "100-700 m" holds east of 105 degrees E (where Guangdong and most of the
     * population are); around 98 E, 38 N (Qinghai, Gansu) the formula's offset drops to about 40 m,
     * which {@link #offsetNeverExceedsSevenHundredMetresAnywhereInChina} covers.
     */
    @Test
    void offsetIsHundredsOfMetresInEasternChina() {
        assertOffsetBetween(105.0, 100, 700);
    }

    @Test
    void offsetNeverExceedsSevenHundredMetresAnywhereInChina() {
        assertOffsetBetween(73.5, 30, 700);
    }

    private static void assertOffsetBetween(double westLon, double minMetres, double maxMetres) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double lat = 18.0; lat <= 53.0; lat += 0.5) {
            for (double lon = westLon; lon <= 135.0; lon += 0.5) {
                GeoPoint w = GeoPoint.wgs84(lat, lon);
                GeoPoint g = DatumConverter.convert(w, Datum.GCJ02);
                double d = w.distanceMetres(new GeoPoint(g.lat(), g.lon(), Datum.WGS84));
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
        }
        assertTrue(min >= minMetres && max <= maxMetres, "offset ranges " + min + " .. " + max + " m");
    }

    @ParameterizedTest(name = "{0} is not shifted")
    @CsvSource({
            "london,   51.5074, -0.1278",
            "new-york, 40.7128, -74.0060",
            "tokyo,    35.6762, 139.6503",
            "moscow,   55.7558, 37.6173",
            "sydney,  -33.8688, 151.2093",
    })
    void pointsOutsideChinaAreReturnedUnchangedInBothDirections(String city, double lat, double lon) {
        GeoPoint g = DatumConverter.convert(GeoPoint.wgs84(lat, lon), Datum.GCJ02);
        assertEquals(new GeoPoint(lat, lon, Datum.GCJ02), g);
        GeoPoint w = DatumConverter.convert(new GeoPoint(lat, lon, Datum.GCJ02), Datum.WGS84);
        assertEquals(GeoPoint.wgs84(lat, lon), w);
    }

    @Test
    void convertingToTheSameDatumReturnsThePointItself() {
        GeoPoint p = new GeoPoint(22.55, 113.88, Datum.GCJ02);
        assertSame(p, DatumConverter.convert(p, Datum.GCJ02));
    }
}
