package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.commandroom.core.incident.IncidentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The definition file: the default one is complete, and every kind of error is named by indicator and field. */
class DefinitionReaderTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theDefaultDefinitionHasSevenCapabilitiesAndFortyOneIndicators() {
        IndexDefinition d = IndexDefinitions.readDefault();
        assertEquals(7, d.capabilities().size());
        assertEquals(41, d.indicators().size());
        assertEquals(19, d.indicators().stream().filter(i -> !i.isManual()).count()); // I18, I20, I36 from the prevention work (issue 15)
        assertEquals(100.0, d.capabilities().stream().mapToDouble(CapabilityDef::weight).sum(), 1e-9);
        IndicatorDef deaths = d.indicator("I24").orElseThrow();
        assertTrue(deaths.veto());
        assertTrue(deaths.vetoes(1.0));
        assertFalse(deaths.vetoes(0.0));
        IndicatorDef fights = d.indicator("I02").orElseThrow();
        assertEquals(ComputationKind.INCIDENT_RATE, fights.computation().kind());
        assertEquals(java.util.Set.of(IncidentType.FIGHT), fights.computation().types());
        assertEquals(10_000, fights.computation().perResidents());
        // categories expand to their types
        assertTrue(d.indicator("I01").orElseThrow().computation().types().contains(IncidentType.FAMILY_DISPUTE));
        assertFalse(d.indicator("I01").orElseThrow().computation().types().contains(IncidentType.NON_POLICE));
        for (IndicatorDef i : d.manualIndicators()) {
            assertTrue(i.note() != null && !i.note().isBlank(), i.id() + " says why it is manual");
        }
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("missing weight", edit("I07", i -> i.remove("weight")), "indicator I07, field weight: missing"),
                Arguments.of("weight not a number", edit("I07", i -> i.put("weight", "九十")), "indicator I07, field weight: '九十' is not a number"),
                Arguments.of("negative weight", edit("I07", i -> i.put("weight", -1)), "indicator I07, field weight: must be positive"),
                Arguments.of("unknown capability", edit("I03", i -> i.put("capability", "LUCK")), "indicator I03, field capability: no capability 'LUCK'"),
                Arguments.of("duplicate id", edit("I05", i -> i.put("id", "I04")), "indicator I04, field id: appears twice"),
                Arguments.of("bad id", edit("I05", i -> i.put("id", "I 05")), "indicator I 05, field id: 1 to 16 letters"),
                Arguments.of("bad direction", edit("I06", i -> i.put("direction", "up")), "indicator I06, field direction: 'higher' or 'lower', not 'up'"),
                Arguments.of("bad source", edit("I06", i -> i.put("source", "GUESSED")), "indicator I06, field source: unknown value 'GUESSED'"),
                Arguments.of("computed without computation", edit("I01", i -> i.remove("computation")), "indicator I01, field computation: missing"),
                Arguments.of("manual with computation", edit("I10", i -> i.putObject("computation").put("kind", "INCIDENT_COUNT")),
                        "indicator I10, field computation: a MANUAL indicator has no computation"),
                Arguments.of("unknown kind", edit("I01", i -> ((ObjectNode) i.get("computation")).put("kind", "HOROSCOPE")),
                        "indicator I01, field computation.kind: unknown value 'HOROSCOPE'"),
                Arguments.of("unknown incident type", edit("I02", i -> ((ArrayNode) i.get("computation").get("types")).add("DUELLING")),
                        "indicator I02, field computation.types: unknown value 'DUELLING'"),
                Arguments.of("unknown order kind", edit("I14", i -> ((ObjectNode) i.get("computation")).putArray("orderKinds").add("PARADE")),
                        "indicator I14, field computation.orderKinds: unknown value 'PARADE'"),
                Arguments.of("parameter the kind does not take", edit("I09", i -> ((ObjectNode) i.get("computation")).put("perResidents", 100)),
                        "indicator I09, field computation.perResidents: unknown field"),
                Arguments.of("missing window", edit("I04", i -> ((ObjectNode) i.get("computation")).remove("windowDays")),
                        "indicator I04, field computation.windowDays: missing"),
                Arguments.of("window not whole", edit("I04", i -> ((ObjectNode) i.get("computation")).put("windowDays", 2.5)),
                        "indicator I04, field computation.windowDays: must be a whole number above 0"),
                Arguments.of("no types", edit("I02", i -> ((ObjectNode) i.get("computation")).remove("types")),
                        "indicator I02, field computation.types: a INCIDENT_RATE computation needs incident types"),
                Arguments.of("thresholds out of order", edit("I02", i -> ((ObjectNode) i.get("thresholds")).put("pass", 30)),
                        "indicator I02, field thresholds: for a lower-is-better indicator excellent < pass < fail, not 2.0 / 30.0 / 20.0"),
                Arguments.of("thresholds reversed for higher", edit("I06", i -> ((ObjectNode) i.get("thresholds")).put("excellent", 10)),
                        "indicator I06, field thresholds: for a higher-is-better indicator excellent > pass > fail"),
                Arguments.of("threshold missing", edit("I06", i -> ((ObjectNode) i.get("thresholds")).remove("fail")),
                        "indicator I06, field thresholds.fail: missing"),
                Arguments.of("veto without threshold", edit("I24", i -> i.remove("vetoThreshold")),
                        "indicator I24, field vetoThreshold: a veto item needs"),
                Arguments.of("veto threshold on a normal item", edit("I23", i -> i.put("vetoThreshold", 1)),
                        "indicator I23, field vetoThreshold: only a veto item"),
                Arguments.of("misspelt field", edit("I11", i -> i.put("wieght", 3)), "indicator I11, field wieght: unknown field"),
                Arguments.of("min above max", edit("I40", i -> i.put("min", 200)), "indicator I40, field max: smaller than min"),
                Arguments.of("capability without indicators", root(r -> ((ArrayNode) r.get("capabilities")).addObject()
                        .put("code", "EXTRA").put("zh", "额外").put("en", "Extra").put("weight", 1)), "capability EXTRA: has no indicators"),
                Arguments.of("capability weights all zero", root(r -> r.get("capabilities").forEach(c -> ((ObjectNode) c).put("weight", 0))),
                        "field capabilities: the capability weights add up to 0.0"),
                Arguments.of("bands out of order", root(r -> ((ObjectNode) r.get("bands")).put("pass", 120)),
                        "field bands: points must fall"),
                Arguments.of("satisfaction not manual", root(r -> ((ObjectNode) r.get("pingAn")).put("satisfactionIndicator", "I01")),
                        "field pingAn.satisfactionIndicator: 'I01' is not a MANUAL indicator"),
                Arguments.of("unknown top-level field", root(r -> r.put("colour", "red")), "field colour: unknown field"),
                Arguments.of("reminder level", root(r -> ((ArrayNode) r.get("reminders").get("underPass")).add("STREET")),
                        "field reminders.underPass: INDICATOR, CAPABILITY or INDEX, not 'STREET'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileIsRejectedWithTheIndicatorAndTheField(String what, String yaml, String expected) {
        DefinitionException e = assertThrows(DefinitionException.class, () -> read(yaml));
        assertTrue(e.getMessage().startsWith(expected), "expected '" + expected + "' but got '" + e.getMessage() + "'");
    }

