package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GeoShape;
import org.commandroom.core.geo.io.CameraCsvReader;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.geo.io.DistrictEnvelope;
import org.commandroom.core.geo.io.ImportResult;
import org.commandroom.core.geo.io.ImportedCamera;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.Test;

/** The map's state and queries, with no FX runtime: picking, area selection, export, staleness. */
class LiveMapViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final LiveMapViewModel vm = new LiveMapViewModel(Datum.GCJ02, clock);
    private final SyntheticCounty county = new SyntheticCounty(7);

    private static GeoPoint wgs(double lat, double lon) {
        return GeoPoint.wgs84(lat, lon);
    }

    @Test
    void areaCircleSelectsExactlyTheCamerasABruteForceCheckFindsInside() {
        vm.setCameras(county.cameras(20_000, Datum.GCJ02));
        GeoPoint centre = new GeoPoint(29.2125, 103.9525, Datum.GCJ02);
        double radius = 650;
        vm.selectArea(GeoShape.circle(centre, radius));
        CameraSet set = vm.cameras();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            if (centre.distanceMetres(new GeoPoint(set.lat(i), set.lon(i), Datum.GCJ02)) <= radius) {
                expected.add(set.id(i));
            }
        }
        assertTrue(expected.size() > 50, "the circle holds a fair number of cameras: " + expected.size());
        assertEquals(expected, List.copyOf(vm.camerasInAreaProperty()));
    }

    @Test
    void areaSelectionAlsoListsTheUnitsInsideAndClearsAgain() {
        vm.units().add(new UnitMarker("U1", "巡1号", UnitKind.CAR, UnitStatus.AVAILABLE, wgs(29.2100, 103.9500), 90, NOW));
        vm.units().add(new UnitMarker("U2", "巡2号", UnitKind.FOOT, UnitStatus.BUSY, wgs(29.2400, 103.9900), 0, NOW));
        GeoPoint u1Gcj = DatumConverter.convert(wgs(29.2100, 103.9500), Datum.GCJ02);
        vm.selectArea(GeoShape.circle(u1Gcj, 300));
        assertEquals(List.of("U1"), List.copyOf(vm.unitsInAreaProperty()));
        vm.clearArea();
        assertTrue(vm.unitsInAreaProperty().isEmpty());
    }

    @Test
    void polygonAreaSelectsCamerasInsideIt() {
        vm.setCameras(new String[] {"A", "B", "C"}, new double[] {29.20, 29.21, 29.30}, new double[] {103.94, 103.95, 103.95},
                new CameraKind[] {CameraKind.SKYNET, CameraKind.CLASS1, CameraKind.SOCIAL}, new boolean[] {true, true, true}, Datum.GCJ02);
        vm.selectArea(GeoShape.polygon(List.of(new GeoPoint(29.19, 103.93, Datum.GCJ02), new GeoPoint(29.19, 103.96, Datum.GCJ02),
                new GeoPoint(29.22, 103.96, Datum.GCJ02), new GeoPoint(29.22, 103.93, Datum.GCJ02))));
        assertEquals(List.of("A", "B"), List.copyOf(vm.camerasInAreaProperty()));
    }

    @Test
    void pickPrefersIncidentThenUnitThenCameraThenGrid() {
        GeoPoint spot = wgs(29.2100, 103.9500);
        vm.setGrids(county.grids());
        assertEquals(MapSelection.Kind.GRID, vm.pick(spot, 20).orElseThrow().kind());
        vm.setCameras(new String[] {"C1"}, new double[] {spot.lat()}, new double[] {spot.lon()},
                new CameraKind[] {CameraKind.SKYNET}, new boolean[] {true}, Datum.WGS84);
        assertEquals(new MapSelection(MapSelection.Kind.CAMERA, "C1", DatumConverter.convert(spot, Datum.GCJ02)),
                vm.pick(spot, 20).orElseThrow());
        vm.units().add(new UnitMarker("U1", "巡1号", UnitKind.CAR, UnitStatus.AVAILABLE, spot, 0, NOW));
        assertEquals("U1", vm.pick(spot, 20).orElseThrow().id());
        vm.incidents().add(new IncidentMarker("J1", "家庭纠纷", 1, spot, NOW));
        assertEquals("J1", vm.pick(spot, 20).orElseThrow().id());
        vm.incidentsVisibleProperty().set(false);
        assertEquals("U1", vm.pick(spot, 20).orElseThrow().id(), "a hidden layer is not picked");
    }

    @Test
    void pickMissesAFeatureFartherThanTheTolerance() {
        vm.setCameras(new String[] {"C1"}, new double[] {29.21}, new double[] {103.95},
                new CameraKind[] {CameraKind.SKYNET}, new boolean[] {true}, Datum.GCJ02);
        GeoPoint at = new GeoPoint(29.2109, 103.95, Datum.GCJ02); // 100 m north
        assertEquals(Optional.empty(), vm.pick(at, 90));
        assertEquals("C1", vm.pick(at, 110).orElseThrow().id());
    }

    @Test
    void camerasInAreaExportAsCsvThatTheImporterReadsBack() throws Exception {
        vm.setCameras(CameraSet.of(new String[] {"51112400001310000001", "51112400001310000002"},
                new String[] {"玉津路口, 东", "南门"}, new double[] {29.21, 29.40}, new double[] {103.95, 103.95},
                new CameraKind[] {CameraKind.SKYNET, CameraKind.XUELIANG}, new boolean[] {true, false}, Datum.WGS84, Datum.GCJ02));
        vm.selectArea(GeoShape.circle(wgs(29.21, 103.95), 100));
        StringWriter out = new StringWriter();
        vm.writeCamerasInAreaCsv(out);
        ImportResult<ImportedCamera> back = new CameraCsvReader(new CameraCsvReader.Settings(Datum.WGS84,
                new DistrictEnvelope(29.0, 103.7, 29.5, 104.2))).read(out.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new ImportedCamera("51112400001310000001", "玉津路口, 东", CameraKind.SKYNET, wgs(29.21, 103.95))),
                back.records(), out + " " + back.problems());
    }

    @Test
    void unitIsStaleOnceItsPositionIsOlderThanTheStaleAge() {
        UnitMarker fresh = new UnitMarker("U1", "巡1号", UnitKind.CAR, UnitStatus.AVAILABLE, wgs(29.21, 103.95), 0, NOW.minusSeconds(119));
        UnitMarker old = new UnitMarker("U2", "巡2号", UnitKind.CAR, UnitStatus.AVAILABLE, wgs(29.21, 103.95), 0, NOW.minusSeconds(121));
        assertFalse(vm.isStale(fresh));
        assertTrue(vm.isStale(old));
        assertEquals(Duration.ofSeconds(121), vm.positionAge(old));
        vm.staleAfterProperty().set(Duration.ofMinutes(5));
        assertFalse(vm.isStale(old));
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
            assertEquals("2分钟前", MapText.age(vm.positionAge(old)));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
