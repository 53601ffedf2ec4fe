package org.commandroom.core.access;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The workstation's signed-in principal, read by every {@link AccessGuard} of the workstation's services. Starts
 * with {@link Principal#nobody}; thread-safe. Listeners run on the thread that signs in or out.
 */
public final class Session {

    private final String workstation;
    private volatile Principal current;
    private final CopyOnWriteArrayList<Consumer<Principal>> listeners = new CopyOnWriteArrayList<>();

    public Session(String workstation) {
        this.workstation = workstation;
        this.current = Principal.nobody(workstation);
    }

    public String workstation() {
        return workstation;
    }

    public Principal current() {
        return current;
    }

    public void signIn(Principal p) {
        current = Objects.requireNonNull(p);
        listeners.forEach(l -> l.accept(p));
    }

    public void signOut() {
        signIn(Principal.nobody(workstation));
    }

    public void addListener(Consumer<Principal> l) {
        listeners.add(l);
    }
}
