package org.commandroom.app.ui.units;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.commandroom.core.unit.UnitBoardEntry;

/** One line of the unit board: the unit, the age of its last position and whether that is stale. */
public final class UnitRow {

    private final ReadOnlyObjectWrapper<UnitBoardEntry> entry = new ReadOnlyObjectWrapper<>(this, "entry");
    private final ReadOnlyObjectWrapper<Duration> positionAge = new ReadOnlyObjectWrapper<>(this, "positionAge");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");

    UnitRow(UnitBoardEntry e, Instant now, Duration staleAfter) {
        update(e, now, staleAfter);
    }

    void update(UnitBoardEntry e, Instant now, Duration staleAfter) {
        entry.set(e);
        tick(now, staleAfter);
    }

    /** A unit that never reported a position counts as stale too: the board cannot vouch for it. */
    void tick(Instant now, Duration staleAfter) {
        Duration age = entry.get().positionAgeAt(now);
        positionAge.set(age);
        stale.set(age == null || age.compareTo(staleAfter) > 0);
    }

    public UnitBoardEntry getEntry() {
        return entry.get();
    }

    public ReadOnlyObjectProperty<UnitBoardEntry> entryProperty() {
        return entry.getReadOnlyProperty();
    }

    public Duration getPositionAge() {
        return positionAge.get();
    }

    public ReadOnlyObjectProperty<Duration> positionAgeProperty() {
        return positionAge.getReadOnlyProperty();
    }

    public boolean isStale() {
        return stale.get();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }
}
