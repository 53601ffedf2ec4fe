package org.commandroom.core.cap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CAP 1.2 alerts of other agencies (weather, earthquake, public warnings) read from a folder (docs/CAP.md). Each
 * {@link #poll} takes the folder's {@code *.xml} files (regular files only, never a link; at most
 * {@value #MAX_FILES_PER_POLL}, oldest name first), checks each one's size before reading it, reads and validates it
 * ({@link CapReader}), and stores the valid ones in force; an Update or Cancel supersedes the alerts it names. A read
 * file goes to {@code read/}, a refused one to {@code refused/} with a {@code .problems.txt} beside it saying where
 * and why. Alerts already expired are not stored, and stored ones are deleted once expired. Only Actual and Exercise
 * alerts are kept: System, Test and Draft messages are read and set aside.
 *
 * <p>Needs {@link Permission#ACK_ALERTS} (the alert strip's holders keep the incoming alerts). Blocking: run it on a
 * background executor, never on the FX thread.
 */
public final class CapInbox {

    private static final Logger LOG = LoggerFactory.getLogger(CapInbox.class);

    public static final String RECEIVED = "CAP_RECEIVED";
    public static final int MAX_FILES_PER_POLL = 200;
    public static final String READ_DIR = "read";
    public static final String REFUSED_DIR = "refused";

    /** One file refused, with its located problems. */
    public record Refusal(String file, List<CapInvalid.Problem> problems) {
    }

    /**
     * What one poll did.
     *
     * @param stored    alerts stored (new)
     * @param ignored   files read but not stored: a duplicate, already expired, or a System/Test/Draft message
     * @param deleted   stored alerts deleted because they expired
     * @param refused   files that are not valid CAP 1.2
     */
    public record Poll(int stored, int ignored, int deleted, List<Refusal> refused) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Path folder;
    private final CapReader reader;
    private final AccessGuard guard;

    public CapInbox(Jdbi jdbi, Clock clock, Path folder, CapReader reader, AccessGuard guard) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.folder = folder;
        this.reader = reader;
        this.guard = guard;
    }

    public Path folder() {
        return folder;
    }

    /** Reads what is waiting in the folder (nothing when it does not exist). */
    public Poll poll(String actor) {
        guard.require(Permission.ACK_ALERTS, RECEIVED, CapService.ENTITY, null);
        int stored = 0;
        int ignored = 0;
        List<Refusal> refused = new ArrayList<>();
        for (Path file : waiting()) {
            String name = file.getFileName().toString();
            byte[] bytes;
            try {
                long size = Files.size(file);
                if (size > CapReader.MAX_BYTES) {
                    throw CapInvalid.of("/", 0, CapInvalid.Kind.TOO_LARGE, "the file has " + size + " bytes; at most "
                            + CapReader.MAX_BYTES + " are read");
                }
                bytes = Files.readAllBytes(file);
                CapAlert alert = reader.read(bytes).alert();
                if (receive(alert, new String(bytes, StandardCharsets.UTF_8), name, actor)) {
                    stored++;
                } else {
                    ignored++;
                }
                moveTo(file, READ_DIR);
            } catch (CapInvalid e) {
                refused.add(new Refusal(name, e.problems()));
                LOG.warn("CAP file {} refused: {}", name, e.getMessage());
                setAside(file, e.problems());
            } catch (IOException e) {
                refused.add(new Refusal(name, List.of(new CapInvalid.Problem("/", 0, CapInvalid.Kind.NOT_XML,
                        "the file could not be read"))));
                LOG.warn("CAP file {} could not be read", name, e);
            }
        }
        int deleted = jdbi.inTransaction(h -> h.attach(CapDao.class).deleteExpiredReceived(clock.instant()));
        return new Poll(stored, ignored, deleted, List.copyOf(refused));
    }

    /** Stores one valid alert; false when it is not kept (duplicate, expired, not Actual or Exercise). */
    public boolean receive(CapAlert alert, String document, String fileName, String actor) {
        Instant now = clock.instant();
        OffsetDateTime expires = alert.expires();
        if (alert.status() != CapAlert.Status.Actual && alert.status() != CapAlert.Status.Exercise) {
            return false;
        }
        if (expires != null && !expires.toInstant().isAfter(now)) {
            return false;
        }
        return jdbi.inTransaction(h -> {
            CapDao dao = h.attach(CapDao.class);
            if (dao.find(StoredCap.Direction.IN.name(), cut(alert.sender(), 200), cut(alert.identifier(), 200)).isPresent()) {
                return false;
            }
            Long refersTo = null;
            for (CapAlert.Reference r : alert.references()) {
                var earlier = dao.find(StoredCap.Direction.IN.name(), r.sender(), r.identifier());
                if (earlier.isPresent()) {
                    dao.supersede(earlier.get().id());
                    refersTo = earlier.get().id();
                }
            }
            CapInfo info = alert.info("zh-CN");
            String event = info == null ? "-" : info.event();
            String area = info == null || info.areas().isEmpty() ? "-" : info.areas().get(0).areaDesc();
            long id = dao.insert(StoredCap.Direction.IN.name(), cut(alert.identifier(), 200), cut(alert.sender(), 200),
                    CapTimes.format(alert.sent()), alert.sent().toInstant(), alert.status().name(),
                    alert.msgType().name(), alert.scope().name(), cut(event, 200),
                    info == null || info.headline() == null ? null : cut(info.headline(), 300),
                    info == null ? "Unknown" : info.severity().name(), cut(area, 300),
                    expires == null ? null : expires.toInstant(), refersTo, document, cut(fileName, 255), now);
            guard.audit(h, now, actor, RECEIVED, CapService.ENTITY, id, cut(alert.sender() + " " + alert.identifier()
                    + " " + alert.msgType() + " " + event, 500));
            return true;
        });
    }

    /** Alerts of other agencies in force now, newest first. */
    public List<StoredCap> inForce(int limit) {
        return jdbi.withHandle(h -> h.attach(CapDao.class).active(StoredCap.Direction.IN.name(), clock.instant(), limit));
    }

    private List<Path> waiting() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".") && n.toLowerCase(Locale.ROOT).endsWith(".xml")
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("The CAP folder {} could not be listed", folder, e);
            return List.of();
        }
        files.sort(null);
        return files.size() > MAX_FILES_PER_POLL ? files.subList(0, MAX_FILES_PER_POLL) : files;
    }

    private void setAside(Path file, List<CapInvalid.Problem> problems) {
        Path moved = moveTo(file, REFUSED_DIR);
        if (moved == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (CapInvalid.Problem p : problems) {
            text.append(p).append('\n');
        }
        try {
            Files.writeString(moved.resolveSibling(moved.getFileName() + ".problems.txt"), text);
        } catch (IOException e) {
            LOG.warn("The problems of {} could not be written", moved, e);
        }
    }

    private Path moveTo(Path file, String sub) {
        try {
            Path dir = Files.createDirectories(folder.resolve(sub));
            return Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("{} could not be moved to {}/", file, sub, e);
            return null;
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