    @Test
    void textThatIsNotYamlIsRejectedWithItsLine() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> read("version: 1\nindicators: [\n  - {id: I01\n"));
        assertTrue(e.getMessage().startsWith("the definition file is not valid YAML"), e.getMessage());
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void theFieldAndSubjectAreAvailableToTheCaller() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> read(edit("I07", i -> i.remove("unit"))));
        assertEquals("indicator I07", e.subject());
        assertEquals("unit", e.field());
    }

    @Test
    void theEnglishUnitIsReadAndFallsBackToTheChineseOneWhenNotGiven() {
        IndexDefinition def = read(edit("I07", i -> i.remove("unitEn")));
        assertEquals("per 10,000 residents per month", def.indicator("I01").orElseThrow().unitEn());
        assertEquals(def.indicator("I07").orElseThrow().unit(), def.indicator("I07").orElseThrow().unitEn());
    }

    @Test
    void theHolderKeepsTheLastGoodDefinitionWhenAReloadFails(@TempDir Path dir) throws IOException {
        IndexDefinitions holder = IndexDefinitions.withDefault();
        IndexDefinition original = holder.current();

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, edit("I02", i -> ((ObjectNode) i.get("thresholds")).put("pass", 30)));
        IndexDefinitions.LoadResult r = holder.reload(bad);
        assertFalse(r.accepted());
        assertTrue(r.problem().startsWith("indicator I02, field thresholds"), r.problem());
        assertSame(original, holder.current());

        IndexDefinitions.LoadResult missing = holder.reload(dir.resolve("nope.yaml"));
        assertFalse(missing.accepted());
        assertTrue(missing.problem().startsWith("cannot read"), missing.problem());
        assertSame(original, holder.current());

        Path good = dir.resolve("good.yaml");
        Files.writeString(good, root(rt -> rt.put("version", "2026.2")));
        IndexDefinitions.LoadResult ok = holder.reload(good);
        assertTrue(ok.accepted());
        assertNull(ok.problem());
        assertEquals("2026.2", holder.current().version());
    }

    // ------------------------------------------------------------------------------------------------------

    private static IndexDefinition read(String yaml) {
        return new DefinitionReader().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static ObjectNode defaultTree() {
        try (InputStream in = DefinitionReaderTest.class.getResourceAsStream(IndexDefinitions.DEFAULT_RESOURCE)) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default file with one change to the whole tree. */
    static String root(Consumer<ObjectNode> change) {
        ObjectNode r = defaultTree();
        change.accept(r);
        try {
            return YAML.writeValueAsString(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default file with one change to one indicator. */
    static String edit(String id, Consumer<ObjectNode> change) {
        return root(r -> {
            for (JsonNode i : r.get("indicators")) {
                if (i.get("id").asText().equals(id)) {
                    change.accept((ObjectNode) i);
                    return;
                }
            }
            throw new IllegalArgumentException("no indicator " + id);
        });
    }
}
