package org.commandroom.core.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a signed-in user is (issue 11, docs/ACCESS.md). A user may hold several roles; what they allow is mapped to
 * {@link Permission}s in one place, {@link RolePermissions}. The settings file's {@code role=} line no longer grants
 * anything: a workstation's principal comes from signing in ({@link AccessService}).
 */
public enum Role {
    /** 值班长: intake, dispatch, orders (create, issue, sign-for and feedback recorded), alerts. */
    DUTY_COMMANDER(true, true),
    /** 指挥长: everything the duty commander does, plus review and close, corrections and overrides. */
    COMMAND_LEADER(true, true),
    /** 领导 / 大屏: read-only wall display; personal data masked. */
    WALL_DISPLAY(false, false),
    /** 演练学员: a trainee, who acts in drills only and never on live data; personal data masked. */
    TRAINEE(false, true),
    /** 管理员: users, audit and set-up; no dispatch unless also given a commander role. */
    ADMINISTRATOR(false, false);

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

    /**
     * Whether the role may change operational data (orders, incidents, alerts) somewhere: in drills only for a
     * trainee. What exactly it may do is {@link RolePermissions}.
     */
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
