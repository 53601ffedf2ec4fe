package org.commandroom.app.ui.jobs;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.commandroom.app.ui.common.I18n;

/**
 * A running job on screen: its name, a progress bar (moving to and fro while the job does not know how far it is)
 * and a cancel button; "正在取消…" once asked, and the button disabled while the job is at a step it finishes whole.
 * It takes no room when no job runs; the outcome is said by the screen that started the job.
 */
public final class JobBar {

    private final I18n i18n;
    private final HBox root = new HBox(8);
    private final Label label = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel;
    private Job job;
    private String name = "";

    /** @param id the bar's node id (its parts get {@code id + "-cancel"} and {@code id + "-progress"}) */
    public JobBar(I18n i18n, String id) {
        this.i18n = i18n;
        root.setId(id);
        root.getStyleClass().add("job-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        label.getStyleClass().add("job-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        bar.setId(id + "-progress");
        bar.setPrefWidth(140);
        bar.setMinWidth(80);
        cancel = new Button(i18n.tr("jobs.cancel"));
        cancel.setId(id + "-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setFocusTraversable(false);
        cancel.setOnAction(e -> {
            if (job != null) {
                job.cancel();
            }
        });
        root.getChildren().addAll(label, bar, cancel);
        root.setVisible(false);
        root.managedProperty().bind(root.visibleProperty());
    }

    /** Follows a job until it ends (FX thread); {@code jobName} is what it is, in the user's language. */
    public void show(Job next, String jobName) {
        this.job = next;
        this.name = jobName;
        bar.progressProperty().bind(next.progressProperty());
        cancel.disableProperty().bind(next.cancellableProperty().not()
                .or(Bindings.createBooleanBinding(() -> next.stateProperty().get() != Job.State.WAITING
                        && next.stateProperty().get() != Job.State.RUNNING, next.stateProperty())));
        label.textProperty().bind(Bindings.createStringBinding(() -> text(next), next.stateProperty(),
                next.cancellableProperty(), next.progressProperty()));
        root.visibleProperty().bind(Bindings.createBooleanBinding(() -> !next.stateProperty().get().finished(),
                next.stateProperty()));
    }

    private String text(Job j) {
        Job.State s = j.stateProperty().get();
        if (s == Job.State.WAITING) {
            return i18n.tr("jobs.waiting", name);
        }
        if (s == Job.State.CANCELLING) {
            return i18n.tr("jobs.cancelling", name);
        }
        if (!j.cancellableProperty().get()) {
            return i18n.tr("jobs.finishing", name);
        }
        double p = j.progressProperty().get();
        return p < 0 ? i18n.tr("jobs.running", name) : i18n.tr("jobs.percent", name, (int) Math.floor(p * 100));
    }

    /** The job followed last, or null. */
    public Job job() {
        return job;
    }

    public Node root() {
        return root;
    }
}
