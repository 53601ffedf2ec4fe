package org.commandroom.core.cap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Random damage to a valid CAP document (seeded, so a failure repeats): truncations, cut and doubled ranges, flipped
 * bytes, inserted markup, entities, huge numbers and long runs. Every case ends as a read alert or {@link CapInvalid}
 * with located problems, never another exception, and all of them together within a bounded time.
 */
class CapFuzzTest {

    private static final Logger LOG = LoggerFactory.getLogger(CapFuzzTest.class);
    private static final int CASES = 3000;
    private static final String[] JUNK = {"<", ">", "&", "&amp;", "&lol;", "<!DOCTYPE a [<!ENTITY x \"y\">]>", "]]>",
            "<![CDATA[x]]>", "<info>", "</info>", "<area><areaDesc>x</areaDesc></area>", "1e999", "-0", "NaN", ",",
            " ", "\u0000", "\uFEFF", "\uD800", "99999999999999999999999", "<?pi x?>", "<!-- c -->", "xmlns=\"urn:x\"",
            "<polygon>1,1 2,2 3,3 1,1</polygon>", "<circle>1,1 -5</circle>", "<sent>2026-13-40T25:61:00+08:00</sent>"};

    private final CapReader reader = new CapReader(CapSchema.load());

    @Test
    void randomDamageEndsInAReadAlertOrALocatedProblem() {
        byte[] valid = CapWriter.write(CapSamples.fraudWave());
        Random random = new Random(20261207L);
        int[] outcome = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] doc = damage(valid, random);
                try {
                    reader.read(doc);
                    outcome[0]++;
                } catch (CapInvalid e) {
                    outcome[1]++;
                    assertFalse(e.problems().isEmpty(), "case " + i);
                    for (CapInvalid.Problem p : e.problems()) {
                        assertTrue(p.path().startsWith("/") && !p.message().isBlank() && p.kind() != null, "case " + i);
                    }
                } catch (RuntimeException | Error e) {
                    fail("case " + i + " threw " + e + " for: " + new String(doc, StandardCharsets.UTF_8), e);
                }
            }
        });
        LOG.info("CAP fuzz: {} cases, {} read, {} refused with located problems", CASES, outcome[0], outcome[1]);
        assertTrue(outcome[1] > CASES / 2, "most damage is refused: " + Arrays.toString(outcome));
    }

    private static byte[] damage(byte[] valid, Random r) {
        String s = new String(valid, StandardCharsets.UTF_8);
        int rounds = 1 + r.nextInt(3);
        for (int k = 0; k < rounds; k++) {
            int at = r.nextInt(s.length() + 1);
            switch (r.nextInt(7)) {
                case 0 -> s = s.substring(0, at);
                case 1 -> {
                    int end = Math.min(s.length(), at + 1 + r.nextInt(60));
                    s = s.substring(0, at) + s.substring(end);
                }
                case 2 -> {
                    int end = Math.min(s.length(), at + 1 + r.nextInt(200));
                    s = s.substring(0, end) + s.substring(at, end) + s.substring(end);
                }
                case 3 -> s = s.substring(0, at) + JUNK[r.nextInt(JUNK.length)] + s.substring(at);
                case 4 -> s = s.substring(0, at) + "9".repeat(1 + r.nextInt(400)) + s.substring(at);
                case 5 -> s = s.substring(0, at) + "<x>".repeat(1 + r.nextInt(50)) + s.substring(at);
                default -> {
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                    }
                    return b;
                }
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
