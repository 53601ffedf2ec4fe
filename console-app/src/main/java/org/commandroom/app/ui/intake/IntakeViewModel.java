package org.commandroom.app.ui.intake;

import org.commandroom.app.ui.common.Failures;
import java.util.function.BooleanSupplier;
import org.commandroom.core.draft.Draft;
import org.commandroom.core.store.Database;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.map.PositionInput;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeModule;
import org.commandroom.core.intake.IntakeRejected;
import org.commandroom.core.intake.IntakeResult;
import org.commandroom.core.intake.IntakeService;
import org.commandroom.core.intake.Place;

/**
 * The intake form's state (接警): what the call-taker typed, the gazetteer's suggestions for the address,
 * the incident types matching what was typed, and after saving the stored incident with its repeat
 * finding. Saving runs on the I/O executor; a refused call keeps everything typed and names the field.
 */
public final class IntakeViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IntakeViewModel.class);

    /** Which input a message is about, so the view can put the focus there. */
    public enum Field { CALLER, ADDRESS, POSITION, TYPE, PRIORITY, DESCRIPTION, NONE }

    static final int SUGGESTIONS = 8;
    /** The summary's limit, as intake checks it. */
    public static final int MAX_DESCRIPTION = IntakeService.MAX_DESCRIPTION;

    private final IntakeModule module;
    private final Tasks tasks;
    private final I18n i18n;
    /** The Chinese names, matched whatever the language of the screen. */
    private final I18n chinese;
    private final String actor;

    private final StringProperty caller = new SimpleStringProperty(this, "caller", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final PositionInput position;
    private final ObjectProperty<IncidentType> type = new SimpleObjectProperty<>(this, "type");
    private final ObjectProperty<Integer> priority = new SimpleObjectProperty<>(this, "priority");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final IntegerBinding descriptionRemaining = Bindings.createIntegerBinding(
            () -> MAX_DESCRIPTION - (description.get() == null ? 0 : description.get().strip().length()), description);
    private final BooleanProperty priorityTouched = new SimpleBooleanProperty(this, "priorityTouched");
    private final ObservableList<Place> suggestions = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyObjectWrapper<Field> messageField = new ReadOnlyObjectWrapper<>(this, "messageField", Field.NONE);
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyObjectWrapper<IntakeResult> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final ReadOnlyStringWrapper visitIssued = new ReadOnlyStringWrapper(this, "visitIssued");
    private Consumer<IntakeResult> onSaved = r -> { };
    private final BooleanSupplier databaseUp;

    public IntakeViewModel(IntakeModule module, Tasks tasks, I18n i18n, String actor) {
        this(module, tasks, i18n, actor, () -> true);
    }

    /**
     * @param databaseUp whether the database answers now ({@code DatabaseHealth}); while it does not, a call is kept
     *                   as a draft at once instead of waiting for the pool to give up
     */
    public IntakeViewModel(IntakeModule module, Tasks tasks, I18n i18n, String actor, BooleanSupplier databaseUp) {
        this.databaseUp = databaseUp;
        this.module = module;
        this.tasks = tasks;
        this.i18n = i18n;
        this.chinese = I18n.load(Locale.ROOT);
        this.actor = actor;
        this.position = new PositionInput(tasks, i18n, module.intake()::locate);
        type.addListener((o, was, is) -> {
            if (is != null && !priorityTouched.get()) {
                priority.set(is.defaultPriority());
            }
        });
    }

    /** Loads the gazetteer in the background the first time the form is shown. */
    public void activate() {
        if (!module.gazetteer().isLoaded()) {
            tasks.run(() -> {
                module.gazetteer().load();
                return true;
            }, ok -> suggest(address.get()), e -> showError(Field.ADDRESS, i18n.tr("intake.error.gazetteer", Failures.text(e, i18n))));
        }
    }

    /** Refreshes the address suggestions (an in-memory search; no I/O). */
    public void suggest(String text) {
        if (text == null || text.isBlank()) {
            suggestions.clear();
            return;
        }
        suggestions.setAll(module.gazetteer().search(text, SUGGESTIONS));
    }

    /** Takes a suggestion: its name becomes the address and its position the call's position. */
    public void pick(Place place) {
        address.set(place.name());
        position.choose(place.position());
        suggestions.clear();
    }

    /** A point picked on the map becomes the call's position (the address stays as typed). */
    public void pickedOnMap(GeoPoint point) {
        position.pickedOnMap(point);
    }

    /** Picking on the map was asked for, but no map could take it (not shown, or still loading). */
    public void mapUnavailable() {
        showError(Field.POSITION, i18n.tr("map.pick.unavailable"));
    }

    /**
     * Incident types whose name, or whose category's name, in the screen's language or in Chinese contains the
     * text (compared without case, blanks or punctuation); types whose own name matches come first, those whose name
     * starts with the text before the others. All types for blank text; none when nothing matches, so that a word
     * the list does not know never picks an unrelated type.
     */
    public List<IncidentType> typesMatching(String text) {
        String q = fold(text);
        if (q.isEmpty()) {
            return List.of(IncidentType.values());
        }
        record Ranked(IncidentType type, int rank) {
        }
        List<Ranked> found = new ArrayList<>();
        for (IncidentType t : IncidentType.values()) {
            int r = rank(q, fold(i18n.label(t)), fold(chinese.label(t)), fold(i18n.label(t.category())),
                    fold(chinese.label(t.category())));
            if (r >= 0) {
                found.add(new Ranked(t, r));
            }
        }
        found.sort(Comparator.comparingInt(Ranked::rank)); // stable: the list's own order within a rank
        return found.stream().map(Ranked::type).toList();
    }

    /** 0: a name starts with the query; 1: a name contains it; 2: a category's name contains it; -1: no match. */
    private static int rank(String q, String name, String chineseName, String category, String chineseCategory) {
        if (name.startsWith(q) || chineseName.startsWith(q)) {
            return 0;
        }
        if (name.contains(q) || chineseName.contains(q)) {
            return 1;
        }
        return category.contains(q) || chineseCategory.contains(q) ? 2 : -1;
    }

    /** NFKC (full-width to ASCII), lower case, letters and digits only: "E-bike theft" and "ebike" meet. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** How a type reads in the list: category / type. */
    public String typeLabel(IncidentType t) {
        return t == null ? "" : i18n.label(t.category()) + " / " + i18n.label(t);
    }

    /** The commander chose a priority himself; changing the type no longer resets it. */
    public void choosePriority(Integer p) {
        priorityTouched.set(true);
        priority.set(p);
    }

    /** Records the call in the background; on success the form clears for the next call. */
    public void save() {
        if (busy.get()) {
            return;
        }
        GeoPoint at;
        try {
            at = position.point();
        } catch (IllegalArgumentException e) {
            showError(Field.POSITION, i18n.tr("intake.error.position", position.textProperty().get()));
            return;
        }
        if (type.get() == null) {
            showError(Field.TYPE, i18n.tr("intake.error.TYPE_MISSING"));
            return;
        }
        // Received when Enter is pressed: a save that waits (behind other reads, or as a draft) keeps the true time.
        CallReport report = new CallReport(caller.get(), address.get(), at, type.get(), priority.get(), description.get(),
                module.calls().now(), null);
        busy.set(true);
        String draftSummary = report.address() + " · " + i18n.label(report.type());
        tasks.run(() -> {
            if (!databaseUp.getAsBoolean()) {
                return Saving.kept(module.calls().keep(report, actor, draftSummary));
            }
            try {
                if (!module.gazetteer().isLoaded()) {
                    module.gazetteer().load();
                }
                return Saving.saved(module.intake().record(report, actor));
            } catch (RuntimeException e) {
                if (Database.isConnectionLoss(e)) {
                    // Nothing typed is lost: the call waits on this workstation's disk and is saved when the database
                    // answers, with the time Enter was pressed as its received time.
                    return Saving.kept(module.calls().keep(report, actor, draftSummary));
                }
                throw e;
            }
        }, s -> {
            if (s.result() != null) {
                savedOk(s.result());
            } else {
                keptAsDraft(s.draft());
            }
        }, this::saveFailed);
    }

    /** What became of a save: stored, or kept as a draft until the database answers. */
    private record Saving(IntakeResult result, Draft draft) {
        static Saving saved(IntakeResult r) {
            return new Saving(r, null);
        }

        static Saving kept(Draft d) {
            return new Saving(null, d);
        }
    }

    private void keptAsDraft(Draft d) {
        busy.set(false);
        saved.set(null);
        visitIssued.set(null);
        messageIsError.set(false);
        messageField.set(Field.NONE);
        message.set(i18n.tr("intake.keptAsDraft", d.summary()));
        clear();
    }

    private void savedOk(IntakeResult r) {
        busy.set(false);
        saved.set(r);
        visitIssued.set(null);
        messageIsError.set(false);
        messageField.set(Field.NONE);
        message.set(i18n.tr("intake.saved", r.incident().incidentNo()));
        clear();
        onSaved.accept(r);
    }

    private void saveFailed(Exception e) {
        busy.set(false);
        if (e instanceof IntakeRejected r) {
            showError(field(r.reason()), reasonText(i18n, r.reason(), address.get()));
        } else {
            LOG.error("A call could not be saved", e);
            showError(Field.NONE, i18n.tr("intake.error.unexpected"));
        }
    }

    /** Issues the door visit proposed for the last saved repeat. */
    public void issueVisit() {
        IntakeResult r = saved.get();
        Optional<OrderDraft> draft = r == null ? Optional.empty() : r.visitProposal();
        if (draft.isEmpty() || visitIssued.get() != null || busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(() -> module.tasks().issueDraft(draft.get(), actor), (Order o) -> {
            busy.set(false);
            visitIssued.set(o.orderNo());
            messageIsError.set(false);
            message.set(i18n.tr("intake.visit.issued", o.orderNo()));
        }, e -> {
            busy.set(false);
            LOG.error("The door visit could not be issued", e);
            showError(Field.NONE, i18n.tr("intake.error.unexpected"));
        });
    }

    /** Empties the form for the next call (the last result stays shown). */
    public void clear() {
        caller.set("");
        address.set("");
        position.clear();
        type.set(null);
        priority.set(null);
        priorityTouched.set(false);
        description.set("");
        suggestions.clear();
    }

    private void showError(Field f, String text) {
        messageIsError.set(true);
        messageField.set(f);
        message.set(text);
    }

    private static Field field(IntakeRejected.Reason reason) {
        return switch (reason) {
            case ADDRESS_MISSING, ADDRESS_TOO_LONG, NO_POSITION -> Field.ADDRESS;
            case CALLER_NUMBER_INVALID -> Field.CALLER;
            case TYPE_MISSING -> Field.TYPE;
            case PRIORITY_INVALID -> Field.PRIORITY;
            case DESCRIPTION_TOO_LONG -> Field.DESCRIPTION;
            case OUTSIDE_DISTRICT -> Field.POSITION;
            case RECEIVED_IN_FUTURE, NUMBER_TAKEN -> Field.NONE;
        };
    }

    /** The reason a call was refused, in the user's language (also for imported EIDO calls). */
    static String reasonText(I18n i18n, IntakeRejected.Reason reason, String address) {
        return switch (reason) {
            case ADDRESS_MISSING -> i18n.tr("intake.error.ADDRESS_MISSING");
            case ADDRESS_TOO_LONG -> i18n.tr("intake.error.ADDRESS_TOO_LONG");
            case CALLER_NUMBER_INVALID -> i18n.tr("intake.error.CALLER_NUMBER_INVALID");
            case TYPE_MISSING -> i18n.tr("intake.error.TYPE_MISSING");
            case PRIORITY_INVALID -> i18n.tr("intake.error.PRIORITY_INVALID");
            case DESCRIPTION_TOO_LONG -> i18n.tr("intake.error.DESCRIPTION_TOO_LONG");
            case NO_POSITION -> i18n.tr("intake.error.NO_POSITION", address);
            case OUTSIDE_DISTRICT -> i18n.tr("intake.error.OUTSIDE_DISTRICT");
            case RECEIVED_IN_FUTURE, NUMBER_TAKEN -> i18n.tr("intake.error.failed", reason.name());
        };
    }

    /** Called with each saved call (the main window selects it in the queue). */
    public void setOnSaved(Consumer<IntakeResult> onSaved) {
        this.onSaved = onSaved;
    }

    public StringProperty callerProperty() {
        return caller;
    }

    public StringProperty addressProperty() {
        return address;
    }

    /** The position's text, {@code lat, lon}. */
    public StringProperty positionProperty() {
        return position.textProperty();
    }

    /** The position with the point behind it and where it falls (grid, station). */
    public PositionInput position() {
        return position;
    }

    public ObjectProperty<IncidentType> typeProperty() {
        return type;
    }

    public ObjectProperty<Integer> priorityProperty() {
        return priority;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** Characters the summary may still take (negative when over the limit), counted as intake counts them. */
    public IntegerBinding descriptionRemaining() {
        return descriptionRemaining;
    }

    public ObservableList<Place> suggestions() {
        return suggestions;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Field> messageFieldProperty() {
        return messageField.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IntakeResult> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty visitIssuedProperty() {
        return visitIssued.getReadOnlyProperty();
    }
}
