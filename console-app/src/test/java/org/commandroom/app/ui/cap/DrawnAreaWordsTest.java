package org.commandroom.app.ui.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GeoShape;
import org.junit.jupiter.api.Test;

/** A drawn area in words in both languages: WGS 84 as the CAP document carries it, whole metres without grouping. */
class DrawnAreaWordsTest {

    @Test
    void aCircleAndAPolygonInBothLanguages() {
        GeoPoint wgs = GeoPoint.wgs84(29.21, 103.73);
        GeoPoint onTheMap = DatumConverter.convert(wgs, Datum.GCJ02);
        GeoShape.Circle circle = GeoShape.circle(onTheMap, 1234.4);
        GeoPoint back = DatumConverter.convert(onTheMap, Datum.WGS84);
        String centre = String.format(Locale.ROOT, "%.6f, %.6f", back.lat(), back.lon());
        assertEquals("29.210000, 103.730000", centre, "the words are in WGS 84, not the map's GCJ-02");
        I18n zh = I18n.load(Locale.ROOT);
        I18n en = I18n.load(Locale.ENGLISH);
        assertEquals("地图圈定的圆形：圆心 " + centre + "（WGS-84 纬度, 经度），半径 1234 米", CapAlertsView.shapeWords(zh, circle));
        assertEquals("Circle drawn on the map: centre " + centre + " (WGS-84 lat, lon), radius 1234 m",
                CapAlertsView.shapeWords(en, circle));
        assertEquals("地图圈定区域（半径 1234 米）", CapAlertsView.shapeName(zh, circle));
        assertEquals("Area circled on the map (radius 1234 m)", CapAlertsView.shapeName(en, circle));

        GeoShape.Outline triangle = GeoShape.polygon(List.of(GeoPoint.wgs84(29.22, 103.71), GeoPoint.wgs84(29.22, 103.72),
                GeoPoint.wgs84(29.21, 103.72)));
        assertEquals("地图绘制的多边形，3 个顶点（WGS-84 纬度, 经度）：(29.220000, 103.710000) (29.220000, 103.720000)"
                + " (29.210000, 103.720000)", CapAlertsView.shapeWords(zh, triangle));
        assertEquals("Polygon drawn on the map, 3 vertices (WGS-84 lat, lon): (29.220000, 103.710000)"
                + " (29.220000, 103.720000) (29.210000, 103.720000)", CapAlertsView.shapeWords(en, triangle));
        assertEquals("Area drawn on the map (3 vertices)", CapAlertsView.shapeName(en, triangle));
    }
}
