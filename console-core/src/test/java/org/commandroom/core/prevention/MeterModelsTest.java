package org.commandroom.core.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each model on the planted cases of the sample readings (assets/samples/meter-readings/readings.csv): found where
 * planted, not found on the near misses beside them, and the thresholds, as data, move the line.
 */
class MeterModelsTest {

    private static Map<String, List<MeterReading>> sample() throws IOException {
        MeterReadingCsv.Read read = MeterReadingCsv.read(Files.readAllBytes(
                Path.of("..", "assets", "samples", "meter-readings", "readings.csv")));
        assertTrue(read.accepted(), read.problems().toString());
        Map<String, List<MeterReading>> byMeter = new LinkedHashMap<>();
        read.readings().forEach(r -> byMeter.computeIfAbsent(r.meterNo(), k -> new java.util.ArrayList<>()).add(r));
        return byMeter;
    }

    private static List<String> found(MeterModels models, List<MeterReading> readings, HouseKind kind) {
        return models.evaluate(readings, kind).stream().map(f -> f.rule() + " " + f.episodeStart()).toList();
    }

    @Test
    void suddenOccupancyIsFoundAfterFourVacantMonthsNotAfterOne() throws IOException {
        Map<String, List<MeterReading>> s = sample();
        MeterModels m = MeterModels.defaults();
        // 东门路 8号: 0.01 m³ a day from June to October (122 days), then 0.4
        assertEquals(List.of("SUDDEN_OCCUPANCY 2026-10-01"), found(m, s.get("SW1002"), HouseKind.RENTED));
        // 滨江路 66号: empty in August only (31 days < 60), lived in before and after
        assertEquals(List.of(), found(m, s.get("SW1006"), HouseKind.RENTED));
        // a steady household
        assertEquals(List.of(), found(m, s.get("SW1001"), HouseKind.SELF_OCCUPIED));
    }

    @Test
    void goneSilentIsFoundAfterThreeQuietMonthsNotAfterThreeWeeks() throws IOException {
        Map<String, List<MeterReading>> s = sample();
        MeterModels m = MeterModels.defaults();
        // 河坝街 9号: 0.3 a day January to September (243 days), then 0.01 for 91 days
        List<MeterModels.Finding> f = m.evaluate(s.get("SW1003"), HouseKind.SELF_OCCUPIED);
        assertEquals(1, f.size());
        assertEquals(MeterModels.GONE_SILENT, f.get(0).rule());
        assertEquals(LocalDate.of(2026, 9, 1), f.get(0).episodeStart());
        assertEquals(91, f.get(0).daysNow());
        assertEquals(0.3, f.get(0).rateBefore(), 0.005);
        // the evidence: the newest readings (at most 12), ending with the last
        assertEquals(LocalDate.of(2026, 12, 1), f.get(0).evidence().get(f.get(0).evidence().size() - 1).readOn());
        assertTrue(f.get(0).evidence().size() <= MeterModels.EVIDENCE_READINGS);
        // 河坝街 21号: silent since 10 November only (21 days < 45)
        assertEquals(List.of(), found(m, s.get("SW1007"), HouseKind.RENTED));
    }

    @Test
    void groupRentingIsFoundForTwelvePeoplesWaterNotForSevenNorForAHouseAlreadyGroupRented() throws IOException {
        Map<String, List<MeterReading>> s = sample();
        MeterModels m = MeterModels.defaults();
        // 东门路 15号: 1.5 m³ a day all year = 12.5 people at 0.12 (≥ 8)
        List<MeterModels.Finding> f = m.evaluate(s.get("SW1004"), HouseKind.RENTED);
        assertEquals(List.of("GROUP_RENTING 2026-01-01"), f.stream().map(x -> x.rule() + " " + x.episodeStart()).toList());
        assertEquals(1.5, f.get(0).rateNow(), 0.01);
        // 东门路 4号: 0.9 a day = 7.5 people: not
        assertEquals(List.of(), found(m, s.get("SW1008"), HouseKind.SELF_OCCUPIED));
        // 河坝街 27号 uses 1.8 a day but is registered as group-rented already
        assertEquals(List.of(), found(m, s.get("SW1005"), HouseKind.GROUP_RENTED));
        // 城东加油站 uses 3 a day: a key unit, not a flat, the models do not read it
        assertEquals(List.of(), found(m, s.get("SW1009"), HouseKind.KEY_UNIT));
    }

