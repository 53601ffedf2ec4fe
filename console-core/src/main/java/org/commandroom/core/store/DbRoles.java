package org.commandroom.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Least privilege on PostgreSQL (docs/DATABASE-ROLES.md): three logins on one console database.
 * <ul>
 * <li>the <b>owner</b> owns the tables and is the only one that runs the migrations;</li>
 * <li>the <b>desk</b> role reads and writes what the desks write, and only appends to the trails
 * ({@link #DESK_LIMITS}); it may not create, alter or drop anything;</li>
 * <li>the <b>wall</b> role only reads, never the {@linkplain #personal personal columns} (caller numbers and names,
 * telephone numbers: a column grant lists every other column), and none of {@link #WALL_NOTHING} (password hashes,
 * the audit trail, the push queues); it reads the schema history, as
 * every login must to check that the schema is current.</li>
 * </ul>
 * Applying is idempotent: every grant of the two roles on the schema is revoked and given again in one transaction,
 * and the role names are recorded in {@code app_setting} so that {@link #regrantAfterMigrate()} gives the tables and
 * columns of a later migration their grants as soon as the owner has applied it. Default privileges of the owner
 * cover a table created by hand in between (the wall's column limits then wait for the next grant).
 */
public final class DbRoles {

    private static final Logger LOG = LoggerFactory.getLogger(DbRoles.class);

    /** Where the role names are kept, so that a later migration can grant its tables again. */
    public static final String DESK_KEY = "db.roles.desk";
    public static final String WALL_KEY = "db.roles.wall";
    public static final String OWNER_KEY = "db.roles.owner";

    /** What the desk may do to a table not listed in {@link #DESK_LIMITS}. */
    static final Set<String> FULL = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");

    /**
     * Tables the desks only append to (and, for the audit trail, seal: {@code AuditChain.seal} sets the hash of rows
     * from before the chain). Checked against every statement of the code by DbRolesCodeTest.
     */
    public static final Map<String, Set<String>> DESK_LIMITS = Map.of(
            "flyway_schema_history", Set.of("SELECT"),
            "audit_log", Set.of("SELECT", "INSERT", "UPDATE"),
            "audit_head", Set.of("SELECT", "INSERT", "UPDATE"),
            "change_log", Set.of("SELECT", "INSERT"),
            "work_order_event", Set.of("SELECT", "INSERT"),
            "unit_status_history", Set.of("SELECT", "INSERT"));

    /** Tables the wall may not read at all: passwords, the audit trail, what goes to and comes from terminals. */
    public static final Set<String> WALL_NOTHING = Set.of("app_user", "audit_log", "audit_head", "push_outbox",
            "push_inbound", "push_publisher_lease", "field_receiver");

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DbRoles() {
    }

    /**
     * Personal columns, which the wall role may not read: caller numbers and caller names wherever they are, and
     * every telephone number ({@code phone}, {@code *_phone}).
     */
    public static boolean personal(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return c.equals("caller_number") || c.equals("caller_name") || c.equals("phone") || c.endsWith("_phone");
    }

    /** The three logins; a null owner means the role that owns the schema now. Passwords null: keep the current. */
    public record Request(String owner, String desk, String wall, char[] ownerPassword, char[] deskPassword,
                          char[] wallPassword) {
    }

    /** Refused before anything was changed (a role name, a role that may do too much, no schema yet). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Creates the roles that do not exist yet (with their passwords), sets the passwords given, makes {@code owner}
     * the owner of every table of the schema, grants, sets default privileges and records the names. Runs as the
     * owner (with CREATEROLE) or as a superuser; one transaction. Reports each step to {@code out}.
     */
    public static void apply(Connection c, Request r, Consumer<String> out) throws SQLException {
        if (!c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            throw new Refused("database roles are set up on PostgreSQL only (docs/DATABASE-ROLES.md says what H2 can do)");
        }
        String schema = one(c, "SELECT current_schema()");
        String historyOwner = owner(c, schema, "flyway_schema_history");
        if (historyOwner == null) {
            throw new Refused("there is no console schema in this database yet: create it first, connected as the owner "
                    + "(console-admin db migrate)");
        }
        String owner = r.owner() == null ? historyOwner : name(r.owner(), "--owner");
        String desk = name(r.desk(), "--desk-role");
        String wall = name(r.wall(), "--wall-role");
        if (owner.equals(desk) || owner.equals(wall) || desk.equals(wall)) {
            throw new Refused("the owner, desk and wall roles must be three different roles");
        }
        if (exists(c, owner) && !memberOf(c, owner)) {
            throw new Refused("login " + one(c, "SELECT current_user") + " may not grant on " + owner + "'s tables: run "
                    + "this connected as the owner (" + owner + ") or a superuser");
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            ensureRole(c, owner, r.ownerPassword(), false, "owner", out);
            ensureRole(c, desk, r.deskPassword(), true, "desk", out);
            ensureRole(c, wall, r.wallPassword(), true, "wall", out);
            takeOwnership(c, schema, owner, out);
            grant(c, schema, owner, desk, wall, out);
            record(c, owner, desk, wall);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * A Flyway callback that, after a migration was applied on PostgreSQL, grants again to the roles recorded by
     * {@link #apply} (the new tables and columns; the wall's column limits). Does nothing where none was recorded.
     */
    public static Callback regrantAfterMigrate() {
        return new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_MIGRATE_APPLIED;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                try {
                    regrant(context.getConnection());
                } catch (SQLException e) {
                    LOG.warn("The database roles could not be granted the new schema's tables ({}); run console-admin db "
                            + "roles again as the owner", e.getMessage());
                }
            }

            @Override
            public String getCallbackName() {
                return "console-db-roles";
            }
        };
    }

    /** Grants again to the recorded roles; false when none are recorded or this is not PostgreSQL. */
    public static boolean regrant(Connection c) throws SQLException {
        if (!c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            return false;
        }
        String schema = one(c, "SELECT current_schema()");
        if (owner(c, schema, "app_setting") == null) {
            return false;
        }
        Map<String, String> names = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT setting_key, setting_value FROM app_setting WHERE setting_key IN (?, ?, ?)")) {
            ps.setString(1, OWNER_KEY);
            ps.setString(2, DESK_KEY);
            ps.setString(3, WALL_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        if (names.size() < 3) {
            return false;
        }
        String owner = name(names.get(OWNER_KEY), OWNER_KEY);
        String desk = name(names.get(DESK_KEY), DESK_KEY);
        String wall = name(names.get(WALL_KEY), WALL_KEY);
        if (!exists(c, desk) || !exists(c, wall)) {
            LOG.warn("The recorded database roles {} / {} do not exist any more; nothing granted", desk, wall);
            return false;
        }
        grant(c, schema, owner, desk, wall, line -> LOG.info("db roles: {}", line));
        return true;
    }

    // ---- steps ----------------------------------------------------------------------------------------------------

    private static void ensureRole(Connection c, String role, char[] password, boolean leastPrivilege,
                                   String option, Consumer<String> out) throws SQLException {
        if (!exists(c, role)) {
            if (password == null) {
                throw new Refused("role " + role + " does not exist yet: give its password (--" + option
                        + "-password-env or --" + option + "-password-file) to create it");
            }
            exec(c, "CREATE ROLE " + q(role) + " LOGIN" + (leastPrivilege
                    ? " NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS" : ""));
            out.accept("created role " + role);
        } else if (leastPrivilege) {
            try (PreparedStatement ps = c.prepareStatement("SELECT rolsuper OR rolcreatedb OR rolcreaterole OR "
                    + "rolreplication OR rolbypassrls FROM pg_roles WHERE rolname = ?")) {
                ps.setString(1, role);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        throw new Refused("role " + role + " may create databases or roles, replicate, bypass row "
                                + "security or is a superuser: give the desks and walls a role of their own");
                    }
                }
            }
        }
        if (password != null) {
            c.unwrap(org.postgresql.PGConnection.class).alterUserPassword(role, password, "scram-sha-256");
            out.accept("password of " + role + " set");
        }
    }

    /** A table created by another login (a schema first migrated as postgres) is given to the owner. */
    private static void takeOwnership(Connection c, String schema, String owner, Consumer<String> out)
            throws SQLException {
        List<String> others = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm') "
                + "AND pg_get_userbyid(c.relowner) <> ? ORDER BY c.relname")) {
            ps.setString(1, schema);
            ps.setString(2, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    others.add(rs.getString(1));
                }
            }
        }
        for (String t : others) {
            exec(c, "ALTER TABLE " + q(schema) + "." + q(t) + " OWNER TO " + q(owner));
        }
        // The owner creates the tables of later migrations (a database created by postgres does not let it by default).
        exec(c, "GRANT USAGE, CREATE ON SCHEMA " + q(schema) + " TO " + q(owner));
        if (!others.isEmpty()) {
            out.accept(others.size() + " table(s) now owned by " + owner);
        }
    }

    private static void grant(Connection c, String schema, String owner, String desk, String wall,
                              Consumer<String> out) throws SQLException {
        String s = q(schema);
        String both = q(desk) + ", " + q(wall);
        exec(c, "GRANT CONNECT ON DATABASE " + q(one(c, "SELECT current_database()")) + " TO " + both);
        exec(c, "GRANT USAGE ON SCHEMA " + s + " TO " + both);
        exec(c, "REVOKE CREATE ON SCHEMA " + s + " FROM PUBLIC, " + both);
        exec(c, "REVOKE ALL ON ALL TABLES IN SCHEMA " + s + " FROM " + both);
        exec(c, "REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + s + " FROM " + both);
        Map<String, List<String>> tables = tables(c, schema);
        List<String> hidden = new ArrayList<>();
        for (Map.Entry<String, List<String>> t : tables.entrySet()) {
            String table = s + "." + q(t.getKey());
            Set<String> deskMay = DESK_LIMITS.getOrDefault(t.getKey(), FULL);
            exec(c, "GRANT " + String.join(", ", ordered(deskMay)) + " ON " + table + " TO " + q(desk));
            if (WALL_NOTHING.contains(t.getKey())) {
                continue;
            }
            List<String> readable = t.getValue().stream().filter(col -> !personal(col)).toList();
            if (readable.size() == t.getValue().size()) {
                exec(c, "GRANT SELECT ON " + table + " TO " + q(wall));
            } else {
                t.getValue().stream().filter(DbRoles::personal).forEach(col -> hidden.add(t.getKey() + "." + col));
                if (!readable.isEmpty()) {
                    exec(c, "GRANT SELECT (" + String.join(", ", readable.stream().map(DbRoles::q).toList()) + ") ON "
                            + table + " TO " + q(wall));
                }
            }
        }
        exec(c, "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + s + " TO " + q(desk));
        String dflt = "ALTER DEFAULT PRIVILEGES FOR ROLE " + q(owner) + " IN SCHEMA " + s + " ";
        exec(c, dflt + "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + q(desk));
        exec(c, dflt + "GRANT USAGE, SELECT ON SEQUENCES TO " + q(desk));
        exec(c, dflt + "GRANT SELECT ON TABLES TO " + q(wall));
        out.accept(desk + ": reads and writes " + tables.size() + " tables (append only: "
                + String.join(", ", DESK_LIMITS.keySet().stream().filter(tables::containsKey).sorted().toList()) + ")");
        out.accept(wall + ": reads " + tables.keySet().stream().filter(t -> !WALL_NOTHING.contains(t)).count()
                + " tables, without " + String.join(", ", hidden) + "; nothing of "
                + String.join(", ", WALL_NOTHING.stream().filter(tables::containsKey).sorted().toList()));
        out.accept("default privileges of " + owner + " cover tables created later");
    }

    private static void record(Connection c, String owner, String desk, String wall) throws SQLException {
        for (Map.Entry<String, String> e : Map.of(OWNER_KEY, owner, DESK_KEY, desk, WALL_KEY, wall).entrySet()) {
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE app_setting SET setting_value = ? WHERE setting_key = ?")) {
                up.setString(1, e.getValue());
                up.setString(2, e.getKey());
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement in = c.prepareStatement(
                            "INSERT INTO app_setting (setting_key, setting_value) VALUES (?, ?)")) {
                        in.setString(1, e.getKey());
                        in.setString(2, e.getValue());
                        in.executeUpdate();
                    }
                }
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** Every table and view of the schema with its columns in order. */
    private static Map<String, List<String>> tables(Connection c, String schema) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname, a.attname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid "
                + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped "
                + "ORDER BY c.relname, a.attnum")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return tables;
    }

    private static List<String> ordered(Set<String> privileges) {
        return List.of("SELECT", "INSERT", "UPDATE", "DELETE").stream().filter(privileges::contains).toList();
    }

    private static String owner(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tableowner FROM pg_tables WHERE schemaname = ? AND tablename = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean memberOf(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_has_role(current_user, ?, 'MEMBER')")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static boolean exists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * A role name as it may appear in a statement: lower-case letters, digits and underscores only (role names cannot
     * be bound as parameters in GRANT and CREATE ROLE, so nothing else is let through).
     */
    static String name(String given, String what) {
        if (given == null || !ROLE_NAME.matcher(given).matches()) {
            throw new Refused(what + " takes a role name of lower-case letters, digits and _ (not starting with a "
                    + "digit, at most 63), not " + (given == null ? "nothing" : "'" + given + "'"));
        }
        return given;
    }

    /** A quoted identifier; names reach here only through {@link #name} or from the catalogue. */
    private static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
