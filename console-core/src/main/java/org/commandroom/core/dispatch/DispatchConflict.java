package org.commandroom.core.dispatch;

import org.commandroom.core.store.ConcurrentChangeException;

/**
 * A dispatch lost a race: another workstation assigned the unit, or changed the incident, after this one
 * read them. Nothing was written. {@link #what()} says which, {@link #name()} names it (call sign or
 * incident number) and {@link #nowStatus()} says where it stands now, so the commander can choose again.
 */
public final class DispatchConflict extends ConcurrentChangeException {

    private static final long serialVersionUID = 1L;

    /** What changed under the commander's feet. */
    public enum What { UNIT, INCIDENT }

    private final What what;
    private final String name;
    private final String nowStatus;

    public DispatchConflict(What what, long id, String name, String nowStatus) {
        super(what == What.UNIT ? "unit" : "incident", id);
        this.what = what;
        this.name = name;
        this.nowStatus = nowStatus;
    }

    public What what() {
        return what;
    }

    public String name() {
        return name;
    }

    public String nowStatus() {
        return nowStatus;
    }

    @Override
    public String getMessage() {
        return what == What.UNIT
                ? "unit " + name + " was assigned by another workstation first (now " + nowStatus
                        + "); nothing was written, choose another unit"
                : "incident " + name + " was changed by another workstation (now " + nowStatus
                        + "); nothing was written, look at it again";
    }
}
