package org.commandroom.core.intake;

/** What an incident shares with an earlier one: 一人多警 (the caller) or 一事多警 (the address or the place). */
public enum RepeatReason {
    /** The same caller number. */
    CALLER,
    /** The same address text (after {@link AddressText#clean}). */
    ADDRESS,
    /** A position within the rule's radius. */
    NEARBY
}
