package org.commandroom.core.incident;

import org.commandroom.core.access.Role;

/**
 * Caller numbers are personal data: shown in full only to a role that may see them, otherwise masked
 * in the middle, as 138****1234 (11 digits keep the first 3 and the last 4).
 */
public final class CallerNumbers {

    private CallerNumbers() {
    }

    /** The number as {@code role} may see it; null or blank stays empty. */
    public static String shown(String number, Role role) {
        if (number == null || number.isBlank()) {
            return "";
        }
        return role.seesCallerNumbers() ? number : mask(number);
    }

    /**
     * Masks the middle of a number: from 11 characters on the first 3 and the last 4 stay; from 8 the
     * first 2 and the last 4; from 5 the last 2; anything shorter is masked entirely. Length is kept.
     */
    public static String mask(String number) {
        if (number == null) {
            return "";
        }
        String n = number.strip();
        int len = n.length();
        int head = len >= 11 ? 3 : len >= 8 ? 2 : 0;
        int tail = len >= 8 ? 4 : len >= 5 ? 2 : 0;
        StringBuilder b = new StringBuilder(len);
        b.append(n, 0, head);
        b.append("*".repeat(len - head - tail));
        b.append(n, len - tail, len);
        return b.toString();
    }
}
