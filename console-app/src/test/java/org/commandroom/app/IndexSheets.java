package org.commandroom.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.commandroom.core.index.EvaluationSheet;

/** Fills cells of an evaluation sheet template as a station would, for tests. */
public final class IndexSheets {

    private IndexSheets() {
    }

    /** Sets the first station's value of {@code indicator} to a number, or to text when value is a String. */
    public static void fill(Path file, String indicator, Object value) throws IOException {
        Workbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        Sheet s = wb.getSheet(EvaluationSheet.SHEET);
        Row ids = s.getRow(1);
        int col = -1;
        for (int c = 2; c < ids.getLastCellNum(); c++) {
            if (indicator.equals(ids.getCell(c).getStringCellValue())) {
                col = c;
            }
        }
        if (col < 0) {
            throw new IllegalArgumentException("no column for " + indicator);
        }
        Row row = s.getRow(3);
        if (value instanceof String text) {
            row.createCell(col).setCellValue(text);
        } else {
            row.createCell(col).setCellValue(((Number) value).doubleValue());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }
}
