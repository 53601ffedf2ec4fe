package org.commandroom.app.ui.prevention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 主防 window's CSV: what Excel needs (a BOM, CRLF), RFC 4180's quoting, formulas defused, no half file. */
class CsvFileTest {

    @TempDir
    Path dir;

    @Test
    void aBomThenTheHeaderAndRowsQuotedWhereTheyMustBeWithFormulasDefused() throws Exception {
        Path f = dir.resolve("预警.csv");
        int n = CsvFile.write(f, new CsvFile.Snapshot(List.of("地址", "说明"), List.of(
                List.of("南关街 12号", "逗号,引号\"和\n换行"),
                List.of("=HYPERLINK(\"x\")", "-12.5"),
                List.of("+86 138", "@某人"))));
        assertEquals(3, n);
        byte[] bytes = Files.readAllBytes(f);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 with a BOM for Excel");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertEquals("地址,说明\r\n"
                + "南关街 12号,\"逗号,引号\"\"和\n换行\"\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",-12.5\r\n"
                + "'+86 138,'@某人\r\n", text);
    }

    @Test
    void aFailedWriteLeavesNoFileUnderTheNameAsked() throws Exception {
        Path f = dir.resolve("out.csv");
        Files.createDirectory(f); // a folder, not empty, where the file should go: the move fails
        Files.writeString(f.resolve("inside.txt"), "x");
        assertThrows(java.io.IOException.class, () -> CsvFile.write(f, new CsvFile.Snapshot(List.of("a"), List.of())));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(f), left.toList(), "no temporary file left behind");
        }
        assertFalse(Files.isRegularFile(f));
    }
}
