package org.commandroom.app.ui.common;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * A table row that follows one live property of its item and shows it as a pseudo-class (a waiting alarm, a
 * stale position, a missed deadline), re-pointing its listener as the row is reused for other items.
 *
 * @param <T> the row item
 * @param <V> the value followed
 */
public final class WatchingRow<T, V> extends TableRow<T> {

    private final Function<T, ObservableValue<V>> property;
    private final Function<V, Set<PseudoClass>> stateOf;
    private final List<PseudoClass> states;
    private final ChangeListener<V> listener = (o, was, is) -> show(is);
    private ObservableValue<V> watched;

    private WatchingRow(Function<T, ObservableValue<V>> property, Function<V, Set<PseudoClass>> stateOf,
                        List<PseudoClass> states) {
        this.property = property;
        this.stateOf = stateOf;
        this.states = states;
    }

    /**
     * @param property the item's property to follow
     * @param stateOf  the pseudo-class a value switches on, or null for none (never called with null)
     * @param states   every pseudo-class {@code stateOf} may return
     */
    public static <T, V> Callback<TableView<T>, TableRow<T>> factory(Function<T, ObservableValue<V>> property,
                                                                   Function<V, PseudoClass> stateOf,
                                                                   PseudoClass... states) {
        List<PseudoClass> all = List.of(states);
        Function<V, Set<PseudoClass>> one = v -> {
            PseudoClass pc = stateOf.apply(v);
            return pc == null ? Set.of() : Set.of(pc);
        };
        return tv -> new WatchingRow<>(property, one, all);
    }

    /**
     * As {@link #factory}, for a value that switches several pseudo-classes on at once (overdue and of the
     * selected incident).
     *
     * @param statesOf the pseudo-classes a value switches on (never called with null)
     */
    public static <T, V> Callback<TableView<T>, TableRow<T>> multiFactory(Function<T, ObservableValue<V>> property,
                                                                        Function<V, Set<PseudoClass>> statesOf,
                                                                        PseudoClass... states) {
        List<PseudoClass> all = List.of(states);
        return tv -> new WatchingRow<>(property, statesOf, all);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (watched != null) {
            watched.removeListener(listener);
            watched = null;
        }
        if (item != null && !empty) {
            watched = property.apply(item);
            watched.addListener(listener);
            show(watched.getValue());
        } else {
            show(null);
        }
    }

    private void show(V value) {
        Set<PseudoClass> on = value == null ? Set.of() : stateOf.apply(value);
        for (PseudoClass pc : states) {
            pseudoClassStateChanged(pc, on.contains(pc));
        }
    }
}
