package org.commandroom.core.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Where a new password comes from: an environment variable, a file, or the person at the terminal (asked twice,
 * without echo). Never from the command line, where it would stay in the shell's history and in the process list:
 * {@link #refuseOnCommandLine} rejects anything that looks like one before the command line is even parsed.
 */
final class PasswordSource {

    @Option(names = "--password-env", paramLabel = "<VARIABLE>",
            description = "read the password from this environment variable")
    String env;

    @Option(names = "--password-file", paramLabel = "<path>",
            description = "read the password from the first line of this file (readable by its owner only)")
    Path file;

    /** Command-line words that would carry a password. */
    private static final List<String> FORBIDDEN = List.of("--password", "-p", "--pass", "--passwd", "--pw", "--secret");

    /** Null when no argument carries a password, else why the command line is refused. */
    static String refuseOnCommandLine(String[] args) {
        for (String a : args) {
            String lower = a.toLowerCase(Locale.ROOT);
            String option = lower.contains("=") ? lower.substring(0, lower.indexOf('=')) : lower;
            if (FORBIDDEN.contains(option) || (lower.startsWith("jdbc:") && lower.contains("password="))) {
                return "passwords are not accepted on the command line (they stay in the shell history and the process "
                        + "list): use --password-env <VARIABLE>, --password-file <path>, or type it when asked; "
                        + "database passwords come from CONSOLE_DB_PASSWORD or db.properties";
            }
        }
        return null;
    }

    /** The password, or an exception saying why none could be had. */
    String read(AdminEnv admin, String forWhom) throws IOException {
        if (env != null && file != null) {
            throw new IllegalArgumentException("give --password-env or --password-file, not both");
        }
        if (env != null) {
            String v = admin.env().get(env);
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("environment variable " + env + " is not set");
            }
            return v;
        }
        if (file != null) {
            warnIfOthersMayRead(admin);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new IllegalArgumentException("the first line of " + file + " is empty");
            }
            return lines.get(0);
        }
        char[] first = admin.prompt().read("New password for " + forWhom + ": ");
        if (first == null) {
            throw new IllegalArgumentException("no terminal to ask for the password: use --password-env <VARIABLE> "
                    + "or --password-file <path>");
        }
        char[] again = admin.prompt().read("The same password again: ");
        try {
            if (again == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passwords differ; nothing was changed");
            }
            return new String(first);
        } finally {
            Arrays.fill(first, '\0');
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
    }

    private void warnIfOthersMayRead(AdminEnv admin) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                admin.err().println("warning: " + file + " may be read by other users (chmod 600 it)");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to say.
        }
    }
}
