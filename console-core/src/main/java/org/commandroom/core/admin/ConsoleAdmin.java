package org.commandroom.core.admin;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.PasswordRejected;
import org.commandroom.core.audit.AuditChain;
import org.commandroom.core.org.OrgSheets;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code console-admin}: the console's headless administration (docs/ADMIN.md). One command, with subcommands for
 * the database (create or migrate, back up, restore), users, the demo county, the audit trail, the imports and the
 * templates. It names its database and reads credentials exactly as the console does, works offline, and audits
 * every write as {@code console-admin:<OS user>}.
 *
 * <p>Exit codes: {@link #OK} 0, {@link #FAILED} 1 (database or file not reachable, wrong input), {@link #USAGE} 2
 * (wrong command line, a password on it), {@link #REFUSED} 3 (the file was rejected, the audit chain is broken, the
 * user or password refused: nothing was written).
 */
@Command(name = "console-admin", mixinStandardHelpOptions = true, version = "console-admin 0.1.0",
        description = "Administration of a command-room console database (docs/ADMIN.md).",
        subcommands = {ConsoleAdmin.DbCommand.class, UsersCommand.class, DemoCommand.class, ConsoleAdmin.AuditCommand.class,
                ImportCommand.class, ConsoleAdmin.TemplatesCommand.class, BackupCommand.class, BackupCommand.Restore.class,
                ReceiversCommand.class, CapCommand.class})
public final class ConsoleAdmin implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAdmin.class);

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // picocli's own writers for standard output and error (UTF-8 where the terminal is).
        CommandLine probe = new CommandLine(CommandLine.Model.CommandSpec.create());
        PrintWriter out = probe.getOut();
        PrintWriter err = probe.getErr();
        System.exit(run(args, new AdminEnv(System.getenv(), out, err, Clock.systemUTC(), AdminEnv.PasswordPrompt.system(),
                System.getProperty("user.name"))));
    }

    /** Runs one command line and returns its exit code; output goes to the environment's writers. */
    public static int run(String[] args, AdminEnv admin) {
        String refused = PasswordSource.refuseOnCommandLine(args);
        if (refused != null) {
            admin.err().println("console-admin: " + refused);
            admin.err().flush();
            return USAGE;
        }
        CommandLine cl = new CommandLine(ConsoleAdmin.class, new Factory(admin));
        cl.setOut(admin.out());
        cl.setErr(admin.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        int code = cl.execute(args);
        admin.out().flush();
        admin.err().flush();
        return code;
    }

    /** Builds commands with the run's {@link AdminEnv}. */
    private record Factory(AdminEnv admin) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                var c = cls.getDeclaredConstructor(AdminEnv.class);
                c.setAccessible(true);
                return c.newInstance(admin);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }

    /** What every subcommand shares: the environment, opening the database, turning failures into words and codes. */
    abstract static class Base implements Callable<Integer> {
        final AdminEnv admin;

        Base(AdminEnv admin) {
            this.admin = admin;
        }

        abstract int execute() throws Exception;

        @Override
        public final Integer call() {
            try {
                return execute();
            } catch (PasswordRejected e) {
                admin.err().println("refused: " + e.getMessage());
                return REFUSED;
            } catch (AccessDenied e) {
                admin.err().println("refused: " + e.getMessage());
                return REFUSED;
            } catch (IllegalArgumentException e) {
                admin.err().println("console-admin: " + e.getMessage());
                return FAILED;
            } catch (Exception e) {
                LOG.debug("console-admin failed", e);
                admin.err().println("failed: " + explain(e));
                return FAILED;
            }
        }

        /** Opens the database as the console would, creating or upgrading its schema with progress first. */
        Database open(DbOptions db) throws IOException {
            DbSettings settings = db.settings(admin);
            admin.out().println("database " + settings.displayUrl());
            SchemaMigration.Outcome m = SchemaMigration.migrate(settings, admin.out()::println, heartbeat());
            Database opened = Database.open(settings);
            if (m.applied() > 0) {
                admin.audit(opened, "SCHEMA_MIGRATE", "DATABASE", "schema " + (m.from() == null ? "created" : m.from())
                        + " -> " + m.to() + ": " + m.applied() + " migration(s) in " + m.took().toMillis() + " ms");
            }
            return opened;
        }

        Duration heartbeat() {
            String s = admin.env().get("CONSOLE_ADMIN_HEARTBEAT_MS");
            return s != null && s.matches("\\d{1,7}") ? Duration.ofMillis(Long.parseLong(s)) : Duration.ofSeconds(10);
        }
    }

    /** Why it failed, in words: the embedded database in use, the database unreachable, or the root cause's message. */
    static String explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == 90020 || s.getErrorCode() == 90146)) {
                return "the database file is open in another process (a running console?). H2 locks the embedded "
                        + "database while a console has it: stop that console first, or use a shared database (--db). A running "
                        + "console backs its embedded database up itself, daily, into backups/ in its data directory";
            }
        }
        Throwable root = org.commandroom.core.store.Causes.root(e);
        String m = root.getMessage();
        return (m == null || m.isBlank() ? root.getClass().getSimpleName() : m.lines().findFirst().orElse(m));
    }

    // ---- db migrate -------------------------------------------------------------------------------------------

    @Command(name = "db", description = "The database itself.", subcommands = {DbCommand.Migrate.class, DbRolesCommand.class})
    static final class DbCommand implements Runnable {
        @picocli.CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        @Command(name = "migrate", description = "Create the schema in an empty database, or upgrade it, with progress.")
        static final class Migrate extends Base {
            @Mixin
            DbOptions db;

            Migrate(AdminEnv admin) {
                super(admin);
            }

            @Override
            int execute() throws Exception {
                DbSettings settings = db.settings(admin);
                admin.out().println("database " + settings.displayUrl());
                SchemaMigration.Outcome m = SchemaMigration.migrate(settings, admin.out()::println, heartbeat());
                try (Database opened = Database.open(settings)) {
                    if (m.applied() > 0) {
                        admin.audit(opened, "SCHEMA_MIGRATE", "DATABASE", "schema "
                                + (m.from() == null ? "created" : m.from()) + " -> " + m.to() + ": " + m.applied()
                                + " migration(s) in " + m.took().toMillis() + " ms");
                    } else {
                        admin.out().println("schema up to date at version " + m.to() + "; nothing to do");
                    }
                }
                return OK;
            }
        }
    }

    // ---- audit verify -----------------------------------------------------------------------------------------

    @Command(name = "audit", description = "The audit trail.", subcommands = AuditCommand.Verify.class)
    static final class AuditCommand implements Runnable {
        @picocli.CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        @Command(name = "verify", description = "Recompute the audit trail's hash chain; exit 3 when it is broken.")
        static final class Verify extends Base {
            @Mixin
            DbOptions db;

            Verify(AdminEnv admin) {
                super(admin);
            }

            @Override
            int execute() throws Exception {
                try (Database opened = open(db)) {
                    AuditChain.Verification v = AuditChain.verify(opened.jdbi());
                    if (v.unchained() > 0) {
                        admin.out().println(v.unchained() + " rows from before the chain are not sealed yet "
                                + "(the console seals them when it starts)");
                    }
                    if (v.intact()) {
                        admin.out().println("audit chain intact: " + v.rows() + " rows");
                        return OK;
                    }
                    admin.out().println("audit chain BROKEN: " + v.problems().size() + " problem(s) over " + v.rows()
                            + " rows");
                    v.problems().forEach(p -> admin.out().println("  " + p));
                    return REFUSED;
                }
            }
        }
    }

    // ---- templates --------------------------------------------------------------------------------------------

    @Command(name = "templates", description = "Write the organisation, unit and house register templates (.xlsx) to fill in.")
    static final class TemplatesCommand extends Base {
        @Option(names = "--out", paramLabel = "<dir>", description = "directory to write into (default: here)")
        Path out = Path.of(".");

        @Option(names = "--lang", paramLabel = "zh|en", description = "headers in Chinese (default) or English")
        String lang = "zh";

        @Option(names = "--force", description = "overwrite templates already there")
        boolean force;

        TemplatesCommand(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            Locale locale = switch (lang) {
                case "zh" -> Locale.ROOT;
                case "en" -> Locale.ENGLISH;
                default -> throw new IllegalArgumentException("--lang takes zh or en, not " + lang);
            };
            Files.createDirectories(out);
            for (OrgSheets.Book book : OrgSheets.Book.values()) {
                Path file = out.resolve(book.templateFile());
                if (Files.exists(file) && !force) {
                    throw new IllegalArgumentException(file + " exists; give --force to overwrite it");
                }
                try (var o = Files.newOutputStream(file)) {
                    OrgWorkbook.write(book, locale, new HashMap<>(), o);
                }
                admin.out().println("wrote " + file + " (" + String.join(", ", book.sheets().stream()
                        .map(s -> s.name(locale)).toList()) + ")");
            }
            Path houses = out.resolve(org.commandroom.core.prevention.HouseSheets.templateFile());
            if (Files.exists(houses) && !force) {
                throw new IllegalArgumentException(houses + " exists; give --force to overwrite it");
            }
            try (var o = Files.newOutputStream(houses)) {
                OrgWorkbook.write(org.commandroom.core.prevention.HouseSheets.sheets(), locale, new HashMap<>(), o);
            }
            admin.out().println("wrote " + houses + " (" + org.commandroom.core.prevention.HouseSheets.HOUSES.name(locale) + ")");
            return OK;
        }
    }
}
