package org.commandroom.app.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How a choice box or combo box shows its items: in words, never read back from typed text. */
public final class Converters {

    private Converters() {
    }

    /** Shows an item as {@code text} says, no item as empty; typed text is never turned into an item. */
    public static <T> StringConverter<T> shown(Function<T, String> text) {
        return shown(text, "");
    }

    /** Shows an item as {@code text} says, no item as {@code ifNull}; typed text is never turned into an item. */
    public static <T> StringConverter<T> shown(Function<T, String> text, String ifNull) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? ifNull : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
