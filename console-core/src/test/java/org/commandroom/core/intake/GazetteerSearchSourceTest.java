package org.commandroom.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.search.FeatureKind;
import org.commandroom.core.search.FeatureSearch;
import org.commandroom.core.search.SearchHit;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The map's search box finds the gazetteer's addresses, offices and streets, but not what the feature index has. */
class GazetteerSearchSourceTest {

    private final IntakeFixture fx = new IntakeFixture(TestDatabases.h2());
    private final GazetteerSearchSource source = new GazetteerSearchSource(fx.gazetteer);

    @AfterEach
    void close() {
        fx.db.close();
    }

    @Test
    void anAddressCalledInBeforeAnOfficeAndAStreetAreFoundAsAddressesWithTheirPlace() {
        fx.intake.record(CallReport.of(null, "南关菜市场后门", IntakeFixture.IN_G2, IncidentType.FIGHT, null, null), "t");

        List<SearchHit> market = source.search("菜市场", 10);
        assertEquals(1, market.size(), market.toString());
        SearchHit hit = market.get(0);
        assertEquals(FeatureKind.ADDRESS, hit.kind());
        assertEquals("南关菜市场后门", hit.title());
        assertEquals(IntakeFixture.IN_G2, hit.position(), "where the call was, datum kept");
        assertEquals("INCIDENT_ADDRESS", hit.tag());
        assertEquals(SearchHit.Match.CONTAINS, hit.match());

        List<String> nanguan = source.search("南关", 10).stream().map(SearchHit::title).toList();
        assertTrue(nanguan.contains("南关社区警务室") && nanguan.contains("南关菜市场后门"), nanguan.toString());
        assertTrue(!nanguan.contains("南关小学") && !nanguan.contains("南关社区"),
                "key places and communities come from the feature index, not twice: " + nanguan);
        assertEquals(SearchHit.Match.EXACT, source.search("城关街道", 5).get(0).match());
        assertEquals("STREET", source.search("城关街道", 5).get(0).tag());
        assertEquals(List.of(), source.search("  ", 5));

        // merged into the map's search like any source
        assertEquals("南关菜市场后门", new FeatureSearch(List.of(source)).search("后门", 5).get(0).title());
    }
}
