package org.commandroom.app.ui.map;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.core.geo.GeoPoint;

/**
 * "Pick on the map" for a form: {@link #KEY} anywhere in the form, or the button beside its position field,
 * asks the window's map for a point ({@link MapPointPick}); the map takes the keyboard, and once the point is
 * clicked (or found with the search box, or Esc pressed) the keyboard goes back to the field that had it.
 * A form that is closed while the map waits abandons the request.
 */
public final class PickOnMapAction {

    /** The key that starts picking from a form. */
    public static final KeyCode KEY = KeyCode.F7;

    private final Parent form;
    private final Node fallbackFocus;
    private final I18n i18n;
    private final Consumer<GeoPoint> onPicked;
    private final Runnable unavailable;
    private final Button button = new Button();
    private MapPointPick pending;
    private Node returnTo;

    /**
     * @param form          the form's root (the key works anywhere in it)
     * @param fallbackFocus where the keyboard goes back to when the pick started from the button
     * @param onPicked      the point picked, in the map's datum
     * @param unavailable   called when no map could take the request (not shown, or still loading)
     */
    public PickOnMapAction(Parent form, Node fallbackFocus, I18n i18n, Consumer<GeoPoint> onPicked, Runnable unavailable) {
        this.form = form;
        this.fallbackFocus = fallbackFocus;
        this.i18n = i18n;
        this.onPicked = onPicked;
        this.unavailable = unavailable;
        button.getStyleClass().add("pick-on-map");
        button.setFocusTraversable(false);
        button.setOnAction(e -> start());
        showIdle();
        form.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KEY && !e.isShortcutDown() && !e.isAltDown()) {
                start();
                e.consume();
            }
        });
        Lifecycle.whileShowing(form, () -> { }, this::abandon);
    }

    /** Asks the map for a point; the keyboard returns to the field that has it now. */
    public void start() {
        abandon();
        Node owner = form.getScene() == null ? null : form.getScene().getFocusOwner();
        returnTo = owner != null && isInForm(owner) ? owner : fallbackFocus;
        pending = MapPointPick.ask(form, point -> {
            finish();
            onPicked.accept(point);
        }, this::finish).orElse(null);
        if (pending == null) {
            unavailable.run();
        } else {
            button.setText(i18n.tr("map.pick.waiting"));
            button.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("picking"), true);
        }
    }

    /** Whether the map is waiting for this form's point. */
    public boolean picking() {
        return pending != null;
    }

    public Button button() {
        return button;
    }

    private void finish() {
        pending = null;
        showIdle();
        if (returnTo != null && returnTo.getScene() != null) {
            returnTo.requestFocus();
        }
    }

    private void abandon() {
        if (pending != null) {
            MapPointPick p = pending;
            pending = null;
            p.abandon();
            showIdle();
        }
    }

    private void showIdle() {
        button.setText(i18n.tr("map.pick.button"));
        button.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("picking"), false);
    }

    private boolean isInForm(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == form) {
                return true;
            }
        }
        return false;
    }
}
