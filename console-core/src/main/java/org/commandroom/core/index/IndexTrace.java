package org.commandroom.core.index;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Traceability: from a gauge to the rows behind it. {@link #result} gives a stored score with its
 * capabilities and indicators (numerator, denominator, raw value, points); {@link #trace} gives, for one
 * station, period and indicator, the formula's inputs and the records (incident or order ids with their numbers, or
 * manual entries with who and when) that produced the value. The formula in words is the screen's to say, in the
 * user's language, from the indicator's definition.
 */
public final class IndexTrace {

    /**
     * One record behind a value. kind: INCIDENT, ORDER or MANUAL_SCORE; number: what people call it, the incident
     * number (J…) or order number, or for a manual entry its source (FORM, or SHEET and the file); role: NUMERATOR,
     * DENOMINATOR or ENTRY.
     */
    public record RecordRef(String kind, long id, String number, String role) {
    }

    /** A manual entry as traced: who entered what, when and from where (FORM or SHEET name). */
    public record ManualEntryRef(long id, Period period, double value, String enteredBy, java.time.Instant enteredAt,
                                 String source, String note, boolean inForce) {
    }

    /**
     * @param inputs      the formula's inputs by name (numerator, denominator, residents, months, ...)
     * @param records     incidents and orders counted, in id order (numerator first, then denominator only)
     * @param entries     manual entries of the period, history included (the latest per month is in force)
     */
    public record Trace(String indicatorId, long stationId, Period period, Source source, ComputationKind kind,
                        Map<String, Object> inputs, Double raw, Double points, List<RecordRef> records,
                        List<ManualEntryRef> entries) {

        /** The numbers (incident J…, order, manual entry source) of the records of a role, in the records' order. */
        public List<String> numbers(String role) {
            return records.stream().filter(r -> r.role().equals(role)).map(RecordRef::number).toList();
        }

        public List<Long> ids(String role) {
            return records.stream().filter(r -> r.role().equals(role)).map(RecordRef::id).toList();
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final IndexDefinitions definitions;

    public IndexTrace(Jdbi jdbi, Clock clock, IndexDefinitions definitions) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.definitions = definitions;
    }

    /** The stations and posts that have scores, in code order (for pickers). */
    public List<StationFacts> stations() {
        return jdbi.withHandle(StationFacts::load);
    }

    /** The stored index of a scope and period with its capabilities and indicators; empty if never computed. */
    public Optional<ScopeResult> result(Scope scope, Period period) {
        IndexDefinition def = definitions.current();
        return jdbi.withHandle(h -> {
            Map<String, Double> parts = new LinkedHashMap<>();
            Double[] index = new Double[2];
            String[] veto = new String[1];
            h.createQuery("SELECT part, score, uncapped_score, vetoed_by FROM index_score WHERE scope_kind = :k AND scope_id = :s "
                            + "AND period_kind = :pk AND period_start = :ps")
                    .bind("k", scope.kind().name()).bind("s", scope.id()).bind("pk", period.kind().name()).bind("ps", period.start())
                    .map((rs, ctx) -> {
                        String part = rs.getString(1);
                        Double score = rs.getObject(2, Double.class);
                        if (IndexStore.INDEX_PART.equals(part)) {
                            index[0] = score;
                            index[1] = rs.getObject(3, Double.class);
                            veto[0] = rs.getString(4);
                        } else {
                            parts.put(part, score);
                        }
                        return part;
                    }).list();
            if (parts.isEmpty() && index[0] == null && index[1] == null) {
                return Optional.<ScopeResult>empty();
            }
            Map<String, Double> caps = new LinkedHashMap<>();
            def.capabilities().forEach(c -> caps.put(c.code(), parts.get(c.code())));
            List<IndicatorResult> indicators = new ArrayList<>();
            for (IndicatorDef d : def.indicators()) {
                indicators.add(IndexStore.indicatorValue(h, scope, period, d.id())
                        .orElse(new IndicatorResult(d.id(), null, null, null, null)));
            }
            return Optional.of(new ScopeResult(scope, period, indicators, caps, index[0], index[1], veto[0]));
        });
    }

    /** The formula, its inputs and the records behind one station's value of one indicator in a period. */
    public Trace trace(long stationId, Period period, String indicatorId) {
        IndexDefinition def = definitions.current();
        IndicatorDef d = def.indicator(indicatorId)
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + indicatorId + " in definition " + def.version()));
        return jdbi.withHandle(h -> {
            StationFacts s = StationFacts.load(h).stream().filter(f -> f.id() == stationId).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no station " + stationId));
            IndicatorResult stored = IndexStore.indicatorValue(h, Scope.of(s), period, indicatorId)
                    .orElse(new IndicatorResult(indicatorId, null, null, null, null));
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("numerator", stored.numerator());
            inputs.put("denominator", stored.denominator());
            List<RecordRef> records = new ArrayList<>();
            List<ManualEntryRef> entries = new ArrayList<>();
            if (d.isManual()) {
                List<IndexStore.ManualEntry> history = IndexStore.manualHistory(h, indicatorId, stationId, period.start(),
                        period.endExclusive());
                Map<Period, Long> latest = new LinkedHashMap<>();
                history.forEach(e -> latest.put(e.period(), e.id()));
                for (IndexStore.ManualEntry e : history) {
                    boolean inForce = latest.get(e.period()) == e.id();
                    entries.add(new ManualEntryRef(e.id(), e.period(), e.value(), e.enteredBy(), e.enteredAt(), e.source(), e.note(), inForce));
                    if (inForce) {
                        records.add(new RecordRef("MANUAL_SCORE", e.id(), e.source(), "ENTRY"));
                    }
                }
            } else {
                Computation c = d.computation();
                ComputationSql.Range range = ComputationSql.Range.of(period, clock.instant());
                inputs.put("from", range.from());
                inputs.put("to", c.kind() == ComputationKind.SIGN_ON_TIME_SHARE || c.kind() == ComputationKind.FEEDBACK_ON_TIME_SHARE
                        || c.kind() == ComputationKind.HOUSE_INSPECTION_ON_SCHEDULE
                        || c.kind() == ComputationKind.MODEL_ALERT_HANDLED_IN_TIME
                        || c.kind() == ComputationKind.COMMUNITY_WORK_SHARE ? range.cut() : range.to());
                if (c.kind() == ComputationKind.INCIDENT_CHANGE_YOY) {
                    inputs.put("lastYearFrom", range.lastYearFrom());
                    inputs.put("lastYearTo", range.lastYearTo());
                }
                Double perMonth = ComputationSql.factDenominator(c, s);
                if (perMonth != null) {
                    inputs.put("denominatorPerMonth", perMonth);
                    // whole months, or a part of one for a period in progress (its elapsed share)
                    inputs.put("months", stored.denominator() == null || perMonth == 0 ? null
                            : Math.round(stored.denominator() / perMonth * 1000) / 1000.0);
                }
                switch (c.kind()) {
                    case INCIDENT_RATE -> {
                        inputs.put("residents", s.population());
                        inputs.put("perResidents", c.perResidents());
                    }
                    case ORDER_COUNT_PER_GRID -> inputs.put("policeGrids", s.policeGrids());
                    default -> { }
                }
                String recordKind = switch (c.kind().base()) {
                    case INCIDENT -> "INCIDENT";
                    case ORDER -> "ORDER";
                    case HOUSE -> "HOUSE";
                    case MODEL_ALERT -> "MODEL_ALERT";
                };
                List<ComputationSql.TracedRow> rows = ComputationSql.trace(h, d, stationId, range);
                rows.stream().filter(ComputationSql.TracedRow::numerator)
                        .forEach(r -> records.add(new RecordRef(recordKind, r.id(), r.number(), "NUMERATOR")));
                rows.stream().filter(r -> !r.numerator() && r.denominator())
                        .forEach(r -> records.add(new RecordRef(recordKind, r.id(), r.number(), "DENOMINATOR")));
            }
            return new Trace(indicatorId, stationId, period, d.source(), d.computation() == null ? null : d.computation().kind(),
                    inputs, stored.raw(), stored.points(), records, entries);
        });
    }
}
