package org.commandroom.app.ui.admin.setup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.map.GeoImportViewModel;
import org.commandroom.core.geo.io.ImportLayer;
import org.commandroom.core.geo.io.ImportOutcome;
import org.commandroom.core.org.OrgImportService;
import org.commandroom.core.org.OrgSheets;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.org.SetupProgress;
import org.commandroom.core.prevention.HouseImportService;
import org.commandroom.core.prevention.HouseSheets;

/**
 * The set-up screen's state (issue 11): the checklist of what a bureau needs before its console works, in the order it
 * is best done, each step with its state and what the database holds of it ({@link SetupProgress}, counted off the FX
 * thread), and the import pages behind the steps: the organisation, the patrol units and the house register (门牌) as
 * checked workbook imports ({@link WorkbookImportViewModel}); geography and cameras through the console's geo import
 * ({@link GeoImportViewModel}). Every accepted import counts the checklist again.
 */
public final class SetupViewModel {

    /** The steps, in the order the checklist shows them. */
    public enum Step { ORGANISATION, UNITS, GEOGRAPHY, CAMERAS, GAZETTEER, USERS }

    /** Where a step is. {@code UNKNOWN} until the first count arrives (or when it failed). */
    public enum State { DONE, PARTLY, MISSING, UNKNOWN }

    /** One line of the checklist: the step, its state and what the database holds of it, in the user's words. */
    public record StepStatus(Step step, State state, String detail) {
    }

    private final SetupProgress progress;
    private final GeoImportViewModel.Importer geoImporter;
    /** The named places' and the base map's imports, when offered ({@link #offerPlacesAndBaseMap}); FX thread. */
    private GeoImportViewModel.PlaceImporter placeImporter;
    private GeoImportViewModel.BaseMapImporter baseMapImporter;
    private final Tasks tasks;
    private final I18n i18n;
    private final Supplier<String> actor;
    private final ObservableList<StepStatus> steps = FXCollections.observableArrayList();
    private final ObservableList<StepStatus> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ReadOnlyObjectWrapper<SetupProgress.Counts> counts = new ReadOnlyObjectWrapper<>(this, "counts");
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final WorkbookImportViewModel organisation;
    private final WorkbookImportViewModel units;
    private final WorkbookImportViewModel houses;
    /** A count asked for while one runs: counted again when it ends, so the last import is always in it. */
    private boolean again;

    /**
     * @param progress    counts what the database holds
     * @param org         the organisation and unit imports (needs the set-up permission; the console's guard checks it)
     * @param houses      the house register's import (门牌 addresses for the gazetteer)
     * @param geoImporter the geography and camera import, {@code GeoImportService::importContent}
     * @param actor       who imports, for the audit trail when no one is signed in (the signed-in login otherwise)
     */
    public SetupViewModel(SetupProgress progress, OrgImportService org, HouseImportService houses,
                          GeoImportViewModel.Importer geoImporter, Tasks tasks, I18n i18n, Supplier<String> actor) {
        this.progress = Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(houses, "houses");
        this.geoImporter = Objects.requireNonNull(geoImporter, "geoImporter");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.organisation = new WorkbookImportViewModel(OrgSheets.Book.ORGANISATION.templateFile(),
                (lang, out) -> OrgWorkbook.write(OrgSheets.Book.ORGANISATION, lang, new HashMap<>(), out),
                org::importOrganisation, tasks, i18n, actor, this::refresh);
        this.units = new WorkbookImportViewModel(OrgSheets.Book.UNITS.templateFile(),
                (lang, out) -> OrgWorkbook.write(OrgSheets.Book.UNITS, lang, new HashMap<>(), out),
                org::importUnits, tasks, i18n, actor, this::refresh);
        this.houses = new WorkbookImportViewModel(HouseSheets.templateFile(),
                (lang, out) -> OrgWorkbook.write(HouseSheets.sheets(), lang, new HashMap<>(), out),
                houses::importHouses, tasks, i18n, actor, this::refresh);
        for (Step s : Step.values()) {
            steps.add(new StepStatus(s, State.UNKNOWN, i18n.tr("admin.setup.detail.counting")));
        }
    }

    /**
     * Offers the named places and the base map in the geography window too, through the same geography service (its
     * {@code places()} and {@code baseMap()}).
     */
    public void offerPlacesAndBaseMap(org.commandroom.core.geo.io.GeoImportService service) {
        org.commandroom.core.geo.io.PlaceImportService places = service.places();
        org.commandroom.core.geo.osm.OsmBaseMapImport baseMap = service.baseMap();
        this.placeImporter = places::importContent;
        this.baseMapImporter = baseMap::importFile;
    }

    /** Counts what the database holds, off the FX thread, and updates the checklist. */
    public void refresh() {
        if (refreshing.get()) {
            again = true;
            return;
        }
        refreshing.set(true);
        tasks.run(progress::read, c -> {
            refreshing.set(false);
            message.set("");
            show(c);
            if (again) {
                again = false;
                refresh();
            }
        }, e -> {
            refreshing.set(false);
            again = false;
            message.set(i18n.tr("admin.setup.countFailed", Failures.text(e, i18n)));
        });
    }

    private void show(SetupProgress.Counts c) {
        List<StepStatus> next = new ArrayList<>();
        for (Step s : Step.values()) {
            next.add(status(s, c));
        }
        steps.setAll(next);
        done.set((int) next.stream().filter(s -> s.state() == State.DONE).count());
        counts.set(c); // last: whoever follows the counts finds the checklist and the number done already new
    }

