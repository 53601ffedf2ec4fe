package org.commandroom.core.intake;

import org.commandroom.core.store.Causes;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import of calls from a CSV or JSON feed (docs/INTAKE.md gives the columns). Each row is checked,
 * then recorded through {@link IntakeService} in <b>its own transaction</b>: a bad row is reported with
 * its line and why, and the good rows are kept whatever happens to the others. A file whose header is
 * unusable (a required column missing, an unknown or repeated column) or that is not parseable at all
 * imports nothing and says why.
 */
public final class BulkIntake {

    private static final Logger LOG = LoggerFactory.getLogger(BulkIntake.class);
    /** The columns (CSV header) or fields (JSON) understood; address and type are required. */
    public static final List<String> COLUMNS = List.of("incident_no", "received_at", "caller_number", "address", "lat",
            "lon", "datum", "type", "priority", "description");
    private static final Set<String> REQUIRED = Set.of("address", "type");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    private final IntakeService intake;
    private final AccessGuard guard;
    private final Clock clock;

    public BulkIntake(IntakeService intake, Clock clock) {
        this(intake, clock, AccessGuard.trusted());
    }

    /** @param guard an import needs {@link Permission#IMPORT_CALLS}, each call {@link Permission#INTAKE} */
    public BulkIntake(IntakeService intake, Clock clock, AccessGuard guard) {
        this.guard = guard;
        this.intake = intake;
        this.clock = clock;
    }

    /** One row that could not be imported: its line (1 = the CSV header), the field and why. */
    public record RowProblem(int line, String field, String reason) {
        public String message() {
            return "line " + line + (field == null ? "" : " (" + field + ")") + ": " + reason;
        }
    }

    /** A row that was recorded. */
    public record ImportedRow(int line, long incidentId, String incidentNo, boolean repeat) {
    }

    /** What an import did: rows read, rows imported, and every problem. */
    public record Report(int rowsRead, List<ImportedRow> imported, List<RowProblem> problems) {
        public Report {
            imported = List.copyOf(imported);
            problems = List.copyOf(problems);
        }
    }

    /** Imports a CSV text (UTF-8 read by the caller; a byte-order mark is ignored). */
    public Report importCsv(String text, String actor) {
        guard.require(Permission.IMPORT_CALLS, "IMPORT_CALLS", "INCIDENT", null);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        org.commandroom.core.text.CsvLines lines = new org.commandroom.core.text.CsvLines(body);
        List<Row> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            String headerProblem = headerProblem(header);
            if (headerProblem != null) {
                return new Report(0, List.of(), List.of(new RowProblem(1, null, headerProblem)));
            }
            for (CSVRecord record : parser) {
                int line = lines.lineOfRecordAt(record.getCharacterPosition());
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                if (record.size() != header.size()) {
                    problems.add(new RowProblem(line, null, "has " + record.size() + " fields, the header has " + header.size()));
                    continue;
                }
                rows.add(new Row(line, values));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(new RowProblem(0, null, "the file is not readable CSV: "
                    + org.commandroom.core.text.Unparsable.csv(e).english()));
        }
        return run(rows, problems, rows.size() + problems.size(), actor);
    }

