package org.commandroom.app.ui.map;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.geo.io.GeometryRepair;

/**
 * A boundary repair in the user's language, one line: the feature, what was wrong and where, the area before → after
 * in km² and the relative change, and the parts when their number changed. E.g.
 * {@code 要素 0（犍为县）：多个部分相互交叉、重叠或共用边界，位于 104.132507,29.399626；面积 1,370.14 → 1,370.14 平方公里（0.00%），3 个部分 → 2 个}.
 */
public final class RepairText {

    private final I18n i18n;

    public RepairText(I18n i18n) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    public String line(GeometryRepair r) {
        String feature = r.name() == null ? i18n.tr("import.repair.featureUnnamed", Integer.toString(r.feature()))
                : i18n.tr("import.repair.feature", Integer.toString(r.feature()), r.name());
        String what = r.defects().stream().map(this::defect).collect(Collectors.joining(i18n.tr("import.repair.separator")));
        String parts = r.partsBefore() == r.partsAfter() ? ""
                : i18n.tr("import.repair.parts", Integer.toString(r.partsBefore()), Integer.toString(r.partsAfter()));
        return i18n.tr("import.repair.line", feature, what, km2(r.areaBefore()), km2(r.areaAfter()), change(r), parts);
    }

    /** What was wrong and where, e.g. {@code 第 2 部分：边界自相交，位于 104.1,29.4}. */
    public String defect(GeometryRepair.Defect d) {
        String text = switch (d.kind()) {
            case REPEATED_POINTS -> i18n.tr("import.repair.repeated", Integer.toString(d.count()), d.location());
            case OTHER -> i18n.tr("import.repair.at", i18n.tr("import.repair.other", i18n.label(d.kind()), d.error()),
                    d.location());
            default -> i18n.tr("import.repair.at", i18n.label(d.kind()), d.location());
        };
        return d.part() == null ? text : i18n.tr("import.repair.inPart", Integer.toString(d.part()), text);
    }

    /** The relative change of the area, {@code +1.23%}, {@code 0.00%}; a word when there was no area to compare with. */
    public String change(GeometryRepair r) {
        double change = r.relativeChange();
        if (Double.isNaN(change)) {
            return i18n.tr("import.repair.change.none");
        }
        double pct = change * 100;
        return Math.abs(pct) < 0.005 ? String.format(i18n.locale(), "%.2f%%", 0.0)
                : String.format(i18n.locale(), "%+,.2f%%", pct);
    }

    /** km² to 0.01, grouped (1,370.14); below 0.01 km² to 1 m² so a sliver still shows; 0 below 1 m². */
    private String km2(double v) {
        if (Math.abs(v) < 1e-6) {
            return "0";
        }
        Locale l = i18n.locale();
        return Math.abs(v) >= 0.01 ? String.format(l, "%,.2f", v) : String.format(l, "%.6f", v);
    }
}
