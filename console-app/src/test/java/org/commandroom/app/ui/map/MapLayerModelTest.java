package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.junit.jupiter.api.Test;

/** The layer model without a display: hot keys, session toggles, the fill hook, picking by zoom. */
class MapLayerModelTest {

    private static LiveMapViewModel vm() {
        return new LiveMapViewModel(Datum.WGS84, Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void everyLayerHasItsOwnAltDigit() {
        Set<Integer> digits = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (MapLayerId id : MapLayerId.values()) {
            assertTrue(keys.add(id.keyLabel()), "key used twice: " + id.keyLabel());
            if (id.hotkey() >= 0) {
                assertTrue(digits.add(id.hotkey()), "digit used twice: " + id.hotkey());
                assertEquals(id, MapLayerId.byHotkey(id.hotkey()).orElseThrow());
                assertEquals(Integer.toString(id.hotkey()), id.keyLabel());
            }
        }
        assertEquals(10, digits.size());
        assertEquals("H", MapLayerId.HOUSES.keyLabel(), "the digits are taken: the houses are Alt+H");
        assertEquals(MapLayerId.HOUSES, MapLayerId.byLetter('h').orElseThrow());
        assertTrue(MapLayerId.byHotkey(-1).isEmpty());
        assertTrue(MapLayerId.byLetter('Q').isEmpty());
        assertTrue(MapLayerId.COMMUNITIES_FROM_ZOOM < MapLayerId.MICRO_GRIDS_FROM_ZOOM);
        assertEquals(MapLayerId.MICRO_GRIDS_FROM_ZOOM, MapLayerId.MICRO_GRIDS.minZoom());
    }

    @Test
    void togglesLastForTheSessionAcrossMapsBuiltAfterwards() {
        MapLayerToggles session = new MapLayerToggles();
        LiveMapViewModel first = vm();
        session.attach(first);
        first.layerVisibleProperty(MapLayerId.CAMERAS).set(false);
        first.layerVisibleProperty(MapLayerId.MICRO_GRIDS).set(false);
        LiveMapViewModel second = vm();
        session.attach(second);
        assertFalse(second.camerasVisibleProperty().get(), "switched off on the first map, off on the next");
        assertFalse(second.layerVisibleProperty(MapLayerId.MICRO_GRIDS).get());
        assertTrue(second.layerVisibleProperty(MapLayerId.UNITS).get());
    }

    @Test
    void valuePaletteBandsAndTheFillByValue() {
        ValuePalette p = ValuePalette.bands(new double[] {60, 85}, new int[] {1, 2, 3});
        assertEquals(1, p.argb(-5));
        assertEquals(1, p.argb(60));
        assertEquals(2, p.argb(60.01));
        assertEquals(2, p.argb(85));
        assertEquals(3, p.argb(100));
        assertEquals(0, p.argb(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ValuePalette.bands(new double[] {1}, new int[] {1}));
        GridArea a = new GridArea("A", "甲", RiskGrade.RED, "POLYGON ((0 0, 1 0, 1 1, 0 0))", Datum.WGS84);
        GridArea b = new GridArea("B", "乙", RiskGrade.RED, "POLYGON ((0 0, 1 0, 1 1, 0 0))", Datum.WGS84);
        GridFill fill = GridFill.byValue(Map.of("A", 90.0), p);
        assertEquals(3, fill.argb(a));
        assertEquals(0, fill.argb(b), "a grid without a score is left unfilled");
        assertEquals(MapPalette.GRADE_RED, GridFill.byRiskGrade().argb(b));
    }

    @Test
    void picksThePointLayersBeforeTheSmallestAreaAndOnlyLayersShownAtTheZoom() {
        LiveMapViewModel vm = vm();
        String box = "POLYGON ((103.90 29.20, 104.00 29.20, 104.00 29.30, 103.90 29.30, 103.90 29.20))";
        String small = "POLYGON ((103.94 29.24, 103.96 29.24, 103.96 29.26, 103.94 29.26, 103.94 29.24))";
        vm.setGrids(List.of(new GridArea("G", "警格", RiskGrade.GREEN, box, Datum.WGS84)));
        vm.setAreas(MapLayerId.COMMUNITIES, List.of(new GridArea("C", "社区", RiskGrade.RED, box, Datum.WGS84)));
        vm.setAreas(MapLayerId.MICRO_GRIDS, List.of(new GridArea("M", "网格", RiskGrade.GREEN, small, Datum.WGS84)));
        GeoPoint centre = GeoPoint.wgs84(29.25, 103.95);
        vm.setPlaces(MapLayerId.POLICE_OFFICES, List.of(new PlaceMarker("O1", "警务室", "", centre)));
        assertEquals(MapSelection.Kind.POLICE_OFFICE, vm.pick(centre, 10, 16).orElseThrow().kind());
        GeoPoint near = GeoPoint.wgs84(29.2505, 103.9505);
        assertEquals(MapSelection.Kind.MICRO_GRID, vm.pick(near, 10, 16).orElseThrow().kind(), "70 m away: the micro-grid");
        assertEquals(MapSelection.Kind.GRID, vm.pick(near, 10, 14).orElseThrow().kind(), "micro-grids are not shown at 14");
        vm.gridsVisibleProperty().set(false);
        assertEquals(MapSelection.Kind.COMMUNITY, vm.pick(near, 10, 14).orElseThrow().kind());
        assertTrue(vm.pick(near, 10, 12).isEmpty(), "communities are not shown at 12 either");
        assertEquals("社区", vm.describe(vm.pick(near, 10, 14).orElseThrow()).orElseThrow());
    }
}
