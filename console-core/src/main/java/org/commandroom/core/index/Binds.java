package org.commandroom.core.index;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jdbi.v3.core.statement.SqlStatement;

/** Named bind parameters for generated SQL: values never enter the SQL text, only their names do. */
final class Binds {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** A new parameter holding {@code value}; returns ":name". */
    String add(Object value) {
        String name = "b" + values.size();
        values.put(name, value);
        return ":" + name;
    }

    /** "(:b3, :b4)" for the values' names (enums as their names). */
    String in(Collection<?> list) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (Object v : list) {
            j.add(add(v instanceof Enum<?> e ? e.name() : v));
        }
        return j.toString();
    }

    <S extends SqlStatement<S>> S bindTo(S statement) {
        values.forEach(statement::bind);
        return statement;
    }
}
