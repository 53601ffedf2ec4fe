package org.commandroom.core.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's own backups, taken by the running console (docs/ADMIN.md): H2 locks the file of an
 * embedded database to the process that has it open, so no other program can back it up while a console runs.
 * The console calls {@link #takeIfDue()} now and then (every hour); when the newest backup in the folder is older
 * than the interval (or there is none) it writes {@code console-yyyyMMdd-HHmmss.zip} with {@link H2Backup} on the
 * caller's thread (a long-I/O worker, never the UI thread), then keeps only the newest {@code keep} of them. Only
 * files of that name pattern are ever deleted. A backup is restored with {@code console-admin restore}.
 */
public final class AutoBackups {

    private static final Logger LOG = LoggerFactory.getLogger(AutoBackups.class);
    private static final Pattern NAME = Pattern.compile("console-\\d{8}-\\d{6}\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Jdbi jdbi;
    private final Path folder;
    private final Clock clock;
    private final Duration interval;
    private final int keep;

    public AutoBackups(Jdbi jdbi, Path folder, Clock clock, Duration interval, int keep) {
        if (keep < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("keep at least one backup, at a positive interval");
        }
        this.jdbi = jdbi;
        this.folder = folder;
        this.clock = clock;
        this.interval = interval;
        this.keep = keep;
    }

    /** A backup a day, the last seven kept. */
    public static AutoBackups daily(Jdbi jdbi, Path folder, Clock clock) {
        return new AutoBackups(jdbi, folder, clock, Duration.ofDays(1), 7);
    }

    /**
     * Takes a backup if the newest one is older than the interval. Returns the new file, or empty when none was
     * due. A failure (disk full, database gone) is logged as a WARN and reported as empty: the next call tries again.
     */
    public Optional<Path> takeIfDue() {
        try {
            Instant now = clock.instant();
            Optional<Instant> newest = backups().stream().findFirst().map(AutoBackups::lastModified);
            if (newest.isPresent() && newest.get().plus(interval).isAfter(now)) {
                return Optional.empty();
            }
            Path target = folder.resolve("console-" + STAMP.format(now.atZone(ZoneId.systemDefault())) + ".zip");
            long t0 = System.nanoTime();
            H2Backup.backup(jdbi, target);
            Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(now));
            LOG.info("Database backed up to {} ({} KB in {} ms)", target, Files.size(target) / 1024,
                    (System.nanoTime() - t0) / 1_000_000);
            prune();
            return Optional.of(target);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Automatic backup into {} failed; tried again within the hour: {}", folder, e.toString());
            return Optional.empty();
        }
    }

    /** The backups in the folder, newest first. */
    public List<Path> backups() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(found::add);
        }
        found.sort(Comparator.comparing(AutoBackups::lastModified).thenComparing(Path::toString).reversed());
        return found;
    }

    private void prune() throws IOException {
        List<Path> all = backups();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old);
            LOG.info("Old backup {} removed (keeping the newest {})", old.getFileName(), keep);
        }
    }

    private static Instant lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
