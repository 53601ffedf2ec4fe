package org.commandroom.core.search;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.Entity;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's own features in memory, for the map's search box: incidents (open ones and those
 * received in the last {@code incidentWindow}), patrol units, cameras (by device id, prefix match),
 * police grids, communities and key places (by name). Loaded once ({@link #reload()}), then kept fresh
 * from the change feed ({@link #apply}): changed incidents and units are read again by id; an import of
 * cameras or boundaries (CAMERA, GEOGRAPHY changes) reloads the static part.
 *
 * <p>Searching never touches the database. Thread-safe: the static part is swapped whole, the live
 * part is in concurrent maps. Call {@link #reload()} and {@link #apply} off the FX thread.
 */
public final class FeatureIndex implements SearchSource {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureIndex.class);
    /** Device ids are matched from this many typed digits on (fewer match every camera of the region). */
    static final int MIN_CAMERA_DIGITS = 3;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration incidentWindow;
    private final Map<String, Entry> incidents = new ConcurrentHashMap<>();
    private final Map<String, Entry> units = new ConcurrentHashMap<>();
    private volatile Static statics = new Static(new String[0], new Entry[0], List.of());

    /** A searchable feature: what is compared ({@code key}) and the hit it gives. */
    private record Entry(FeatureKind kind, String id, String key, String title, String detail, String tag, GeoPoint position) {
        SearchHit hit(SearchHit.Match m) {
            return new SearchHit(kind, id, title, detail, tag, position, m);
        }
    }

    /** Cameras sorted by device id (parallel arrays), and the named areas and places. */
    private record Static(String[] cameraIds, Entry[] cameras, List<Entry> named) {
    }

    /**
     * @param incidentWindow closed incidents received longer ago than this are not indexed (open ones always are)
     */
    public FeatureIndex(Jdbi jdbi, Clock clock, Duration incidentWindow) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.incidentWindow = Objects.requireNonNull(incidentWindow, "incidentWindow");
    }

    /** Reads everything from the database. Blocking. */
    public FeatureIndex reload() {
        long t0 = System.nanoTime();
        jdbi.useHandle(h -> {
            SearchDao dao = h.attach(SearchDao.class);
            reloadStatic(dao);
            Map<String, Entry> inc = new java.util.HashMap<>();
            for (SearchDao.Row r : dao.incidentsSince(clock.instant().minus(incidentWindow))) {
                entry(FeatureKind.INCIDENT, r).ifPresent(e -> inc.put(e.id(), e));
            }
            incidents.keySet().retainAll(inc.keySet());
            incidents.putAll(inc);
            Map<String, Entry> un = new java.util.HashMap<>();
            for (SearchDao.Row r : dao.units()) {
                entry(FeatureKind.UNIT, r).ifPresent(e -> un.put(e.id(), e));
            }
            units.keySet().retainAll(un.keySet());
            units.putAll(un);
        });
        LOG.info("Search index: {} incidents, {} units, {} cameras, {} grids, communities and places in {} ms",
                incidents.size(), units.size(), statics.cameraIds().length, statics.named().size(),
                (System.nanoTime() - t0) / 1_000_000);
        return this;
    }

    private void reloadStatic(SearchDao dao) {
        List<SearchDao.Row> cams = dao.cameras();
        cams.sort((a, b) -> a.title().compareTo(b.title()));
        String[] ids = new String[cams.size()];
        Entry[] entries = new Entry[cams.size()];
        for (int i = 0; i < ids.length; i++) {
            SearchDao.Row r = cams.get(i);
            ids[i] = r.title();
            entries[i] = new Entry(FeatureKind.CAMERA, r.id(), r.title(), r.title(), r.detail(), r.kind(),
                    new GeoPoint(r.lat(), r.lon(), r.datum()));
        }
        List<Entry> named = new ArrayList<>();
        WKTReader reader = new WKTReader();
        for (SearchDao.Row r : dao.policeGrids()) {
            area(FeatureKind.POLICE_GRID, r, reader).ifPresent(named::add);
        }
        for (SearchDao.Row r : dao.communities()) {
            area(FeatureKind.COMMUNITY, r, reader).ifPresent(named::add);
        }
        for (SearchDao.Row r : dao.keyPlaces()) {
            named.add(new Entry(FeatureKind.KEY_PLACE, r.id(), SearchHit.normalise(r.title()), r.title(), "", r.kind(),
                    new GeoPoint(r.lat(), r.lon(), r.datum())));
        }
        statics = new Static(ids, entries, List.copyOf(named));
    }

    private static java.util.Optional<Entry> area(FeatureKind kind, SearchDao.Row r, WKTReader reader) {
        try {
            Geometry g = reader.read(r.detail());
            Point p = g.getInteriorPoint();
            return java.util.Optional.of(new Entry(kind, r.id(), SearchHit.normalise(r.title()), r.title(), r.kind(), "",
                    new GeoPoint(p.getY(), p.getX(), r.datum())));
        } catch (ParseException | RuntimeException e) {
            LOG.warn("{} {} ({}) has an unreadable boundary and cannot be found by name: {}", kind, r.id(), r.title(), e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<Entry> entry(FeatureKind kind, SearchDao.Row r) {
        if (r.lat() == null || r.lon() == null) {
            return java.util.Optional.empty();
        }
        String detail = kind == FeatureKind.INCIDENT ? r.detail() : "";
        String tag = r.kind() == null ? "" : r.kind();
        return java.util.Optional.of(new Entry(kind, r.id(), SearchHit.normalise(r.title()), r.title(),
                detail == null ? "" : detail, tag, new GeoPoint(r.lat(), r.lon(), r.datum())));
    }

    /**
     * Follows the change feed: reads changed incidents and units again (a deleted one, or an incident
     * closed and older than the window, leaves the index); a camera or boundary change reloads the
     * static part. Blocking: call it on the I/O executor.
     */
    public void apply(List<Change> changes) {
        List<Long> incidentIds = Change.idsOf(changes, Entity.INCIDENT);
        List<Long> unitIds = Change.idsOf(changes, Entity.UNIT);
        boolean statics = changes.stream().anyMatch(c -> c.entity() == Entity.CAMERA || c.entity() == Entity.GEOGRAPHY);
        if (incidentIds.isEmpty() && unitIds.isEmpty() && !statics) {
            return;
        }
        jdbi.useHandle(h -> {
            SearchDao dao = h.attach(SearchDao.class);
            if (!incidentIds.isEmpty()) {
                refresh(incidents, incidentIds, dao.incidents(incidentIds, clock.instant().minus(incidentWindow)), FeatureKind.INCIDENT);
            }
            if (!unitIds.isEmpty()) {
                refresh(units, unitIds, dao.units(unitIds), FeatureKind.UNIT);
            }
            if (statics) {
                reloadStatic(dao);
            }
        });
    }

    private static void refresh(Map<String, Entry> map, Collection<Long> ids, List<SearchDao.Row> rows, FeatureKind kind) {
        Set<String> gone = new HashSet<>();
        ids.forEach(id -> gone.add(Long.toString(id)));
        for (SearchDao.Row r : rows) {
            java.util.Optional<Entry> e = entry(kind, r);
            if (e.isPresent()) {
                map.put(r.id(), e.get());
                gone.remove(r.id());
            }
        }
        map.keySet().removeAll(gone);
    }

    /** Whether a change list holds anything this index follows (to skip a task for nothing). */
    public static boolean concerns(List<Change> changes) {
        return changes.stream().anyMatch(c -> c.entity() == Entity.INCIDENT || c.entity() == Entity.UNIT
                || c.entity() == Entity.CAMERA || c.entity() == Entity.GEOGRAPHY);
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        String q = SearchHit.normalise(query == null ? "" : query);
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        collect(incidents.values(), q, hits);
        collect(units.values(), q, hits);
        Static s = statics;
        cameras(s, q, limit, hits);
        collect(s.named(), q, hits);
        hits.sort((a, b) -> a.match() != b.match() ? a.match().compareTo(b.match())
                : a.kind() != b.kind() ? a.kind().compareTo(b.kind()) : a.title().compareTo(b.title()));
        return hits.size() <= limit ? hits : List.copyOf(hits.subList(0, limit));
    }

    private static void collect(Collection<Entry> entries, String q, List<SearchHit> hits) {
        for (Entry e : entries) {
            SearchHit.Match m = SearchHit.matchOf(e.key(), q);
            if (m != null) {
                hits.add(e.hit(m));
            }
        }
    }

    /** Device ids beginning with the typed digits, through a binary search of the sorted ids. */
    private static void cameras(Static s, String q, int limit, List<SearchHit> hits) {
        if (q.length() < MIN_CAMERA_DIGITS || !q.chars().allMatch(Character::isDigit)) {
            return;
        }
        String[] ids = s.cameraIds();
        int i = Arrays.binarySearch(ids, q);
        if (i < 0) {
            i = -i - 1;
        }
        for (int n = 0; i < ids.length && n < limit && ids[i].startsWith(q); i++, n++) {
            hits.add(s.cameras()[i].hit(ids[i].length() == q.length() ? SearchHit.Match.EXACT : SearchHit.Match.PREFIX));
        }
    }

    /** Sizes, for the log and tests: incidents, units, cameras, named areas and places. */
    public int[] sizes() {
        Static s = statics;
        return new int[] {incidents.size(), units.size(), s.cameraIds().length, s.named().size()};
    }
}
