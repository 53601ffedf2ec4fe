package org.commandroom.core.index;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Ping'an index (平安指数, seed 003: Bao'an's monthly index of the incident rate and public satisfaction)
 * per police grid and month, stored for the map to colour the grids. The incident rate is the valid
 * incidents of the month per 10,000 residents of the grid (the population of its micro-grids), scored
 * through the definition's thresholds; satisfaction is the grid's own figure for the month, else its
 * station's manual satisfaction indicator. Without a satisfaction figure the score is the rate's points
 * alone; without residents, the satisfaction alone.
 */
public final class PingAnIndex {

    /** One grid's month. satisfactionSource: GRID, STATION or null. */
    public record GridValue(long policeGridId, String code, long stationId, YearMonth month, int incidents, int population,
                            Double incidentRate, Double ratePoints, Double satisfaction, String satisfactionSource, Double score) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final IndexDefinitions definitions;

    public PingAnIndex(Jdbi jdbi, Clock clock, IndexDefinitions definitions) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.definitions = definitions;
    }

    /** A grid's satisfaction survey result (0-100) for a month, replacing an earlier one. */
    public void enterSatisfaction(long policeGridId, YearMonth month, double satisfaction, String enteredBy) {
        if (satisfaction < 0 || satisfaction > 100 || Double.isNaN(satisfaction)) {
            throw new IllegalArgumentException("satisfaction is a percentage from 0 to 100, not " + satisfaction);
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM grid_satisfaction WHERE police_grid_id = :g AND month_start = :m")
                    .bind("g", policeGridId).bind("m", month.atDay(1)).execute();
            h.createUpdate("INSERT INTO grid_satisfaction (police_grid_id, month_start, satisfaction, entered_by, entered_at) "
                            + "VALUES (:g, :m, :s, :by, :at)")
                    .bind("g", policeGridId).bind("m", month.atDay(1)).bind("s", satisfaction).bind("by", enteredBy)
                    .bind("at", clock.instant()).execute();
        });
    }

    /** Computes and stores every grid's index for a month (one grouped query for the incidents). */
    public List<GridValue> compute(YearMonth month) {
        IndexDefinition def = definitions.current();
        IndexDefinition.PingAnRule rule = def.pingAn();
        Period p = Period.month(month);
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            record Grid(long id, String code, long station, int population) {
            }
            List<Grid> grids = h.createQuery("SELECT g.id, g.code, g.station_id, COALESCE(SUM(mg.population), 0) AS pop FROM police_grid g "
                            + "LEFT JOIN police_grid_micro_grid x ON x.police_grid_id = g.id LEFT JOIN micro_grid mg ON mg.id = x.micro_grid_id "
                            + "GROUP BY g.id, g.code, g.station_id ORDER BY g.code")
                    .map((rs, ctx) -> new Grid(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4))).list();
            Binds b = new Binds();
            Map<Long, Integer> counts = new HashMap<>();
            String sql = "SELECT police_grid_id, COUNT(*) FROM incident WHERE police_grid_id IS NOT NULL AND received_at >= "
                    + b.add(p.startsAt()) + " AND received_at < " + b.add(p.endsAt()) + " AND incident_type IN "
                    + b.in(rule.incidents().types()) + " GROUP BY police_grid_id";
            b.bindTo(h.createQuery(sql)).map((rs, ctx) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
            Map<Long, Double> gridSat = new HashMap<>();
            h.createQuery("SELECT police_grid_id, satisfaction FROM grid_satisfaction WHERE month_start = :m")
                    .bind("m", month.atDay(1)).map((rs, ctx) -> gridSat.put(rs.getLong(1), rs.getDouble(2))).list();
            Map<Long, Double> stationSat = new HashMap<>();
            for (IndexStore.ManualEntry e : IndexStore.latestManual(h, p.start(), p.start().plusDays(1), null)) {
                if (e.indicator().equals(rule.satisfactionIndicator()) && e.period().equals(p)) {
                    stationSat.put(e.stationId(), e.value());
                }
            }
            List<GridValue> out = new ArrayList<>();
            for (Grid g : grids) {
                int n = counts.getOrDefault(g.id(), 0);
                Double rate = g.population() > 0 ? n / (g.population() / 10_000.0) : null;
                Double points = rate == null ? null : Scorer.round(def.bands().points(rate, rule.rateThresholds(), Direction.LOWER_IS_BETTER));
                Double sat = gridSat.get(g.id());
                String source = sat != null ? "GRID" : null;
                if (sat == null && stationSat.containsKey(g.station())) {
                    sat = stationSat.get(g.station());
                    source = "STATION";
                }
                out.add(new GridValue(g.id(), g.code(), g.station(), month, n, g.population(), rate, points, sat, source,
                        score(points, sat, rule)));
            }
            store(h, month, out, now);
            return out;
        });
    }

    /** The stored values of a month, by grid code. */
    public List<GridValue> values(YearMonth month) {
        return jdbi.withHandle(h -> h.createQuery("SELECT v.police_grid_id, g.code, g.station_id, v.incidents, v.population, "
                        + "v.incident_rate, v.rate_points, v.satisfaction, v.satisfaction_source, v.score FROM ping_an_index v "
                        + "JOIN police_grid g ON g.id = v.police_grid_id WHERE v.month_start = :m ORDER BY g.code")
                .bind("m", month.atDay(1))
                .map((rs, ctx) -> new GridValue(rs.getLong(1), rs.getString(2), rs.getLong(3), month, rs.getInt(4), rs.getInt(5),
                        rs.getObject(6, Double.class), rs.getObject(7, Double.class), rs.getObject(8, Double.class), rs.getString(9),
                        rs.getObject(10, Double.class)))
                .list());
    }

    static Double score(Double ratePoints, Double satisfaction, IndexDefinition.PingAnRule rule) {
        double sum = 0;
        double w = 0;
        if (ratePoints != null) {
            sum += ratePoints * rule.incidentWeight();
            w += rule.incidentWeight();
        }
        if (satisfaction != null) {
            sum += satisfaction * rule.satisfactionWeight();
            w += rule.satisfactionWeight();
        }
        return w == 0 ? null : Scorer.round(sum / w);
    }

    private static void store(Handle h, YearMonth month, List<GridValue> values, Instant now) {
        LocalDate m = month.atDay(1);
        h.createUpdate("DELETE FROM ping_an_index WHERE month_start = :m").bind("m", m).execute();
        PreparedBatch batch = h.prepareBatch("INSERT INTO ping_an_index (police_grid_id, month_start, incidents, population, incident_rate, "
                + "rate_points, satisfaction, satisfaction_source, score, computed_at) VALUES (:g, :m, :n, :pop, :rate, :pts, :sat, :src, :score, :at)");
        for (GridValue v : values) {
            batch.bind("g", v.policeGridId()).bind("m", m).bind("n", v.incidents()).bind("pop", v.population())
                    .bind("rate", v.incidentRate()).bind("pts", v.ratePoints()).bind("sat", v.satisfaction())
                    .bind("src", v.satisfactionSource()).bind("score", v.score()).bind("at", now).add();
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }
}
