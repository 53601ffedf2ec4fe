package org.commandroom.core.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.commandroom.core.store.DbSettings;
import org.jdbi.v3.core.Jdbi;

/**
 * Online backup and restore of an H2 console database (docs/ADMIN.md).
 *
 * <p><b>Backup</b> runs on a connection of its own while other connections keep writing: {@code BACKUP TO} copies
 * the database file into a zip (H2 keeps the copied part of its file from being reused while it copies, so the copy
 * opens at a committed state), {@code SCRIPT TO} writes the whole database as SQL (portable across H2 versions,
 * larger and slower), inside one serializable transaction so that every table is read at the same moment. Against an H2 server the file is written on the server's machine. An embedded database
 * belongs to the process that has it open (H2 locks the file): a running console backs it up in-process with
 * {@link #backup(Jdbi, Path)}.
 *
 * <p><b>Restore</b> only into a database that does not exist yet: a file database path with no {@code .mv.db}.
 */
public final class H2Backup {

    /** How a backup is written, chosen by the file name: {@code .zip} the database file, {@code .sql}/{@code .sql.zip} SQL. */
    public enum Format {
        FILE_ZIP, SQL, SQL_ZIP;

        public static Format of(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".sql.zip")) {
                return SQL_ZIP;
            }
            if (n.endsWith(".sql")) {
                return SQL;
            }
            if (n.endsWith(".zip")) {
                return FILE_ZIP;
            }
            throw new IllegalArgumentException("a backup file ends in .zip (the database file), .sql or .sql.zip (SQL): "
                    + file.getFileName());
        }
    }

    private H2Backup() {
    }

    /** Backs the database up into {@code target} (which must not exist), in the format its name says. */
    public static void backup(Jdbi jdbi, Path target) throws IOException {
        Format format = Format.of(target);
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs)) {
            throw new IOException(abs + " exists already; a backup never overwrites one");
        }
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        String sql = switch (format) {
            case FILE_ZIP -> "BACKUP TO ?";
            case SQL -> "SCRIPT TO ?";
            case SQL_ZIP -> "SCRIPT TO ? COMPRESSION ZIP";
        };
        if (format == Format.FILE_ZIP) {
            jdbi.useHandle(h -> h.createUpdate(sql).bind(0, abs.toString()).execute());
        } else {
            // SCRIPT reads table after table: alone, a transaction committed in between is half in the script (the
            // test caught an audit row missing under its head). In one serializable transaction every table is read
            // from the same snapshot.
            jdbi.useTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.SERIALIZABLE,
                    h -> h.createUpdate(sql).bind(0, abs.toString()).execute());
        }
    }

    /** The database file a {@code jdbc:h2:file:} URL names: its path with {@code .mv.db}. */
    public static Path fileOf(DbSettings settings) {
        String url = settings.jdbcUrl();
        if (!url.startsWith("jdbc:h2:file:")) {
            throw new IllegalArgumentException("restore needs an H2 file database (jdbc:h2:file:... or the embedded one), not "
                    + settings.displayUrl());
        }
        String path = url.substring("jdbc:h2:file:".length());
        int options = path.indexOf(';');
        if (options >= 0) {
            path = path.substring(0, options);
        }
        return Path.of(path + ".mv.db").toAbsolutePath();
    }

    /**
     * Restores {@code backup} into the database {@code target} names, which must not exist. A file backup's database
     * file is unpacked in place; an SQL backup is run into a new, empty database created with the target's
     * credentials.
     */
    public static void restore(Path backup, DbSettings target) throws IOException, SQLException {
        Format format = Format.of(backup);
        Path file = fileOf(target);
        if (Files.exists(file)) {
            throw new IOException(file + " exists already; restore only into a database that does not exist yet "
                    + "(move the old file away first)");
        }
        if (!Files.isRegularFile(backup)) {
            throw new IOException("no backup file " + backup);
        }
        Files.createDirectories(file.getParent());
        if (format == Format.FILE_ZIP) {
            unpackDatabaseFile(backup, file);
            return;
        }
        Properties p = new Properties();
        p.setProperty("user", target.user());
        p.setProperty("password", target.password());
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), p);
             PreparedStatement st = c.prepareStatement(format == Format.SQL_ZIP
                     ? "RUNSCRIPT FROM ? COMPRESSION ZIP" : "RUNSCRIPT FROM ?")) {
            st.setString(1, backup.toAbsolutePath().toString());
            st.execute();
        } catch (SQLException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Unpacks the one {@code .mv.db} of a {@code BACKUP TO} zip as {@code file}. */
    private static void unpackDatabaseFile(Path zipFile, Path file) throws IOException {
        boolean found = false;
        try (InputStream in = Files.newInputStream(zipFile); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.isDirectory() || !e.getName().endsWith(".mv.db")) {
                    continue;
                }
                if (found) {
                    Files.deleteIfExists(file);
                    throw new IOException(zipFile + " holds several databases; restore needs a backup of one");
                }
                found = true;
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                    zip.transferTo(out);
                }
            }
        }
        if (!found) {
            throw new IOException(zipFile + " holds no H2 database file (.mv.db); is it a console-admin backup?");
        }
    }
}
