package org.commandroom.core.cap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the console writes it reads back unchanged, and what it writes is CAP 1.2 in the schema's element order. */
class CapRoundTripTest {

    private final CapReader reader = new CapReader(CapSchema.none());

    @Test
    void anAlertWrittenAndReadBackIsEqualAndWritesTheSameBytes() {
        CapAlert alert = CapSamples.fraudWave();
        byte[] out = CapWriter.write(alert);
        CapReader.Result in = reader.read(out);
        assertEquals(alert, in.alert());
        assertEquals(List.of(), in.skipped());
        assertArrayEquals(out, CapWriter.write(in.alert()));
    }

    @Test
    void anUpdateKeepsItsReferencesAndAnExerciseItsStatus() {
        CapAlert original = CapSamples.fraudWave();
        CapAlert update = new CapAlert("qianwei.police.example-CAP-20261207-0002", original.sender(),
                OffsetDateTime.parse("2026-12-08T08:00:00+08:00"), CapAlert.Status.Exercise, CapAlert.MsgType.Update,
                CapAlert.Scope.Restricted, "公安内部", null, null, List.of(CapAlert.Reference.to(original)),
                original.infos());
        CapAlert back = reader.read(CapWriter.write(update)).alert();
        assertEquals(update, back);
        assertEquals(CapAlert.Reference.to(original), back.references().get(0));
    }

    @Test
    void timesAreWrittenWithANumericOffsetAndCoordinatesAsPlainDecimals() {
        String xml = CapWriter.writeString(CapSamples.fraudWave());
        assertTrue(xml.contains("<sent>2026-12-07T19:05:00+08:00</sent>"), xml);
        assertTrue(xml.contains("<circle>29.215123,103.715456 0.5</circle>"), xml);
        assertTrue(xml.contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"), xml);
        assertTrue(xml.contains("南关社区 &amp; &lt;周边&gt;"), xml);
        assertFalse(xml.contains("E-"), xml);
        // The schema's order inside <info>: category, event, urgency, severity, certainty, expires, headline, ...
        int[] at = {xml.indexOf("<category>"), xml.indexOf("<event>"), xml.indexOf("<urgency>"),
                xml.indexOf("<severity>"), xml.indexOf("<certainty>"), xml.indexOf("<expires>"),
                xml.indexOf("<headline>"), xml.indexOf("<description>"), xml.indexOf("<instruction>"),
                xml.indexOf("<area>")};
        for (int i = 1; i < at.length; i++) {
            assertTrue(at[i - 1] < at[i], "element " + i + " out of order");
        }
    }

    @Test
    void elementsThisConsoleDoesNotCarryAreSkippedAndNamed() {
        String xml = CapWriter.writeString(CapSamples.fraudWave())
                .replace("<scope>Public</scope>", "<source>气象台</source><scope>Public</scope>")
                .replace("<areaDesc>", "<geocode><valueName>GB</valueName><value>511102</value></geocode><areaDesc>");
        CapReader.Result r = reader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("/alert/source", "/alert/info/area/geocode"), r.skipped());
    }

    @Test
    void anInfoWithoutLanguageIsEnUsAsCapSays() {
        String xml = CapWriter.writeString(CapSamples.fraudWave()).replace("<language>zh-CN</language>", "");
        assertEquals("en-US", reader.read(xml.getBytes(StandardCharsets.UTF_8)).alert().infos().get(0).language());
    }
}
