package org.commandroom.app.ui.map;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.commandroom.core.geo.GeoPoint;

/**
 * One request from a form (the intake form, the task order form) for a point on the map. The form fires
 * {@link Request} at one of its nodes; the event travels up to the scene, where the map pane of the same
 * window handles it (it listens while it is shown), enters its picking mode and {@link #take takes} the
 * request. The map then answers once: {@link #picked} with the point (in the map's datum), or
 * {@link #cancelled} (Esc). A form that goes away first {@link #abandon abandons} the request, and the map
 * leaves its picking mode without calling back. Nothing here is static: no map in the window, no answer.
 */
public final class MapPointPick {

    /** The event a form fires to ask for a point. */
    public static final EventType<Request> REQUESTED = new EventType<>(Event.ANY, "MAP_POINT_PICK");

    /** Asks the map of the window for a point; copies made by event dispatch share the one request. */
    public static final class Request extends Event {
        private final transient MapPointPick pick;

        Request(MapPointPick pick) {
            super(REQUESTED);
            this.pick = pick;
        }

        public MapPointPick pick() {
            return pick;
        }
    }

    private final Consumer<GeoPoint> onPicked;
    private final Runnable onCancelled;
    private Runnable abort;
    private boolean over;

    MapPointPick(Consumer<GeoPoint> onPicked, Runnable onCancelled) {
        this.onPicked = Objects.requireNonNull(onPicked, "onPicked");
        this.onCancelled = Objects.requireNonNull(onCancelled, "onCancelled");
    }

    /**
     * Asks the map of {@code from}'s window for a point (FX thread).
     *
     * @return the request, or empty when no map took it (none shown, or not loaded yet)
     */
    public static Optional<MapPointPick> ask(Node from, Consumer<GeoPoint> onPicked, Runnable onCancelled) {
        MapPointPick pick = new MapPointPick(onPicked, onCancelled);
        Scene scene = from.getScene();
        if (scene != null) {
            Event.fireEvent(from, new Request(pick));
        }
        return pick.abort == null ? Optional.empty() : Optional.of(pick);
    }

    /** The map takes the request; {@code leavePickMode} ends its picking mode without an answer. */
    public void take(Runnable leavePickMode) {
        this.abort = Objects.requireNonNull(leavePickMode, "leavePickMode");
    }

    /** The map's answer: the point clicked or found (any datum). Only the first answer counts. */
    public void picked(GeoPoint point) {
        if (!over) {
            over = true;
            onPicked.accept(point);
        }
    }

    /** The map's answer: the commander cancelled (Esc), or another request replaced this one. */
    public void cancelled() {
        if (!over) {
            over = true;
            onCancelled.run();
        }
    }

    /** The form no longer wants a point (it was closed): the map leaves its picking mode, nobody is called back. */
    public void abandon() {
        if (!over) {
            over = true;
            if (abort != null) {
                abort.run();
            }
        }
    }

    /** Whether the request was answered or abandoned. */
    public boolean isOver() {
        return over;
    }
}
