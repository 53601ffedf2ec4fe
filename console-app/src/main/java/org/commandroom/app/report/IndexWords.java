package org.commandroom.app.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.index.CapabilityDef;
import org.commandroom.core.index.Computation;
import org.commandroom.core.index.IndexDefinition;
import org.commandroom.core.index.IndicatorDef;
import org.commandroom.core.index.PeerGroup;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.ReminderService;

/**
 * The prevention index in the user's words, for the dashboard and the printed report alike: every text from the
 * bundles (formulas, periods, peer groups, reminder notices, enum labels) or from the definition's own names in the
 * user's language (an indicator's {@code zh}/{@code en} and {@code unit}/{@code unitEn}, a capability's
 * {@code zh}/{@code en}); never an enum constant or an internal code.
 */
public final class IndexWords {

    private final IndexReportPdf.Texts texts;
    private final boolean english;

    public IndexWords(IndexReportPdf.Texts texts, Locale locale) {
        this.texts = texts;
        this.english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    public boolean english() {
        return english;
    }

    public String indicator(IndicatorDef d) {
        return english ? d.nameEn() : d.nameZh();
    }

    public String capability(CapabilityDef c) {
        return english ? c.nameEn() : c.nameZh();
    }

    public String unit(IndicatorDef d) {
        return english ? d.unitEn() : d.unit();
    }

    /** "INDEX", a capability code or an indicator id, named. */
    public String subject(IndexDefinition def, String subject) {
        if ("INDEX".equals(subject)) {
            return texts.tr("index.overall");
        }
        return def.indicator(subject).map(this::indicator)
                .or(() -> def.capability(subject).map(this::capability)).orElse(subject);
    }

    /** 2026年10月, 2026年第4季度, 2026年; 2026-10, 2026 Q4, 2026. */
    public String period(Period p) {
        int year = p.start().getYear();
        return switch (p.kind()) {
            case MONTH -> texts.tr("index.period.month", year, p.start().getMonthValue());
            case QUARTER -> texts.tr("index.period.quarter", year, (p.start().getMonthValue() - 1) / 3 + 1);
            case YEAR -> texts.tr("index.period.year", year);
        };
    }

    /** 第1组 / Group 1; a named group by its name; 未分组 / Not grouped. */
    public String peerGroup(PeerGroup g) {
        if (g == null || g.isNone()) {
            return texts.tr("index.group.none");
        }
        return g.isQuantile() ? texts.tr("index.group.quantile", g.quantile()) : g.name();
    }

    /** A reminder notice in words, from its figures; a notice written before they were kept, from its stored text. */
    public String reminder(IndexDefinition def, ReminderService.Listed n) {
        String subject = subject(def, n.subject());
        String period = period(n.period());
        boolean swing = "SWING".equals(n.cause());
        if (n.valueNow() == null || (swing && n.valueBefore() == null)) {
            if (!english) {
                return n.detail();
            }
            return swing ? texts.tr("index.rem.text.swingOld", period, subject)
                    : texts.tr("index.rem.text.underPassOld", period, subject);
        }
        return swing
                ? texts.tr("index.rem.text.swing", period, subject, num(n.valueBefore() - n.valueNow()), num(n.valueBefore()),
                        num(n.valueNow()))
                : texts.tr("index.rem.text.underPass", period, subject, num(n.valueNow()),
                        num(n.passLine() == null ? def.bands().pass() : n.passLine()));
    }

    /** How an indicator's raw value follows from the records, in words. */
    public String formula(IndicatorDef d) {
        Computation c = d.computation();
        if (c == null) {
            return texts.tr("index.formula.manual");
        }
        String types = types(c.types());
        String orders = orders(c.orderKinds());
        return switch (c.kind()) {
            case INCIDENT_RATE -> texts.tr("index.formula.incidentRate", types, Integer.toString(c.perResidents()));
            case INCIDENT_COUNT -> texts.tr("index.formula.incidentCount", types);
            case INCIDENT_CHANGE_YOY -> texts.tr("index.formula.incidentChangeYoy", types);
            case INCIDENT_STATUS_SHARE -> texts.tr("index.formula.incidentStatusShare", types, statuses(c.statuses()));
            case REPEAT_INCIDENT_SHARE -> texts.tr("index.formula.repeatShare", repeat(c, types));
            case REPEAT_INCIDENT_COUNT -> texts.tr("index.formula.repeatCount", repeat(c, types));
            case FOLLOW_UP_ORDER_SHARE -> texts.tr("index.formula.followUpShare", types, orders, Integer.toString(c.withinDays()));
            case SIGN_ON_TIME_SHARE -> texts.tr("index.formula.signOnTime", orders);
            case FEEDBACK_ON_TIME_SHARE -> texts.tr("index.formula.feedbackOnTime", orders);
            case ORDER_COMPLETION_SHARE -> texts.tr("index.formula.orderCompletion", orders);
            case ORDER_COUNT_PER_GRID -> texts.tr("index.formula.orderCountPerGrid", orders);
            case HOUSE_INSPECTION_ON_SCHEDULE -> texts.tr("index.formula.houseInspectionOnSchedule");
            case MODEL_ALERT_HANDLED_IN_TIME -> texts.tr("index.formula.modelAlertInTime");
            case COMMUNITY_WORK_SHARE -> texts.tr("index.formula.communityWorkShare");
        };
    }

    private String repeat(Computation c, String types) {
        String match = switch (c.matchOn()) {
            case CALLER -> texts.tr("index.formula.match.caller");
            case ADDRESS -> texts.tr("index.formula.match.address");
            case CALLER_OR_ADDRESS -> texts.tr("index.formula.match.callerOrAddress");
        };
        String mediated = c.priorOrderKind() == null ? ""
                : texts.tr("index.formula.repeat.mediated", texts.tr("enum.orderKind." + c.priorOrderKind().name()));
        return texts.tr("index.formula.repeat", types, match, Integer.toString(c.windowDays()), types(c.priorTypes()), mediated);
    }

    /** 【刑事类、家庭纠纷】 / [criminal (all), family dispute]: whole categories by their name, the rest one by one. */
    String types(Set<IncidentType> types) {
        List<String> names = new ArrayList<>();
        Set<IncidentType> left = types.isEmpty() ? EnumSet.noneOf(IncidentType.class) : EnumSet.copyOf(types);
        for (IncidentCategory cat : IncidentCategory.values()) {
            Set<IncidentType> all = EnumSet.noneOf(IncidentType.class);
            for (IncidentType t : IncidentType.values()) {
                if (t.category() == cat) {
                    all.add(t);
                }
            }
            if (all.size() > 1 && left.containsAll(all)) {
                names.add(texts.tr("index.formula.category", texts.tr("enum.incidentCategory." + cat.name())));
                left.removeAll(all);
            }
        }
        left.forEach(t -> names.add(texts.tr("enum.incidentType." + t.name())));
        return texts.tr("index.formula.types", String.join(texts.tr("index.formula.sep"), names));
    }

    private String statuses(Set<IncidentStatus> statuses) {
        List<String> names = new ArrayList<>();
        (statuses.isEmpty() ? EnumSet.noneOf(IncidentStatus.class) : EnumSet.copyOf(statuses))
                .forEach(s -> names.add(texts.tr("enum.incidentStatus." + s.name())));
        return String.join(texts.tr("index.formula.sep"), names);
    }

    private String orders(Set<OrderKind> kinds) {
        if (kinds.isEmpty() || kinds.containsAll(EnumSet.allOf(OrderKind.class))) {
            return texts.tr("index.formula.allOrders");
        }
        List<String> names = new ArrayList<>();
        EnumSet.copyOf(kinds).forEach(k -> names.add(texts.tr("enum.orderKind." + k.name())));
        return String.join(texts.tr("index.formula.sep"), names);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