    /** Imports a JSON feed: an array of objects, or an object with an {@code incidents} array. */
    public Report importJson(String text, String actor) {
        guard.require(Permission.IMPORT_CALLS, "IMPORT_CALLS", "INCIDENT", null);
        List<Row> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        try (JsonParser p = mapper.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME && !"incidents".equals(p.currentName())) {
                    p.nextToken();
                    p.skipChildren();
                }
                t = t == JsonToken.FIELD_NAME ? p.nextToken() : t;
            }
            if (t != JsonToken.START_ARRAY) {
                return new Report(0, List.of(), List.of(new RowProblem(1, null,
                        "expected an array of incidents (or an object with an \"incidents\" array)")));
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                JsonLocation at = p.currentTokenLocation();
                int line = at.getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    problems.add(new RowProblem(line, null, "an incident must be a JSON object"));
                    continue;
                }
                JsonNode node = mapper.readTree(p);
                Map<String, String> values = new HashMap<>();
                List<String> unknown = new ArrayList<>();
                node.fields().forEachRemaining(e -> {
                    String key = e.getKey().toLowerCase(Locale.ROOT);
                    if (!COLUMNS.contains(key)) {
                        unknown.add(e.getKey());
                    } else if (!e.getValue().isNull()) {
                        values.put(key, e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                    }
                });
                if (!unknown.isEmpty()) {
                    problems.add(new RowProblem(line, String.join(",", unknown), "unknown field(s); known are " + COLUMNS));
                    continue;
                }
                rows.add(new Row(line, values));
            }
        } catch (JsonProcessingException e) {
            problems.add(new RowProblem(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "the file is not valid JSON: " + org.commandroom.core.text.Unparsable.jsonAt(e).english()));
        } catch (IOException e) {
            problems.add(new RowProblem(0, null, "the file could not be read"));
        }
        return run(rows, problems, rows.size() + (int) problems.stream().filter(x -> x.field() != null
                || x.reason().startsWith("an incident")).count(), actor);
    }

    private Report run(List<Row> rows, List<RowProblem> problems, int rowsRead, String actor) {
        List<ImportedRow> imported = new ArrayList<>();
        for (Row row : rows) {
            CallReport report;
            try {
                report = parse(row);
            } catch (RowRejected e) {
                problems.add(new RowProblem(row.line(), e.field, e.getMessage()));
                continue;
            }
            try {
                IntakeResult r = intake.record(report, actor);
                imported.add(new ImportedRow(row.line(), r.incident().id(), r.incident().incidentNo(), r.repeat().flagged()));
            } catch (IntakeRejected e) {
                problems.add(new RowProblem(row.line(), e.field(), e.getMessage()));
            } catch (RuntimeException e) {
                // The database refused this row (a constraint, a lost connection): report it, keep going.
                problems.add(new RowProblem(row.line(), null, "not stored: " + Causes.rootMessage(e)));
            }
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        LOG.info("Bulk import: {} rows, {} imported, {} problems", rowsRead, imported.size(), problems.size());
        return new Report(rowsRead, imported, problems);
    }

    private CallReport parse(Row row) {
        Map<String, String> v = row.values();
        String typeText = text(v, "type");
        if (typeText == null) {
            throw new RowRejected("type", "the incident type is missing");
        }
        IncidentType type;
        try {
            type = IncidentType.valueOf(typeText.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejected("type", "unknown incident type '" + typeText + "'");
        }
        Integer priority = null;
        String p = text(v, "priority");
        if (p != null) {
            try {
                priority = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new RowRejected("priority", "priority '" + p + "' is not 1, 2 or 3");
            }
        }
        String lat = text(v, "lat");
        String lon = text(v, "lon");
        GeoPoint position = null;
        if (lat != null || lon != null) {
            if (lat == null || lon == null) {
                throw new RowRejected(lat == null ? "lat" : "lon", "lat and lon must be given together");
            }
            Datum datum;
            String d = text(v, "datum");
            try {
                datum = d == null ? Datum.WGS84 : Datum.valueOf(d.trim().toUpperCase(Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                throw new RowRejected("datum", "datum '" + d + "' is neither WGS84 nor GCJ02");
            }
            try {
                position = new GeoPoint(Double.parseDouble(lat.trim()), Double.parseDouble(lon.trim()), datum);
            } catch (NumberFormatException e) {
                throw new RowRejected("lat", "coordinates '" + lat + "', '" + lon + "' are not numbers");
            } catch (IllegalArgumentException e) {
                throw new RowRejected("lat", e.getMessage());
            }
        }
        return new CallReport(text(v, "caller_number"), text(v, "address"), position, type, priority,
                text(v, "description"), receivedAt(text(v, "received_at")), text(v, "incident_no"));
    }

    private Instant receivedAt(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t, LOCAL).atZone(clock.getZone()).toInstant();
            } catch (DateTimeParseException e) {
                throw new RowRejected("received_at", "time '" + text
                        + "' is neither ISO-8601 with an offset nor 'yyyy-MM-dd HH:mm:ss' local time");
            }
        }
    }

    private static String text(Map<String, String> v, String key) {
        String s = v.get(key);
        return s == null || s.isBlank() ? null : s;
    }

    private static String headerProblem(List<String> header) {
        Set<String> seen = new LinkedHashSet<>();
        for (String h : header) {
            if (!COLUMNS.contains(h)) {
                return "unknown column '" + h + "'; the columns are " + COLUMNS;
            }
            if (!seen.add(h)) {
                return "column '" + h + "' appears twice";
            }
        }
        List<String> missing = REQUIRED.stream().filter(r -> !seen.contains(r)).sorted().toList();
        return missing.isEmpty() ? null : "missing required column(s) " + missing;
    }

    private record Row(int line, Map<String, String> values) {
    }

    private static final class RowRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;

        RowRejected(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
