package org.commandroom.core.geo.io;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a camera list (for example the cameras circled on the map for a video patrol) as CSV with
 * the header {@code id,name,lon,lat,type,online,datum}: the first five are the columns
 * {@link CameraCsvReader} reads, so an exported list can be imported again; {@code type} is written
 * as the Chinese name (天网, 雪亮...), {@code online} as {@code 1}/{@code 0}, coordinates with 7
 * decimals (about 1 cm). Quoting is by Commons CSV, so names may hold commas and quotes. The caller
 * chooses the encoding (UTF-8, with a byte-order mark if the file is for Excel). Thread-safe.
 */
public final class CameraCsvWriter {

    /** One line: the camera and whether it was online when exported. */
    public record Row(ImportedCamera camera, boolean online) {
        public Row {
            Objects.requireNonNull(camera, "camera");
        }
    }

    static final String[] HEADER = {"id", "name", "lon", "lat", "type", "online", "datum"};

    private CameraCsvWriter() {
    }

    public static void write(Appendable out, List<Row> rows) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\r\n").get();
        CSVPrinter printer = new CSVPrinter(out, format);
        for (Row row : rows) {
            ImportedCamera c = row.camera();
            printer.printRecord(c.deviceId(), c.name(),
                    String.format(Locale.ROOT, "%.7f", c.position().lon()),
                    String.format(Locale.ROOT, "%.7f", c.position().lat()),
                    c.kind().chineseName(), row.online() ? "1" : "0", c.position().datum().name());
        }
        printer.flush();
    }
}
