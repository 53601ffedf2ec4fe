package org.commandroom.app.ui.prevention;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.HouseRegisterModule;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.prevention.InspectionBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inspections waiting for feedback (核查指令), each with its grid's community officer, most urgent first: sending
 * the due ones now (the console also does so hourly), recording the officer's sign-for, and the feedback with its
 * findings (hazards found and what they are). All writes go through core services that check {@code ORDERS}; after a
 * write the list and the register are read again ({@link #setOnChanged}).
 */
public final class InspectionsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(InspectionsViewModel.class);

    private final HouseRegisterModule services;
    private final Tasks tasks;
    private final I18n i18n;
    private final String actor;
    private final ObservableList<InspectionBoard.OpenInspection> open = FXCollections.observableArrayList();
    private final ObjectProperty<InspectionBoard.OpenInspection> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty hazards = new SimpleStringProperty(this, "hazards", "0");
    private final StringProperty findings = new SimpleStringProperty(this, "findings", "");
    private final ReadOnlyStringWrapper hazardsError = new ReadOnlyStringWrapper(this, "hazardsError", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Runnable onChanged = () -> { };

    public InspectionsViewModel(HouseRegisterModule services, Tasks tasks, I18n i18n, String actor) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.actor = Objects.requireNonNull(actor);
    }

    /** Told after a write succeeded (the register's dates and findings changed). */
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = Objects.requireNonNull(onChanged);
    }

    /** Reads the open inspections again, off the FX thread, keeping the selected one if it is still open. */
    public void reload() {
        InspectionBoard.OpenInspection was = selected.get();
        busy.set(true);
        tasks.run(() -> services.board().open(), list -> {
            busy.set(false);
            open.setAll(list);
            selected.set(was == null ? null : list.stream().filter(o -> Objects.equals(o.orderId(), was.orderId())
                    && o.houseId() == was.houseId() && o.due().equals(was.due())).findFirst().orElse(null));
        }, e -> {
            busy.set(false);
            status.set(i18n.tr("inspections.status.readFailed", Failures.text(e, i18n)));
        });
    }

    /** Sends the inspections due now (as the hourly run does) and says how many. */
    public void sendDue() {
        if (!services.mayIssue()) {
            status.set(i18n.tr("inspections.status.readOnly"));
            return;
        }
        busy.set(true);
        tasks.run(() -> services.generator().run(), run -> {
            busy.set(false);
            status.set(i18n.tr("inspections.status.sent", run.sent().size(), run.missed(), run.unplaced()));
            changed();
        }, this::failed);
    }

    /** Records the community officer's sign-for (签收) of the selected inspection. */
    public void signFor() {
        InspectionBoard.OpenInspection o = selected.get();
        if (o == null || o.orderId() == null) {
            status.set(i18n.tr("inspections.status.selectOrder"));
            return;
        }
        if (!services.mayIssue()) {
            status.set(i18n.tr("inspections.status.readOnly"));
            return;
        }
        busy.set(true);
        // the trail names who recorded it (the desk), as for any sign-for recorded for a unit
        tasks.run(() -> services.orders().sign(o.orderId(), actor), done -> {
            busy.set(false);
            status.set(i18n.tr(done ? "inspections.status.signed" : "inspections.status.notWaiting", o.orderNo()));
            changed();
        }, this::failed);
    }

    /**
     * Records the selected inspection's feedback with its findings (反馈): the number of hazards found (0 to 1000) and
     * what they are.
     *
     * @return false when the form is wrong or nothing is selected (nothing sent)
     */
    public boolean feedback() {
        hazardsError.set("");
        InspectionBoard.OpenInspection o = selected.get();
        if (o == null || o.orderId() == null) {
            status.set(i18n.tr("inspections.status.selectOrder"));
            return false;
        }
        if (!services.mayIssue()) {
            status.set(i18n.tr("inspections.status.readOnly"));
            return false;
        }
        int n;
        try {
            n = Integer.parseInt(hazards.get() == null ? "" : hazards.get().strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n > 1000) {
            hazardsError.set(i18n.tr("inspections.error.hazards"));
            status.set(i18n.tr("houses.status.fix", 1));
            return false;
        }
        if (n > 0 && (findings.get() == null || findings.get().isBlank())) {
            hazardsError.set(i18n.tr("inspections.error.findingsRequired"));
            status.set(i18n.tr("houses.status.fix", 1));
            return false;
        }
        int count = n;
        String text = findings.get();
        busy.set(true);
        tasks.run(() -> services.generator().feedback(o.orderId(), count, text, actor), done -> {
            busy.set(false);
            status.set(i18n.tr(done ? "inspections.status.fedBack" : "inspections.status.notWaiting", o.orderNo()));
            if (done) {
                hazards.set("0");
                findings.set("");
            }
            changed();
        }, this::failed);
        return true;
    }

    private void changed() {
        reload();
        onChanged.run();
    }

    private void failed(Exception e) {
        busy.set(false);
        if (e instanceof IllegalArgumentException) {
            LOG.info("Inspection step refused: {}", e.getMessage());
            status.set(i18n.tr("inspections.status.refused"));
        } else {
            status.set(i18n.tr("inspections.status.failed", Failures.text(e, i18n)));
        }
    }

    public ObservableList<InspectionBoard.OpenInspection> open() {
        return open;
    }

    public ObjectProperty<InspectionBoard.OpenInspection> selectedProperty() {
        return selected;
    }

    public StringProperty hazardsProperty() {
        return hazards;
    }

    public StringProperty findingsProperty() {
        return findings;
    }

    public ReadOnlyStringProperty hazardsErrorProperty() {
        return hazardsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean mayIssue() {
        return services.mayIssue();
    }
}
