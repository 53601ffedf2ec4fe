package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.commandroom.core.incident.IncidentType;
import org.junit.jupiter.api.Test;

/** The trace's formula in words, in Chinese and English, for every computed indicator of the default definition. */
class FormulaTextTest {

    @Test
    void everyTypeStatusAndOrderKindHasAChineseName() {
        assertEquals(Set.of(), FormulaText.missingNames());
    }

    @Test
    void everyComputedIndicatorHasItsFormulaInBothLanguagesWithoutEnumNamesInTheChinese() {
        for (IndicatorDef d : IndexDefinitions.withDefault().current().indicators()) {
            if (d.isManual()) {
                continue;
            }
            FormulaText.Text t = FormulaText.of(d.computation());
            assertTrue(t.zh().startsWith("原始值 = "), d.id() + ": " + t.zh());
            assertTrue(t.en().startsWith("raw = "), d.id() + ": " + t.en());
            assertFalse(t.zh().matches(".*[A-Z]{2,}.*"), d.id() + " names an enum in Chinese: " + t.zh());
        }
    }

    @Test
    void wholeCategoriesAreNamedAsCategoriesAndTheRestOneByOne() {
        Set<IncidentType> types = Set.of(IncidentType.FAMILY_DISPUTE, IncidentType.NEIGHBOUR_DISPUTE, IncidentType.LABOUR_DISPUTE,
                IncidentType.CONSUMER_DISPUTE, IncidentType.ASSAULT, IncidentType.ROBBERY);
        assertEquals("【纠纷类、抢劫、伤害】", FormulaText.typesZh(types));
        assertEquals("[all DISPUTE, ROBBERY, ASSAULT]", FormulaText.typesEn(types));
    }
}
