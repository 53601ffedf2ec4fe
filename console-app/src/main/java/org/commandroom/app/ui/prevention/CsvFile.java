package org.commandroom.app.ui.prevention;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A table of the 主防 window as a CSV file a Chinese Excel opens as it is: UTF-8 with a byte-order mark (without it
 * Excel reads GBK and the Chinese comes out garbled), fields separated by commas, records ended by CRLF, a field
 * holding a comma, a double quote or a line break enclosed in double quotes with its quotes doubled (RFC 4180). A
 * field a spreadsheet would take for a formula (beginning with {@code = + - @}, a tab or CR) gets a leading
 * apostrophe: addresses and names are typed by people, and opening the file must not run them. Numbers are written
 * as the table shows them.
 */
final class CsvFile {

    static final char BOM = '\uFEFF';

    /** A table's header and rows, as its columns show them, in its order: read on the FX thread. */
    record Snapshot(List<String> header, List<List<String>> rows) {
    }

    private CsvFile() {
    }

    /** The visible columns' titles and every row's cells as shown (call on the FX thread). */
    static <T> Snapshot of(TableView<T> table) {
        List<TableColumn<T, ?>> columns = table.getVisibleLeafColumns();
        List<String> header = new ArrayList<>();
        columns.forEach(c -> header.add(c.getText()));
        List<List<String>> rows = new ArrayList<>();
        for (T item : table.getItems()) {
            List<String> row = new ArrayList<>();
            for (TableColumn<T, ?> c : columns) {
                Object v = c.getCellData(item);
                row.add(v == null ? "" : v.toString());
            }
            rows.add(row);
        }
        return new Snapshot(List.copyOf(header), List.copyOf(rows));
    }

    /**
     * Writes the snapshot to {@code file} (blocking: off the FX thread), through a temporary file beside it so that a
     * failure never leaves half a file under the name asked for. Returns the rows written.
     */
    static int write(Path file, Snapshot s) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".export-", ".csv.tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write(BOM);
                record(out, s.header());
                for (List<String> row : s.rows()) {
                    record(out, row);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return s.rows().size();
    }

    static void record(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(defused(fields.get(i) == null ? "" : fields.get(i))));
        }
        out.write("\r\n");
    }

    static String quoted(String f) {
        boolean needs = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\r') >= 0 || f.indexOf('\n') >= 0;
        return needs ? '"' + f.replace("\"", "\"\"") + '"' : f;
    }

    /** An apostrophe before a field a spreadsheet would read as a formula; a plain negative number is left alone. */
    static String defused(String f) {
        if (f.isEmpty()) {
            return f;
        }
        char c = f.charAt(0);
        if (c == '-' && f.matches("-\\d+(\\.\\d+)?")) {
            return f;
        }
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + f : f;
    }
}
