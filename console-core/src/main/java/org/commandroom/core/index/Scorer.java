package org.commandroom.core.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns formula inputs into points, capability scores and the index: raw value → points through the
 * indicator's thresholds and the bands; a capability is the weighted mean of the points of its
 * indicators that have a value; the index is the weighted mean of the capabilities that have a score;
 * a veto item worse than its threshold caps the index.
 */
public final class Scorer {

    private Scorer() {
    }

    /** The raw value for an indicator's numerator and denominator (manual values: the mean of the entries). */
    public static Double raw(IndicatorDef d, double numerator, double denominator) {
        ComputationKind.Formula f = d.computation() == null ? ComputationKind.Formula.RATIO : d.computation().kind().formula();
        return f.apply(numerator, denominator);
    }

    /** Scores one scope; {@code inputs} maps an indicator id to {numerator, denominator}, absent when no data. */
    public static ScopeResult score(IndexDefinition def, Scope scope, Period period, Map<String, double[]> inputs) {
        List<IndicatorResult> results = new ArrayList<>();
        Map<String, Double> points = new LinkedHashMap<>();
        List<String> vetoes = new ArrayList<>();
        for (IndicatorDef d : def.indicators()) {
            double[] in = inputs.get(d.id());
            Double raw = in == null ? null : raw(d, in[0], in[1]);
            Double p = raw == null ? null : round(def.bands().points(raw, d.thresholds(), d.direction()));
            results.add(new IndicatorResult(d.id(), in == null ? null : in[0], in == null ? null : in[1], raw, p));
            if (p != null) {
                points.put(d.id(), p);
            }
            if (d.vetoes(raw)) {
                vetoes.add(d.id());
            }
        }
        Map<String, Double> caps = new LinkedHashMap<>();
        double indexSum = 0;
        double indexWeight = 0;
        for (CapabilityDef c : def.capabilities()) {
            double sum = 0;
            double weight = 0;
            for (IndicatorDef d : def.indicatorsOf(c.code())) {
                Double p = points.get(d.id());
                if (p != null) {
                    sum += p * d.weight();
                    weight += d.weight();
                }
            }
            Double score = weight == 0 ? null : round(sum / weight);
            caps.put(c.code(), score);
            if (score != null && c.weight() > 0) {
                indexSum += score * c.weight();
                indexWeight += c.weight();
            }
        }
        Double uncapped = indexWeight == 0 ? null : round(indexSum / indexWeight);
        Double index = uncapped;
        if (uncapped != null && !vetoes.isEmpty()) {
            index = Math.min(uncapped, def.vetoCap());
        }
        return new ScopeResult(scope, period, results, caps, index, uncapped, vetoes.isEmpty() ? null : String.join(",", vetoes));
    }

    /** Scores are kept to two decimals, as shown and exported. */
    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
