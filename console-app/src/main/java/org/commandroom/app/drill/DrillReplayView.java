package org.commandroom.app.drill;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.drill.DrillMapSnapshot;
import org.commandroom.core.drill.DrillReplay;
import org.commandroom.core.drill.DrillReplayPlayer;
import org.commandroom.core.drill.ScenarioLoader;

/**
 * The replay of a finished drill (read-only): the map of the moment (the units where they stood, the latest event in
 * the middle) beside the timeline of what has happened so far (the drill's events, the trainee's orders, the
 * instructor's notes), with play/pause, the speed (1× to 20×), the next step and a position slider to jump anywhere.
 * The {@link DrillReplayPlayer} keeps the time; a 200 ms timer, running while the window shows, asks it what came due.
 * No I/O: the replay was read before.
 */
public final class DrillReplayView {

    /** How often the replay looks at its clock. */
    static final javafx.util.Duration TICK = javafx.util.Duration.millis(200);
    static final int MAP_PX = 420;
    static final List<Integer> SPEEDS = List.of(1, 2, 5, 10, 20);

    private final DrillReplayPlayer player;
    private final I18n i18n;
    private final VBox root;
    private final ObservableList<DrillReplay.Step> rows = FXCollections.observableArrayList();
    private final TableView<DrillReplay.Step> table = new TableView<>(rows);
    private final ImageView map = new ImageView();
    private final Label clock = new Label();
    private final Button play = new Button();
    private final Slider position = new Slider();
    private final Timeline timer = new Timeline(new KeyFrame(TICK, e -> tick()));
    /** What the map was drawn for (steps shown, position's moves), so it is drawn again only when it changed. */
    private String mapDrawnFor = "";
    private boolean sliding;

    public DrillReplayView(DrillReplayPlayer player, I18n i18n) {
        this.player = player;
        this.i18n = i18n;
        DrillReplay r = player.replay();
        String name = "en".equals(i18n.locale().getLanguage()) && r.drill().scenarioNameEn() != null
                ? r.drill().scenarioNameEn() : r.drill().scenarioName();
        Label title = new Label(i18n.tr("drill.replay.title", name, r.drill().trainee()));
        title.getStyleClass().add("title-3");
        Label readOnly = new Label(i18n.tr("drill.replay.readOnly"));

        play.setId("drill-replay-play");
        play.setOnAction(e -> {
            if (player.isPlaying()) {
                player.pause();
            } else {
                player.play();
            }
            refresh();
        });
        Button next = new Button(i18n.tr("drill.replay.next"));
        next.setId("drill-replay-next");
        next.setOnAction(e -> {
            player.jumpToNext();
            refresh();
        });
        ChoiceBox<Integer> speed = new ChoiceBox<>(FXCollections.observableArrayList(SPEEDS));
        speed.setId("drill-replay-speed");
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : s + "×";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replace("×", ""));
            }
        });
        speed.setValue(player.speed());
        speed.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                player.setSpeed(now);
            }
        });
        position.setId("drill-replay-position");
        position.setMin(0);
        position.setMax(Math.max(1, r.length().toSeconds()));
        HBox.setHgrow(position, Priority.ALWAYS);
        position.valueChangingProperty().addListener((o, was, now) -> {
            sliding = now;
            if (!now) {
                jumpTo(Duration.ofSeconds(Math.round(position.getValue())));
            }
        });
        position.setOnMouseReleased(e -> jumpTo(Duration.ofSeconds(Math.round(position.getValue()))));
        clock.setId("drill-replay-clock");
        clock.setMinWidth(110);
        HBox controls = new HBox(8, play, next, new Label(i18n.tr("drill.replay.speed")), speed, position, clock);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        table.setId("drill-replay-steps");
        table.setPlaceholder(new Label(i18n.tr("drill.replay.none")));
        table.getColumns().add(column(i18n.tr("drill.report.col.time"), 70, s -> ScenarioLoader.format(s.at())));
        table.getColumns().add(column(i18n.tr("drill.replay.col.kind"), 90, s -> i18n.label(s.kind())));
        table.getColumns().add(column(i18n.tr("drill.replay.col.what"), 520, DrillReplay.Step::text));
        HBox.setHgrow(table, Priority.ALWAYS);
        map.setId("drill-replay-map");
        map.setFitWidth(MAP_PX);
        map.setFitHeight(MAP_PX);
        VBox mapBox = new VBox(4, map, new Label(i18n.tr("drill.replay.legend")));
        HBox body = new HBox(12, mapBox, table);
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(8, title, readOnly, controls, body);
        root.getStyleClass().add("drill-replay");
        root.setPadding(new javafx.geometry.Insets(12));
        timer.setCycleCount(Timeline.INDEFINITE);
        // the timer runs while the window shows, no longer (a console stays open for days)
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                scene.windowProperty().addListener((o2, w0, window) -> watch(window));
                watch(scene.getWindow());
            }
        });
        refresh();
    }

    private void watch(javafx.stage.Window window) {
        if (window == null) {
            return;
        }
        window.showingProperty().addListener((o, was, showing) -> {
            if (showing) {
                timer.play();
            } else {
                timer.stop();
                player.pause();
            }
        });
        if (window.isShowing()) {
            timer.play();
        }
    }

    private void jumpTo(Duration at) {
        player.jumpTo(at);
        refresh();
    }

    /** Takes what came due on the replay's clock (the timer calls it; tests call it after moving the clock). */
    void tick() {
        player.poll();
        refresh();
    }

    private void refresh() {
        List<DrillReplay.Step> shown = player.shown();
        if (rows.size() != shown.size() || (!rows.isEmpty() && rows.get(rows.size() - 1) != shown.get(shown.size() - 1))) {
            rows.setAll(shown);
            if (!rows.isEmpty()) {
                table.scrollTo(rows.size() - 1);
            }
        }
        Duration at = player.position();
        clock.setText(ScenarioLoader.format(at) + " / " + ScenarioLoader.format(player.replay().length()));
        if (!sliding) {
            position.setValue(at.toSeconds());
        }
        play.setText(i18n.tr(player.isPlaying() ? "drill.replay.pause" : "drill.replay.play"));
        long moves = player.replay().positions().stream().filter(p -> p.at().compareTo(at) <= 0).count();
        String key = shown.size() + "/" + moves;
        if (!key.equals(mapDrawnFor)) {
            mapDrawnFor = key;
            DrillMapSnapshot m = player.map();
            map.setImage(m == null ? null : new Image(new ByteArrayInputStream(m.png(MAP_PX, MAP_PX))));
        }
    }

    private static TableColumn<DrillReplay.Step, String> column(String name, double width,
                                                                java.util.function.Function<DrillReplay.Step, String> value) {
        TableColumn<DrillReplay.Step, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    public DrillReplayPlayer player() {
        return player;
    }

    public Node root() {
        return root;
    }
}
