package org.commandroom.app.drill;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The DRILL banner every drill window carries at its top: 演练 · the scenario's name · the scenario clock (and whether
 * it is paused or at what speed), and the latest event. Its beat (four times a second) runs while it is in a shown
 * window and reads only the clock.
 */
public final class DrillBanner {

    static final Duration BEAT = Duration.millis(250);

    private final HBox root;
    private final Timeline beat;

    /** The instructor's banner, with the latest scenario event. */
    public DrillBanner(DrillControlViewModel vm) {
        this(vm, true);
    }

    /**
     * @param instructor false on the trainee's desk: it shows calls and reported sightings, never a unit's scripted
     *                   behaviour (a unit that will never sign is the answer key's business)
     */
    public DrillBanner(DrillControlViewModel vm, boolean instructor) {
        Label text = new Label();
        text.setId("drill-banner-text");
        text.textProperty().bind(vm.bannerProperty());
        text.getStyleClass().add("drill-banner-text");
        // The mark, the scenario and its clock are never cut short; the latest event gives way.
        text.setMinWidth(Region.USE_PREF_SIZE);
        Label last = new Label();
        last.setId("drill-banner-event");
        last.textProperty().bind(instructor ? vm.lastEventProperty() : vm.lastTraineeEventProperty());
        last.getStyleClass().add("drill-banner-event");
        last.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        root = new HBox(12, text, gap, last);
        root.setId("drill-banner");
        root.getStyleClass().add("drill-banner");
        root.setAlignment(Pos.CENTER_LEFT);
        beat = new Timeline(new KeyFrame(BEAT, e -> vm.refresh()));
        beat.setCycleCount(Animation.INDEFINITE);
        // Listeners and the beat only while shown (a drill window closed and reopened starts them again).
        root.sceneProperty().addListener((o, was, is) -> {
            if (is == null) {
                beat.stop();
                vm.deactivate();
            } else {
                vm.activate();
                beat.play();
            }
        });
    }

    public Node root() {
        return root;
    }
}
