package org.commandroom.app.ui.common;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The measuring the screen tests rely on finds what it should, and only that. */
@ExtendWith(ApplicationExtension.class)
class ScreenProbeTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.installUserAgentStylesheet();
    }

    private void show(javafx.scene.Parent root) {
        onFx(() -> {
            Scene scene = new Scene(root, 600, 300);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            root.applyCss();
            root.layout();
            return null;
        });
    }

    @Test
    void findsAnEllipsisWhereTheLabelCouldBeWiderAndClippedText() {
        Label squeezed = new Label("Responsibility of the station");
        squeezed.setMaxWidth(Double.MAX_VALUE);
        Pane room = new Pane();
        room.setMinWidth(520);
        Label capped = new Label("New incident J20261123-00001 Crossing of Huancheng North Road and Nanguan Road");
        capped.setMaxWidth(200);
        capped.setTooltip(new Tooltip(capped.getText()));
        Label clipped = new Label("Dispute follow-up");
        clipped.setTextOverrun(OverrunStyle.CLIP);
        clipped.setMinWidth(40);
        clipped.setMaxWidth(40);
        Label whole = new Label("Due in");
        VBox root = new VBox(new HBox(squeezed, room), capped, clipped, whole);
        show(root);

        List<String> cut = onFx(() -> ScreenProbe.cutLabels("probe", root));
        assertEquals(2, cut.size(), cut.toString());
        assertTrue(cut.get(0).contains("\"Responsibility of the station\" shown as"), cut.get(0));
        assertTrue(cut.get(1).contains("\"Dispute follow-up\" shown as \"Disp\""), "clipped: " + cut.get(1));
        assertNull(onFx(() -> ScreenProbe.cut(whole)));
        assertNull(onFx(() -> ScreenProbe.cut(capped)), "at its own maximum, whole in its tooltip");
    }

    @Test
    void findsAButtonPushedOutOfItsPane() {
        javafx.scene.control.Button whole = new javafx.scene.control.Button("Correct");
        javafx.scene.control.Button below = new javafx.scene.control.Button("Review & close");
        VBox box = new VBox(whole, new Pane() {
            {
                setMinHeight(200);
            }
        }, below);
        Pane pane = new Pane(box); // lays the box out at its full height, 120 px of which it shows
        pane.setMinHeight(120);
        pane.setPrefHeight(120);
        pane.setMaxHeight(120);
        pane.setClip(new javafx.scene.shape.Rectangle(600, 120));
        VBox root = new VBox(pane);
        show(root);

        List<String> cut = onFx(() -> ScreenProbe.cutLabels("probe", root));
        assertEquals(1, cut.size(), cut.toString());
        assertTrue(cut.get(0).contains("\"Review & close\" cut by its container Pane"), cut.get(0));
    }

    @Test
    void aKeyColumnScrolledOutOfTheTableIsFoundAndAnOptionalOneIsNotAsked() {
        TableView<String> table = new TableView<>();
        table.setId("t");
        table.getItems().add("row");
        for (int i = 0; i < 6; i++) {
            TableColumn<String, String> c = new TableColumn<>("Column " + i);
            c.setPrefWidth(150);
            table.getColumns().add(c);
        }
        table.getColumns().get(5).getProperties().put(ColumnFit.OPTIONAL, Boolean.TRUE);
        show(new VBox(table));

        List<String> off = onFx(() -> ScreenProbe.keyColumnsOffScreen(table));
        // 600 px of table, 150 px columns: the fourth is cut by the edge, the fifth is beyond it; the sixth is
        // beyond it too but optional, so not asked for.
        assertEquals(List.of("t: Column 3", "t: Column 4"), off.stream().map(s -> s.replaceAll(" \\(.*", "")).toList());
    }
}
