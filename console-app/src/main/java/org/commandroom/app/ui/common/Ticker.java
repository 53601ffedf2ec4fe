package org.commandroom.app.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * One once-a-second beat for the whole window, so that the clock, the waiting times and the
 * position ages all move together. Views subscribe while shown and unsubscribe when hidden; the
 * timeline only runs while somebody listens.
 */
public final class Ticker {

    private final Timeline timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private final List<Runnable> subscribers = new ArrayList<>();

    public Ticker() {
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    public void subscribe(Runnable r) {
        subscribers.add(r);
        r.run();
        if (timeline.getStatus() != Animation.Status.RUNNING) {
            timeline.play();
        }
    }

    public void unsubscribe(Runnable r) {
        subscribers.remove(r);
        if (subscribers.isEmpty()) {
            timeline.stop();
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private void tick() {
        for (Runnable r : List.copyOf(subscribers)) {
            r.run();
        }
    }

}
