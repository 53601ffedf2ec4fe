package org.commandroom.core.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A whole, validated definition of the prevention index: capabilities, indicators and the rules around
 * them. Made by {@link DefinitionReader}; held by {@link IndexDefinitions}.
 */
public record IndexDefinition(String version, String name, Bands bands, double vetoCap,
                              List<CapabilityDef> capabilities, List<IndicatorDef> indicators,
                              PeerGrouping peerGrouping, ReminderRules reminders, PingAnRule pingAn) {

    /** How stations are put into peer groups for ranking. */
    public record PeerGrouping(Method method, List<Metric> metrics, int groups) {
        public enum Method { STATION_COLUMN, QUANTILES }

        public enum Metric { INCIDENTS, POPULATION, AREA }
    }

    /** When a reminder notice (提醒单) goes to a station. */
    public record ReminderRules(double indicatorSwingPoints, double capabilitySwingPoints,
                                Set<String> underPassLevels, int remediationDays) {
        public static final String INDICATOR = "INDICATOR";
        public static final String CAPABILITY = "CAPABILITY";
        public static final String INDEX = "INDEX";
    }

    /**
     * Ping'an index (平安指数) per police grid and month: points for the valid incident rate (per 10,000
     * residents per month, through the thresholds) and public satisfaction (0-100), weighted.
     */
    public record PingAnRule(Computation incidents, Thresholds rateThresholds, double incidentWeight,
                             double satisfactionWeight, String satisfactionIndicator) {
    }

    public IndexDefinition {
        capabilities = List.copyOf(capabilities);
        indicators = List.copyOf(indicators);
    }

    public Optional<IndicatorDef> indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<CapabilityDef> capability(String code) {
        return capabilities.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public List<IndicatorDef> indicatorsOf(String capability) {
        return indicators.stream().filter(i -> i.capability().equals(capability)).toList();
    }

    public List<IndicatorDef> manualIndicators() {
        return indicators.stream().filter(IndicatorDef::isManual).toList();
    }

    /** Computed indicators grouped by computation kind, in file order. */
    public Map<ComputationKind, List<IndicatorDef>> computedByKind() {
        Map<ComputationKind, List<IndicatorDef>> out = new LinkedHashMap<>();
        for (IndicatorDef i : indicators) {
            if (i.computation() != null) {
                out.computeIfAbsent(i.computation().kind(), k -> new java.util.ArrayList<>()).add(i);
            }
        }
        return out;
    }
}