    @Test
    void theThresholdsAreDataAndMoveTheLine() throws IOException {
        Map<String, List<MeterReading>> s = sample();
        Map<String, MeterModels.Rule> rules = new HashMap<>();
        MeterModels.defaults().rules().forEach(r -> rules.put(r.code(), r));
        MeterModels.Rule gr = rules.get(MeterModels.GROUP_RENTING);
        rules.put(gr.code(), new MeterModels.Rule(gr.code(), gr.nameZh(), gr.nameEn(), true, 5,
                Map.of("perPersonRate", 0.12, "minPersons", 7.0, "minDays", 28.0)));
        MeterModels.Rule so = rules.get(MeterModels.SUDDEN_OCCUPANCY);
        rules.put(so.code(), new MeterModels.Rule(so.code(), so.nameZh(), so.nameEn(), true, 5,
                Map.of("vacantRate", 0.03, "vacantDays", 30.0, "occupiedRate", 0.15)));
        MeterModels edited = new MeterModels(List.copyOf(rules.values()));
        assertEquals(List.of(), edited.problems());
        assertEquals(List.of("GROUP_RENTING 2026-01-01"), found(edited, s.get("SW1008"), HouseKind.SELF_OCCUPIED),
                "7.5 people reach a line of 7");
        assertEquals(List.of("SUDDEN_OCCUPANCY 2026-09-01"), found(edited, s.get("SW1006"), HouseKind.RENTED),
                "a month empty is enough at 30 days");
        // switched off, a rule finds nothing
        rules.put(gr.code(), new MeterModels.Rule(gr.code(), gr.nameZh(), gr.nameEn(), false, 5, gr.thresholds()));
        assertEquals(List.of(), found(new MeterModels(List.copyOf(rules.values())), s.get("SW1004"), HouseKind.RENTED));
    }

    @Test
    void unusableRulesAreNamed() {
        MeterModels.Rule so = MeterModels.defaults().rule(MeterModels.SUDDEN_OCCUPANCY).orElseThrow();
        MeterModels.Rule gs = MeterModels.defaults().rule(MeterModels.GONE_SILENT).orElseThrow();
        MeterModels bad = new MeterModels(List.of(
                new MeterModels.Rule(so.code(), so.nameZh(), so.nameEn(), true, 5,
                        Map.of("vacantRate", 0.5, "vacantDays", 60.0, "occupiedRate", 0.15)),
                new MeterModels.Rule(gs.code(), gs.nameZh(), gs.nameEn(), true, 0, Map.of("silentDays", 45.0))));
        List<String> p = bad.problems();
        assertTrue(p.contains("rule GROUP_RENTING is missing"), p.toString());
        assertTrue(p.contains("rule GONE_SILENT: feedback days must be 1 to 60"), p.toString());
        assertTrue(p.contains("rule GONE_SILENT: threshold occupiedRate must be a number of 0 or more"), p.toString());
        assertEquals(List.of(), MeterModels.defaults().problems());
    }

    @Test
    void aSingleReadingOrAnUnsortedSeriesIsReadSafely() throws IOException {
        List<MeterReading> s = new java.util.ArrayList<>(sample().get("SW1002"));
        java.util.Collections.reverse(s);
        assertEquals(List.of("SUDDEN_OCCUPANCY 2026-10-01"), found(MeterModels.defaults(), s, HouseKind.RENTED));
        assertEquals(List.of(), found(MeterModels.defaults(), s.subList(0, 1), HouseKind.RENTED));
    }
}
