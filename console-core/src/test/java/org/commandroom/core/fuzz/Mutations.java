package org.commandroom.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile versions of a good file, as the importers' property tests feed them: one to three of cut short anywhere,
 * bytes flipped, random bytes put in, a part repeated many times, numbers made huge or malformed, a value made huge,
 * nested deep, re-encoded, applied one after the other. Positions are fractions of the file, so a step applies to
 * whatever the previous one left. Each case says what was done, so a failure in the report is readable.
 */
public final class Mutations {

    /** A mutated file and how it was made. */
    public record Case(String how, byte[] bytes) {
        @Override
        public String toString() {
            return how + " (" + bytes.length + " bytes)";
        }
    }

    private record Step(String how, UnaryOperator<byte[]> op) {
    }

    private Mutations() {
    }

    /**
     * @param open  what opens one level of nesting in the format ({@code "<a>"}, {@code "["})
     * @param close what closes it
     */
    public static Arbitrary<Case> of(byte[] seed, String open, String close) {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<Step> step = Arbitraries.oneOf(List.of(
                at.map(f -> new Step("cut at " + pct(f), b -> Arrays.copyOf(b, (int) (b.length * f)))),
                Combinators.combine(at, Arbitraries.integers().between(1, 255)).as((f, x) -> new Step(
                        "byte at " + pct(f) + " xor " + x, b -> {
                            byte[] c = b.clone();
                            if (c.length > 0) {
                                int i = Math.min(c.length - 1, (int) (c.length * f));
                                c[i] = (byte) (c[i] ^ x);
                            }
                            return c;
                        })),
                Combinators.combine(at, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64)).as((f, junk) ->
                        new Step(junk.length + " random bytes at " + pct(f), b -> insert(b, (int) (b.length * f), junk))),
                Combinators.combine(at, Arbitraries.integers().between(1, 400), Arbitraries.integers().between(2, 200))
                        .as((f, len, times) -> new Step(len + " bytes at " + pct(f) + " repeated " + times + " times", b -> {
                            int i = (int) (b.length * f);
                            int end = Math.min(b.length, i + len);
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            out.write(b, 0, end);
                            for (int t = 0; t < times; t++) {
                                out.write(b, i, end - i);
                            }
                            out.write(b, end, b.length - end);
                            return out.toByteArray();
                        })),
                Arbitraries.of("1e999", "-1e999", "NaN", "4294967297", "99999999999999999999999999", "-0", "0x10", "1.2.3", "")
                        .map(n -> new Step("decimals replaced by \"" + n + "\"", b -> new String(b, StandardCharsets.UTF_8)
                                .replaceAll("(?<![0-9A-Za-z])-?[0-9]+\\.[0-9]+", n).getBytes(StandardCharsets.UTF_8))),
                Combinators.combine(at, Arbitraries.integers().between(100_000, 3_000_000)).as((f, n) -> new Step(
                        n + " letters at " + pct(f), b -> insert(b, (int) (b.length * f), "A".repeat(n).getBytes(StandardCharsets.US_ASCII)))),
                Combinators.combine(at, Arbitraries.integers().between(50, 20_000)).as((f, depth) -> new Step(
                        "nested " + depth + " deep at " + pct(f), b -> insert(b, (int) (b.length * f),
                        (open.repeat(depth) + close.repeat(depth)).getBytes(StandardCharsets.UTF_8)))),
                Arbitraries.of("UTF-16", "UTF-16LE", "GBK", "ISO-8859-1", "UTF-32").map(cs -> new Step("re-encoded as " + cs,
                        b -> new String(b, StandardCharsets.UTF_8).getBytes(Charset.forName(cs))))));
        return step.list().ofMinSize(1).ofMaxSize(3).map(steps -> {
            byte[] b = seed;
            StringBuilder how = new StringBuilder();
            for (Step s : steps) {
                b = s.op().apply(b);
                how.append(how.length() == 0 ? "" : ", then ").append(s.how());
            }
            return new Case(how.toString(), b);
        });
    }

    private static String pct(double f) {
        return Math.round(f * 100) + " %";
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }
}
