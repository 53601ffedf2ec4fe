package org.commandroom.core.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.commandroom.core.geo.io.ImportProblem;
import org.junit.jupiter.api.Test;

/** The readings file: its columns in either language, every wrong cell named by line and column, its limits. */
class MeterReadingCsvTest {

    private static MeterReadingCsv.Read read(String text) {
        return MeterReadingCsv.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(MeterReadingCsv.Read r) {
        return r.problems().stream().map(ImportProblem::message).toList();
    }

    @Test
    void englishHeadersOtherColumnsAndDateSpellingsAreRead() {
        MeterReadingCsv.Read r = read("\uFEFFMeter No, Address ,House number,Date,Reading,remark\n"
                + "A-1,南关街,１２号,2026/3/1,10.5,x\n\nA-1,南关街,12号,2026年4月1日,12\n");
        assertTrue(r.accepted(), problems(r).toString());
        assertEquals(2, r.readings().size());
        assertEquals(LocalDate.of(2026, 3, 1), r.readings().get(0).readOn());
        assertEquals("12号", r.readings().get(0).houseNo(), "full-width digits folded");
        assertEquals(r.readings().get(0).houseKey(), r.readings().get(1).houseKey());
        assertEquals(4, r.readings().get(1).line(), "lines counted as the file has them, blank ones included");
    }

    @Test
    void everyWrongCellIsNamedByLineAndColumnAndNothingIsRead() {
        MeterReadingCsv.Read r = read("表号,地址,门牌号,抄表日期,读数\n"
                + "M1,南关街,1号,2026-01-01,10\n"
                + "M 2,南关街,2号,2026-02-30,ten\n"
                + "M3,,3号,2026-01-01,-1\n"
                + "M1,南关街,1号,2026-01-01,11\n"
                + "M1,北关街,1号,2026-02-01,12\n");
        assertFalse(r.accepted());
        assertEquals(List.of(),  r.readings());
        assertEquals(List.of(
                "line 3, column meter: \"M 2\" is not a meter number (letters, digits, - and _, at most 32)",
                "line 3, column date: \"2026-02-30\" is not a date (yyyy-mm-dd)",
                "line 3, column reading: \"ten\" is not a reading in cubic metres from 0 to 10000000",
                "line 4, column address: is empty",
                "line 4, column reading: \"-1\" is not a reading in cubic metres from 0 to 10000000",
                "line 5, column date: meter M1 on 2026-01-01 is already read on line 2",
                "line 6, column address: meter M1 belongs to 南关街 1号 on line 2; a meter belongs to one house number"),
                problems(r));
        assertTrue(r.problems().get(1).message(Locale.SIMPLIFIED_CHINESE).contains("第 3 行，抄表日期")
                        && r.problems().get(1).message(Locale.SIMPLIFIED_CHINESE).contains("“2026-02-30”不是日期"),
                r.problems().get(1).message(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aMissingColumnAnEmptyFileAndATooLargeOneAreRefusedWhole() {
        assertEquals(List.of("line 1: missing column(s) 读数/reading; the header must be 表号,地址,门牌号,抄表日期,读数"),
                problems(read("表号,地址,门牌号,抄表日期\nM1,南关街,1号,2026-01-01\n")));
        assertEquals(List.of("the file: there are no readings after the header"), problems(read("表号,地址,门牌号,抄表日期,读数\n")));
        assertEquals(List.of("the file: is empty; expected the header 表号,地址,门牌号,抄表日期,读数"), problems(read(" \n")));
        assertEquals(List.of("the file: is not UTF-8 text (save it as UTF-8; Excel: \"CSV UTF-8\")"),
                problems(MeterReadingCsv.read(new byte[] {(byte) 0xB1, (byte) 0xED, (byte) 0xBA, (byte) 0xC5})));
        byte[] big = new byte[MeterReadingCsv.MAX_BYTES + 1];
        assertEquals(List.of("the file: is 32 MB; a readings file is read up to 32 MB"), problems(MeterReadingCsv.read(big)));
    }

    @Test
    void theProblemsListedAreCappedAndTheRestCounted() {
        StringBuilder b = new StringBuilder("表号,地址,门牌号,抄表日期,读数\n");
        for (int i = 0; i < 250; i++) {
            b.append("M").append(i).append(",南关街,1号,bad,1\n");
        }
        List<String> p = problems(read(b.toString()));
        assertEquals(MeterReadingCsv.MAX_PROBLEMS + 1, p.size());
        assertEquals("the file: 50 more problems not listed", p.get(p.size() - 1));
    }
}
