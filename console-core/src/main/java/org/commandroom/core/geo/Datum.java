package org.commandroom.core.geo;

/**
 * The geodetic datum a coordinate is expressed in. GPS terminals report WGS-84; most Chinese web
 * base maps are drawn in GCJ-02. The two differ by hundreds of metres, so every stored coordinate
 * names its datum.
 */
public enum Datum {
    WGS84,
    GCJ02
}
