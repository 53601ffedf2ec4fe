package org.commandroom.core.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.commandroom.core.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's drafts: writes the operator made while the database was gone, kept on this machine's disk
 * (one file per draft in {@code <data dir>/drafts/}, written to a temporary file, forced to disk and renamed, so a
 * draft survives the console being killed or the power going) until the database takes them. Nothing typed is lost:
 * a draft is removed only when its handler says it is saved; a draft the database refuses for good stays, with the
 * reason, for the operator to see.
 *
 * <p>{@link #saveAll()} tries every waiting draft, oldest first, through the handler registered for its kind; the
 * console calls it on a worker thread when the database answers again and every few seconds while drafts wait.
 */
public final class Drafts {

    private static final Logger LOG = LoggerFactory.getLogger(Drafts.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SUFFIX = ".draft.json";

    private final Path dir;
    private final Clock clock;
    private final Map<String, DraftHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object saving = new Object();

    private record Listener(Executor executor, Consumer<List<Draft>> consumer) {
    }

    /** Reads the drafts already in {@code dir} (left by an earlier run); a file that cannot be read is named in the log and kept. */
    public Drafts(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
                for (Path f : files) {
                    try {
                        Draft d = read(f);
                        drafts.put(d.id(), d);
                    } catch (IOException | RuntimeException e) {
                        LOG.error("Draft file {} cannot be read and is left where it is: {}", f, e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the drafts directory " + dir, e);
        }
        if (!drafts.isEmpty()) {
            LOG.warn("{} draft(s) from an earlier run wait to be saved", drafts.size());
        }
    }

    /** The handler that saves drafts of {@code kind}. */
    public void register(String kind, DraftHandler handler) {
        handlers.put(kind, handler);
    }

    /** Told, on {@code executor}, of the drafts whenever they change. */
    public void addListener(Executor executor, Consumer<List<Draft>> listener) {
        listeners.add(new Listener(executor, listener));
    }

    public void removeListener(Consumer<List<Draft>> listener) {
        listeners.removeIf(l -> l.consumer() == listener);
    }

    /** Every draft, oldest first. */
    public List<Draft> all() {
        List<Draft> out = new ArrayList<>(drafts.values());
        out.sort(Comparator.comparing(Draft::createdAt).thenComparing(Draft::id));
        return out;
    }

    /**
     * Keeps a write the database could not take now, on disk before this returns; gives it a new id.
     *
     * @throws UncheckedIOException when even the disk refuses (the caller must then keep the form open)
     */
    public Draft keep(String kind, String actor, String summary, JsonNode payload) {
        return keep(UUID.randomUUID().toString(), kind, actor, summary, payload);
    }

    /** As {@link #keep(String, String, String, JsonNode)} with the id the write already carries. */
    public Draft keep(String id, String kind, String actor, String summary, JsonNode payload) {
        Draft d = new Draft(id, kind, nextTime(), actor, summary, payload, 0, null);
        write(d);
        drafts.put(d.id(), d);
        LOG.warn("Kept {} draft {} until the database takes it: {}", kind, id, summary);
        changed();
        return d;
    }

    /** The clock's time, made later than every draft's so far: drafts are saved in the order they were typed. */
    private synchronized java.time.Instant nextTime() {
        java.time.Instant now = clock.instant();
        for (Draft d : drafts.values()) {
            if (!now.isAfter(d.createdAt())) {
                now = d.createdAt().plusNanos(1);
            }
        }
        return now;
    }

    /** Removes a draft the operator has dealt with himself (e.g. a refused one he typed again). */
    public void discard(String id) {
        if (drafts.remove(id) != null) {
            delete(id);
            LOG.info("Draft {} discarded by the operator", id);
            changed();
        }
    }

    /**
     * Tries to save every waiting draft, oldest first, and returns how many were saved. Stops at the first RETRY
     * (the database is still gone), so drafts are saved in the order they were typed. Blocking: call it on a worker.
     */
    public int saveAll() {
        synchronized (saving) {
            int saved = 0;
            for (Draft d : all()) {
                if (!d.waiting()) {
                    continue;
                }
                DraftHandler h = handlers.get(d.kind());
                if (h == null) {
                    continue;   // its screen is not wired in this console (e.g. a wall display): kept
                }
                DraftHandler.Result r;
                try {
                    r = h.save(d);
                } catch (RuntimeException e) {
                    r = Database.isConnectionLoss(e) ? DraftHandler.Result.retry()
                            : DraftHandler.Result.refused(e.getMessage());
                    if (r.outcome() == DraftHandler.Outcome.REFUSED) {
                        LOG.error("Draft {} ({}) could not be saved", d.id(), d.kind(), e);
                    }
                }
                switch (r.outcome()) {
                    case SAVED -> {
                        drafts.remove(d.id());
                        delete(d.id());
                        saved++;
                        LOG.info("Draft {} ({}) saved, {} after it was kept", d.id(), d.kind(),
                                java.time.Duration.between(d.createdAt(), clock.instant()));
                    }
                    case RETRY -> {
                        update(d.tried(null));
                        changed();
                        return saved;
                    }
                    case REFUSED -> {
                        update(d.tried(r.reason() == null ? "refused" : r.reason()));
                        LOG.warn("Draft {} ({}) refused by the database and kept for the operator: {}", d.id(), d.kind(), r.reason());
                    }
                }
            }
            if (saved > 0) {
                changed();
            }
            return saved;
        }
    }

    private void update(Draft d) {
        write(d);
        drafts.put(d.id(), d);
    }

    private void changed() {
        List<Draft> now = all();
        for (Listener l : listeners) {
            l.executor().execute(() -> l.consumer().accept(now));
        }
    }

    private Path file(String id) {
        return dir.resolve(id + SUFFIX);
    }

    private void write(Draft d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", d.id());
        n.put("kind", d.kind());
        n.put("createdAt", d.createdAt().toString());
        n.put("actor", d.actor());
        n.put("summary", d.summary());
        n.set("payload", d.payload());
        n.put("attempts", d.attempts());
        n.put("refused", d.refused());
        Path target = file(d.id());
        Path tmp = dir.resolve(d.id() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(n)));
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep draft " + d.id() + " in " + dir, e);
        }
    }

    /** Makes the rename durable too (Linux: fsync of the directory). */
    private void forceDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a directory; the file itself was forced
        }
    }

    private void delete(String id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            LOG.error("Saved draft {} could not be removed from {}: {}", id, dir, e.getMessage());
        }
    }

    private static Draft read(Path f) throws IOException {
        JsonNode n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
        return new Draft(n.get("id").asText(), n.get("kind").asText(), Instant.parse(n.get("createdAt").asText()),
                text(n, "actor"), text(n, "summary"), n.get("payload"), n.path("attempts").asInt(), text(n, "refused"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
