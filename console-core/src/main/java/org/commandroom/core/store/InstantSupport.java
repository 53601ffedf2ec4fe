package org.commandroom.core.store;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;

/**
 * Binds and reads {@link Instant} as {@code TIMESTAMP WITH TIME ZONE} through {@link OffsetDateTime},
 * which H2 and PostgreSQL both map exactly, whatever the JVM's default time zone.
 */
final class InstantSupport {

    private InstantSupport() {
    }

    static void install(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                OffsetDateTime odt = OffsetDateTime.ofInstant(value, ZoneOffset.UTC);
                return (position, statement, ctx) -> statement.setObject(position, odt);
            }
        });
        ColumnMapper<Instant> mapper = (rs, column, ctx) -> {
            OffsetDateTime odt = rs.getObject(column, OffsetDateTime.class);
            return odt == null ? null : odt.toInstant();
        };
        jdbi.registerColumnMapper(Instant.class, mapper);
    }
}
