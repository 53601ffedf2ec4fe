package org.commandroom.core.dispatch;

import org.commandroom.core.store.ConcurrentChangeException;

/**
 * A dispatch that was not made, and why. Nothing was written. {@link #what()} says which: another workstation
 * assigned the unit or changed the incident after this one read them (a lost race), or the unit or officer
 * already holds an open dispatch order for this incident (a second Enter, or two workstations sending the same
 * unit). {@link #name()} names the unit, officer or incident and {@link #nowStatus()} says where it stands now;
 * for {@link What#ALREADY_DISPATCHED}, {@link #orderNo()} names the open order and {@code nowStatus} is its status.
 */
public final class DispatchConflict extends ConcurrentChangeException {

    private static final long serialVersionUID = 1L;

    /** What changed under the commander's feet. */
    public enum What { UNIT, INCIDENT, ALREADY_DISPATCHED }

    private final What what;
    private final String name;
    private final String nowStatus;
    private final String orderNo;

    public DispatchConflict(What what, long id, String name, String nowStatus) {
        this(what, id, name, nowStatus, null);
    }

    private DispatchConflict(What what, long id, String name, String nowStatus, String orderNo) {
        super(what == What.INCIDENT ? "incident" : what == What.UNIT ? "unit" : "order", id);
        this.what = what;
        this.name = name;
        this.nowStatus = nowStatus;
        this.orderNo = orderNo;
    }

    /** {@code label} (call sign or officer) already has {@code open}, a dispatch order for this incident not closed. */
    public static DispatchConflict alreadyDispatched(String label, Order open) {
        return new DispatchConflict(What.ALREADY_DISPATCHED, open.id(), label, open.status().name(), open.orderNo());
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

    /** The open order already sent, for {@link What#ALREADY_DISPATCHED}; else null. */
    public String orderNo() {
        return orderNo;
    }

    @Override
    public String getMessage() {
        return switch (what) {
            case UNIT -> "unit " + name + " was assigned by another workstation first (now " + nowStatus
                    + "); nothing was written, choose another unit";
            case INCIDENT -> "incident " + name + " was changed by another workstation (now " + nowStatus
                    + "); nothing was written, look at it again";
            case ALREADY_DISPATCHED -> name + " already has order " + orderNo + " (" + nowStatus
                    + ") for this incident; nothing was written";
        };
    }
}
