package org.commandroom.core.index;

/**
 * One indicator of the definition file.
 *
 * @param computation   for COMPUTED indicators; null for MANUAL ones
 * @param veto          a veto item: a raw value worse than {@code vetoThreshold} caps the index
 * @param swingPoints   month-on-month drop in points that raises a reminder notice; null: the file's default
 * @param min           smallest value a manual entry may have (null: no bound)
 * @param max           largest value a manual entry may have (null: no bound)
 * @param note          why an indicator is manual, or how it is computed, in a sentence
 * @param unitEn        the unit in English (the file's {@code unitEn}; the Chinese {@code unit} when it gives none)
 */
public record IndicatorDef(String id, String nameZh, String nameEn, String capability, Direction direction,
                           Source source, String unit, String unitEn, Computation computation, Thresholds thresholds,
                           double weight, boolean veto, Double vetoThreshold, Double swingPoints, Double min, Double max,
                           String note) {

    public IndicatorDef {
        if (unitEn == null || unitEn.isBlank()) {
            unitEn = unit;
        }
    }

    public boolean isManual() {
        return source == Source.MANUAL;
    }

    /** True when a raw value triggers this indicator's veto. */
    public boolean vetoes(Double raw) {
        return veto && raw != null && direction.worse(raw, vetoThreshold);
    }
}
