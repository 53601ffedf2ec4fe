package org.commandroom.app.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Runs an action after the layout pass of the pulse in which it was requested, however often it was requested:
 * for changes that must not be made inside a layout pass (hiding table columns there leaves rows with their
 * cells under the wrong headers) and that follow sizes known only after it. Listens on the node's scene for as
 * long as the node is in one.
 */
public final class AfterLayout {

    private final Runnable action;
    private final Runnable pulse = this::onPulse;
    private boolean requested;

    public AfterLayout(Node node, Runnable action) {
        this.action = action;
        if (node.getScene() != null) {
            node.getScene().addPostLayoutPulseListener(pulse);
        }
        node.sceneProperty().addListener((o, was, is) -> move(was, is));
    }

    private void move(Scene was, Scene is) {
        if (was != null) {
            was.removePostLayoutPulseListener(pulse);
        }
        if (is != null) {
            is.addPostLayoutPulseListener(pulse);
        }
    }

    /** The action runs after the next layout pass. */
    public void request() {
        requested = true;
    }

    private void onPulse() {
        if (requested) {
            requested = false;
            action.run();
        }
    }
}
