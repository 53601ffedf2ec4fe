package org.commandroom.core.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.Entity;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gazetteer as the console uses it: loaded once from the database (call {@link #load()} off the FX
 * thread), searched in memory, and kept current from the change feed. A new incident's address is
 * added at once (into a small list searched beside the index, folded into the index when it grows);
 * a change of geography reloads everything. Searches never touch the database.
 */
public final class GazetteerService {

    private static final Logger LOG = LoggerFactory.getLogger(GazetteerService.class);
    /** Recent additions searched by a scan before they are folded into a rebuilt index. */
    static final int FOLD_AT = 2000;

    private final Jdbi jdbi;
    private final Executor background;
    private volatile State state = new State(Gazetteer.empty(), List.of(), Set.of(), false);
    private final ChangeFeed.Listener listener = this::onChanges;

    /**
     * @param background where refreshes read the database (the I/O executor); never the FX thread
     */
    public GazetteerService(Jdbi jdbi, Executor background) {
        this.jdbi = jdbi;
        this.background = background;
    }

    private record State(Gazetteer index, List<Place> recent, Set<String> addressKeys, boolean loaded) {
    }

    /** Reads every source and replaces the index. Blocking. */
    public void load() {
        long t0 = System.nanoTime();
        List<Place> all = new ArrayList<>();
        jdbi.useHandle(h -> {
            GazetteerDao dao = h.attach(GazetteerDao.class);
            all.addAll(dao.namedPoints());
            for (GazetteerDao.NamedArea a : dao.areas()) {
                GeoPoint p = interiorPoint(a);
                if (p != null) {
                    all.add(new Place(a.kind(), a.name(), p, null, 0));
                }
            }
            all.addAll(dao.incidentAddresses());
        });
        Set<String> keys = new HashSet<>();
        for (Place p : all) {
            if (p.kind() == PlaceKind.INCIDENT_ADDRESS) {
                keys.add(AddressText.key(p.name()));
            }
        }
        state = new State(Gazetteer.of(all), List.of(), keys, true);
        LOG.info("Gazetteer loaded: {} places in {} ms", all.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    public boolean isLoaded() {
        return state.loaded();
    }

    public int size() {
        State s = state;
        return s.index().size() + s.recent().size();
    }

    /** At most {@code limit} places matching the query, best first (see {@link Gazetteer} for the ranking). */
    public List<Place> search(String query, int limit) {
        State s = state;
        if (s.recent().isEmpty()) {
            return s.index().search(query, limit);
        }
        List<Gazetteer.Hit> hits = s.index().hits(query);
        String[] words = Gazetteer.words(query);
        if (words.length > 0) {
            String whole = AddressText.key(query);
            for (Place p : s.recent()) {
                Gazetteer.Hit h = Gazetteer.match(p, AddressText.key(p.name()), words, whole);
                if (h != null) {
                    hits.add(h);
                }
            }
        }
        hits.sort(Gazetteer.rank());
        return hits.stream().limit(limit).map(Gazetteer.Hit::place).toList();
    }

    /** The place named exactly so (folded), preferring named places to addresses seen in calls. */
    public Optional<Place> exact(String text) {
        State s = state;
        Optional<Place> found = s.index().exact(text);
        if (found.isPresent()) {
            return found;
        }
        String key = AddressText.key(text);
        return s.recent().stream().filter(p -> AddressText.key(p.name()).equals(key)).findFirst();
    }

    /** The listener to add to the change feed: new incidents add their address, geography reloads. */
    public ChangeFeed.Listener feedListener() {
        return listener;
    }

    void onChanges(List<Change> changes) {
        boolean geography = changes.stream().anyMatch(c -> c.entity() == Entity.GEOGRAPHY);
        List<Long> inserted = changes.stream()
                .filter(c -> c.entity() == Entity.INCIDENT && c.op() == org.commandroom.core.live.ChangeOp.INSERT)
                .map(Change::entityId).distinct().toList();
        if (!geography && inserted.isEmpty()) {
            return;
        }
        background.execute(() -> {
            try {
                if (geography) {
                    load();
                } else {
                    addIncidents(inserted);
                }
            } catch (RuntimeException e) {
                LOG.warn("Gazetteer refresh failed (will catch up on the next change): {}", e.toString());
            }
        });
    }

    /** Adds the addresses of these incidents that the gazetteer does not know yet. Blocking. */
    public synchronized void addIncidents(List<Long> incidentIds) {
        if (incidentIds.isEmpty()) {
            return;
        }
        List<Place> fresh = jdbi.withExtension(GazetteerDao.class, dao -> dao.addressesOf(incidentIds));
        addAddresses(fresh);
    }

    /** Adds addresses seen in calls (already read); those known are skipped. */
    public synchronized void addAddresses(List<Place> fresh) {
        State s = state;
        Set<String> keys = null;
        List<Place> recent = null;
        for (Place p : fresh) {
            String k = AddressText.key(p.name());
            if (k.isEmpty() || s.addressKeys().contains(k) || (keys != null && keys.contains(k))) {
                continue;
            }
            if (keys == null) {
                keys = new HashSet<>(s.addressKeys());
                recent = new ArrayList<>(s.recent());
            }
            keys.add(k);
            recent.add(new Place(PlaceKind.INCIDENT_ADDRESS, p.name(), p.position(), p.stationId(), 1));
        }
        if (keys == null) {
            return;
        }
        if (recent.size() >= FOLD_AT) {
            List<Place> all = new ArrayList<>(s.index().places());
            all.addAll(recent);
            state = new State(Gazetteer.of(all), List.of(), Set.copyOf(keys), s.loaded());
        } else {
            state = new State(s.index(), List.copyOf(recent), keys, s.loaded());
        }
    }

    private static GeoPoint interiorPoint(GazetteerDao.NamedArea a) {
        try {
            Geometry g = new WKTReader().read(a.wkt());
            if (g.isEmpty()) {
                return null;
            }
            Point p = g.getInteriorPoint();
            return new GeoPoint(p.getY(), p.getX(), a.datum());
        } catch (ParseException | IllegalArgumentException e) {
            LOG.warn("{} {} has an unreadable boundary; left out of the gazetteer", a.kind(), a.name());
            return null;
        }
    }
}
