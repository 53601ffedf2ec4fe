package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

    private final ScenarioLoader loader = new ScenarioLoader();

    static String bundledText(String file) throws IOException {
        try (InputStream in = ScenarioLoaderTest.class.getResourceAsStream(ScenarioLoader.BUNDLED + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyBundledScenarioLoadsAndFitsTwentyMinutes() throws IOException {
        for (String file : ScenarioLoader.BUNDLED_FILES) {
            Scenario s = loader.bundled(file);
            assertTrue(s.duration().compareTo(Duration.ofMinutes(20)) <= 0, file + " lasts " + s.duration());
            assertTrue(s.answerKey().maxPoints() > 0, file);
            assertTrue(s.timeline().stream().anyMatch(e -> e instanceof Scenario.Call), file + " has a call");
        }
    }

    @Test
    void theFamilyDisputeReadsItsCallsEarlierCallsAndAnswerKey() throws IOException {
        Scenario s = loader.bundled("family-dispute-repeat.yaml");
        assertEquals("家庭纠纷重复报警", s.name());
        Scenario.Call chen = (Scenario.Call) s.event("chen").orElseThrow();
        assertEquals(Duration.ofSeconds(30), chen.at());
        assertEquals(2, chen.earlier().size());
        assertEquals("桂花幼儿园", chen.near());
        assertEquals(40, s.answerKey().maxPoints());
        assertEquals(5, s.answerKey().wrongDispatch());
        assertEquals(Scenario.Assignee.GRID_OFFICER, s.answerKey().expected().get(1).assignee());
    }

    @Test
    void aWrongTypeNamesItsLineColumnAndField() throws IOException {
        String text = bundledText("family-dispute-repeat.yaml").replace("type: NOISE", "type: LOUD_MUSIC");
        int line = lineOf(text, "type: LOUD_MUSIC");
        ScenarioInvalid e = assertThrows(ScenarioInvalid.class, () -> loader.parse("x.yaml", text));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.column() > 0);
        assertEquals("/timeline/2/call/type", e.field());
        assertTrue(e.getMessage().startsWith("x.yaml:" + line + ":"), e.getMessage());
    }

    @Test
    void anUnknownFieldNamesTheLineOfItsObject() throws IOException {
        String text = bundledText("family-dispute-repeat.yaml").replace("      caller: 王先生", "      caler: 王先生");
        ScenarioInvalid e = assertThrows(ScenarioInvalid.class, () -> loader.parse("x.yaml", text));
        assertTrue(e.reason().contains("caler"), e.getMessage());
        assertEquals("/timeline/2/call", e.field());
        assertEquals(lineOf(text, "id: noise") - 1, e.line(), e.getMessage());
    }

    @Test
    void anAnswerKeyForAnEventNotOnTheTimelineNamesItsLine() throws IOException {
        String text = bundledText("family-dispute-repeat.yaml").replace("for: noise", "for: nosie");
        ScenarioInvalid e = assertThrows(ScenarioInvalid.class, () -> loader.parse("x.yaml", text));
        assertEquals(lineOf(text, "for: nosie"), e.line(), e.getMessage());
        assertEquals("/answerKey/expected/2/for", e.field());
        assertTrue(e.reason().contains("nosie"));
    }

    @Test
    void brokenYamlNamesItsLine() {
        String text = "format: commandroom-drill/1\nid: x\nname: [unclosed\ncounty: {}\n";
        ScenarioInvalid e = assertThrows(ScenarioInvalid.class, () -> loader.parse("broken.yaml", text));
        assertTrue(e.line() >= 3, e.getMessage());
        assertTrue(e.reason().startsWith("not readable as YAML"), e.getMessage());
    }

    @Test
    void aTimeAfterTheEndAndAnUnknownVersionAreRefused() throws IOException {
        String late = bundledText("family-dispute-repeat.yaml").replace("at: \"06:00\"", "at: \"26:00\"");
        ScenarioInvalid e = assertThrows(ScenarioInvalid.class, () -> loader.parse("x.yaml", late));
        assertEquals(lineOf(late, "at: \"26:00\""), e.line(), e.getMessage());
        String v2 = bundledText("family-dispute-repeat.yaml").replace("commandroom-drill/1", "commandroom-drill/2");
        ScenarioInvalid e2 = assertThrows(ScenarioInvalid.class, () -> loader.parse("x.yaml", v2));
        assertEquals("/format", e2.field());
        assertEquals(lineOf(v2, "format:"), e2.line());
    }

    @Test
    void offsetsReadAndWriteMinutesAndHours() {
        assertEquals(Duration.ofSeconds(90), ScenarioLoader.offset("01:30"));
        assertEquals(Duration.ofSeconds(3725), ScenarioLoader.offset("1:02:05"));
        assertEquals("01:30", ScenarioLoader.format(Duration.ofSeconds(90)));
        assertEquals("1:02:05", ScenarioLoader.format(Duration.ofSeconds(3725)));
    }

    static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + fragment);
    }

    @Test
    void injectableEventsAreReadApartFromTheTimelineAndTheAnswerKeyMayNameThem() throws IOException {
        Scenario s = loader.bundled("night-market-brawl.yaml");
        assertEquals(1, s.injectable().size());
        Scenario.Call fight = (Scenario.Call) s.injectableEvent("second-fight").orElseThrow();
        assertEquals("沐溪夜市", fight.address());
        assertEquals(Duration.ZERO, fight.at());
        assertTrue(s.isInjectable("second-fight"));
        assertTrue(s.event("second-fight").isEmpty(), "not on the timeline");
        assertTrue(s.answerKey().expected().stream().anyMatch(x -> x.forId().equals("second-fight")));
        assertEquals("A night-market brawl with a crowd gathering", s.name(java.util.Locale.ENGLISH));
        assertEquals("夜市斗殴人群聚集", s.name(java.util.Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void anInjectableWithATimeOrAnIdOfTheTimelineNamesItsLine() throws IOException {
        String text = bundledText("night-market-brawl.yaml");
        String timed = text.replace("  - call:\n      id: second-fight", "  - at: \"05:00\"\n    call:\n      id: second-fight");
        ScenarioInvalid e = assertThrows(ScenarioInvalid.class, () -> loader.parse("x.yaml", timed));
        assertTrue(e.field().startsWith("/injectable/0"), e.getMessage());
        assertEquals(lineOf(timed, "  - at: \"05:00\""), e.line(), e.getMessage());
        String twice = text.replace("id: second-fight\n", "id: crowd\n");
        ScenarioInvalid d = assertThrows(ScenarioInvalid.class, () -> loader.parse("x.yaml", twice));
        assertEquals("/injectable/0/call/id", d.field(), d.getMessage());
        assertEquals(lineOf(twice, "caller: 夜市保安刘先生") - 1, d.line(), d.getMessage());
    }
}
