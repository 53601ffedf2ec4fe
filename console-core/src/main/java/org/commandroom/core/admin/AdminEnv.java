package org.commandroom.core.admin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.audit.AuditDao;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * What every {@code console-admin} subcommand works with: the environment (credentials, data directory), where it
 * writes its output, the clock, how it asks for a password, and who it acts as. One per run; tests build their own.
 *
 * <p>console-admin acts as an administrator principal named {@code console-admin:<OS user>} at workstation
 * {@code <OS user>@<host> (console-admin)}: whoever may reach the database with its credentials may administer it,
 * and every write is audited under that name.
 */
public final class AdminEnv {

    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;
    private final PasswordPrompt prompt;
    private final String osUser;
    private final String host;

    public AdminEnv(Map<String, String> env, PrintWriter out, PrintWriter err, Clock clock, PasswordPrompt prompt,
                    String osUser) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.prompt = prompt;
        this.osUser = osUser == null || osUser.isBlank() ? "unknown" : osUser;
        String h = env.get("HOSTNAME");
        this.host = h == null || h.isBlank() ? "localhost" : h;
    }

    public Map<String, String> env() {
        return env;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Clock clock() {
        return clock;
    }

    public PasswordPrompt prompt() {
        return prompt;
    }

    /** The audit trail's actor: {@code console-admin:<OS user>}. */
    public String actor() {
        return cut("console-admin:" + osUser);
    }

    /** The audit trail's workstation: {@code <OS user>@<host> (console-admin)}. */
    public String workstation() {
        return cut(osUser + "@" + host + " (console-admin)");
    }

    /** The administrator principal every service of a run checks against. */
    public Principal principal() {
        return new Principal(0, actor(), actor(), Set.of(Role.ADMINISTRATOR), workstation(), false);
    }

    public AccessGuard guard(Jdbi jdbi) {
        return AccessGuard.of(jdbi, clock, principal());
    }

    public ChangeRecorder changes() {
        return new ChangeRecorder(clock, workstation());
    }

    /** Appends one audit row in a transaction of its own (for actions with no service of their own). */
    public void audit(Database db, String action, String entity, String detail) {
        db.jdbi().useTransaction(h -> h.attach(AuditDao.class).append(clock.instant(), actor(), workstation(), action,
                entity, null, detail.length() <= 2000 ? detail : detail.substring(0, 2000)));
    }

    /** The console's default data directory: {@code $XDG_DATA_HOME/command-room-console}, else under the home. */
    public Path defaultDataDir() {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "command-room-console");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "command-room-console");
    }

    private static String cut(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64);
    }

    /** Reads a password from the person at the terminal, without echo; null when there is no terminal. */
    @FunctionalInterface
    public interface PasswordPrompt {
        char[] read(String prompt);

        /** The process's console ({@link java.io.Console}), or null when input is not a terminal. */
        static PasswordPrompt system() {
            return text -> {
                java.io.Console c = System.console();
                return c == null ? null : c.readPassword("%s", text);
            };
        }
    }
}
