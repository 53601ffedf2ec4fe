package org.commandroom.app.ui.admin.org;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.org.OrgEditRejected;
import org.commandroom.core.org.OrgEditService;
import org.commandroom.core.org.OrgEditService.CameraRow;
import org.commandroom.core.org.OrgEditService.GridRow;
import org.commandroom.core.org.OrgEditService.OfficerRow;
import org.commandroom.core.org.OrgEditService.StationChoice;
import org.commandroom.core.org.OrgEditService.TeamChoice;
import org.commandroom.core.org.OrgEditService.UnitRow;

/**
 * The organisation tab's state (issue 11, editing after set-up): four searchable lists (officers, units, police grids,
 * cameras), the choices the forms offer, and one message line. Every read and write runs off the FX thread; a refusal
 * comes back as its problems in the user's words, and the list is read again after each saved change.
 */
public final class OrgEditViewModel {

    private final Supplier<OrgEditService> service;
    private final Tasks tasks;
    private final I18n i18n;
    private final String actor;

    private final ObservableList<OfficerRow> officers = FXCollections.observableArrayList();
    private final ObservableList<UnitRow> units = FXCollections.observableArrayList();
    private final ObservableList<GridRow> grids = FXCollections.observableArrayList();
    private final ObservableList<CameraRow> cameras = FXCollections.observableArrayList();
    private final ObservableList<StationChoice> stations = FXCollections.observableArrayList();
    private final ObservableList<TeamChoice> teams = FXCollections.observableArrayList();
    private final ObservableList<OfficerRow> gridCandidates = FXCollections.observableArrayList();

    private final StringProperty officerQuery = new SimpleStringProperty("");
    private final StringProperty unitQuery = new SimpleStringProperty("");
    private final StringProperty gridQuery = new SimpleStringProperty("");
    private final StringProperty cameraQuery = new SimpleStringProperty("");

    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleBooleanProperty failed = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /** @param actor the signed-in user's log-in, for the trail */
    public OrgEditViewModel(Supplier<OrgEditService> service, Tasks tasks, I18n i18n, String actor) {
        this.service = service;
        this.tasks = tasks;
        this.i18n = i18n;
        this.actor = actor;
    }

    public ObservableList<OfficerRow> officers() {
        return officers;
    }

    public ObservableList<UnitRow> units() {
        return units;
    }

    public ObservableList<GridRow> grids() {
        return grids;
    }

    public ObservableList<CameraRow> cameras() {
        return cameras;
    }

    public ObservableList<StationChoice> stations() {
        return stations;
    }

    /** The teams of {@code stationCode}, for the officer form. */
    public List<TeamChoice> teamsOf(String stationCode) {
        return teams.stream().filter(t -> t.stationCode().equals(stationCode)).toList();
    }

    /** The community officers of the selected grid's station (filled by {@link #loadGridCandidates}). */
    public ObservableList<OfficerRow> gridCandidates() {
        return gridCandidates;
    }

    public StringProperty officerQueryProperty() {
        return officerQuery;
    }

    public StringProperty unitQueryProperty() {
        return unitQuery;
    }

    public StringProperty gridQueryProperty() {
        return gridQuery;
    }

    public StringProperty cameraQueryProperty() {
        return cameraQuery;
    }

    /** The last answer: what was saved, or why not (every problem). */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Whether the message is a refusal or failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    /** A save is under way (the forms' buttons wait). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Reads the choices and all four lists. */
    public void load() {
        tasks.run(() -> {
            OrgEditService s = service.get();
            return new Object[] {s.stations(), s.teams()};
        }, r -> {
            @SuppressWarnings("unchecked")
            List<StationChoice> st = (List<StationChoice>) r[0];
            @SuppressWarnings("unchecked")
            List<TeamChoice> tm = (List<TeamChoice>) r[1];
            stations.setAll(st);
            teams.setAll(tm);
        }, this::failed);
        searchOfficers();
        searchUnits();
        searchGrids();
        searchCameras();
    }

    public void searchOfficers() {
        String q = officerQuery.get();
        tasks.run(() -> service.get().officers(q), officers::setAll, this::failed);
    }

