package org.commandroom.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's connection to its database: a small connection pool, the schema brought up to date
 * by Flyway on open, and a configured {@link Jdbi}. One instance per process, closed on exit.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DbSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(DbSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        InstantSupport.install(jdbi);
    }

    /** Opens the pool and migrates the schema; throws if the database cannot be reached. */
    public static Database open(DbSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setPoolName("console-db");
        config.setMaximumPoolSize(settings.embedded() ? 4 : 6);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        config.setInitializationFailTimeout(Duration.ofSeconds(5).toMillis());
        if (!settings.isPostgres()) {
            config.setExceptionOverride(new H2ConnectionLoss());
        }
        HikariDataSource ds = new HikariDataSource(config);
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info("Database {} at schema version {} ({} migrations applied)",
                    settings.displayUrl(),
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(settings, ds);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DbSettings settings() {
        return settings;
    }

    /** True when a connection can be had and answers within two seconds. */
    public boolean isReachable() {
        try (var c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
