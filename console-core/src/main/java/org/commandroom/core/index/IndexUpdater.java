package org.commandroom.core.index;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.Entity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current month up to date as incidents and order steps arrive: a change feed listener (or an
 * explicit call) finds the stations the changed incidents and orders belong to and has the engine
 * recompute just those stations' current month, their quarter and year, and the bureau. A full
 * recomputation (nightly, or after a definition change) remains the reference.
 */
public final class IndexUpdater implements ChangeFeed.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(IndexUpdater.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final IndexEngine engine;
    private final Executor worker;
    /** The month of the last update: when the next is in a later month, that month is over. */
    private YearMonth lastMonth;

    /** @param worker where the listener does its database work (never the FX thread that delivers changes) */
    public IndexUpdater(Jdbi jdbi, Clock clock, IndexEngine engine, Executor worker) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.engine = engine;
        this.worker = worker;
    }

    @Override
    public void onChanges(List<Change> changes) {
        List<Long> incidents = Change.idsOf(changes, Entity.INCIDENT);
        List<Long> orders = Change.idsOf(changes, Entity.ORDER);
        if (incidents.isEmpty() && orders.isEmpty()) {
            return;
        }
        worker.execute(() -> {
            try {
                update(incidents, orders);
            } catch (RuntimeException e) {
                LOG.warn("Prevention index not updated for {} incidents and {} orders: {}", incidents.size(), orders.size(), e.getMessage());
            }
        });
    }

    /**
     * Recomputes the current month of the stations the incidents and orders belong to. The first update in a new
     * month first recomputes the month that just ended for every station, so that it is stored as over (its
     * last hours and the deadlines that fell in them counted), not as it stood at its last update.
     */
    public IndexEngine.RunReport update(Collection<Long> incidentIds, Collection<Long> orderIds) {
        Set<Long> stations = jdbi.withHandle(h -> {
            Set<Long> out = new TreeSet<>();
            out.addAll(stationsOf(h, "incident", incidentIds));
            out.addAll(stationsOf(h, "work_order", orderIds));
            return out;
        });
        YearMonth month = YearMonth.from(LocalDate.ofInstant(clock.instant(), Period.ZONE));
        finishEndedMonth(month);
        return engine.updateMonth(month, stations);
    }

    private synchronized void finishEndedMonth(YearMonth month) {
        YearMonth last = lastMonth;
        lastMonth = month;
        if (last == null) {
            // the first update since start: the month before may have been stored before it was over (the console
            // was closed at the turn of the month)
            YearMonth before = month.minusMonths(1);
            Period p = Period.month(before);
            java.time.OffsetDateTime stored = jdbi.withHandle(h -> h.createQuery("SELECT MIN(computed_at) FROM index_score "
                            + "WHERE period_kind = 'MONTH' AND period_start = :s").bind("s", p.start())
                    .mapTo(java.time.OffsetDateTime.class).findOne().orElse(null));
            last = stored != null && stored.toInstant().isBefore(p.endsAt()) ? before : null;
        }
        if (last != null && last.isBefore(month)) {
            List<Long> all = jdbi.withHandle(h -> h.createQuery("SELECT id FROM station ORDER BY id").mapTo(Long.class).list());
            IndexEngine.RunReport r = engine.updateMonth(last, all);
            LOG.info("Prevention index {} finished for {} scopes now that it is over", last, r.scopes());
        }
    }

    private static List<Long> stationsOf(Handle h, String table, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Binds b = new Binds();
        // table is one of two fixed names above
        String sql = "SELECT DISTINCT station_id FROM " + table + " WHERE station_id IS NOT NULL AND id IN " + b.in(ids);
        return b.bindTo(h.createQuery(sql)).mapTo(Long.class).list();
    }
}
