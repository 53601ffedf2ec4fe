package org.commandroom.core.live;

public enum ChangeOp {
    INSERT,
    UPDATE,
    DELETE
}
