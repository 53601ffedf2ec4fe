package org.commandroom.app.ui.common;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;

/**
 * Every visible string comes from the bundle {@code i18n/messages} (base = Chinese, {@code _en} =
 * English), read as UTF-8 by the JDK. Keys are written as literals in {@code tr("...")} calls so
 * that the consistency test can find them; enum labels use {@code <prefix>.<CONSTANT>} keys.
 */
public final class I18n {

    public static final String BUNDLE = "i18n.messages";

    /** Enums shown to users, with the key prefix of their labels. */
    public static final Map<Class<? extends Enum<?>>, String> ENUM_PREFIXES = enumPrefixes();

    private final ResourceBundle bundle;
    private final Locale locale;

    private I18n(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** {@link Locale#ROOT} (or any Chinese locale) gives the Chinese base bundle; never the JVM default's. */
    public static I18n load(Locale locale) {
        Locale effective = "zh".equals(locale.getLanguage()) ? Locale.ROOT : locale;
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, effective,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new I18n(b, effective == Locale.ROOT ? Locale.SIMPLIFIED_CHINESE : effective);
    }

    public Locale locale() {
        return locale;
    }

    /** True when the bundle has this key (a reason stored as a key by core code, e.g. a refused draft's). */
    public boolean has(String key) {
        return key != null && bundle.containsKey(key);
    }

    public String tr(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The label of an enum constant registered in {@link #ENUM_PREFIXES}. */
    public String label(Enum<?> value) {
        String prefix = ENUM_PREFIXES.get(value.getDeclaringClass());
        if (prefix == null) {
            throw new IllegalArgumentException("no labels for " + value.getDeclaringClass().getName());
        }
        return bundle.getString(prefix + "." + value.name());
    }

    /** Incident priority 1 (urgent) .. 3 (routine). */
    public String priority(int priority) {
        return switch (priority) {
            case 1 -> tr("priority.1");
            case 2 -> tr("priority.2");
            default -> tr("priority.3");
        };
    }

    private static Map<Class<? extends Enum<?>>, String> enumPrefixes() {
        Map<Class<? extends Enum<?>>, String> m = new LinkedHashMap<>();
        m.put(IncidentCategory.class, "enum.incidentCategory");
        m.put(IncidentType.class, "enum.incidentType");
        m.put(IncidentStatus.class, "enum.incidentStatus");
        m.put(UnitKind.class, "enum.unitKind");
        m.put(UnitStatus.class, "enum.unitStatus");
        m.put(OrderKind.class, "enum.orderKind");
        m.put(OrderStatus.class, "enum.orderStatus");
        m.put(org.commandroom.core.dispatch.OrderEventType.class, "enum.orderEvent");
        m.put(org.commandroom.core.dispatch.escalation.EscalationKind.class, "enum.escalationKind");
        m.put(org.commandroom.core.dispatch.push.PushStatus.State.class, "enum.pushState");
        m.put(org.commandroom.core.alert.AlertKind.class, "enum.alertKind");
        m.put(org.commandroom.core.access.Role.class, "enum.role");
        m.put(org.commandroom.core.org.OrgEditRejected.Code.class, "admin.org.problem");
        m.put(org.commandroom.core.geo.io.GeometryRepair.Kind.class, "enum.repairKind");
        m.put(org.commandroom.core.history.HistoryField.class, "enum.historyField");
        m.put(org.commandroom.core.history.HistoryProblem.Why.class, "enum.historyWhy");
        m.put(org.commandroom.core.history.TimeFormat.class, "enum.timeFormat");
        m.put(org.commandroom.core.roster.RosterRejected.Code.class, "admin.roster.problem");
        m.put(org.commandroom.core.cap.CapInvalid.Kind.class, "warnings.problem");
        m.put(org.commandroom.core.cap.CapInfo.Severity.class, "warnings.severity");
        m.put(org.commandroom.core.cap.WarningKind.class, "warnings.kind");
        m.put(org.commandroom.core.cap.WarningArea.Layer.class, "warnings.layer");
        m.put(org.commandroom.core.cap.CapRefused.Reason.class, "warnings.refused");
        m.put(org.commandroom.core.drill.DrillReplay.StepKind.class, "drill.replay.kind");
        return Map.copyOf(m);
    }

    /** A distance as the dispatch proposals and the re-assign list show it: metres under a kilometre, else km to 0.1. */
    public String distance(double metres) {
        return metres < 1000 ? tr("dispatch.metres", Math.round(metres))
                : tr("dispatch.kilometres", Math.round(metres / 100.0) / 10.0);
    }
}