    public void searchUnits() {
        String q = unitQuery.get();
        tasks.run(() -> service.get().units(q), units::setAll, this::failed);
    }

    public void searchGrids() {
        String q = gridQuery.get();
        tasks.run(() -> service.get().grids(q), grids::setAll, this::failed);
    }

    public void searchCameras() {
        String q = cameraQuery.get();
        tasks.run(() -> service.get().cameras(q), cameras::setAll, this::failed);
    }

    /** Reads the community officers a grid may take (its station's). */
    public void loadGridCandidates(GridRow grid) {
        gridCandidates.clear();
        if (grid == null) {
            return;
        }
        tasks.run(() -> service.get().officersOf(grid.stationCode(), "COMMUNITY_OFFICER"), gridCandidates::setAll, this::failed);
    }

    public void saveOfficer(OrgEditService.OfficerEdit edit) {
        save(() -> service.get().saveOfficer(edit, actor),
                saved -> i18n.tr("admin.org.saved.officer", saved.badgeNo(), saved.name(), saved.stationName()),
                this::searchOfficers);
    }

    public void saveUnit(OrgEditService.UnitEdit edit) {
        save(() -> service.get().saveUnit(edit, actor),
                saved -> i18n.tr("admin.org.saved.unit", saved.callSign(), saved.stationName()), this::searchUnits);
    }

    /** @param badgeNo null: the grid has no community officer */
    public void setGridOfficer(String gridCode, String badgeNo) {
        save(() -> service.get().setGridOfficer(gridCode, badgeNo, actor),
                saved -> saved.officerBadge() == null ? i18n.tr("admin.org.saved.gridNone", saved.name())
                        : i18n.tr("admin.org.saved.grid", saved.name(), saved.officerName()),
                this::searchGrids);
    }

    public void setCameraInService(String deviceId, boolean inService, String reason) {
        save(() -> service.get().setCameraInService(deviceId, inService, reason, actor),
                saved -> i18n.tr(saved.online() ? "admin.org.saved.cameraIn" : "admin.org.saved.cameraOut", saved.name()),
                this::searchCameras);
    }

    /**
     * Retires (停用) an officer or brings him or her back into service; the view asks for confirmation before
     * retiring. A refusal (still a grid's community officer, an open order) names what stands in the way.
     */
    public void setOfficerRetired(String badgeNo, boolean retire) {
        save(() -> service.get().setOfficerRetired(badgeNo, retire, actor),
                saved -> i18n.tr(saved.retired() ? "admin.org.retire.officerDone" : "admin.org.retire.officerBack",
                        saved.badgeNo(), saved.name()),
                this::searchOfficers);
    }

    /** Retires a patrol unit or brings it back; refused while it has an open order (named). */
    public void setUnitRetired(String callSign, boolean retire) {
        save(() -> service.get().setUnitRetired(callSign, retire, actor),
                saved -> i18n.tr(saved.retired() ? "admin.org.retire.unitDone" : "admin.org.retire.unitBack", saved.callSign()),
                this::searchUnits);
    }

    /** Crew badge numbers as typed: separated by commas (either width), 、, semicolons or blanks. */
    public static List<String> crew(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,，、;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** One problem of a refused edit, in the user's words. */
    public String problemText(OrgEditRejected.Problem p) {
        Object[] args = p.args().toArray();
        return i18n.tr(org.commandroom.app.ui.common.I18n.ENUM_PREFIXES.get(OrgEditRejected.Code.class) + "." + p.code().name(), args);
    }

    private <T> void save(java.util.concurrent.Callable<T> work, java.util.function.Function<T, String> said, Runnable reread) {
        busy.set(true);
        tasks.run(work, saved -> {
            busy.set(false);
            failed.set(false);
            message.set(said.apply(saved));
            reread.run();
        }, e -> {
            busy.set(false);
            failed(e);
        });
    }

    private void failed(Exception e) {
        failed.set(true);
        if (e instanceof OrgEditRejected rejected) {
            message.set(i18n.tr("admin.org.refused", String.join("；",
                    rejected.problems().stream().map(this::problemText).toList())));
        } else {
            message.set(Failures.text(e, i18n));
        }
    }
}
