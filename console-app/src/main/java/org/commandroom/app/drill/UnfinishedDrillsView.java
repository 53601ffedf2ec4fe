package org.commandroom.app.drill;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.drill.DrillHistory;
import org.commandroom.core.drill.ScenarioLoader;

/**
 * The trainee's drills left without a report (a crash cut them short, or their window was closed): each says so, with
 * when, the scenario and the trainee and how far its clock got, and offers 继续演练 (take it up again, paused where it
 * was left) and 结束并评分 (score it as it stands and write its report). Hidden when there is none. Filled by the
 * caller once the folders are read (off the FX thread).
 */
final class UnfinishedDrillsView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final I18n i18n;
    private final ZoneId zone;
    private final VBox rows = new VBox(6);
    private final Label message = new Label();
    private final VBox root;
    private Consumer<DrillHistory.Unfinished> onResume = u -> { };
    private Consumer<DrillHistory.Unfinished> onScore = u -> { };
    private final List<Button> buttons = new ArrayList<>();

    UnfinishedDrillsView(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.zone = zone;
        Label title = new Label(i18n.tr("drill.unfinished.title"));
        title.getStyleClass().add("title-4");
        message.setId("drill-unfinished-message");
        message.setWrapText(true);
        rows.setId("drill-unfinished-rows");
        root = new VBox(8, title, rows, message);
        root.setId("drill-unfinished");
        show(List.of());
    }

    void setOnResume(Consumer<DrillHistory.Unfinished> action) {
        onResume = action;
    }

    void setOnScore(Consumer<DrillHistory.Unfinished> action) {
        onScore = action;
    }

    /** Lists the drills (on the FX thread); the view hides itself when there is none and nothing to say. */
    void show(List<DrillHistory.Unfinished> drills) {
        buttons.clear();
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < drills.size(); i++) {
            DrillHistory.Unfinished u = drills.get(i);
            boolean english = "en".equals(i18n.locale().getLanguage());
            String name = english && u.scenarioNameEn() != null ? u.scenarioNameEn() : u.scenarioName();
            Label what = new Label(i18n.tr(u.cutShort() ? "drill.unfinished.cutShort" : "drill.unfinished.closed", name,
                    u.trainee(), WHEN.withZone(zone).format(u.cutShort() ? u.leftAt() : u.closedAt()),
                    ScenarioLoader.format(u.reached())));
            what.setId("drill-unfinished-text-" + i);
            what.setWrapText(true);
            what.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(what, Priority.ALWAYS);
            Button resume = new Button(i18n.tr("drill.unfinished.resume"));
            resume.setId("drill-unfinished-resume-" + i);
            resume.setOnAction(e -> onResume.accept(u));
            Button score = new Button(i18n.tr("drill.unfinished.score"));
            score.setId("drill-unfinished-score-" + i);
            score.setOnAction(e -> {
                busy(true);
                onScore.accept(u);
            });
            // The buttons keep their words; the description wraps (the trial's read "…" and "结…" beside a long line).
            resume.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            score.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            what.setMinWidth(0);
            buttons.add(resume);
            buttons.add(score);
            HBox row = new HBox(8, what, resume, score);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            out.add(row);
        }
        rows.getChildren().setAll(out);
        boolean any = !drills.isEmpty() || !message.getText().isEmpty();
        root.setVisible(any);
        root.setManaged(any);
    }

    /** Disables the buttons while a drill is being scored. */
    void busy(boolean on) {
        buttons.forEach(b -> b.setDisable(on));
    }

    /** What became of the last action (no exception text: the caller gives a sentence of the bundle). */
    void say(String text) {
        message.setText(text);
        root.setVisible(true);
        root.setManaged(true);
    }

    Node root() {
        return root;
    }
}
