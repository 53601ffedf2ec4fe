package org.commandroom.core.index;

/** What a score is about: a police station (派出所), a street police post (警务站) or the whole bureau. */
public enum ScopeKind {
    STATION,
    STREET_POST,
    BUREAU
}
