package org.commandroom.core.geo.io;

import org.commandroom.core.camera.CameraKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class CameraCsvWriterTest {

    @Test
    void exportedListReadsBackUnchangedThroughTheImporter() throws Exception {
        List<ImportedCamera> cameras = List.of(
                new ImportedCamera("44030600001310000001", "宝安大道,新安路口", CameraKind.SKYNET, GeoPoint.wgs84(22.5551, 113.8831)),
                new ImportedCamera("44030600001320000002", "Community \"East\" gate", CameraKind.TELECOM_HD, GeoPoint.wgs84(22.56, 113.89)));
        StringBuilder out = new StringBuilder();
        CameraCsvWriter.write(out, List.of(new CameraCsvWriter.Row(cameras.get(0), true), new CameraCsvWriter.Row(cameras.get(1), false)));

        assertTrue(out.toString().startsWith("id,name,lon,lat,type,online,datum\r\n"), out.toString());
        assertTrue(out.toString().contains(",电信高清,0,WGS84"), out.toString());
        ImportResult<ImportedCamera> back = new CameraCsvReader(new CameraCsvReader.Settings(Datum.WGS84,
                new DistrictEnvelope(22.4, 113.7, 22.7, 114.0))).read(out.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(cameras, back.records(), back.problems().toString());
    }
}
