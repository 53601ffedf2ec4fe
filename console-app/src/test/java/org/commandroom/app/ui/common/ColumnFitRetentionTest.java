package org.commandroom.app.ui.common;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A side panel opening and closing (F2/F3/F4, Esc) narrows and widens the desk's tables; ColumnFit hides and shows
 * their optional columns, and each time every row's cells are made again, each with its tooltip. A night of it must
 * not keep the old ones. (Looked at when the shift soak's heap grew by table cells; what held those was TestFX's
 * record of the events fired on its primary stage, which the soak no longer uses.)
 */
@ExtendWith(ApplicationExtension.class)
class ColumnFitRetentionTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void cellsMadeForColumnsShownAndHiddenAgainAreNotKept() throws Exception {
        List<WeakReference<TableCell<?, ?>>> made = new ArrayList<>();
        Region panel = new Region();
        onFx(() -> {
            TableView<String> table = new TableView<>(FXCollections.observableArrayList(
                    IntStream.range(0, 40).mapToObj(i -> "第" + i + "行地址：城关镇南关路" + i + "号").toList()));
            TableColumn<String, String> no = new TableColumn<>("编号");
            no.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().substring(0, 3)));
            TableColumn<String, String> optional = new TableColumn<>("可选");
            optional.setCellValueFactory(c -> new SimpleStringProperty("可选" + c.getValue().length()));
            TableColumn<String, String> address = new TableColumn<>("地址");
            address.setCellValueFactory(c -> new SimpleStringProperty(c.getValue()));
            Columns.freeText(address);
            var factory = address.getCellFactory();
            address.setCellFactory(col -> {
                TableCell<String, String> cell = factory.call(col);
                made.add(new WeakReference<>(cell));
                return cell;
            });
            no.setPrefWidth(120);
            optional.setPrefWidth(300);
            address.setPrefWidth(300);
            table.getColumns().addAll(List.of(no, optional, address));
            ColumnFit.install(table, optional);
            panel.setPrefWidth(0);
            panel.setMinWidth(0);
            HBox box = new HBox(table, panel);
            HBox.setHgrow(table, javafx.scene.layout.Priority.ALWAYS);
            stage.setScene(new Scene(box, 900, 700));
            stage.show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 80; i++) {
            double w = i % 2 == 0 ? 560 : 0;
            onFx(() -> {
                panel.setPrefWidth(w);
                panel.setMinWidth(w);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents(3);
        }
        int live = 0;
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(100);
            WaitForAsyncUtils.waitForFxEvents();
        }
        for (WeakReference<TableCell<?, ?>> r : made) {
            if (r.get() != null) {
                live++;
            }
        }
        System.out.println("cells made " + made.size() + ", still alive " + live);
        assertTrue(made.size() > 300, "the panel really hid and showed the column: " + made.size() + " cells made");
        assertTrue(live < 120, live + " of " + made.size() + " cells are still alive");
    }
}
