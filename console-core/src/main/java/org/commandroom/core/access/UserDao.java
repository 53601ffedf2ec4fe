package org.commandroom.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;

/** The {@code app_user} table. */
@RegisterRowMapper(UserDao.StoredUserMapper.class)
interface UserDao {

    /** A row as stored, hash included: stays inside this package. */
    record StoredUser(long id, String login, String displayName, String passwordHash, String roles,
                      int failedAttempts, Instant lockedUntil, boolean active, Instant lastSignInAt,
                      String lastSignInWorkstation, int failedSinceSignIn) {
        UserAccount account() {
            return new UserAccount(id, login, displayName, Roles.parse(roles), failedAttempts, lockedUntil, active,
                    lastSignInAt, lastSignInWorkstation, failedSinceSignIn);
        }
    }

    final class StoredUserMapper implements org.jdbi.v3.core.mapper.RowMapper<StoredUser> {
        @Override
        public StoredUser map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                throws java.sql.SQLException {
            var instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
            return new StoredUser(rs.getLong("id"), rs.getString("login"), rs.getString("display_name"),
                    rs.getString("password_hash"), rs.getString("roles"), rs.getInt("failed_attempts"),
                    instant.map(rs, "locked_until", ctx), rs.getBoolean("active"),
                    instant.map(rs, "last_sign_in_at", ctx), rs.getString("last_sign_in_workstation"),
                    rs.getInt("failed_since_sign_in"));
        }
    }

    String COLUMNS = "id, login, display_name, password_hash, roles, failed_attempts, locked_until, active, "
            + "last_sign_in_at, last_sign_in_workstation, failed_since_sign_in";

    @SqlQuery("SELECT " + COLUMNS + " FROM app_user WHERE login = :login FOR UPDATE")
    Optional<StoredUser> lockByLogin(@Bind("login") String login);

    @SqlQuery("SELECT " + COLUMNS + " FROM app_user ORDER BY login")
    List<StoredUser> all();

    @SqlQuery("SELECT COUNT(*) FROM app_user")
    long count();

    @SqlUpdate("INSERT INTO app_user (login, display_name, password_hash, roles, password_changed_at, created_at) "
            + "VALUES (:login, :name, :hash, :roles, :now, :now)")
    @GetGeneratedKeys("id")
    long insert(@Bind("login") String login, @Bind("name") String name, @Bind("hash") String hash,
                @Bind("roles") String roles, @Bind("now") Instant now);

    @SqlUpdate("UPDATE app_user SET failed_attempts = :failed, locked_until = :until, version = version + 1 WHERE id = :id")
    void setFailures(@Bind("id") long id, @Bind("failed") int failed, @Bind("until") Instant lockedUntil);

    @SqlUpdate("UPDATE app_user SET password_hash = :hash, password_changed_at = :now, failed_attempts = 0, "
            + "locked_until = NULL, version = version + 1 WHERE id = :id")
    void setPassword(@Bind("id") long id, @Bind("hash") String hash, @Bind("now") Instant now);

    /** An accepted sign-in: when and where, and no refused attempts since (the row's version is left alone). */
    @SqlUpdate("UPDATE app_user SET last_sign_in_at = :now, last_sign_in_workstation = :ws, failed_since_sign_in = 0 "
            + "WHERE id = :id")
    void signedIn(@Bind("id") long id, @Bind("now") Instant now, @Bind("ws") String workstation);

    /** One more refused attempt since the last sign-in. */
    @SqlUpdate("UPDATE app_user SET failed_since_sign_in = failed_since_sign_in + 1 WHERE id = :id")
    void refusedAttempt(@Bind("id") long id);

    @SqlUpdate("UPDATE app_user SET roles = :roles, version = version + 1 WHERE id = :id")
    void setRoles(@Bind("id") long id, @Bind("roles") String roles);

    @SqlUpdate("UPDATE app_user SET active = :active, version = version + 1 WHERE id = :id")
    void setActive(@Bind("id") long id, @Bind("active") boolean active);
}
