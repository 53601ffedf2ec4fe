package org.commandroom.app.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

/**
 * Measures what a person sees of a screen: which part of a table's rows is really on screen (inside the
 * table's scrolled viewport and every container that clips it), whether a table's key columns lie there, and
 * which labels show their text cut short or overflowing. Call on the FX thread, after a layout pass.
 */
public final class ScreenProbe {

    /** Half a pixel each way for rounding. */
    private static final double EPS = 0.5;
    /**
     * The last column's header reaches 1 px past the rows' clipped container (over the table's border) when the
     * column fills the table: not a column cut off.
     */
    private static final double BORDER = 1.5;

    private ScreenProbe() {
    }

    /**
     * The part of the table's row area that is on screen, in scene coordinates: its clipped container (rows
     * without the scroll bars), cut by every ancestor's bounds and the scene; null when the table is not shown.
     */
    public static Bounds visibleViewport(TableView<?> table) {
        if (table.getScene() == null || !table.isVisible()) {
            return null;
        }
        Node clipped = table.lookup(".clipped-container");
        if (clipped == null) {
            return null;
        }
        Bounds b = clipped.localToScene(clipped.getLayoutBounds());
        for (Parent p = clipped.getParent(); p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return null;
            }
            b = intersect(b, p.localToScene(p.getLayoutBounds()));
            if (b == null) {
                return null;
            }
        }
        return intersect(b, new BoundingBox(0, 0, table.getScene().getWidth(), table.getScene().getHeight()));
    }

    /**
     * The key columns ({@link Columns#isKey}) of the table that are hidden, or lie (partly) outside the visible
     * viewport, or whose header is cut short, each as one line: "table: column header (why)". Empty when all
     * are whole on screen.
     */
    public static List<String> keyColumnsOffScreen(TableView<?> table) {
        List<String> out = new ArrayList<>();
        Bounds vp = visibleViewport(table);
        if (vp == null) {
            out.add(table.getId() + ": not on screen");
            return out;
        }
        for (TableColumn<?, ?> c : table.getColumns()) {
            if (!Columns.isKey(c)) {
                continue;
            }
            String name = table.getId() + ": " + c.getText();
            TableColumnHeader h = header(table, c);
            if (!c.isVisible() || h == null || !h.isVisible()) {
                out.add(name + " (hidden)");
                continue;
            }
            Bounds hb = h.localToScene(h.getLayoutBounds());
            if (hb.getMinX() < vp.getMinX() - BORDER || hb.getMaxX() > vp.getMaxX() + BORDER) {
                out.add(String.format(Locale.ROOT, "%s (x %.0f..%.0f, visible %.0f..%.0f)", name, hb.getMinX(),
                        hb.getMaxX(), vp.getMinX(), vp.getMaxX()));
            }
            if (h.lookup(".label") instanceof Labeled l && cut(l) != null) {
                out.add(name + " (header " + cut(l) + ")");
            }
            String misplaced = cellsNotUnder(table, c, hb);
            if (misplaced != null) {
                out.add(name + " (" + misplaced + ")");
            }
        }
        return out;
    }

    /**
     * Whether every row on screen has its cell of the column right under the column's header (a row whose cells
     * were not rebuilt after columns were hidden or shown shows them under other headers); null when so.
     */
    static String cellsNotUnder(TableView<?> table, TableColumn<?, ?> c, Bounds header) {
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (!(n instanceof javafx.scene.control.TableRow<?> row) || row.isEmpty() || !row.isVisible()) {
                continue;
            }
            TableCell<?, ?> cell = null;
            for (Node child : row.getChildrenUnmodifiable()) {
                if (child instanceof TableCell<?, ?> tc && tc.getTableColumn() == c && tc.isVisible()) {
                    cell = tc;
                }
            }
            if (cell == null) {
                return "row " + row.getIndex() + " has no cell for it";
            }
            Bounds cb = cell.localToScene(cell.getLayoutBounds());
            if (Math.abs(cb.getMinX() - header.getMinX()) > BORDER || Math.abs(cb.getWidth() - header.getWidth()) > BORDER) {
                return String.format(Locale.ROOT, "row %d shows it at x %.0f..%.0f, under x %.0f..%.0f of the header",
                        row.getIndex(), cb.getMinX(), cb.getMaxX(), header.getMinX(), header.getMaxX());
            }
        }
        return null;
    }

    /** The header node of a column, or null. */
    public static TableColumnHeader header(TableView<?> table, TableColumn<?, ?> c) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() == c) {
                return h;
            }
        }
        return null;
    }

    /**
     * How a labelled control's text is cut short, or null when it shows all of it: an ellipsis where the
     * control could be wider than it is (its width is below its own maximum), or text wider than the room the
     * control gives it (clipped, or cut although at its maximum width without saying so in a tooltip).
     */
    public static String cut(Labeled l) {
        String text = l.getText();
        if (text == null || text.isEmpty() || !l.isVisible() || l.getWidth() <= 0) {
            return null;
        }
        String shown = null;
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t) {
                shown = t.getText();
            }
        }
        if (shown == null) {
            return null;
        }
        boolean ellipsis = !shown.equals(text);
        boolean atMax = l.getWidth() >= l.maxWidth(-1) - EPS;
        double room = l.getWidth() - l.snappedLeftInset() - l.snappedRightInset() - graphicWidth(l);
        double needs = ColumnFit.textWidth(text, l.getFont());
        if (ellipsis && !(atMax && l.getTooltip() != null)) {
            return String.format(Locale.ROOT, "\"%s\" shown as \"%s\" (width %.0f, needs %.0f)", oneLine(text),
                    oneLine(shown), l.getWidth(), Math.ceil(needs + l.getWidth() - room));
        }
        if (!l.isWrapText() && !ellipsis) {
            if (needs > room + 1) {
                return String.format(Locale.ROOT, "\"%s\" overflows (room %.0f, text %.0f)", oneLine(text), room, needs);
            }
        }
        return null;
    }

    /**
     * Every labelled control under {@code root} that is on screen and cuts its text, with where it is. Table
     * cells of free-text columns ({@link Columns#isFreeText}: addresses, feedback) may be cut: their tooltip has
     * the whole text; other table cells may not.
     */
    public static List<String> cutLabels(String screen, Parent root) {
        List<String> out = new ArrayList<>();
        for (Node n : LiveScreen.allNodes(root)) {
            if (!(n instanceof Labeled l) || !shown(l)) {
                continue;
            }
            if (l instanceof TableCell<?, ?> cell && cell.getTableColumn() != null && Columns.isFreeText(cell.getTableColumn())) {
                continue;
            }
            String why = cut(l);
            if (why == null && l instanceof javafx.scene.control.ButtonBase) {
                why = clipped(l);
                why = why == null ? null : "\"" + oneLine(l.getText()) + "\" " + why;
            }
            if (why != null) {
                out.add(screen + " " + describe(l) + ": " + why);
            }
        }
        return out;
    }

    /**
     * How a control is cut by the containers around it (a button pushed below the bottom of its pane), or null
     * when it is whole on screen.
     */
    static String clipped(Node n) {
        Bounds own = n.localToScene(n.getLayoutBounds());
        Bounds seen = own;
        String by = "the window";
        for (Parent p = n.getParent(); p != null && seen != null; p = p.getParent()) {
            Bounds before = seen;
            seen = intersect(seen, p.localToScene(p.getLayoutBounds()));
            if (seen == null || seen.getHeight() < before.getHeight() - 1 || seen.getWidth() < before.getWidth() - 1) {
                by = p.getClass().getSimpleName() + (p.getId() == null ? "" : "#" + p.getId());
                break;
            }
        }
        if (seen != null && n.getScene() != null) {
            seen = intersect(seen, new BoundingBox(0, 0, n.getScene().getWidth(), n.getScene().getHeight()));
        }
        double shownArea = seen == null ? 0 : seen.getWidth() * seen.getHeight();
        if (shownArea < own.getWidth() * own.getHeight() - own.getWidth() - own.getHeight()) {
            return String.format(Locale.ROOT, "cut by its container %s (%.0f×%.0f shown of %.0f×%.0f)", by,
                    seen == null ? 0 : seen.getWidth(), seen == null ? 0 : seen.getHeight(), own.getWidth(), own.getHeight());
        }
        return null;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** The control's kind, id or style classes, and for a table cell its column. */
    static String describe(Labeled l) {
        Class<?> named = l.getClass();
        while (named.getSimpleName().isEmpty()) {
            named = named.getSuperclass();
        }
        StringBuilder s = new StringBuilder(named.getSimpleName());
        if (l.getId() != null) {
            s.append('#').append(l.getId());
        }
        if (l instanceof TableCell<?, ?> cell && cell.getTableColumn() != null) {
            s.append(" in column \"").append(cell.getTableColumn().getText()).append('"');
            if (cell.getTableView() != null && cell.getTableView().getId() != null) {
                s.append(" of #").append(cell.getTableView().getId());
            }
        } else {
            for (Parent p = l.getParent(); p != null; p = p.getParent()) {
                if (p.getId() != null) {
                    s.append(" under #").append(p.getId());
                    break;
                }
            }
        }
        return s.toString();
    }

    private static double graphicWidth(Labeled l) {
        Node g = l.getGraphic();
        if (g == null || !g.isVisible() || l.getContentDisplay() == javafx.scene.control.ContentDisplay.TOP
                || l.getContentDisplay() == javafx.scene.control.ContentDisplay.BOTTOM
                || l.getContentDisplay() == javafx.scene.control.ContentDisplay.TEXT_ONLY) {
            return 0;
        }
        return g.getLayoutBounds().getWidth() + l.getGraphicTextGap();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX <= minX || maxY <= minY ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }
}
