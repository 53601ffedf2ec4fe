package org.commandroom.core.cap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues the command room's community warnings as CAP 1.2 alerts (docs/CAP.md): a fraud wave in a community, a
 * missing child, a crowd warning for a key patrol zone, each with an info block in Chinese (zh-CN) and one in English
 * (en), its area taken from a grid, community or zone boundary, a circle around a point, or a drawn polygon. Each is
 * checked ({@link Permission#ISSUE_WARNINGS}), stored ({@code cap_alert}), audited ({@value #ISSUE}, {@value #UPDATE},
 * {@value #CANCEL}) and written to the outgoing folder in one step: when the file cannot be written nothing is
 * stored. An update or cancel refers to every earlier message of the same warning and supersedes the one it replaces.
 *
 * <p>The status is the composition's: {@code Actual} on live data, {@code Exercise} on a drill database (or
 * {@code Test} for a test set-up). Blocking: never on the FX thread.
 */
public final class CapService {

    private static final Logger LOG = LoggerFactory.getLogger(CapService.class);

    public static final String ISSUE = "CAP_ISSUE";
    public static final String UPDATE = "CAP_UPDATE";
    public static final String CANCEL = "CAP_CANCEL";
    /** Audited when an alert was posted to the endpoint and accepted, and when every attempt failed. */
    public static final String POSTED = "CAP_POSTED";
    public static final String POST_FAILED = "CAP_POST_FAILED";
    /** The action a refused re-post is audited under (a re-post done is audited as {@value #POSTED} / {@value #POST_FAILED}). */
    public static final String REPOST = "CAP_REPOST";
    /** Ends the audit detail of a delivery posted again by hand. */
    public static final String REPOST_NOTE = "re-post";
    public static final String ENTITY = "CAP_ALERT";
    /** The most vertices of one polygon written: a longer boundary is simplified (about 9 KB of text). */
    public static final int MAX_VERTICES = 400;
    /** The longest headline, description and instruction accepted. */
    public static final int MAX_HEADLINE = 140;
    public static final int MAX_TEXT = 2000;

    /**
     * @param sender     CAP's sender, e.g. {@code command@qianwei.police.example}
     * @param idPrefix   the start of every identifier, e.g. {@code qianwei.police.example}
     * @param senderName who the public sees, or null
     * @param status     Actual (live), Exercise (drill), Test
     * @param outbox     the folder alerts are written to, or null to store only
     * @param zone       the station's time zone: {@code sent} carries its offset
     */
    public record Settings(String sender, String idPrefix, CapAlert.Status status, Path outbox, ZoneId zone) {
        public Settings {
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(idPrefix, "idPrefix");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(zone, "zone");
            if (status != CapAlert.Status.Actual && status != CapAlert.Status.Exercise
                    && status != CapAlert.Status.Test) {
                throw new IllegalArgumentException("warnings are issued as Actual, Exercise or Test, not " + status);
            }
        }
    }

    /** What the user wrote, in one language. Headline required, description and instruction may be null. */
    public record Texts(String headline, String description, String instruction) {
    }

    /**
     * One warning as composed on the desk.
     *
     * @param validFor how long it is in force, or null for the kind's default
     */
    public record Warning(WarningKind kind, WarningArea area, Texts zh, Texts en, Duration validFor) {
        public Warning {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(zh, "zh");
            Objects.requireNonNull(en, "en");
        }
    }

    /** An alert as stored and written. */
    public record Issued(StoredCap stored, CapAlert alert, Path file) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Settings settings;
    private final AccessGuard guard;
    private final CapReader reader;
    private final CapPoster poster;
    private final Map<Long, CapDelivery> deliveries = new ConcurrentHashMap<>();
    /** Our alerts being posted now (a re-post of one of them is refused until it ends). */
    private final java.util.Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    public CapService(Jdbi jdbi, Clock clock, Settings settings, AccessGuard guard, CapReader reader) {
        this(jdbi, clock, settings, guard, reader, null);
    }

    /**
     * @param poster posts each alert to the configured endpoint ({@link #post}), or null to post nothing
     * @throws IllegalArgumentException when a poster is given for Exercise: a drill's alerts never leave the drill
     */
    public CapService(Jdbi jdbi, Clock clock, Settings settings, AccessGuard guard, CapReader reader, CapPoster poster) {
        if (poster != null && settings.status() == CapAlert.Status.Exercise) {
            throw new IllegalArgumentException("a drill's warnings are not posted anywhere");
        }
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
        this.guard = guard;
        this.reader = reader;
        this.poster = poster;
    }

    /** Whether alerts are posted to an endpoint (configured, and not a drill). */
    public boolean posts() {
        return poster != null;
    }

    /**
     * Posts our alert {@code id} (as stored, byte for byte) to the endpoint, with the endpoint's retries, and audits
     * the outcome ({@value #POSTED} or {@value #POST_FAILED}, with the endpoint's answer and the attempts). Blocking
     * for up to attempts × timeout: never on the FX thread. Empty when nothing is posted ({@link #posts()} false).
     *
     * @throws CapRefused {@code EXERCISE} for an alert of status Exercise: a drill's alerts never leave the drill
     */
    public Optional<CapDelivery> post(long id, String actor) {
        if (poster == null) {
            return Optional.empty();
        }
        guard.require(Permission.ISSUE_WARNINGS, POSTED, ENTITY, id);
        StoredCap alert = postable(id);
        boolean marked = inFlight.add(id);
        try {
            return Optional.of(send(alert, actor, false));
        } finally {
            if (marked) {
                inFlight.remove(id);
            }
        }
    }

    /**
     * Posts our alert {@code id} again by hand, after its last delivery failed (every attempt spent, or a final
     * 4xx): the stored document unchanged, with the endpoint's retries, audited as the first post was
     * ({@value #POSTED} or {@value #POST_FAILED}) with {@value #REPOST_NOTE} at the end of the detail. Needs
     * {@link Permission#ISSUE_WARNINGS}, as issuing does. Blocking: never on the FX thread.
     *
     * @throws CapRefused {@code NO_ENDPOINT} when nothing is posted (no endpoint, or a drill), {@code NOT_FOUND},
     *                    {@code EXERCISE} for an exercise alert, {@code SUPERSEDED} for an alert replaced or
     *                    cancelled since, {@code NOT_FAILED} unless its last delivery failed, {@code IN_PROGRESS}
     *                    while a post of it runs
     */
    public CapDelivery repost(long id, String actor) {
        guard.require(Permission.ISSUE_WARNINGS, REPOST, ENTITY, id);
        if (poster == null) {
            throw new CapRefused(CapRefused.Reason.NO_ENDPOINT, "alerts are not posted here (no endpoint, or a drill)");
        }
        StoredCap alert = postable(id);
        if (alert.superseded()) {
            throw new CapRefused(CapRefused.Reason.SUPERSEDED, "warning " + alert.identifier()
                    + " was replaced or cancelled since: its latest message is the one to send");
        }
        if (!inFlight.add(id)) {
            throw new CapRefused(CapRefused.Reason.IN_PROGRESS, "warning " + alert.identifier() + " is being posted");
        }
        try {
            CapDelivery last = deliveries(List.of(id)).get(id);
            if (last == null || last.delivered()) {
                throw new CapRefused(CapRefused.Reason.NOT_FAILED, "warning " + alert.identifier()
                        + (last == null ? " was never posted" : " was delivered already"));
            }
            return send(alert, actor, true);
        } finally {
            inFlight.remove(id);
        }
    }

    /** Our alert {@code id}, refused when it is not ours or is an exercise. */
    private StoredCap postable(long id) {
        StoredCap alert = jdbi.withHandle(h -> h.attach(CapDao.class).find(id))
                .filter(s -> s.direction() == StoredCap.Direction.OUT)
                .orElseThrow(() -> new CapRefused(CapRefused.Reason.NOT_FOUND, "no warning " + id + " of ours"));
        if (alert.status() == CapAlert.Status.Exercise) {
            throw new CapRefused(CapRefused.Reason.EXERCISE, "warning " + alert.identifier()
                    + " is an exercise: a drill's alerts are not posted anywhere");
        }
        return alert;
    }

    private CapDelivery send(StoredCap alert, String actor, boolean again) {
        long id = alert.id();
        CapDelivery d = poster.post(alert.identifier(), alert.document().getBytes(StandardCharsets.UTF_8));
        // A post stopped by an interrupt (the console closing) leaves the flag set: H2 closes its file when a thread
        // is interrupted inside its I/O, so the flag is held back while the outcome is audited, and set again after.
        boolean interrupted = Thread.interrupted();
        try {
            jdbi.useTransaction(h -> guard.audit(h, clock.instant(), actor, d.delivered() ? POSTED : POST_FAILED, ENTITY,
                    id, d.auditDetail() + (again ? " " + REPOST_NOTE : "")));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        deliveries.put(id, d);
        return d;
    }

    /**
     * The last posting of each of {@code ids} that was posted: this session's, else read back from the audit trail
     * (so that a restart still shows what became of them). An alert never posted is not in the map.
     */
    public Map<Long, CapDelivery> deliveries(Collection<Long> ids) {
        Map<Long, CapDelivery> out = new HashMap<>();
        List<Long> unknown = new ArrayList<>();
        for (Long id : ids) {
            CapDelivery d = deliveries.get(id);
            if (d != null) {
                out.put(id, d);
            } else {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            jdbi.useHandle(h -> h.createQuery("SELECT entity_id, at, detail FROM audit_log WHERE entity = :entity"
                            + " AND action IN (:posted, :failed) AND entity_id IN (<ids>) ORDER BY seq")
                    .bind("entity", ENTITY).bind("posted", POSTED).bind("failed", POST_FAILED)
                    .bindList("ids", unknown)
                    .map((rs, ctx) -> {
                        String detail = rs.getString("detail");
                        if (detail != null && detail.startsWith("[") && detail.indexOf("] ") > 0) {
                            detail = detail.substring(detail.indexOf("] ") + 2); // "[actor] " of a system principal
                        }
                        return Map.entry(rs.getLong("entity_id"), Optional.ofNullable(
                                CapDelivery.fromAudit(detail, rs.getTimestamp("at").toInstant())));
                    })
                    .forEach(e -> e.getValue().ifPresent(d -> out.put(e.getKey(), d))));
        }
        return out;
    }

    public Settings settings() {
        return settings;
    }

    /** Issues a new warning (msgType Alert). */
    public Issued issue(Warning warning, String actor) {
        guard.require(Permission.ISSUE_WARNINGS, ISSUE, ENTITY, null);
        return jdbi.inTransaction(h -> {
            CapArea area = area(h, warning.area());
            return store(h, CapAlert.MsgType.Alert, null, List.of(), infos(warning, area), actor, ISSUE);
        });
    }

    /** Replaces warning {@code id} (ours, the latest of its chain) with new texts or area (msgType Update). */
    public Issued update(long id, Warning warning, String actor) {
        guard.require(Permission.ISSUE_WARNINGS, UPDATE, ENTITY, id);
        return jdbi.inTransaction(h -> {
            StoredCap old = latest(h, id);
            CapArea area = warning.area() instanceof WarningArea.Unchanged ? areaOf(old) : area(h, warning.area());
            return store(h, CapAlert.MsgType.Update, old, chain(old), infos(warning, area), actor, UPDATE);
        });
    }

    /** Cancels warning {@code id} (ours, the latest of its chain), saying why in both languages (msgType Cancel). */
    public Issued cancel(long id, String reasonZh, String reasonEn, String actor) {
        guard.require(Permission.ISSUE_WARNINGS, CANCEL, ENTITY, id);
        return jdbi.inTransaction(h -> {
            StoredCap old = latest(h, id);
            CapAlert was = old.alert(reader);
            List<CapInfo> infos = new ArrayList<>();
            for (CapInfo i : was.infos()) {
                boolean zh = i.language().toLowerCase(Locale.ROOT).startsWith("zh");
                String reason = text(zh ? reasonZh : reasonEn, MAX_TEXT, false);
                infos.add(new CapInfo(i.language(), i.categories(), i.event(), i.urgency(), i.severity(), i.certainty(),
                        cut((zh ? "已撤销：" : "Cancelled: ") + (i.headline() == null ? i.event() : i.headline()),
                                MAX_HEADLINE), reason, null, i.expires(), i.areas()));
            }
            return store(h, CapAlert.MsgType.Cancel, old, chain(old), infos, actor, CANCEL);
        });
    }

    /** A grid, community or key patrol zone a warning can be issued for. */
    public record AreaChoice(WarningArea.Layer layer, long id, String code, String name) {
    }

    /** Every grid, community and key patrol zone, in that order, each by code (reads only). */
    public List<AreaChoice> areas() {
        return jdbi.withHandle(h -> {
            List<AreaChoice> out = new ArrayList<>();
            for (WarningArea.Layer l : WarningArea.Layer.values()) {
                h.createQuery("SELECT id, code, name FROM " + table(l) + " ORDER BY code")
                        .map((rs, ctx) -> new AreaChoice(l, rs.getLong("id"), rs.getString("code"), rs.getString("name")))
                        .forEach(out::add);
            }
            return out;
        });
    }

    private static String table(WarningArea.Layer l) {
        return switch (l) {
            case POLICE_GRID -> "police_grid";
            case COMMUNITY -> "community";
            case KEY_PATROL_ZONE -> "key_patrol_zone";
        };
    }

    /** Our warnings in force at the clock's time, newest first (at most {@code limit}). */
    public List<StoredCap> inForce(int limit) {
        return jdbi.withHandle(h -> h.attach(CapDao.class).active(StoredCap.Direction.OUT.name(), clock.instant(), limit));
    }

    /**
     * Our cancels whose last post failed (every attempt spent, or a final 4xx) and whose warning has not expired
     * yet, newest first (at most {@code limit}): the desk offers to send them again ({@link #repost}). Empty when
     * nothing is posted here.
     */
    public List<StoredCap> undeliveredCancels(int limit) {
        if (poster == null) {
            return List.of();
        }
        List<StoredCap> cancels = jdbi.withHandle(h -> h.attach(CapDao.class).cancels(clock.instant(), limit));
        if (cancels.isEmpty()) {
            return List.of();
        }
        Map<Long, CapDelivery> d = deliveries(cancels.stream().map(StoredCap::id).toList());
        return cancels.stream().filter(c -> d.containsKey(c.id()) && !d.get(c.id()).delivered()).toList();
    }

    private Issued store(Handle h, CapAlert.MsgType type, StoredCap old, List<CapAlert.Reference> refs,
                         List<CapInfo> infos, String actor, String action) {
        CapDao dao = h.attach(CapDao.class);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime sent = OffsetDateTime.ofInstant(now, settings.zone());
        String day = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).format(sent);
        String identifier = settings.idPrefix() + "-CAP-" + day + "-"
                + String.format(Locale.ROOT, "%04d", dao.issuedOn(sent.toLocalDate().toString()) + 1);
        CapAlert alert = new CapAlert(identifier, settings.sender(), sent, settings.status(), type,
                CapAlert.Scope.Public, null, null, null, refs, infos);
        byte[] xml = CapWriter.write(alert);
        reader.read(xml); // what we send must pass our own reader (and the schema when bundled)
        CapInfo zh = alert.info("zh-CN");
        OffsetDateTime expires = alert.expires();
        String fileName = identifier + ".xml";
        long id = dao.insert(StoredCap.Direction.OUT.name(), identifier, settings.sender(), CapTimes.format(sent),
                now, settings.status().name(), type.name(), alert.scope().name(), cut(zh.event(), 200),
                zh.headline() == null ? null : cut(zh.headline(), 300), zh.severity().name(),
                cut(zh.areas().isEmpty() ? "-" : zh.areas().get(0).areaDesc(), 300),
                expires == null ? null : expires.toInstant(), old == null ? null : old.id(),
                new String(xml, StandardCharsets.UTF_8), settings.outbox() == null ? null : fileName, clock.instant());
        if (old != null) {
            dao.supersede(old.id());
        }
        guard.audit(h, clock.instant(), actor, action, ENTITY, id, identifier + " " + settings.status() + " "
                + zh.event() + " @ " + cut(zh.areas().isEmpty() ? "-" : zh.areas().get(0).areaDesc(), 100)
                + (old == null ? "" : " (replaces " + old.identifier() + ")"));
        Path file = settings.outbox() == null ? null : write(fileName, xml);
        LOG.info("CAP {} {} {} stored{}", type, identifier, settings.status(), file == null ? "" : " and written to " + file);
        return new Issued(dao.find(id).orElseThrow(), alert, file);
    }

    /** Writes the file atomically (a reader of the folder never sees half of it); refused when it cannot. */
    private Path write(String fileName, byte[] xml) {
        try {
            Files.createDirectories(settings.outbox());
            Path target = settings.outbox().resolve(fileName);
            Path tmp = settings.outbox().resolve("." + fileName + ".part");
            Files.write(tmp, xml);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            throw new CapRefused(CapRefused.Reason.FOLDER_NOT_WRITABLE, "the outgoing CAP folder " + settings.outbox()
                    + " could not be written", e);
        }
    }

    private StoredCap latest(Handle h, long id) {
        StoredCap old = h.attach(CapDao.class).find(id)
                .filter(s -> s.direction() == StoredCap.Direction.OUT)
                .orElseThrow(() -> new CapRefused(CapRefused.Reason.NOT_FOUND, "no warning " + id + " of ours"));
        if (old.superseded() || old.msgType() == CapAlert.MsgType.Cancel) {
            throw new CapRefused(CapRefused.Reason.SUPERSEDED, "warning " + old.identifier()
                    + " was replaced or cancelled already");
        }
        return old;
    }

    /** Every message of the warning so far: what {@code old} referred to, and {@code old} itself. */
    private List<CapAlert.Reference> chain(StoredCap old) {
        CapAlert was = old.alert(reader);
        List<CapAlert.Reference> refs = new ArrayList<>(was.references());
        refs.add(CapAlert.Reference.to(was));
        return refs;
    }

    private List<CapInfo> infos(Warning w, CapArea area) {
        WarningKind k = w.kind();
        Duration valid = w.validFor() == null ? k.defaultValidity() : w.validFor();
        if (valid.isNegative() || valid.isZero() || valid.compareTo(Duration.ofDays(30)) > 0) {
            throw new CapRefused(CapRefused.Reason.BAD_TEXT, "a warning is in force between a minute and 30 days");
        }
        OffsetDateTime expires = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), settings.zone())
                .plus(valid);
        return List.of(info("zh-CN", k, k.eventZh(), w.zh(), expires, area),
                info("en", k, k.eventEn(), w.en(), expires, area));
    }

    private static CapInfo info(String language, WarningKind k, String event, Texts t, OffsetDateTime expires,
                                CapArea area) {
        return new CapInfo(language, List.of(k.category()), event, k.urgency(), k.severity(), k.certainty(),
                text(t.headline(), MAX_HEADLINE, true), text(t.description(), MAX_TEXT, false),
                text(t.instruction(), MAX_TEXT, false), expires, List.of(area));
    }

    private static String text(String s, int max, boolean required) {
        if (s == null || s.isBlank()) {
            if (required) {
                throw new CapRefused(CapRefused.Reason.BAD_TEXT, "a headline is required in both languages");
            }
            return null;
        }
        String t = s.strip().replace("\r\n", "\n").replace('\r', '\n');
        if (t.length() > max) {
            throw new CapRefused(CapRefused.Reason.BAD_TEXT, "a text has " + t.length() + " characters; at most " + max);
        }
        return t;
    }

    /** The area of our message {@code old} (its Chinese block's; both blocks carry the same one). */
    private CapArea areaOf(StoredCap old) {
        CapInfo zh = old.alert(reader).info("zh-CN");
        if (zh == null || zh.areas().isEmpty()) {
            throw new CapRefused(CapRefused.Reason.AREA_NOT_FOUND, "warning " + old.identifier() + " has no area to keep");
        }
        return zh.areas().get(0);
    }

    private CapArea area(Handle h, WarningArea choice) {
        if (choice instanceof WarningArea.Unchanged) {
            throw new CapRefused(CapRefused.Reason.AREA_NOT_FOUND, "a new warning needs an area of its own");
        }
        if (choice instanceof WarningArea.Around a) {
            GeoPoint c = DatumConverter.convert(a.centre(), Datum.WGS84);
            return new CapArea(text(a.description(), 300, true), List.of(),
                    List.of(new CapArea.Circle(point(c.lat(), c.lon()), Math.round(a.radiusMetres()) / 1000.0)));
        }
        if (choice instanceof WarningArea.Drawn d) {
            List<CapArea.Point> ring = new ArrayList<>();
            for (GeoPoint p : d.vertices()) {
                GeoPoint w = DatumConverter.convert(p, Datum.WGS84);
                ring.add(point(w.lat(), w.lon()));
            }
            ring.add(ring.get(0));
            return new CapArea(text(d.description(), 300, true), List.of(ring), List.of());
        }
        WarningArea.OfLayer l = (WarningArea.OfLayer) choice;
        var row = h.createQuery("SELECT name, boundary_wkt, datum FROM " + table(l.layer()) + " WHERE id = :id")
                .bind("id", l.id())
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .findOne()
                .orElseThrow(() -> new CapRefused(CapRefused.Reason.AREA_NOT_FOUND, l.layer() + " " + l.id()
                        + " does not exist"));
        return new CapArea(row[0], polygons(row[1], Datum.valueOf(row[2]), l), List.of());
    }

    /** Each polygon's outer ring in WGS 84, simplified to at most {@link #MAX_VERTICES} vertices. */
    static List<List<CapArea.Point>> polygons(String wkt, Datum datum, Object what) {
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new CapRefused(CapRefused.Reason.AREA_NOT_FOUND, what + " has no readable boundary", e);
        }
        List<List<CapArea.Point>> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries() && out.size() < CapReader.MAX_REPEAT; i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) {
                continue;
            }
            Geometry ring = p.getExteriorRing();
            double tolerance = 1e-5;
            while (ring.getNumPoints() > MAX_VERTICES) {
                ring = DouglasPeuckerSimplifier.simplify(p.getExteriorRing(), tolerance);
                tolerance *= 2;
            }
            List<CapArea.Point> pts = new ArrayList<>();
            for (Coordinate c : ring.getCoordinates()) {
                GeoPoint w = DatumConverter.convert(new GeoPoint(c.y, c.x, datum), Datum.WGS84);
                pts.add(point(w.lat(), w.lon()));
            }
            pts.set(pts.size() - 1, pts.get(0));
            if (pts.size() >= 4) {
                out.add(pts);
            }
        }
        if (out.isEmpty()) {
            throw new CapRefused(CapRefused.Reason.AREA_NOT_FOUND, what + " has no polygon boundary");
        }
        return out;
    }

    /** A point rounded as the writer writes it, so that what is stored reads back equal. */
    private static CapArea.Point point(double lat, double lon) {
        return new CapArea.Point(Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
