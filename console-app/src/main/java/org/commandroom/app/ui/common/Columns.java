package org.commandroom.app.ui.common;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/**
 * How the console's tables lay out their columns: fixed order, no click-sorting, a style class each; a column
 * is at least as wide as its header and its widest known value ({@link #values}); free text may be cut, with
 * the whole text in a tooltip ({@link #freeText}); {@link ColumnFit} hides the optional columns of a table that
 * is too narrow so that its key columns stay on screen.
 */
public final class Columns {

    static final String VALUES = "columns.values";
    static final String BOLD = "columns.bold";
    static final String PREFERRED_VALUES = "columns.preferredValues";
    static final String FREE_TEXT = "columns.freeText";
    static final String DECLARED_MIN = "columns.declaredMin";

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

    /**
     * The texts the column can show, of which the widest must never be cut (the labels of an enum, a number
     * format); {@link ColumnFit} widens the column's minimum to it once the table's font is known.
     */
    public static void values(TableColumn<?, ?> c, Collection<String> texts) {
        c.getProperties().put(VALUES, List.copyOf(texts));
    }

    /** As {@link #values}, for a column whose cells turn bold in an alarm state (紧急, an overdue countdown). */
    public static void boldValues(TableColumn<?, ?> c, Collection<String> texts) {
        values(c, texts);
        c.getProperties().put(BOLD, Boolean.TRUE);
    }

    /**
     * Texts the column should show whole where the table has room, but may cut (whole in the tooltip) where it
     * has not: the longest incident types.
     */
    public static void preferredValues(TableColumn<?, ?> c, Collection<String> texts) {
        c.getProperties().put(PREFERRED_VALUES, List.copyOf(texts));
    }

    /** A floor for the column's width below what its header and values need (e.g. room for an address). */
    public static void minWidth(TableColumn<?, ?> c, double width) {
        c.getProperties().put(DECLARED_MIN, width);
        c.setMinWidth(width);
    }

    /** Texts of any length (addresses, feedback): cut with an ellipsis where the column is narrow, whole in a tooltip. */
    public static <R> void freeText(TableColumn<R, String> c) {
        c.getProperties().put(FREE_TEXT, Boolean.TRUE);
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                boolean none = empty || s == null || s.isEmpty();
                setText(none ? null : s);
                tip.setText(none ? "" : s);
                setTooltip(none ? null : tip);
            }
        });
    }

    /**
     * Long texts (an indicator's name, a problem found in a file, a set-up step's counts) wrap onto further lines in
     * their cell instead of ending in "…": the row grows. Returns the column.
     */
    public static <R> TableColumn<R, String> wrapping(TableColumn<R, String> c) {
        c.setCellFactory(col -> new TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.getStyleClass().add("wrapped-cell-text");
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(12));
                setGraphic(text);
                setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? null : item);
            }
        });
        return c;
    }

    /** Whether the column holds free text that may be cut on screen (the whole text is in its tooltip). */
    public static boolean isFreeText(TableColumn<?, ?> c) {
        return Boolean.TRUE.equals(c.getProperties().get(FREE_TEXT));
    }

    /** Whether {@link ColumnFit} keeps the column on screen whatever the table's width. */
    public static boolean isKey(TableColumn<?, ?> c) {
        return !c.getProperties().containsKey(ColumnFit.OPTIONAL);
    }
}
