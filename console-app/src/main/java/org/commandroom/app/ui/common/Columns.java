package org.commandroom.app.ui.common;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;

/** How the console's tables lay out their columns: fixed order, no click-sorting, a style class each. */
public final class Columns {

    private Columns() {
    }

    /** Width (shrinking to 80 % at most), no sorting or reordering, and the column's style class. */
    public static void setup(TableColumn<?, ?> c, double width, String styleClass) {
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.8);
        c.setSortable(false);
        c.setReorderable(false);
        c.getStyleClass().add(styleClass);
    }

    /** A text column showing {@code text} of each row's current entry, following the entry as it changes. */
    public static <R, E> TableColumn<R, String> text(String header, double width, String styleClass,
                                                     Function<R, ObservableValue<E>> entry, Function<E, String> text) {
        TableColumn<R, String> c = new TableColumn<>(header);
        c.setCellValueFactory(cd -> entry.apply(cd.getValue()).map(text));
        setup(c, width, styleClass);
        return c;
    }
}
