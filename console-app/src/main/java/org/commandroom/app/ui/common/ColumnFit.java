package org.commandroom.app.ui.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Keeps a table's key columns on screen whatever its width: once the table's font is known, each column's
 * minimum grows to what its header and its widest known value need ({@link Columns#values}); then, whenever
 * the table's width changes (the window, a divider, a side panel), the optional columns are hidden in the
 * order given, as far as needed for the key columns' preferred widths and the optional columns' minimums to fit,
 * and shown again when there is room.
 * Columns not named as optional are the table's key columns ({@link Columns#isKey}); the table's own minimum
 * width becomes what they need, so that the split panes around it stop their dividers there.
 */
public final class ColumnFit {

    static final String OPTIONAL = "columns.optional";
    /** The vertical scroll bar's width, where the table has not made one yet. */
    private static final double SCROLL_BAR = 14;
    /** Rounding and the focus border. */
    private static final double SLACK = 2;

    private final TableView<?> table;
    private final List<TableColumn<?, ?>> dropOrder;
    private boolean measured;
    private AfterLayout afterLayout;
    /** Each column's width when there is room: its declared width, or more where its header or values need it. */
    private final Map<TableColumn<?, ?>, Double> natural = new HashMap<>();

    private ColumnFit(TableView<?> table, List<TableColumn<?, ?>> dropOrder) {
        this.table = table;
        this.dropOrder = dropOrder;
    }

    /**
     * @param dropFirst the optional columns, the first to hide first; every other column is a key column
     */
    public static ColumnFit install(TableView<?> table, TableColumn<?, ?>... dropFirst) {
        ColumnFit fit = new ColumnFit(table, List.of(dropFirst));
        for (TableColumn<?, ?> c : dropFirst) {
            c.getProperties().put(OPTIONAL, Boolean.TRUE);
        }
        // The widths are set here, not by a resize policy: a constrained policy shrinks whichever columns it
        // likes (the type before the received time) and gives the spare width to others than the last.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        fit.afterLayout = new AfterLayout(table, fit::refit);
        table.widthProperty().addListener((o, was, is) -> fit.afterLayout.request());
        return fit;
    }

    // The width changes inside a layout pass; hiding or showing columns there leaves rows whose cells sit under
    // the wrong headers (a row rebuilds its cells for a column change only outside layout). So the refit runs
    // after the pass (AfterLayout), once however often the width changed.

    /** Measures (once) and hides or shows the optional columns for the table's present width. */
    public void refit() {
        if (table.getWidth() <= 0 || table.getSkin() == null) {
            return;
        }
        if (!measured) {
            measured = measure();
            if (measured) {
                // The split panes the table sits in never give it less than its key columns need.
                table.setMinWidth(Math.ceil(keyWidth() + table.getWidth() - viewportWidth()));
            }
        }
        double room = viewportWidth();
        // Key columns at their natural width, optional ones at their minimum: an optional column is shown only
        // where it costs no key column its room (a type cut to "Traffic acci…" for a received time beside it).
        double need = 0;
        for (TableColumn<?, ?> c : table.getColumns()) {
            need += Columns.isKey(c) ? naturalWidth(c) : c.getMinWidth();
        }
        boolean changed = false;
        for (TableColumn<?, ?> c : dropOrder) {
            boolean hide = need > room;
            changed |= c.isVisible() == hide;
            c.setVisible(!hide);
            if (hide) {
                need -= c.getMinWidth();
            }
        }
        size(room);
        if (changed) {
            // Rows already on screen get cells for the columns shown now, not only those made from here on.
            table.refresh();
        }
    }

    /**
     * Widths for the visible columns that fill {@code room}: each its natural width; where that is too much,
     * the optional ones give way to their minimums first, then the key ones in proportion to what they can
     * give; what is left over goes to the last column (an address, a feedback text).
     */
    private void size(double room) {
        List<TableColumn<?, ?>> shown = new java.util.ArrayList<>();
        for (TableColumn<?, ?> c : table.getColumns()) {
            if (c.isVisible()) {
                shown.add(c);
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        Map<TableColumn<?, ?>, Double> w = new HashMap<>();
        double total = 0;
        for (TableColumn<?, ?> c : shown) {
            w.put(c, naturalWidth(c));
            total += naturalWidth(c);
        }
        double over = total - room;
        for (TableColumn<?, ?> c : shown) {
            if (over > 0 && !Columns.isKey(c)) {
                double give = Math.min(over, w.get(c) - c.getMinWidth());
                w.put(c, w.get(c) - give);
                over -= give;
            }
        }
        if (over > 0) {
            double slack = 0;
            for (TableColumn<?, ?> c : shown) {
                slack += w.get(c) - c.getMinWidth();
            }
            double share = slack <= 0 ? 0 : Math.min(1, over / slack);
            for (TableColumn<?, ?> c : shown) {
                w.put(c, w.get(c) - (w.get(c) - c.getMinWidth()) * share);
            }
        } else {
            TableColumn<?, ?> last = shown.get(shown.size() - 1);
            w.put(last, w.get(last) - over);
        }
        for (TableColumn<?, ?> c : shown) {
            c.setPrefWidth(Math.floor(w.get(c)));
        }
    }

    private double naturalWidth(TableColumn<?, ?> c) {
        return Math.max(c.getMinWidth(), natural.getOrDefault(c, c.getPrefWidth()));
    }

    /** What the key columns need side by side, once measured. */
    public double keyWidth() {
        double sum = 0;
        for (TableColumn<?, ?> c : table.getColumns()) {
            if (Columns.isKey(c)) {
                sum += c.getMinWidth();
            }
        }
        return sum;
    }

    /** The width the columns share: the table less its border and a vertical scroll bar. */
    double viewportWidth() {
        double bar = SCROLL_BAR;
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar sb && sb.getOrientation() == Orientation.VERTICAL && sb.getWidth() > 0) {
                bar = sb.getWidth();
            }
        }
        return table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - bar;
    }

    /** Raises each column's minimum to its header and widest value; false while the headers are not styled yet. */
    private boolean measure() {
        for (TableColumn<?, ?> c : table.getColumns()) {
            TableColumnHeader header = header(c);
            if (header == null || !(header.lookup(".label") instanceof Label label) || label.getFont() == null) {
                return false;
            }
            double pad = header.snappedLeftInset() + header.snappedRightInset() + SLACK;
            double need = label.prefWidth(-1) + pad;
            Font font = label.getFont();
            Font cell = Font.font(font.getFamily(),
                    Boolean.TRUE.equals(c.getProperties().get(Columns.BOLD)) ? FontWeight.BOLD : FontWeight.NORMAL,
                    font.getSize());
            Object values = c.getProperties().get(Columns.VALUES);
            if (values instanceof List<?> texts) {
                for (Object t : texts) {
                    need = Math.max(need, textWidth(String.valueOf(t), cell) + pad + label.snappedLeftInset()
                            + label.snappedRightInset());
                }
            }
            Object declared = c.getProperties().get(Columns.DECLARED_MIN);
            if (declared instanceof Double d) {
                need = Math.max(need, d);
            }
            double min = Math.ceil(need);
            double preferred = c.getPrefWidth();
            Object wider = c.getProperties().get(Columns.PREFERRED_VALUES);
            if (wider instanceof List<?> texts) {
                for (Object t : texts) {
                    preferred = Math.max(preferred, textWidth(String.valueOf(t), cell) + pad
                            + label.snappedLeftInset() + label.snappedRightInset());
                }
            }
            c.setMinWidth(min);
            natural.put(c, Math.ceil(Math.max(min, preferred)));
        }
        return true;
    }

    private TableColumnHeader header(TableColumn<?, ?> c) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() == c) {
                return h;
            }
        }
        return null;
    }

    static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
