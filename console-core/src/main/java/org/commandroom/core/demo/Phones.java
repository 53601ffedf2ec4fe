package org.commandroom.core.demo;

import java.util.SplittableRandom;

/** Made-up Chinese phone numbers. */
final class Phones {

    private static final String[] MOBILE = {"138", "139", "135", "136", "137", "150", "151", "158", "159", "182",
        "187", "133", "153", "180", "181", "189", "130", "131", "155", "156", "186", "177", "199"};

    private Phones() {
    }

    static String mobile(SplittableRandom rnd) {
        return MOBILE[rnd.nextInt(MOBILE.length)] + String.format("%08d", rnd.nextInt(100_000_000));
    }

    static String caller(SplittableRandom rnd, String areaCode) {
        double r = rnd.nextDouble();
        if (r < 0.08) {
            // Leshan (0833) has seven-digit local numbers, Shenzhen (0755) eight
            return areaCode.equals("0755") ? areaCode + (20_000_000 + rnd.nextInt(70_000_000))
                    : areaCode + (2_000_000 + rnd.nextInt(7_000_000));
        }
        return mobile(rnd);
    }
}
