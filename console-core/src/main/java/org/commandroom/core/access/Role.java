package org.commandroom.core.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Who sits at the console, as far as what it may show and do. A minimal notion until log-in exists: the
 * workstation's role comes from its settings (default {@link #DUTY_COMMANDER}).
 */
public enum Role {
    /** 值班长 / 指挥长: sees everything, dispatches, reviews and closes orders, acknowledges alerts. */
    DUTY_COMMANDER(true, true),
    /** 大屏: read-only wall display; personal data masked. */
    WALL_DISPLAY(false, false),
    /** 演练学员: a trainee in a drill; personal data masked. */
    TRAINEE(false, true);

    private final boolean seesCallerNumbers;
    private final boolean acts;

    Role(boolean seesCallerNumbers, boolean acts) {
        this.seesCallerNumbers = seesCallerNumbers;
        this.acts = acts;
    }

    /** Whether caller numbers are shown in full (otherwise masked, 138****1234). */
    public boolean seesCallerNumbers() {
        return seesCallerNumbers;
    }

    /** Whether the role may change data (close orders, correct trails, acknowledge alerts). */
    public boolean acts() {
        return acts;
    }

    /** Reads a setting's value; case and surrounding blanks do not matter. */
    public static Role parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no role given; use one of " + names());
        }
        String v = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role r : values()) {
            if (r.name().equals(v)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + value.strip() + "'; use one of " + names());
    }

    private static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
