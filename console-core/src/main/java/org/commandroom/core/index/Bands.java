package org.commandroom.core.index;

/** The points an indicator gets at its excellent, pass and fail thresholds (100 / 60 / 0 by default). */
public record Bands(double excellent, double pass, double fail) {

    /** Points for a raw value under these bands and an indicator's thresholds and direction. */
    public double points(double raw, Thresholds t, Direction d) {
        // Map onto "higher is better" so one piece of code serves both directions.
        double sign = d == Direction.HIGHER_IS_BETTER ? 1 : -1;
        double x = sign * raw;
        double ex = sign * t.excellent();
        double pa = sign * t.pass();
        double fa = sign * t.fail();
        if (x >= ex) {
            return excellent;
        }
        if (x >= pa) {
            return pass + (excellent - pass) * (x - pa) / (ex - pa);
        }
        if (x > fa) {
            return fail + (pass - fail) * (x - fa) / (pa - fa);
        }
        return fail;
    }
}
