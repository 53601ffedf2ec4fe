package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Points, capabilities, index and veto under the default definition, without a database. */
class ScorerTest {

    private final IndexDefinition def = IndexDefinitions.readDefault();
    private final Bands bands = def.bands();

    @Test
    void pointsAreInterpolatedBetweenThresholdsInBothDirections() {
        Thresholds lower = new Thresholds(2, 8, 20);
        assertEquals(100, bands.points(0, lower, Direction.LOWER_IS_BETTER), 1e-9);
        assertEquals(100, bands.points(2, lower, Direction.LOWER_IS_BETTER), 1e-9);
        assertEquals(80, bands.points(5, lower, Direction.LOWER_IS_BETTER), 1e-9);
        assertEquals(60, bands.points(8, lower, Direction.LOWER_IS_BETTER), 1e-9);
        assertEquals(30, bands.points(14, lower, Direction.LOWER_IS_BETTER), 1e-9);
        assertEquals(0, bands.points(25, lower, Direction.LOWER_IS_BETTER), 1e-9);
        Thresholds higher = new Thresholds(90, 75, 50);
        assertEquals(100, bands.points(95, higher, Direction.HIGHER_IS_BETTER), 1e-9);
        assertEquals(80, bands.points(82.5, higher, Direction.HIGHER_IS_BETTER), 1e-9);
        assertEquals(36, bands.points(65, higher, Direction.HIGHER_IS_BETTER), 1e-9);
        assertEquals(0, bands.points(40, higher, Direction.HIGHER_IS_BETTER), 1e-9);
    }

    @Test
    void indicatorsWithoutDataAreLeftOutAndAVetoCapsTheIndex() {
        Map<String, double[]> in = new HashMap<>();
        in.put("I01", new double[] {100, 2});   // 50 per 10,000 → 100
        in.put("I02", new double[] {16, 2});    // 8 → 60
        in.put("I40", new double[] {95, 1});    // 95 % → 100
        ScopeResult r = Scorer.score(def, Scope.bureau(1), Period.month(2026, 10), in);
        // INCIDENTS = (20×100 + 15×60) / 35 = 82.86; CO_GOVERNANCE = 100; index = (20×82.86 + 10×100) / 30 = 88.57
        assertEquals(82.86, r.capabilities().get("INCIDENTS"), 1e-9);
        assertEquals(100, r.capabilities().get("CO_GOVERNANCE"), 1e-9);
        assertNull(r.capabilities().get("CASES"));
        assertEquals(88.57, r.index(), 1e-9);
        assertNull(r.vetoedBy());

        in.put("I24", new double[] {2, 1});     // two deaths: 30 points (between pass 1 and fail 3), and a veto
        ScopeResult vetoed = Scorer.score(def, Scope.bureau(1), Period.month(2026, 10), in);
        assertEquals("I24", vetoed.vetoedBy());
        assertEquals(60, vetoed.index(), 1e-9);
        assertEquals(73.93, vetoed.uncappedIndex(), 1e-9, "(20×82.86 + 10×30 + 10×100) / 40");
    }

    @Test
    void formulas() {
        assertEquals(-50.0, ComputationKind.Formula.CHANGE.apply(1, 2));
        assertEquals(25.0, ComputationKind.Formula.PERCENT.apply(1, 4));
        assertNull(ComputationKind.Formula.RATIO.apply(3, 0));
    }
}
