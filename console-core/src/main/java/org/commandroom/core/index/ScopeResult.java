package org.commandroom.core.index;

import java.util.List;
import java.util.Map;

/**
 * The index of one scope and period: every indicator, the seven capability scores (null without any
 * indicator value), the index after the veto cap, the index before it, and the veto items that capped it.
 */
public record ScopeResult(Scope scope, Period period, List<IndicatorResult> indicators, Map<String, Double> capabilities,
                          Double index, Double uncappedIndex, String vetoedBy) {
}
