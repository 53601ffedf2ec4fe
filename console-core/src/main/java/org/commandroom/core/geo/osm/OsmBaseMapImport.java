package org.commandroom.core.geo.osm;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.commandroom.core.io.FileTooLarge;
import org.commandroom.core.io.FileLimit;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.geo.BaseMapDao;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.MapLayers.BaseKind;
import org.commandroom.core.job.JobProgress;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.text.Text;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * Replaces the base map's roads, water and place names with those of an OpenStreetMap extract (docs/LIVE-MAP.md, "A
 * base map from OpenStreetMap"). The cut: the box of the bureau's own geography (station boundaries, streets and police
 * grids, whatever datum they are stored in), else the file's bounds. Reading happens outside any transaction; the
 * old base map is then replaced in one transaction, all or nothing, with one change-feed row ({@code GEOGRAPHY},
 * {@link #CHANGE_ID}) so every workstation's map draws the new one, and one audit row. Needs {@link Permission#SETUP}.
 */
public final class OsmBaseMapImport {

    /** An extract larger than this is refused before it is read (it is streamed; a province's extract is under 1 GB). */
    public static final FileLimit LIMIT = FileLimit.megabytes(2048);

    /** The change-feed id of the base map among the GEOGRAPHY changes (the boundary layers use 1 to 6). */
    public static final long CHANGE_ID = 100;
    private static final int BATCH = 1000;

    private final Jdbi jdbi;
    private final ChangeRecorder changes;
    private final Clock clock;
    private final AccessGuard guard;
    private final OsmExtractReader.Limits limits;

    public OsmBaseMapImport(Jdbi jdbi, ChangeRecorder changes, Clock clock, AccessGuard guard,
                            OsmExtractReader.Limits limits) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.changes = Objects.requireNonNull(changes);
        this.clock = Objects.requireNonNull(clock);
        this.guard = Objects.requireNonNull(guard);
        this.limits = Objects.requireNonNull(limits);
    }

    /** What an import did or why it did nothing. */
    public sealed interface Outcome permits Imported, Rejected {
        String fileName();
    }

    /**
     * The base map was replaced: features kept by kind, the box cut to (WGS-84 degrees) and its surface, whether that
     * box is the file's own bounds (no geography imported yet), and how many rows the old base map had.
     */
    public record Imported(String fileName, Map<BaseKind, Integer> counts, Envelope cut, double areaKm2,
                           boolean cutToFile, long replaced) implements Outcome {
        public int count(BaseKind kind) {
            return counts.getOrDefault(kind, 0);
        }

        /** One line, English, for the command line and the audit trail. */
        public String summary() {
            return String.format(Locale.ROOT, "%d major roads, %d minor roads, %d water features, %d place names; "
                            + "cut to %s %.5f,%.5f .. %.5f,%.5f (lat,lon), about %.1f km²; %d old features replaced",
                    count(BaseKind.ROAD_MAJOR), count(BaseKind.ROAD_MINOR), count(BaseKind.WATER),
                    count(BaseKind.PLACE), cutToFile ? "the file's bounds" : "the district", cut.getMinY(),
                    cut.getMinX(), cut.getMaxY(), cut.getMaxX(), areaKm2, replaced);
        }
    }

    /** Nothing was written; the problem says why. */
    public record Rejected(String fileName, Text problem) implements Outcome {
    }

    /** Imports the extract at {@code file}. */
    public Outcome importFile(Path file, String actor) {
        return importFile(file, actor, JobProgress.NONE);
    }

    /**
     * Imports the extract at {@code file}, telling {@code progress} how many of the file's bytes were read; a cancel
     * takes effect once the file is read (nothing written, {@link org.commandroom.core.job.JobCancelled}), after which
     * the replacement is written whole and the job says it can no longer be cancelled.
     */
    public Outcome importFile(Path file, String actor, JobProgress progress) {
        guard.require(Permission.SETUP, "IMPORT", "GEOGRAPHY", null);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            LIMIT.check(file);
        } catch (FileTooLarge e) {
            return new Rejected(name, e.text());
        } catch (java.io.UncheckedIOException e) {
            // Gone or unreadable: said below, where the file is opened.
        }
        Envelope district = jdbi.withHandle(OsmBaseMapImport::districtBox);
        OsmExtractReader.Result read;
        try (InputStream in = new Counting(Files.newInputStream(file), Files.size(file), progress)) {
            read = OsmExtractReader.read(in, district, limits);
        } catch (NoSuchFileException e) {
            return new Rejected(name, Text.of("core.osm.noFile", name));
        } catch (IOException e) {
            return new Rejected(name, Text.of("core.osm.unreadable", e.getClass().getSimpleName()));
        } catch (OsmExtractReader.Problem p) {
            return new Rejected(name, p.text());
        }
        if (read.features().isEmpty()) {
            return new Rejected(name, Text.of("core.osm.nothing"));
        }
        WKTWriter writer = new WKTWriter();
        writer.setPrecisionModel(new PrecisionModel(1e7));
        List<String> kinds = new ArrayList<>(read.features().size());
        List<String> names = new ArrayList<>(read.features().size());
        List<String> wkts = new ArrayList<>(read.features().size());
        List<String> details = new ArrayList<>(read.features().size());
        Map<BaseKind, Integer> counts = new EnumMap<>(BaseKind.class);
        for (OsmExtractReader.Feature f : read.features()) {
            kinds.add(f.kind().name());
            names.add(f.name());
            wkts.add(writer.write(f.geometry()));
            details.add(f.detail());
            counts.merge(f.kind(), 1, Integer::sum);
        }
        Envelope cut = read.cut();
        double km2 = areaKm2(cut);
        progress.checkpoint();
        progress.cancellable(false); // one transaction from here: the whole base map or the old one
        return jdbi.inTransaction(h -> {
            BaseMapDao dao = h.attach(BaseMapDao.class);
            long replaced = dao.deleteAll();
            for (int from = 0; from < kinds.size(); from += BATCH) {
                int to = Math.min(kinds.size(), from + BATCH);
                dao.insertDetailed(kinds.subList(from, to), names.subList(from, to), wkts.subList(from, to),
                        details.subList(from, to), Datum.WGS84.name());
            }
            Imported done = new Imported(name, Map.copyOf(counts), cut, km2, read.fromFile(), replaced);
            changes.record(h, Entity.GEOGRAPHY, CHANGE_ID, replaced > 0 ? ChangeOp.UPDATE : ChangeOp.INSERT);
            guard.audit(h, clock.instant(), actor, "IMPORT", "GEOGRAPHY", null,
                    shorten("base map from " + name + ": " + done.summary()));
            return done;
        });
    }

    /**
     * The box of the bureau's geography in WGS-84 (station boundaries, streets, police grids), or null with none. The
     * district table of a later migration may narrow this to the district's own outline.
     */
    static Envelope districtBox(Handle h) {
        List<Map<String, Object>> rows = h.createQuery(
                "SELECT boundary_wkt AS wkt, datum FROM station WHERE boundary_wkt IS NOT NULL "
                        + "UNION ALL SELECT boundary_wkt, datum FROM street "
                        + "UNION ALL SELECT boundary_wkt, datum FROM police_grid").mapToMap().list();
        Envelope box = new Envelope();
        WKTReader reader = new WKTReader();
        double[] out = new double[2];
        for (Map<String, Object> row : rows) {
            Object wkt = row.get("wkt");
            if (wkt == null || wkt.toString().isBlank()) {
                continue;
            }
            Envelope e;
            try {
                e = reader.read(wkt.toString()).getEnvelopeInternal();
            } catch (ParseException ex) {
                continue; // an unreadable boundary is the boundary import's concern, not the base map's
            }
            if (e.isNull()) {
                continue;
            }
            Datum datum = Datum.valueOf(String.valueOf(row.get("datum")));
            DatumConverter.convert(e.getMinY(), e.getMinX(), datum, Datum.WGS84, out);
            box.expandToInclude(out[1], out[0]);
            DatumConverter.convert(e.getMaxY(), e.getMaxX(), datum, Datum.WGS84, out);
            box.expandToInclude(out[1], out[0]);
        }
        if (box.isNull()) {
            return null;
        }
        // a little room round the district: roads at its edge, and GCJ-02 converted by an approximation
        box.expandBy(0.005);
        return box;
    }

    static double areaKm2(Envelope box) {
        if (box.isNull()) {
            return 0;
        }
        double midLat = Math.toRadians((box.getMinY() + box.getMaxY()) / 2);
        double kmPerDeg = 111.32;
        return box.getWidth() * kmPerDeg * Math.cos(midLat) * box.getHeight() * kmPerDeg;
    }

    /** Tells the job how many of the file's bytes were read, at most once per 256 KiB. */
    private static final class Counting extends FilterInputStream {
        private final long size;
        private final JobProgress progress;
        private long read;
        private long told;

        Counting(InputStream in, long size, JobProgress progress) {
            super(in);
            this.size = size;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            advance(skipped);
            return skipped;
        }

        private void advance(long n) {
            read += n;
            if (read - told >= 256 * 1024 || read >= size) {
                told = read;
                progress.progress(Math.min(read, size), size);
            }
        }
    }

    private static String shorten(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
