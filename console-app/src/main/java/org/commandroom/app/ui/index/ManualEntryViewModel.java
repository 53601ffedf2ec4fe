package org.commandroom.app.ui.index;

import org.commandroom.app.ui.common.Failures;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.IndexModule;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.index.IndexTrace;
import org.commandroom.core.index.IndicatorDef;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.StationFacts;

/**
 * The manual-entry form of the dashboard: a station, a period and a manual indicator are chosen, a value within
 * the indicator's bounds and a note are typed; the value is checked here first (a number, within the bounds)
 * with a message naming what is wrong, then recorded with the operator through {@link IndexModule#enterManual},
 * which recomputes the station's period on the index worker. Nothing is stored when anything is wrong. The value
 * in force (who entered it, when) is shown for the chosen station, period and indicator.
 */
public final class ManualEntryViewModel {

    /**
     * A message for the form, by i18n key and arguments; {@code error} for a refusal. An argument that is an
     * {@link IndicatorDef} stands for its unit and a {@link Period} for its name, in the user's language.
     */
    public record Message(String key, List<Object> args, boolean error) {
        static Message error(String key, Object... args) {
            return new Message(key, List.of(args), true);
        }

        static Message info(String key, Object... args) {
            return new Message(key, List.of(args), false);
        }
    }

    private final IndexModule module;
    private final Tasks tasks;
    private final String operator;
    private final Runnable onSaved;
    private final ObservableList<StationFacts> stations;
    private final ObservableList<IndicatorDef> indicators = FXCollections.observableArrayList();
    private final ObjectProperty<StationFacts> station = new SimpleObjectProperty<>(this, "station");
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period");
    private final ObjectProperty<IndicatorDef> indicator = new SimpleObjectProperty<>(this, "indicator");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<IndexTrace.ManualEntryRef> inForce = new ReadOnlyObjectWrapper<>(this, "inForce");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");

    /**
     * @param stations the dashboard's station list (shared)
     * @param operator who is entering values (recorded with every entry)
     * @param onSaved  run on the FX thread after a value was stored and the index recomputed (the dashboard reloads)
     */
    public ManualEntryViewModel(IndexModule module, ObservableList<StationFacts> stations, Tasks tasks, String operator,
                                Runnable onSaved) {
        this.module = module;
        this.tasks = tasks;
        this.operator = operator;
        this.onSaved = onSaved;
        this.stations = stations;
        indicators.setAll(module.definitions().current().manualIndicators());
        station.addListener(o -> readInForce());
        period.addListener(o -> readInForce());
        indicator.addListener(o -> readInForce());
    }

    /** Reads the value in force for the chosen station, period and indicator (null when none was entered). */
    private void readInForce() {
        StationFacts s = station.get();
        Period p = period.get();
        IndicatorDef d = indicator.get();
        inForce.set(null);
        if (s == null || p == null || d == null) {
            return;
        }
        tasks.run(() -> module.trace().trace(s.id(), p, d.id()).entries().stream()
                .filter(e -> e.inForce() && e.period().equals(p)).reduce((a, b) -> b).orElse(null), e -> {
                    if (s.equals(station.get()) && p.equals(period.get()) && d.equals(indicator.get())) {
                        inForce.set(e);
                    }
                }, e -> inForce.set(null));
    }

    /** The allowed range of an indicator as "0–100", or null when it has no bounds. */
    public static String range(IndicatorDef d) {
        if (d.min() == null && d.max() == null) {
            return null;
        }
        if (d.max() == null) {
            return "≥ " + fmt(d.min());
        }
        return d.min() == null ? "≤ " + fmt(d.max()) : fmt(d.min()) + "–" + fmt(d.max());
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : String.valueOf(v);
    }

    /**
     * Checks the form and, when it is right, records the value and recomputes on the worker. The message says what
     * was wrong or what was recorded.
     */
    public void save() {
        if (saving.get()) {
            return;
        }
        StationFacts s = station.get();
        Period p = period.get();
        IndicatorDef d = indicator.get();
        if (s == null) {
            message.set(Message.error("index.manual.err.station"));
            return;
        }
        if (p == null) {
            message.set(Message.error("index.manual.err.period"));
            return;
        }
        if (d == null) {
            message.set(Message.error("index.manual.err.indicator"));
            return;
        }
        String text = value.get() == null ? "" : value.get().trim();
        if (text.isEmpty()) {
            message.set(Message.error("index.manual.err.empty"));
            return;
        }
        double v;
        try {
            v = Double.parseDouble(text.replace('，', '.').replace(',', '.'));
        } catch (NumberFormatException e) {
            message.set(Message.error("index.manual.err.notNumber", text));
            return;
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            message.set(Message.error("index.manual.err.notNumber", text));
            return;
        }
        if (d.min() != null && v < d.min()) {
            message.set(Message.error("index.manual.err.below", text, fmt(d.min()), d));
            return;
        }
        if (d.max() != null && v > d.max()) {
            message.set(Message.error("index.manual.err.above", text, fmt(d.max()), d));
            return;
        }
        String n = note.get() == null || note.get().isBlank() ? null : note.get().trim();
        saving.set(true);
        message.set(Message.info("index.manual.saving"));
        tasks.run(() -> module.enterManual(d.id(), s.id(), p, v, operator, n), id -> {
            saving.set(false);
            value.set("");
            note.set("");
            message.set(Message.info("index.manual.saved", d.id(), fmt(v), d, s.name(), p, operator));
            readInForce();
            if (onSaved != null) {
                onSaved.run();
            }
        }, e -> {
            saving.set(false);
            message.set(Message.error("index.manual.err.refused", Failures.text(e)));
            readInForce();
        });
    }

    /** The indicator as the picker shows it: "I40 群众满意度 (%)". */
    public static String indicatorLabel(IndicatorDef d, Locale locale) {
        boolean zh = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        String unit = zh ? d.unit() : d.unitEn();
        return d.id() + " " + (zh ? d.nameZh() : d.nameEn()) + (unit == null || unit.isBlank() ? "" : " (" + unit + ")");
    }

    public ObservableList<StationFacts> stations() {
        return stations;
    }

    public ObservableList<IndicatorDef> indicators() {
        return indicators;
    }

    public ObjectProperty<StationFacts> stationProperty() {
        return station;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObjectProperty<IndicatorDef> indicatorProperty() {
        return indicator;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The entry in force for the chosen station, period and indicator, or null. */
    public ReadOnlyObjectProperty<IndexTrace.ManualEntryRef> inForceProperty() {
        return inForce.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public String operator() {
        return operator;
    }
}
