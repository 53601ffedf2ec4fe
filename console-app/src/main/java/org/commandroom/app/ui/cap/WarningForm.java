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
import org.commandroom.core.cap.CapAlert;
import org.commandroom.core.cap.CapInfo;
import org.commandroom.core.cap.CapService;
import org.commandroom.core.cap.StoredCap;
import org.commandroom.core.cap.WarningArea;
import org.commandroom.core.cap.WarningKind;
import org.commandroom.core.geo.GeoShape;

/**
 * Composing one community warning (发布预警): its kind, the grid, community or zone it is for (or an area drawn on the
 * map: a circle or a polygon, {@link #drawn}), and the headline, description and instruction in Chinese and English.
 * The same form updates a warning of ours in force ({@link #updating}): filled with its current content, its area kept
 * unless another is chosen. Issuing runs in the background; the form stays open with the reason when the service
 * refuses, and is done once the warning is stored and written.
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
    private final StringProperty areaDesc = new SimpleStringProperty(this, "areaDesc", "");
    private GeoShape shape;
    private String areaWords;
    private StoredCap updated;
    private String needAreaDesc;
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

    /**
     * The warning is for an area drawn on the map: a circle (its centre and radius) or a polygon (its vertices, closed
     * by the service), in the map's datum (CAP gets WGS 84). No grid, community or zone is chosen then.
     *
     * @param words        the area stated in words, shown in the form
     * @param description  the area's description proposed (CAP's areaDesc), which the user may change
     * @param needAreaDesc what to say when the description is emptied
     */
    public void drawn(GeoShape shape, String words, String description, String needAreaDesc) {
        this.shape = java.util.Objects.requireNonNull(shape, "shape");
        this.areaWords = words;
        this.needAreaDesc = needAreaDesc;
        areaDesc.set(description);
    }

    /**
     * The form updates our warning {@code warning} (the latest of its chain): filled with its kind and texts in both
     * languages; its area is kept unless another grid, community or zone is chosen.
     *
     * @param alert {@code warning}'s document, read
     * @param words its area stated in words, shown in the form
     */
    public void updating(StoredCap warning, CapAlert alert, String words) {
        this.updated = warning;
        this.areaWords = words;
        CapInfo zh = alert.info("zh-CN");
        CapInfo en = alert.info("en");
        for (WarningKind k : WarningKind.values()) {
            if (zh != null && k.eventZh().equals(zh.event())) {
                kind.set(k);
            }
        }
        if (zh != null) {
            headlineZh.set(nz(zh.headline()));
            descriptionZh.set(nz(zh.description()));
            instructionZh.set(nz(zh.instruction()));
        }
        if (en != null && en != zh) {
            headlineEn.set(nz(en.headline()));
            descriptionEn.set(nz(en.description()));
            instructionEn.set(nz(en.instruction()));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The shape drawn on the map this warning is for, or null. */
    public GeoShape shape() {
        return shape;
    }

    /** The warning updated, or null for a new one. */
    public StoredCap updated() {
        return updated;
    }

    /** The drawn or kept area in words, or null when the area is chosen from the list. */
    public String areaWords() {
        return areaWords;
    }

    /** The description of a drawn area (CAP's areaDesc). */
    public StringProperty areaDescProperty() {
        return areaDesc;
    }

    /** Reads the grids, communities and zones to choose from (off the FX thread). */
    public void loadAreas() {
        tasks.run(service::areas, list -> areas.setAll(list), e -> error.set(words.apply(e)));
    }

    /** Issues the warning when the form is complete. */
    public void submit() {
        WarningArea where;
        if (area.get() != null) {
            where = new WarningArea.OfLayer(area.get().layer(), area.get().id());
        } else if (shape != null) {
            if (areaDesc.get() == null || areaDesc.get().isBlank()) {
                error.set(needAreaDesc);
                return;
            }
            try {
                where = drawnArea(shape, areaDesc.get().strip());
            } catch (IllegalArgumentException e) {
                error.set(needArea); // a circle of no radius or over 100 km (the map's panel does not offer those)
                return;
            }
        } else if (updated != null) {
            where = new WarningArea.Unchanged();
        } else {
            error.set(needArea);
            return;
        }
        if (headlineZh.get().isBlank() || headlineEn.get().isBlank()) {
            error.set(needHeadlines);
            return;
        }
        CapService.Warning w = new CapService.Warning(kind.get(), where,
                new CapService.Texts(headlineZh.get(), descriptionZh.get(), instructionZh.get()),
                new CapService.Texts(headlineEn.get(), descriptionEn.get(), instructionEn.get()), null);
        busy.set(true);
        error.set("");
        StoredCap old = updated;
        tasks.run(() -> old == null ? service.issue(w, actor) : service.update(old.id(), w, actor), issued -> {
            busy.set(false);
            issuedIdentifier = issued.alert().identifier();
            issuedId = issued.stored().id();
            done.set(true);
        }, e -> {
            busy.set(false);
            error.set(words.apply(e));
        });
    }

    /** The circle or polygon drawn on the map as the service takes it (the circle's radius in whole metres). */
    static WarningArea drawnArea(GeoShape shape, String description) {
        if (shape instanceof GeoShape.Circle c) {
            return new WarningArea.Around(c.centre(), c.radiusMetres(), description);
        }
        return new WarningArea.Drawn(((GeoShape.Outline) shape).vertices(), description);
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
