package org.commandroom.app.ui.main;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.Entity;
import org.commandroom.core.roster.DutyRoster;
import org.commandroom.core.roster.RosterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is on duty in the command room by its roster (值班长, 指挥长), for the desk's title bar: a commander who signs in
 * for a colleague, or a leader walking past, reads it at a glance. It is read off the FX thread when the desk opens,
 * again at the shift change, after an edit of the roster at any workstation (the change feed) and once a minute.
 * A read that fails keeps the last line: the title is not where an outage is reported (the status bar is).
 */
public final class DutyLine {

    private static final Logger LOG = LoggerFactory.getLogger(DutyLine.class);
    static final Duration REREAD = Duration.ofMinutes(1);

    private final DutyRoster roster;
    private final Tasks tasks;
    private final Clock clock;
    private final I18n i18n;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private Instant readAt;
    private Instant changesAt;
    private boolean reading;

    public DutyLine(DutyRoster roster, Tasks tasks, Clock clock, I18n i18n) {
        this.roster = Objects.requireNonNull(roster, "roster");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /** Follows edits of the roster made anywhere; call on the FX thread. */
    public DutyLine follow(ChangeFeed feed) {
        if (feed != null) {
            feed.addListener(changes -> tasks.fx(() -> onChanges(changes)));
        }
        return this;
    }

    private void onChanges(List<Change> changes) {
        if (changes.stream().anyMatch(c -> c.entity() == Entity.ROSTER)) {
            refresh();
        }
    }

    /** The line, empty until first read. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Called each second on the FX thread: reads again at the shift change and every minute. */
    public void tick() {
        Instant now = clock.instant();
        boolean shiftChanged = changesAt != null && !now.isBefore(changesAt);
        boolean due = readAt == null || !now.isBefore(readAt.plus(REREAD));
        if (shiftChanged || due) {
            refresh();
        }
    }

    /** Reads the roster now, off the FX thread. */
    public void refresh() {
        if (reading) {
            return;
        }
        reading = true;
        Instant now = clock.instant();
        readAt = now;
        tasks.run(() -> roster.standing(null, now), duty -> {
            reading = false;
            changesAt = duty.changesAt();
            text.set(describe(duty.shift()));
        }, e -> {
            reading = false;
            LOG.warn("The duty roster could not be read for the title bar: {}", Tasks.rootMessage(e));
        });
    }

    String describe(Optional<RosterService.Shift> shift) {
        if (shift.isEmpty()) {
            return i18n.tr("desk.duty.noRoster");
        }
        RosterService.Shift s = shift.get();
        return s.leader() == null
                ? i18n.tr("desk.duty.commanders", s.commanderNames())
                : i18n.tr("desk.duty.withLeader", s.commanderNames(), s.leader().name());
    }
}
