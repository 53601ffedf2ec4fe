package org.commandroom.core.search;

/** What a search hit is; the order here is the order of equally good hits in a result list. */
public enum FeatureKind {
    INCIDENT,
    UNIT,
    CAMERA,
    POLICE_GRID,
    COMMUNITY,
    KEY_PLACE,
    /** A street address, from a gazetteer plugged in as another {@link SearchSource}. */
    ADDRESS
}
