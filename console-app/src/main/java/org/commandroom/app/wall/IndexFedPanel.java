package org.commandroom.app.wall;

import java.time.Duration;
import java.util.Set;
import org.commandroom.core.live.Entity;

/**
 * A panel drawn from the prevention index: the index is recomputed in the background a few times an hour, so
 * such a panel refreshes every 5 minutes and on every index change, and says its age after 15 minutes.
 */
abstract class IndexFedPanel<T> extends WallPanel<T> {

    IndexFedPanel(WallUi ui, PanelKind kind) {
        super(ui, kind);
    }

    @Override
    protected Duration refreshEvery() {
        return Duration.ofMinutes(5);
    }

    @Override
    protected Duration staleAfter() {
        return Duration.ofMinutes(15);
    }

    @Override
    protected Set<Entity> follows() {
        return Set.of(Entity.INDEX);
    }
}
