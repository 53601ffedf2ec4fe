package org.commandroom.app.ui.cap;

import java.util.List;
import java.util.function.Function;
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
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.cap.CapService;
import org.commandroom.core.cap.WarningArea;
import org.commandroom.core.cap.WarningKind;

/**
 * Composing one community warning (发布预警): its kind, the grid, community or zone it is for, and the headline,
 * description and instruction in Chinese and English. Issuing runs in the background; the form stays open with the
 * reason when the service refuses, and is done once the warning is stored and written.
 */
public final class WarningForm {

    private final CapService service;
    private final Tasks tasks;
    private final String actor;
    private final Function<Throwable, String> words;
    private final ObjectProperty<WarningKind> kind = new SimpleObjectProperty<>(this, "kind", WarningKind.FRAUD_WAVE);
    private final ObjectProperty<CapService.AreaChoice> area = new SimpleObjectProperty<>(this, "area");
    private final ObservableList<CapService.AreaChoice> areas = FXCollections.observableArrayList();
    private final StringProperty headlineZh = new SimpleStringProperty(this, "headlineZh", "");
    private final StringProperty headlineEn = new SimpleStringProperty(this, "headlineEn", "");
    private final StringProperty descriptionZh = new SimpleStringProperty(this, "descriptionZh", "");
    private final StringProperty descriptionEn = new SimpleStringProperty(this, "descriptionEn", "");
    private final StringProperty instructionZh = new SimpleStringProperty(this, "instructionZh", "");
    private final StringProperty instructionEn = new SimpleStringProperty(this, "instructionEn", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanProperty done = new SimpleBooleanProperty(this, "done");
    private String issuedIdentifier;
    private long issuedId;
    private final String needArea;
    private final String needHeadlines;

    /**
     * @param words         a failure in the user's words (refusals, no permission, the database gone)
     * @param needArea      what to say when no area is chosen
     * @param needHeadlines what to say when a headline is missing
     */
    public WarningForm(CapService service, Tasks tasks, String actor, Function<Throwable, String> words,
                       String needArea, String needHeadlines) {
        this.service = service;
        this.tasks = tasks;
        this.actor = actor;
        this.words = words;
        this.needArea = needArea;
        this.needHeadlines = needHeadlines;
    }

    /** Reads the grids, communities and zones to choose from (off the FX thread). */
    public void loadAreas() {
        tasks.run(service::areas, list -> areas.setAll(list), e -> error.set(words.apply(e)));
    }

    /** Issues the warning when the form is complete. */
    public void submit() {
        if (area.get() == null) {
            error.set(needArea);
            return;
        }
        if (headlineZh.get().isBlank() || headlineEn.get().isBlank()) {
            error.set(needHeadlines);
            return;
        }
        CapService.Warning w = new CapService.Warning(kind.get(),
                new WarningArea.OfLayer(area.get().layer(), area.get().id()),
                new CapService.Texts(headlineZh.get(), descriptionZh.get(), instructionZh.get()),
                new CapService.Texts(headlineEn.get(), descriptionEn.get(), instructionEn.get()), null);
        busy.set(true);
        error.set("");
        tasks.run(() -> service.issue(w, actor), issued -> {
            busy.set(false);
            issuedIdentifier = issued.alert().identifier();
            issuedId = issued.stored().id();
            done.set(true);
        }, e -> {
            busy.set(false);
            error.set(words.apply(e));
        });
    }

    /** The identifier of the warning issued, once {@link #doneProperty()} is true. */
    public String issuedIdentifier() {
        return issuedIdentifier;
    }

    /** The stored id of the warning issued, once {@link #doneProperty()} is true. */
    public long issuedId() {
        return issuedId;
    }

    public List<WarningKind> kinds() {
        return List.of(WarningKind.values());
    }

    public ObjectProperty<WarningKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<CapService.AreaChoice> areaProperty() {
        return area;
    }

    public ObservableList<CapService.AreaChoice> areas() {
        return areas;
    }

    public StringProperty headlineZhProperty() {
        return headlineZh;
    }

    public StringProperty headlineEnProperty() {
        return headlineEn;
    }

    public StringProperty descriptionZhProperty() {
        return descriptionZh;
    }

    public StringProperty descriptionEnProperty() {
        return descriptionEn;
    }

    public StringProperty instructionZhProperty() {
        return instructionZh;
    }

    public StringProperty instructionEnProperty() {
        return instructionEn;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanProperty doneProperty() {
        return done;
    }
}
