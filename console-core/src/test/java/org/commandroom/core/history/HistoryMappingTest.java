package org.commandroom.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.incident.IncidentType;
import org.junit.jupiter.api.Test;

/** Time formats, the proposal from headers and values, and the mapping's text form; no database. */
class HistoryMappingTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void eachFormatReadsItsOwnValuesInTheSourcesZone() {
        Instant at = Instant.parse("2025-11-03T00:05:09Z"); // 08:05:09 in Shanghai
        assertEquals(Optional.of(at), TimeFormat.ISO.parse("2025-11-03T08:05:09", SHANGHAI));
        assertEquals(Optional.of(at), TimeFormat.ISO.parse("2025-11-03T00:05:09Z", SHANGHAI));
        assertEquals(Optional.of(at), TimeFormat.YMD_DASH.parse("2025-11-03 08:05:09", SHANGHAI));
        assertEquals(Optional.of(at.minusSeconds(9)), TimeFormat.YMD_DASH.parse("2025-11-03 08:05", SHANGHAI));
        assertEquals(Optional.of(at.minusSeconds(9)), TimeFormat.YMD_SLASH.parse("2025/11/3 8:05", SHANGHAI));
        assertEquals(Optional.of(at), TimeFormat.US_12H.parse("11/3/2025 8:05:09 AM", SHANGHAI));
        assertEquals(Optional.of(at.plusSeconds(12 * 3600)), TimeFormat.US_12H.parse("11/03/2025 08:05:09 pm", SHANGHAI));
        assertEquals(Optional.of(at), TimeFormat.EPOCH_SECONDS.parse(Long.toString(at.getEpochSecond()), SHANGHAI));
        assertEquals(Optional.empty(), TimeFormat.US_12H.parse("2025/11/3 8:05", SHANGHAI));
        assertEquals(Optional.empty(), TimeFormat.YMD_SLASH.parse("2025/2/30 8:05", SHANGHAI), "no 30 February");
        assertEquals(Optional.empty(), TimeFormat.US_12H.parse("13/3/2025 8:05:09 AM", SHANGHAI));
    }

    @Test
    void theFormatIsDetectedFromAColumnsValues() {
        assertEquals(Optional.of(TimeFormat.US_12H), TimeFormat.detect(
                List.of("1/28/2021 8:24:14 PM", "12/31/2020 11:59:59 PM"), SHANGHAI));
        assertEquals(Optional.of(TimeFormat.YMD_SLASH), TimeFormat.detect(List.of("2025/11/3 8:05", "2025/11/13 18:05"), SHANGHAI));
        assertEquals(Optional.of(TimeFormat.EPOCH_SECONDS), TimeFormat.detect(List.of("1762128309"), SHANGHAI));
        assertEquals(Optional.of(TimeFormat.ISO), TimeFormat.detect(List.of("2025-11-03T08:05:09+08:00"), SHANGHAI));
        assertEquals(Optional.empty(), TimeFormat.detect(List.of("yesterday"), SHANGHAI));
    }

    @Test
    void dayFirstFormatsReadTheirOwnValues() {
        Instant at = Instant.parse("2025-11-03T00:05:09Z"); // 08:05:09 on 3 November in Shanghai
        assertEquals(Optional.of(at), TimeFormat.DMY_SLASH.parse("3/11/2025 8:05:09", SHANGHAI));
        assertEquals(Optional.of(at), TimeFormat.MDY_SLASH.parse("11/3/2025 08:05:09", SHANGHAI));
        assertEquals(Optional.of(at.minusSeconds(9)), TimeFormat.DMY_DOT.parse("03.11.2025 08:05", SHANGHAI));
        assertEquals(Optional.empty(), TimeFormat.DMY_SLASH.parse("11/13/2025 8:05", SHANGHAI), "no month 13");
        assertEquals(Optional.empty(), TimeFormat.DMY_DOT.parse("30.02.2025 8:05", SHANGHAI), "no 30 February");
    }

    /** A column of slash dates whose first 60 values (more than the 50 sampled) have day and month both ≤ 12. */
    private static HistoryTable slashDates(String last) throws Exception {
        StringBuilder csv = new StringBuilder("id,received\n");
        for (int i = 1; i <= 60; i++) {
            csv.append('C').append(i).append(',').append(1 + i % 12).append('/').append(1 + i % 9).append("/2025 10:00\n");
        }
        csv.append("C61,").append(last).append('\n');
        return HistoryTable.read(csv.toString().getBytes(StandardCharsets.UTF_8), "dates.csv");
    }

    @Test
    void dayOrMonthFirstIsDetectedOnlyWhenAValueSettlesIt() throws Exception {
        TimeFormat.Detection dayFirst = TimeFormat.detect(slashDates("25/12/2025 10:00"), "received", SHANGHAI);
        assertEquals(TimeFormat.DMY_SLASH, dayFirst.format(), "day 25, beyond the sampled rows, settles it");
        assertTrue(dayFirst.ambiguous().isEmpty());
        assertEquals(TimeFormat.MDY_SLASH, TimeFormat.detect(slashDates("12/25/2025 10:00"), "received", SHANGHAI).format());

        TimeFormat.Detection open = TimeFormat.detect(slashDates("12/11/2025 10:00"), "received", SHANGHAI);
        assertNull(open.format(), "never guessed");
        assertEquals(List.of(TimeFormat.DMY_SLASH, TimeFormat.MDY_SLASH), open.ambiguous());
        assertEquals(Optional.empty(), TimeFormat.detect(List.of("3/4/2025 10:00", "5/6/2025 11:00"), SHANGHAI));

        assertEquals(Optional.of(TimeFormat.DMY_DOT), TimeFormat.detect(List.of("03.04.2025 10:00", "28.04.2025 11:00"), SHANGHAI));
        TimeFormat.Detection dots = TimeFormat.detect(List.of("03.04.2025 10:00"), List.of("03.04.2025 10:00"), SHANGHAI);
        assertNull(dots.format(), "a dot date with no day over 12 is not taken as day first unseen either");
        assertEquals(List.of(TimeFormat.DMY_DOT), dots.ambiguous());
        // the formats that were detected before stay as they were
        assertEquals(Optional.of(TimeFormat.US_12H), TimeFormat.detect(List.of("3/4/2021 8:24:14 PM"), SHANGHAI));

        HistoryMapping proposed = HistoryMapping.propose("old", slashDates("12/11/2025 10:00"), null);
        assertEquals("received", proposed.column(HistoryField.RECEIVED_AT));
        assertNull(proposed.formats().get(HistoryField.RECEIVED_AT), "the proposal leaves an ambiguous format to the user");
        assertEquals(TimeFormat.DMY_SLASH, HistoryMapping.propose("old", slashDates("13/11/2025 10:00"), null)
                .formats().get(HistoryField.RECEIVED_AT));
    }

    @Test
    void aUsExportsHeadersAndTwelveHourTimesAreProposed() throws Exception {
        String csv = "Incident Number,Call Type,Priority,Received Date Time,Dispatch Date Time,On Scene Date Time,"
                + "Cleared Date Time,Address,Unit,Latitude,Longitude,Beat\n"
                + "C1,BURGLARY,1,1/28/2021 8:24:14 PM,1/28/2021 8:25:01 PM,1/28/2021 8:31:40 PM,1/28/2021 9:02:00 PM,"
                + "100 MAIN ST,1A12,38.6,-90.2,B1\n"
                + "C2,NOISE COMPLAINT,7,1/29/2021 1:02:03 AM,,,1/29/2021 1:40:00 AM,200 OAK ST,,,,B2\n";
        HistoryTable t = HistoryTable.read(csv.getBytes(StandardCharsets.UTF_8), "us.csv");
        HistoryMapping m = HistoryMapping.propose("US", t, null);
        assertEquals("Incident Number", m.column(HistoryField.EXTERNAL_ID));
        assertEquals("Call Type", m.column(HistoryField.TYPE));
        assertEquals("Received Date Time", m.column(HistoryField.RECEIVED_AT));
        assertEquals("Dispatch Date Time", m.column(HistoryField.DISPATCHED_AT));
        assertEquals("On Scene Date Time", m.column(HistoryField.ON_SCENE_AT));
        assertEquals("Cleared Date Time", m.column(HistoryField.CLEARED_AT));
        assertEquals("Unit", m.column(HistoryField.UNIT));
        assertEquals("Latitude", m.column(HistoryField.LAT));
        assertEquals("Longitude", m.column(HistoryField.LON));
        assertEquals("Beat", m.column(HistoryField.GRID));
        assertEquals(TimeFormat.US_12H, m.formats().get(HistoryField.RECEIVED_AT));
        assertEquals(Map.of("1", 1, "7", 3), m.priorities());
        assertEquals(IncidentType.BURGLARY, m.types().get("BURGLARY"));
        assertEquals(IncidentType.NOISE, m.types().get("NOISE COMPLAINT"));
    }

    @Test
    void aSevenLevelScaleIsSpreadOverThreeLevels() {
        assertEquals(Map.of("1", 1, "2", 1, "3", 1, "4", 2, "5", 2, "6", 3, "7", 3),
                HistoryMapping.proposePriorities(List.of("1", "2", "3", "4", "5", "6", "7")));
        assertEquals(Map.of("P1", 1, "P2", 2, "P3", 3), HistoryMapping.proposePriorities(List.of("P1", "P2", "P3")));
        assertEquals(Map.of("紧急", 1, "一般", 3), HistoryMapping.proposePriorities(List.of("紧急", "一般", "??")));
    }

    @Test
    void theTextFormReadsBackTheSameMapping() throws Exception {
        HistoryMapping m = new HistoryMapping("旧系统 A=1", Map.of(HistoryField.EXTERNAL_ID, "警情编号",
                HistoryField.RECEIVED_AT, "报警 时间"), Map.of(HistoryField.RECEIVED_AT, TimeFormat.US_12H),
                ZoneId.of("America/Chicago"), Datum.GCJ02, Map.of("P 1", 1, "二级", 2),
                Map.of("Shots Fired: into dwelling", IncidentType.ASSAULT, "其他", IncidentType.HELP_OTHER),
                IncidentType.NON_POLICE);
        HistoryMapping back = HistoryMapping.parse(m.toText());
        assertEquals(m, back);
        assertEquals(m.toText(), back.toText());
        assertTrue(m.toText().contains("警情编号"), "Chinese kept readable in the file");
    }

    @Test
    void aWrongMappingFileNamesEveryWrongLine() {
        HistoryMapping.Invalid e = assertThrows(HistoryMapping.Invalid.class, () -> HistoryMapping.parse(
                "zone=Mars/Olympus\ncolumn.nonsense=x\nformat.received_at=DD.MM.YYYY\npriority.9=4\ntype.x=THEFT\n"));
        assertEquals(5, e.problems().size(), e.problems().toString());
    }

    @Test
    void anExcelWorkbooksDateCellsAreRead() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = book.createSheet("警情");
            var head = sheet.createRow(0);
            head.createCell(0).setCellValue("警情编号");
            head.createCell(1).setCellValue("报警时间");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("J1");
            var cell = row.createCell(1);
            cell.setCellValue(java.time.LocalDateTime.of(2025, 11, 3, 8, 5, 9));
            var style = book.createCellStyle();
            style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy/m/d h:mm"));
            cell.setCellStyle(style);
            book.write(out);
        }
        HistoryTable t = HistoryTable.read(out.toByteArray(), "old.xlsx");
        assertEquals(List.of("警情编号", "报警时间"), t.header());
        assertEquals("2025-11-03 08:05:09", t.cell(0, 1));
        assertEquals(2, t.lines().get(0));
        assertEquals(TimeFormat.YMD_DASH, HistoryMapping.propose("x", t, null).formats().get(HistoryField.RECEIVED_AT));
    }
}
