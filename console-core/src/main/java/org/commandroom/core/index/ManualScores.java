package org.commandroom.core.index;

import org.commandroom.core.text.Text;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Manual indicators (scored by departments): one entry from a form, checked against the definition, kept
 * with who entered it and when. Entries are never overwritten: a correction is a new entry, and the
 * latest entry per indicator, station and period is the one in force.
 */
public final class ManualScores {

    public static final String SOURCE_FORM = "FORM";

    private final Jdbi jdbi;
    private final Clock clock;
    private final IndexDefinitions definitions;
    private final ChangeRecorder changes;
    private final AccessGuard guard;

    public ManualScores(Jdbi jdbi, Clock clock, IndexDefinitions definitions, ChangeRecorder changes) {
        this(jdbi, clock, definitions, changes, AccessGuard.trusted());
    }

    /** @param guard entering scores (by form or sheet) needs {@link Permission#INDEX_ENTRY} (docs/ACCESS.md) */
    public ManualScores(Jdbi jdbi, Clock clock, IndexDefinitions definitions, ChangeRecorder changes, AccessGuard guard) {
        this.guard = guard;
        this.jdbi = jdbi;
        this.clock = clock;
        this.definitions = definitions;
        this.changes = changes;
    }

    /**
     * Records a value entered in a form. Throws IllegalArgumentException, naming what is wrong, for an indicator
     * that is not manual, a station that does not exist, or a value outside the indicator's bounds.
     *
     * @return the new entry's id
     */
    public long enter(String indicatorId, long stationId, Period period, double value, String enteredBy, String note) {
        guard.require(Permission.INDEX_ENTRY, "INDEX_ENTRY", "STATION", stationId);
        if (enteredBy == null || enteredBy.isBlank()) {
            throw new IllegalArgumentException("who entered the value must be given");
        }
        IndicatorDef d = manualIndicator(definitions.current(), indicatorId)
                .orElseThrow(() -> new IllegalArgumentException("'" + indicatorId + "' is not a manual indicator of definition "
                        + definitions.current().version()));
        Text problem = check(d, value);
        if (problem != null) {
            throw new IllegalArgumentException(indicatorId + ": " + problem.english());
        }
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM station WHERE id = :s").bind("s", stationId).mapTo(Long.class).one() > 0;
            if (!exists) {
                throw new IllegalArgumentException("no station with id " + stationId);
            }
            long id = insert(h, indicatorId, stationId, period, value, enteredBy, clock.instant(), SOURCE_FORM, note);
            guard.audit(h, clock.instant(), enteredBy, "INDEX_ENTRY", "STATION", stationId,
                    indicatorId + " " + period + " = " + fmt(value) + (note == null || note.isBlank() ? "" : " (" + note + ")"));
            return id;
        });
    }

    static Optional<IndicatorDef> manualIndicator(IndexDefinition def, String id) {
        return def.indicator(id).filter(IndicatorDef::isManual);
    }

    /** Null if the value is acceptable for the indicator, else what is wrong with it. */
    static Text check(IndicatorDef d, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Text.of("core.score.notFinite");
        }
        if (d.min() != null && value < d.min()) {
            return Text.of("core.score.belowMinimum", fmt(value), fmt(d.min()), d.id());
        }
        if (d.max() != null && value > d.max()) {
            return Text.of("core.score.aboveMaximum", fmt(value), fmt(d.max()), d.id());
        }
        return null;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    long insert(Handle h, String indicatorId, long stationId, Period period, double value, String enteredBy, Instant at,
                String source, String note) {
        long id = h.createUpdate("INSERT INTO manual_score (indicator_code, station_id, period_kind, period_start, raw_value, "
                        + "entered_by, entered_at, note, source) VALUES (:i, :s, :pk, :ps, :v, :by, :at, :note, :src)")
                .bind("i", indicatorId).bind("s", stationId).bind("pk", period.kind().name()).bind("ps", period.start())
                .bind("v", value).bind("by", enteredBy).bind("at", at).bind("note", note).bind("src", source)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        if (changes != null) {
            changes.record(h, Entity.INDEX, stationId, ChangeOp.UPDATE);
        }
        return id;
    }

    AccessGuard guard() {
        return guard;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    Clock clock() {
        return clock;
    }

    IndexDefinitions definitions() {
        return definitions;
    }
}
