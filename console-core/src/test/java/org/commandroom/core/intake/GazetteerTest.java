package org.commandroom.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.commandroom.core.geo.GeoPoint;
import org.junit.jupiter.api.Test;

/** Searching the in-memory gazetteer: matching, ranking and folding. */
class GazetteerTest {

    private static final GeoPoint P = GeoPoint.wgs84(29.21, 103.71);

    private static Place place(PlaceKind kind, String name, int uses) {
        return new Place(kind, name, P, null, uses);
    }

    private static List<String> names(List<Place> places) {
        return places.stream().map(Place::name).toList();
    }

    @Test
    void theWholeNameBeatsAPrefixWhichBeatsAMatchInside() {
        Gazetteer g = Gazetteer.of(List.of(
                place(PlaceKind.INCIDENT_ADDRESS, "城关镇南关路12号", 5),
                place(PlaceKind.INCIDENT_ADDRESS, "南关路12号附近", 1),
                place(PlaceKind.INCIDENT_ADDRESS, "南关路", 0)));
        assertEquals(List.of("南关路", "南关路12号附近", "城关镇南关路12号"), names(g.search("南关路", 10)));
    }

    @Test
    void amongEqualMatchesNamedPlacesComeBeforeAddressesSeenInCallsThenTheMostUsed() {
        Gazetteer g = Gazetteer.of(List.of(
                place(PlaceKind.INCIDENT_ADDRESS, "南关小区3栋", 2),
                place(PlaceKind.INCIDENT_ADDRESS, "南关小区5栋", 9),
                place(PlaceKind.KEY_PLACE, "南关小学", 0),
                place(PlaceKind.COMMUNITY, "南关社区", 0)));
        assertEquals(List.of("南关小学", "南关社区", "南关小区5栋", "南关小区3栋"), names(g.search("南关", 10)));
    }

    @Test
    void everyWordMustOccurAndTheFirstWordDecidesTheRank() {
        Gazetteer g = Gazetteer.of(List.of(
                place(PlaceKind.INCIDENT_ADDRESS, "南关小区3栋2单元", 0),
                place(PlaceKind.INCIDENT_ADDRESS, "南关小区5栋", 0),
                place(PlaceKind.INCIDENT_ADDRESS, "北关小区3栋", 0)));
        assertEquals(List.of("南关小区3栋2单元"), names(g.search("南关 3栋", 10)));
        assertEquals(List.of("北关小区3栋", "南关小区3栋2单元"), names(g.search("3栋", 10)).stream().sorted().toList());
    }

    @Test
    void fullWidthDigitsSpacesAndCaseDoNotMatter() {
        Gazetteer g = Gazetteer.of(List.of(place(PlaceKind.KEY_PLACE, "ＫＦＣ南关店 ２号门", 0)));
        assertEquals(1, g.search("kfc南关店2号门", 5).size());
        assertTrue(g.exact(" KFC 南关店2号门 ").isPresent());
        assertTrue(g.exact("KFC南关店").isEmpty());
    }

    @Test
    void aOneCharacterQueryScansAndABlankQueryFindsNothing() {
        Gazetteer g = Gazetteer.of(List.of(place(PlaceKind.STREET, "城关街道", 0), place(PlaceKind.STREET, "东城街道", 0)));
        assertEquals(2, g.search("城", 10).size());
        assertEquals(List.of(), g.search("   ", 10));
        assertEquals(1, g.search("城", 1).size());
    }

    @Test
    void theCharacterPairIndexFindsExactlyWhatAScanFinds() {
        List<Place> many = new ArrayList<>();
        String[] roads = {"南关路", "北关路", "环城北路", "滨河路", "嘉州大道", "文庙街"};
        for (int i = 0; i < 3000; i++) {
            many.add(place(PlaceKind.INCIDENT_ADDRESS, roads[i % roads.length] + (i / roads.length) + "号", i % 7));
        }
        Gazetteer g = Gazetteer.of(many);
        for (String q : List.of("关路1", "城北", "12号", "路 2", "大道3")) {
            String[] words = Gazetteer.words(q);
            long expected = many.stream().filter(p -> {
                String k = AddressText.key(p.name());
                for (String w : words) {
                    if (!k.contains(w)) {
                        return false;
                    }
                }
                return true;
            }).count();
            assertEquals(expected, g.search(q, Integer.MAX_VALUE).size(), q);
        }
    }
}
