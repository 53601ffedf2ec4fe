package org.commandroom.core.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Roles as stored in {@code app_user.roles}: names separated by commas. */
final class Roles {

    private Roles() {
    }

    static Set<Role> parse(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (stored != null) {
            for (String part : stored.split(",")) {
                if (!part.isBlank()) {
                    roles.add(Role.parse(part));
                }
            }
        }
        return roles;
    }

    static String format(Collection<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