    /** A step's state and detail from the counts. */
    StepStatus status(Step step, SetupProgress.Counts c) {
        String none = i18n.tr("admin.setup.detail.none");
        switch (step) {
            case ORGANISATION -> {
                String detail = i18n.tr("admin.setup.detail.organisation", c.bureaus(), c.stations(), c.posts(), c.teams(),
                        c.officers(), c.communityOfficers());
                if (c.bureaus() + c.stations() + c.posts() + c.teams() + c.officers() == 0) {
                    return new StepStatus(step, State.MISSING, none);
                }
                List<String> lacking = new ArrayList<>();
                if (c.bureaus() == 0) {
                    lacking.add(i18n.tr("admin.setup.table.bureau"));
                }
                if (c.stations() + c.posts() == 0) {
                    lacking.add(i18n.tr("admin.setup.table.station"));
                }
                if (c.teams() == 0) {
                    lacking.add(i18n.tr("admin.setup.table.team"));
                }
                if (c.officers() == 0) {
                    lacking.add(i18n.tr("admin.setup.table.officer"));
                }
                return lacking.isEmpty() ? new StepStatus(step, State.DONE, detail) : new StepStatus(step, State.PARTLY,
                        detail + i18n.tr("admin.setup.detail.lacking", String.join(i18n.tr("admin.setup.list.separator"),
                                lacking)));
            }
            case UNITS -> {
                return c.units() == 0 ? new StepStatus(step, State.MISSING, none)
                        : new StepStatus(step, State.DONE, i18n.tr("admin.setup.detail.units", c.units()));
            }
            case GEOGRAPHY -> {
                if (c.districts() + c.stationAreas() + c.streets() + c.communities() + c.microGrids() + c.policeGrids()
                        + c.patrolZones() == 0) {
                    return new StepStatus(step, State.MISSING, none);
                }
                StringBuilder d = new StringBuilder(i18n.tr("admin.setup.detail.areas", c.districts(), c.stationAreas()))
                        .append(i18n.tr("admin.setup.detail.geography", c.streets(), c.communities(), c.microGrids(),
                                c.policeGrids()));
                if (c.policeGridsWithoutOfficer() > 0) {
                    d.append(i18n.tr("admin.setup.detail.gridsWithoutOfficer", c.policeGridsWithoutOfficer()));
                }
                if (c.patrolZones() > 0) {
                    d.append(i18n.tr("admin.setup.detail.patrolZones", c.patrolZones()));
                }
                List<String> lacking = new ArrayList<>();
                if (c.streets() == 0) {
                    lacking.add(i18n.tr("admin.setup.layer.streets"));
                }
                if (c.policeGrids() == 0) {
                    lacking.add(i18n.tr("admin.setup.layer.policeGrids"));
                }
                if (!lacking.isEmpty()) {
                    d.append(i18n.tr("admin.setup.detail.lacking", String.join(i18n.tr("admin.setup.list.separator"),
                            lacking)));
                }
                boolean whole = lacking.isEmpty() && c.policeGridsWithoutOfficer() == 0;
                return new StepStatus(step, whole ? State.DONE : State.PARTLY, d.toString());
            }
            case CAMERAS -> {
                return c.cameras() == 0 ? new StepStatus(step, State.MISSING, none)
                        : new StepStatus(step, State.DONE, i18n.tr("admin.setup.detail.cameras", c.cameras()));
            }
            case GAZETTEER -> {
                if (c.houses() + c.places() == 0) {
                    return new StepStatus(step, State.MISSING, none);
                }
                return new StepStatus(step, c.houses() > 0 ? State.DONE : State.PARTLY,
                        i18n.tr("admin.setup.detail.gazetteer", c.houses(), c.places()));
            }
            default -> {
                if (c.users() == 0) {
                    return new StepStatus(step, State.MISSING, i18n.tr("admin.setup.detail.noUsers"));
                }
                return c.dutyCommanders() > 0
                        ? new StepStatus(step, State.DONE, i18n.tr("admin.setup.detail.users", c.users(), c.dutyCommanders()))
                        : new StepStatus(step, State.PARTLY, i18n.tr("admin.setup.detail.usersNoDuty", c.users()));
            }
        }
    }

    /**
     * A geo import for the geography or camera step, its layer chosen ({@link ImportLayer#STREETS} or
     * {@link ImportLayer#CAMERAS}); an accepted import counts the checklist again.
     */
    public GeoImportViewModel geoImport(ImportLayer layer) {
        GeoImportViewModel vm = new GeoImportViewModel(geoImporter, placeImporter, baseMapImporter, tasks, actor.get());
        vm.layerProperty().set(layer);
        vm.outcomeProperty().addListener((o, was, is) -> {
            if (is instanceof ImportOutcome.Imported) {
                refresh();
            }
        });
        vm.placeOutcomeProperty().addListener((o, was, is) -> {
            if (is != null && is.accepted() && !is.dryRun()) {
                refresh();
            }
        });
        return vm;
    }

    /** The import page of a workbook step (organisation, units, gazetteer); null for the other steps. */
    public WorkbookImportViewModel workbook(Step step) {
        return switch (step) {
            case ORGANISATION -> organisation;
            case UNITS -> units;
            case GAZETTEER -> houses;
            default -> null;
        };
    }

    public WorkbookImportViewModel organisation() {
        return organisation;
    }

    public WorkbookImportViewModel units() {
        return units;
    }

    public WorkbookImportViewModel houses() {
        return houses;
    }

    /** The checklist, one line per {@link Step} in order. */
    public ObservableList<StepStatus> steps() {
        return stepsView;
    }

    /** The line of one step. */
    public StepStatus status(Step step) {
        return steps.get(step.ordinal());
    }

    /** The last counts; null before the first. */
    public ReadOnlyObjectProperty<SetupProgress.Counts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    /** Why the checklist could not be counted; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How many steps are done. */
    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
