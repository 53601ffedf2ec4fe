package org.commandroom.app.ui.prevention;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;
import org.commandroom.app.HouseRegisterModule;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.prevention.House;
import org.commandroom.core.prevention.HouseInput;
import org.commandroom.core.prevention.HouseKind;
import org.commandroom.core.prevention.InspectionBoard;
import org.commandroom.core.prevention.PreventionRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The house register (房屋登记) as a screen holds it: every house with its dates (read off the FX thread), the filters
 * (text, kind, stars, police grid, overdue only), the selected house's findings, and the edit form with a message for
 * each wrong field. Saving goes through core {@code HouseRegister.save}, which checks the permission again; the form's
 * checks say where the problem is before anything is sent.
 */
public final class HouseRegisterViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HouseRegisterViewModel.class);
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");

    /** The form's fields that can be wrong. */
    public enum Field { ADDRESS, HOUSE_NO, KIND, NAME, LANDLORD, PHONE, OCCUPANTS }

    private final HouseRegisterModule services;
    private final Tasks tasks;
    private final I18n i18n;
    private final String actor;
    private final ObservableList<InspectionBoard.RegisterRow> rows = FXCollections.observableArrayList();
    private final FilteredList<InspectionBoard.RegisterRow> shown = new FilteredList<>(rows, r -> true);
    private final ObservableList<String> grids = FXCollections.observableArrayList();
    private final ObservableList<InspectionBoard.Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<PreventionRules.Factor> factors = FXCollections.observableArrayList();

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<HouseKind> kindFilter = new SimpleObjectProperty<>(this, "kindFilter");
    private final ObjectProperty<Integer> starsFilter = new SimpleObjectProperty<>(this, "starsFilter");
    private final StringProperty gridFilter = new SimpleStringProperty(this, "gridFilter");
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty(this, "overdueOnly");
    private final ObjectProperty<InspectionBoard.RegisterRow> selected = new SimpleObjectProperty<>(this, "selected");

    // the form
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty houseNo = new SimpleStringProperty(this, "houseNo", "");
    private final ObjectProperty<HouseKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty landlord = new SimpleStringProperty(this, "landlord", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final StringProperty occupants = new SimpleStringProperty(this, "occupants", "0");
    private final ObservableSet<String> riskFactors = FXCollections.observableSet();
    private final ObservableMap<Field, String> errors = FXCollections.observableMap(new EnumMap<>(Field.class));
    private final ReadOnlyBooleanWrapper existing = new ReadOnlyBooleanWrapper(this, "existing");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private House editing;
    private Long selectAfterReload;
    private Consumer<House> onSaved = h -> { };

    public HouseRegisterViewModel(HouseRegisterModule services, Tasks tasks, I18n i18n, String actor) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.actor = Objects.requireNonNull(actor);
        text.addListener((o, was, is) -> refilter());
        kindFilter.addListener((o, was, is) -> refilter());
        starsFilter.addListener((o, was, is) -> refilter());
        gridFilter.addListener((o, was, is) -> refilter());
        overdueOnly.addListener((o, was, is) -> refilter());
        selected.addListener((o, was, is) -> edit(is));
    }

    /** Told after a save, with the house as stored (the map may read its houses again). */
    public void setOnSaved(Consumer<House> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    private record Loaded(List<InspectionBoard.RegisterRow> rows, PreventionRules rules) {
    }

    /** Reads the register and the rules' risk factors again, off the FX thread; the selection is kept. */
    public void reload() {
        reload(null);
    }

    /** As {@link #reload()}; {@code message} (null: the count) is the status line once read. */
    private void reload(String message) {
        busy.set(true);
        tasks.run(() -> new Loaded(services.board().register(), services.register().rules()), loaded -> {
            busy.set(false);
            rows.setAll(loaded.rows());
            factors.setAll(loaded.rules().factors());
            TreeSet<String> names = new TreeSet<>();
            loaded.rows().forEach(r -> {
                if (r.gridName() != null) {
                    names.add(r.gridName());
                }
            });
            grids.setAll(names);
            // the house just saved, else the one selected now (the user may have picked one while this read ran)
            InspectionBoard.RegisterRow now = selected.get();
            Long keep = selectAfterReload != null ? selectAfterReload : now == null ? null : now.house().id();
            selectAfterReload = null;
            InspectionBoard.RegisterRow again = keep == null ? null
                    : loaded.rows().stream().filter(r -> r.house().id() == keep).findFirst().orElse(null);
            if (again != null && again.equals(selected.get())) {
                loadFindings(again.house().id()); // unchanged: no selection event reads them
            } else {
                selected.set(again);
            }
            status.set(message != null ? message : i18n.tr("houses.status.count", loaded.rows().size()));
        }, e -> {
            busy.set(false);
            status.set(i18n.tr("houses.status.readFailed", Failures.text(e, i18n)));
        });
    }

    private void refilter() {
        String q = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
        HouseKind k = kindFilter.get();
        Integer s = starsFilter.get();
        String g = gridFilter.get();
        boolean late = overdueOnly.get();
        shown.setPredicate(r -> (k == null || r.house().kind() == k) && (s == null || r.house().stars() == s)
                && (g == null || g.isEmpty() || g.equals(r.gridName())) && (!late || r.overdue())
                && (q.isEmpty() || matches(r, q)));
    }

    private static boolean matches(InspectionBoard.RegisterRow r, String q) {
        House h = r.house();
        String all = String.join(" ", h.address() + h.houseNo(), h.address() + " " + h.houseNo(),
                h.name() == null ? "" : h.name(), h.landlord() == null ? "" : h.landlord(),
                r.gridName() == null ? "" : r.gridName(), r.officerName() == null ? "" : r.officerName());
        return all.toLowerCase(Locale.ROOT).contains(q);
    }

    private void loadFindings(long houseId) {
        tasks.run(() -> services.board().findings(houseId), list -> {
            InspectionBoard.RegisterRow now = selected.get();
            if (now != null && now.house().id() == houseId) {
                findings.setAll(list);
            }
        }, e -> status.set(i18n.tr("houses.status.readFailed", Failures.text(e, i18n))));
    }

    /** Fills the form from the selected house (empty for none) and reads its findings. */
    private void edit(InspectionBoard.RegisterRow row) {
        errors.clear();
        findings.clear();
        if (row == null) {
            return;
        }
        House h = row.house();
        editing = h;
        existing.set(true);
        address.set(h.address());
        houseNo.set(h.houseNo());
        kind.set(h.kind());
        name.set(h.name() == null ? "" : h.name());
        landlord.set(h.landlord() == null ? "" : h.landlord());
        phone.set(h.landlordPhone() == null ? "" : h.landlordPhone());
        occupants.set(Integer.toString(h.occupants()));
        riskFactors.clear();
        riskFactors.addAll(h.riskFactors());
        loadFindings(h.id());
    }

    /** Clears the form for a new house (address and house number can then be typed). */
    public void newHouse() {
        selected.set(null);
        editing = null;
        existing.set(false);
        address.set("");
        houseNo.set("");
        kind.set(HouseKind.RENTED);
        name.set("");
        landlord.set("");
        phone.set("");
        occupants.set("0");
        riskFactors.clear();
        errors.clear();
        status.set("");
    }

    /** What is wrong with the form, field by field, in the console's language (empty: nothing). */
    Map<Field, String> check() {
        Map<Field, String> out = new EnumMap<>(Field.class);
        if (address.get() == null || address.get().isBlank()) {
            out.put(Field.ADDRESS, i18n.tr("houses.error.addressRequired"));
        } else if (address.get().strip().length() > 200) {
            out.put(Field.ADDRESS, i18n.tr("houses.error.tooLong", 200));
        }
        if (houseNo.get() == null || houseNo.get().isBlank()) {
            out.put(Field.HOUSE_NO, i18n.tr("houses.error.houseNoRequired"));
        } else if (houseNo.get().strip().length() > 50) {
            out.put(Field.HOUSE_NO, i18n.tr("houses.error.tooLong", 50));
        }
        if (kind.get() == null) {
            out.put(Field.KIND, i18n.tr("houses.error.kindRequired"));
        }
        if (name.get() != null && name.get().strip().length() > 100) {
            out.put(Field.NAME, i18n.tr("houses.error.tooLong", 100));
        }
        if (landlord.get() != null && landlord.get().strip().length() > 50) {
            out.put(Field.LANDLORD, i18n.tr("houses.error.tooLong", 50));
        }
        if (phone.get() != null && !phone.get().isBlank() && !PHONE.matcher(phone.get().strip()).matches()) {
            out.put(Field.PHONE, i18n.tr("houses.error.phone"));
        }
        Integer n = occupantsValue();
        if (n == null || n < 0 || n > 100_000) {
            out.put(Field.OCCUPANTS, i18n.tr("houses.error.occupants"));
        }
        return out;
    }

    private Integer occupantsValue() {
        try {
            return Integer.valueOf(occupants.get() == null ? "" : occupants.get().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Checks the form and saves it through the register (off the FX thread). A house's position and last inspection are
     * kept as they are; a new house is placed from the gazetteer by its address.
     *
     * @return false when the form has errors or the user may not edit (nothing sent)
     */
    public boolean save() {
        errors.clear();
        if (!services.mayEdit()) {
            status.set(i18n.tr("houses.status.readOnly"));
            return false;
        }
        Map<Field, String> problems = check();
        if (!problems.isEmpty()) {
            errors.putAll(problems);
            status.set(i18n.tr("houses.status.fix", problems.size()));
            return false;
        }
        House before = editing;
        HouseInput in = new HouseInput(address.get().strip(), houseNo.get().strip(), kind.get(), name.get(), landlord.get(),
                phone.get(), occupantsValue(), new ArrayList<>(riskFactors), before == null ? null : before.position(),
                null, null);
        busy.set(true);
        tasks.run(() -> services.register().save(in, actor), saved -> {
            busy.set(false);
            String said = i18n.tr(switch (saved.change()) {
                case INSERTED -> "houses.status.inserted";
                case UPDATED -> "houses.status.updated";
                case UNCHANGED -> "houses.status.unchanged";
            }, saved.house().label(), saved.house().stars());
            status.set(said);
            selectAfterReload = saved.house().id();
            onSaved.accept(saved.house());
            reload(said);
        }, e -> {
            busy.set(false);
            if (e instanceof IllegalArgumentException) {
                // the register's own checks (a risk factor removed meanwhile): the log has its words
                LOG.info("House not saved: {}", e.getMessage());
                status.set(i18n.tr("houses.status.refused"));
            } else if (e instanceof AccessDenied) {
                status.set(i18n.tr("houses.status.readOnly"));
            } else {
                status.set(i18n.tr("houses.status.saveFailed", Failures.text(e, i18n)));
            }
        });
        return true;
    }

    /** The label of a kind in the console's language. */
    public static String kindLabel(I18n i18n, HouseKind k) {
        return i18n.tr(switch (k) {
            case SELF_OCCUPIED -> "houses.kind.selfOccupied";
            case RENTED -> "houses.kind.rented";
            case GROUP_RENTED -> "houses.kind.groupRented";
            case CONSTRUCTION_SITE -> "houses.kind.constructionSite";
            case KEY_UNIT -> "houses.kind.keyUnit";
        });
    }

    /** A risk factor's name in the console's language (the rules keep both). */
    public String factorName(PreventionRules.Factor f) {
        return "zh".equals(i18n.locale().getLanguage()) ? f.nameZh() : f.nameEn();
    }

    public ObservableList<InspectionBoard.RegisterRow> shown() {
        return shown;
    }

    ObservableList<InspectionBoard.RegisterRow> all() {
        return rows;
    }

    public ObservableList<String> grids() {
        return grids;
    }

    public ObservableList<InspectionBoard.Finding> findings() {
        return findings;
    }

    public ObservableList<PreventionRules.Factor> factors() {
        return factors;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<HouseKind> kindFilterProperty() {
        return kindFilter;
    }

    public ObjectProperty<Integer> starsFilterProperty() {
        return starsFilter;
    }

    public StringProperty gridFilterProperty() {
        return gridFilter;
    }

    public BooleanProperty overdueOnlyProperty() {
        return overdueOnly;
    }

    public ObjectProperty<InspectionBoard.RegisterRow> selectedProperty() {
        return selected;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty houseNoProperty() {
        return houseNo;
    }

    public ObjectProperty<HouseKind> kindProperty() {
        return kind;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty landlordProperty() {
        return landlord;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty occupantsProperty() {
        return occupants;
    }

    public ObservableSet<String> riskFactors() {
        return riskFactors;
    }

    public ObservableMap<Field, String> errors() {
        return errors;
    }

    /** True while the form shows a registered house (its address and number are its key, not edited). */
    public ReadOnlyBooleanProperty existingProperty() {
        return existing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public boolean mayEdit() {
        return services.mayEdit();
    }
}
