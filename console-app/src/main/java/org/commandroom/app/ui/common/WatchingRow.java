package org.commandroom.app.ui.common;

import java.util.List;
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
    private final Function<V, PseudoClass> stateOf;
    private final List<PseudoClass> states;
    private final ChangeListener<V> listener = (o, was, is) -> show(is);
    private ObservableValue<V> watched;

    private WatchingRow(Function<T, ObservableValue<V>> property, Function<V, PseudoClass> stateOf,
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
        return tv -> new WatchingRow<>(property, stateOf, all);
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
        PseudoClass on = value == null ? null : stateOf.apply(value);
        for (PseudoClass pc : states) {
            pseudoClassStateChanged(pc, pc == on);
        }
    }
}
