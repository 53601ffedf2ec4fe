package org.commandroom.app;

import java.util.Set;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;

/**
 * Signs a test's console in without the log-in screen (the session is an in-process object; the log-in screen's
 * own tests are in ui/login). By default as the leader on duty who is also administrator, so that every button of
 * the desk is there, under the workstation user's name as before log-in existed.
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static AppContext signedIn(AppContext context) {
        return signedIn(context, Role.COMMAND_LEADER, Role.ADMINISTRATOR);
    }

    public static AppContext signedIn(AppContext context, Role... roles) {
        context.session().signIn(new Principal(1, "test", System.getProperty("user.name", "?"), Set.of(roles),
                context.session().workstation(), false));
        return context;
    }
}
