package org.commandroom.core.geo.osm;

import java.util.Map;
import java.util.Set;
import org.commandroom.core.geo.MapLayers.BaseKind;

/**
 * Which OpenStreetMap objects the base map keeps, and as what (docs/LIVE-MAP.md, "A base map from OpenStreetMap").
 * Major roads: motorway, trunk, primary, secondary and their links. Minor roads: tertiary (and link), unclassified,
 * residential, living_street, service, pedestrian, road, track. Foot and cycle paths are left out: in a town they
 * outnumber the streets many times and a patrol car does not use them. Water: rivers, canals, streams and the coast as
 * lines; natural=water, reservoirs, basins and riverbanks as areas (closed ways and multipolygon relations). Place names: city, town, village,
 * suburb, quarter, neighbourhood, hamlet, island and islet, with name:zh before name.
 */
final class OsmTags {

    static final Set<String> MAJOR = Set.of("motorway", "motorway_link", "trunk", "trunk_link", "primary",
            "primary_link", "secondary", "secondary_link");
    static final Set<String> MINOR = Set.of("tertiary", "tertiary_link", "unclassified", "residential",
            "living_street", "service", "pedestrian", "road", "track");
    static final Set<String> WATER_LINES = Set.of("river", "canal", "stream");
    static final Set<String> PLACES = Set.of("city", "town", "village", "suburb", "quarter", "neighbourhood", "hamlet",
            "island", "islet");

    private OsmTags() {
    }

    /** What one way is on the base map: kind, OSM class and whether it is an area; null when it is not kept. */
    record Kept(BaseKind kind, String detail, boolean area) {
    }

    static Kept ofWay(Map<String, String> tags) {
        String highway = tags.get("highway");
        if (highway != null) {
            if (MAJOR.contains(highway)) {
                return new Kept(BaseKind.ROAD_MAJOR, highway, false);
            }
            if (MINOR.contains(highway) && !"yes".equals(tags.get("area"))) {
                return new Kept(BaseKind.ROAD_MINOR, highway, false);
            }
        }
        String waterway = tags.get("waterway");
        if (waterway != null && WATER_LINES.contains(waterway)) {
            return new Kept(BaseKind.WATER, waterway, false);
        }
        String natural = tags.get("natural");
        if ("coastline".equals(natural)) {
            return new Kept(BaseKind.WATER, "coastline", false);
        }
        String landuse = tags.get("landuse");
        if ("water".equals(natural) || "riverbank".equals(waterway) || "reservoir".equals(landuse)
                || "basin".equals(landuse)) {
            return new Kept(BaseKind.WATER, "water", true);
        }
        String place = tags.get("place");
        if (place != null && PLACES.contains(place) && !name(tags).isEmpty()) {
            return new Kept(BaseKind.PLACE, place, true);
        }
        return null;
    }

    private static final Set<String> NOTES = Set.of("source", "note", "fixme", "FIXME", "created_by", "attribution");

    /** A way with no tags but notes: perhaps a member of a multipolygon relation. */
    static boolean untagged(Map<String, String> tags) {
        for (String key : tags.keySet()) {
            if (!NOTES.contains(key) && !key.startsWith("source:")) {
                return false;
            }
        }
        return true;
    }

    /** The place class of a node kept as a name, or null. */
    static String placeOfNode(Map<String, String> tags) {
        String place = tags.get("place");
        return place != null && PLACES.contains(place) && !name(tags).isEmpty() ? place : null;
    }

    /** name:zh, else name, else empty; at most 100 characters (the column). */
    static String name(Map<String, String> tags) {
        String n = tags.getOrDefault("name:zh", "");
        if (n.isBlank()) {
            n = tags.getOrDefault("name", "");
        }
        n = n.strip();
        return n.length() <= 100 ? n : n.substring(0, 100);
    }
}
