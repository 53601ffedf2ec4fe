package org.commandroom.core.eido;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.commandroom.core.incident.IncidentType;

/**
 * The table from an EIDO's common incident type ({@code incidentTypeCommonRegistryText}) to this console's
 * {@link IncidentType}: the bundled default ({@code eido/incident-types.properties}, documented there) and, over it,
 * the bureau's own file of the same form. Lines of the form {@code CODE = TYPE}; {@code #} starts a comment; codes are
 * compared ignoring case; {@code CODE =} with no type removes a default entry; {@code * = TYPE} takes every code not
 * listed. A line that names no known type is not used and is reported in {@link #ignored()}. Immutable.
 */
public final class EidoTypeMap {

    static final String DEFAULT = "eido/incident-types.properties";
    /** The bureau's file's name in the data directory. */
    public static final String BUREAU_FILE = "eido-incident-types.properties";
    /** The largest bureau file read (one line per type code: a few KB). */
    public static final int MAX_BYTES = 256 * 1024;
    private static final String ANY = "*";

    private final Map<String, IncidentType> table;
    private final List<String> ignored;

    private EidoTypeMap(Map<String, IncidentType> table, List<String> ignored) {
        this.table = Map.copyOf(table);
        this.ignored = List.copyOf(ignored);
    }

    /** The bundled default table. */
    public static EidoTypeMap bundled() {
        try (InputStream in = EidoTypeMap.class.getClassLoader().getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT + " is missing from the class path");
            }
            Map<String, IncidentType> t = new LinkedHashMap<>();
            List<String> ignored = new ArrayList<>();
            apply(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT, t, ignored);
            if (!ignored.isEmpty()) {
                throw new IllegalStateException("the bundled EIDO type table has bad lines: " + ignored);
            }
            return new EidoTypeMap(t, ignored);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT, e);
        }
    }

    /**
     * The bundled table with the bureau's file over it; the bundled one alone when {@code file} is null or does not
     * exist.
     */
    public static EidoTypeMap withBureauFile(Path file) {
        EidoTypeMap base = bundled();
        if (file == null || !Files.isRegularFile(file)) {
            return base;
        }
        try {
            if (Files.size(file) > MAX_BYTES) { // it was read whole: a file of gigabytes ended in OutOfMemoryError
                return new EidoTypeMap(base.table, List.of(file.getFileName() + ": larger than " + MAX_BYTES / 1024
                        + " KB, not read; the default table is used"));
            }
            return base.overriddenBy(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            return new EidoTypeMap(base.table, List.of(file.getFileName() + ": cannot be read, the default table is used"));
        }
    }

    /** This table with the lines of {@code text} (the bureau's file, {@code source} its name) over it. */
    public EidoTypeMap overriddenBy(String text, String source) {
        Map<String, IncidentType> t = new LinkedHashMap<>(table);
        List<String> bad = new ArrayList<>(ignored);
        apply(text, source, t, bad);
        return new EidoTypeMap(t, bad);
    }

    private static void apply(String text, String source, Map<String, IncidentType> t, List<String> ignored) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int n = 0;
        for (String raw : body.lines().toList()) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                ignored.add(source + " line " + n + ": not CODE = TYPE");
                continue;
            }
            String code = key(line.substring(0, eq));
            String type = line.substring(eq + 1).strip();
            if (type.isEmpty()) {
                t.remove(code);
                continue;
            }
            try {
                t.put(code, IncidentType.valueOf(type.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                ignored.add(source + " line " + n + ": '" + type + "' is not a type of this console");
            }
        }
    }

    private static String key(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** The console's type for a common type code; empty when neither the code nor {@code *} is listed. */
    public Optional<IncidentType> typeOf(String commonCode) {
        if (commonCode == null || commonCode.isBlank()) {
            return Optional.empty();
        }
        IncidentType t = table.get(key(commonCode));
        return Optional.ofNullable(t == null ? table.get(ANY) : t);
    }

    /** Whether {@code commonCode} is listed itself (not only taken by {@code *}). */
    public boolean lists(String commonCode) {
        return commonCode != null && table.containsKey(key(commonCode));
    }

    /** Lines of the bureau's file that were not used, each with its line number and why. */
    public List<String> ignored() {
        return ignored;
    }
}
