package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios' English texts: read for an English console, every bundled scenario's callers, what they say, the
 * injected events, the description and the answer key's competences are English (addresses stay the county's place
 * names); read for Chinese, nothing changes; a scenario with some English must have it all (the missing one named by
 * its line); a drill played in English records its calls in English.
 */
class ScenarioEnglishTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @TempDir
    java.nio.file.Path dataDir;

    /** Every text a trainee reads, but the addresses (place names of the county, in Chinese as on the map). */
    private static List<String> texts(Scenario s) {
        List<String> out = new ArrayList<>();
        out.add(s.name(Locale.ENGLISH));
        out.add(s.description());
        for (Scenario.Entry e : concat(s.timeline(), s.injectable())) {
            if (e instanceof Scenario.Call c) {
                out.add(c.says());
                if (c.caller() != null) {
                    out.add(c.caller());
                }
                c.earlier().forEach(x -> out.add(x.says()));
            } else if (e instanceof Scenario.Inject i) {
                out.add(i.says());
            }
        }
        s.answerKey().expected().forEach(x -> out.add(x.competence()));
        return out;
    }

    private static List<Scenario.Entry> concat(List<Scenario.Entry> a, List<Scenario.Entry> b) {
        List<Scenario.Entry> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void everyBundledScenarioReadsInEnglishForAnEnglishConsoleAndInChineseOtherwise() throws Exception {
        ScenarioLoader english = new ScenarioLoader(Locale.ENGLISH);
        ScenarioLoader chinese = new ScenarioLoader(Locale.ROOT);
        for (String file : ScenarioLoader.BUNDLED_FILES) {
            Scenario en = english.bundled(file);
            assertTrue(en.english(), file);
            for (String t : texts(en)) {
                assertFalse(HAN.matcher(t).find(), file + ": not English: " + t);
            }
            Scenario zh = chinese.bundled(file);
            assertFalse(zh.english(), file);
            for (String t : texts(zh).subList(1, texts(zh).size())) {
                assertTrue(HAN.matcher(t).find(), file + ": not Chinese: " + t);
            }
            assertEquals(zh.answerKey().maxPoints(), en.answerKey().maxPoints(), "the same drill");
            assertEquals(zh.timeline().size(), en.timeline().size());
        }
        Scenario.Call chen = (Scenario.Call) english.bundled("family-dispute-repeat.yaml").event("chen").orElseThrow();
        assertEquals("Ms Chen", chen.caller());
        assertEquals("桂花社区幸福路18号3单元", chen.address(), "the place name stays the county's");
    }

    @Test
    void aScenarioWithSomeEnglishMustHaveItAllAndTheMissingOneIsNamedByItsLine() throws Exception {
        String text = ScenarioLoaderTest.bundledText("family-dispute-repeat.yaml");
        String without = text.replaceFirst("\n\\s*saysEn: \"The loudspeakers[^\n]*", "");
        int line = ScenarioLoaderTest.lineOf(without, "      says: 夜市的音响开得太大，吵得睡不着。");
        ScenarioInvalid e = assertThrows(ScenarioInvalid.class, () -> new ScenarioLoader().parse("x.yaml", without));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals("/timeline/2/call/says", e.field());
        assertTrue(e.reason().contains("saysEn"), e.reason());
        // a scenario with no English text beyond its name is fine (read in Chinese for every console)
        String chineseOnly = text.replaceAll("(?m)^\\s*(saysEn|callerEn): .*\n", "")
                .replaceAll(", (saysEn|callerEn|competenceEn): \"[^\"]*\"", "")
                .replaceAll("(?s)descriptionEn: >-\n  [^\n]*\n", "");
        Scenario s = new ScenarioLoader(Locale.ENGLISH).parse("y.yaml", chineseOnly);
        assertFalse(s.english());
        assertEquals("报警人陈女士称：x", s.said("陈女士", "x"));
    }

    @Test
    void aDrillPlayedInEnglishRecordsItsCallsAndScoresItsCompetencesInEnglish() throws Exception {
        Scenario s = new ScenarioLoader(Locale.ENGLISH).bundled("family-dispute-repeat.yaml");
        try (DrillSession drill = DrillSession.create(s, dataDir, ScriptedTrainee.NAME, DrillSessionTest.BACKGROUND)) {
            drill.advanceTo(Duration.ofSeconds(30));
            assertEquals("Caller Ms Chen: My husband has been drinking again, he is shouting and smashing things at home, "
                    + "the children are terrified.", drill.incidentOf("chen").orElseThrow().description());
            DrillEvent call = drill.events().stream().filter(e -> "chen".equals(e.eventId())).findFirst().orElseThrow();
            assertTrue(call.text().endsWith("桂花社区幸福路18号3单元: My husband has been drinking again, he is shouting and "
                    + "smashing things at home, the children are terrified."), call.text());
            assertTrue(drill.callResult("chen").orElseThrow().repeat().flagged(), "the earlier calls count as in Chinese");
            assertEquals(java.util.Set.of("Dispatch on time", "Repeat calls"), drill.score().byCompetence().keySet());
        }
    }
}
