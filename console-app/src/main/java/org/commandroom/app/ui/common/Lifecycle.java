package org.commandroom.app.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Calls {@code onShow} when a node becomes part of a showing window and {@code onHide} when it stops
 * being so (removed from the scene, or the window hidden). Views add their listeners in onShow and
 * remove them in onHide: the console runs for days, and a listener left behind is a leak.
 */
public final class Lifecycle {

    private final ObservableValue<Boolean> showing;
    private boolean active;

    private Lifecycle(Node node, Runnable onShow, Runnable onHide) {
        showing = node.sceneProperty()
                .flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty)
                .orElse(false);
        showing.addListener((o, was, is) -> {
            if (is && !active) {
                active = true;
                onShow.run();
            } else if (!is && active) {
                active = false;
                onHide.run();
            }
        });
        if (showing.getValue()) {
            active = true;
            onShow.run();
        }
    }

    public static Lifecycle whileShowing(Node node, Runnable onShow, Runnable onHide) {
        return new Lifecycle(node, onShow, onHide);
    }

    public boolean isActive() {
        return active;
    }
}
