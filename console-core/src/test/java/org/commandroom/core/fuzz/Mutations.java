package org.commandroom.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Hostile versions of a good file, as the importers' fuzz tests feed them: one to three of cut short anywhere, bytes
 * flipped, random bytes put in, a part repeated many times, decimals made huge or malformed, a value made huge, nested
 * deep, re-encoded, applied one after the other. Positions are fractions of the file, so a step applies to whatever
 * the previous one left. Seeded: case {@code n} of a seed is always the same file, and says how it was made, so a
 * failure names what to replay.
 */
public final class Mutations {

    /** A mutated file and how it was made. */
    public record Case(long seed, String how, byte[] bytes) {
        @Override
        public String toString() {
            return "case " + seed + ": " + how + " (" + bytes.length + " bytes)";
        }
    }

    private static final String[] NUMBERS = {"1e999", "-1e999", "NaN", "4294967297", "99999999999999999999999999", "-0",
            "0x10", "1.2.3", ""};
    private static final String[] CHARSETS = {"UTF-16", "UTF-16LE", "GBK", "ISO-8859-1", "UTF-32"};

    private Mutations() {
    }

    /**
     * Case {@code n} made from {@code good}.
     *
     * @param open  what opens one level of nesting in the format ({@code "<a>"}, {@code "["})
     * @param close what closes it
     */
    public static Case of(byte[] good, String open, String close, long n) {
        Random r = new Random(0x9E3779B97F4A7C15L * (n + 1));
        int steps = 1 + r.nextInt(3);
        byte[] b = good;
        StringBuilder how = new StringBuilder();
        for (int s = 0; s < steps; s++) {
            double f = r.nextDouble();
            int at = (int) (b.length * f);
            String did;
            switch (r.nextInt(8)) {
                case 0 -> {
                    b = Arrays.copyOf(b, at);
                    did = "cut at " + pct(f);
                }
                case 1 -> {
                    int x = 1 + r.nextInt(255);
                    b = b.clone();
                    if (b.length > 0) {
                        b[Math.min(b.length - 1, at)] ^= (byte) x;
                    }
                    did = "byte at " + pct(f) + " xor " + x;
                }
                case 2 -> {
                    byte[] junk = new byte[1 + r.nextInt(64)];
                    r.nextBytes(junk);
                    b = insert(b, at, junk);
                    did = junk.length + " random bytes at " + pct(f);
                }
                case 3 -> {
                    int len = 1 + r.nextInt(400);
                    int times = 2 + r.nextInt(199);
                    int end = Math.min(b.length, at + len);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(b, 0, end);
                    for (int t = 0; t < times; t++) {
                        out.write(b, at, end - at);
                    }
                    out.write(b, end, b.length - end);
                    b = out.toByteArray();
                    did = (end - at) + " bytes at " + pct(f) + " repeated " + times + " times";
                }
                case 4 -> {
                    String num = NUMBERS[r.nextInt(NUMBERS.length)];
                    b = new String(b, StandardCharsets.UTF_8).replaceAll("(?<![0-9A-Za-z])-?[0-9]+\\.[0-9]+", num)
                            .getBytes(StandardCharsets.UTF_8);
                    did = "decimals replaced by \"" + num + "\"";
                }
                case 5 -> {
                    int len = 100_000 + r.nextInt(2_900_000);
                    byte[] letters = new byte[len];
                    Arrays.fill(letters, (byte) 'A');
                    b = insert(b, at, letters);
                    did = len + " letters at " + pct(f);
                }
                case 6 -> {
                    int depth = 50 + r.nextInt(19_950);
                    b = insert(b, at, (open.repeat(depth) + close.repeat(depth)).getBytes(StandardCharsets.UTF_8));
                    did = "nested " + depth + " deep at " + pct(f);
                }
                default -> {
                    String cs = CHARSETS[r.nextInt(CHARSETS.length)];
                    b = new String(b, StandardCharsets.UTF_8).getBytes(Charset.forName(cs));
                    did = "re-encoded as " + cs;
                }
            }
            how.append(how.length() == 0 ? "" : ", then ").append(did);
        }
        return new Case(n, how.toString(), b);
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
