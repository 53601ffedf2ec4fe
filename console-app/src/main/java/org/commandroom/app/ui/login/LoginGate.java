package org.commandroom.app.ui.login;

import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.Node;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.access.Session;

/**
 * What stands between the open database and the desk: the workstation's session and a log-in screen for it. The
 * main window asks {@link #signedIn()} and, until then, shows {@link #screen}.
 */
public final class LoginGate {

    private final Supplier<AccessService> access;
    private final Session session;
    private final UiContext ui;
    private final boolean drill;

    private final java.time.Duration idleLock;

    public LoginGate(Supplier<AccessService> access, Session session, UiContext ui, boolean drill) {
        this(access, session, ui, drill, java.time.Duration.ZERO);
    }

    /** @param idleLock lock the desk after this long without input (zero: only by hand, Ctrl+L) */
    public LoginGate(Supplier<AccessService> access, Session session, UiContext ui, boolean drill, java.time.Duration idleLock) {
        this.access = access;
        this.session = session;
        this.ui = ui;
        this.drill = drill;
        this.idleLock = idleLock;
    }

    /** The access service (sign-in, password change) of the open database. */
    public Supplier<AccessService> accessService() {
        return access;
    }

    /** The lock for the signed-in user's desk, to install over its content. */
    public SessionLock lock() {
        return new SessionLock(access, session.current(), ui, idleLock);
    }

    public boolean signedIn() {
        return session.current().signedIn();
    }

    public Principal principal() {
        return session.current();
    }

    /** A fresh log-in screen; {@code onSignedIn} runs on the FX thread once a user is signed in. */
    public Node screen(Consumer<Principal> onSignedIn) {
        LoginViewModel vm = new LoginViewModel(access, session, ui.tasks(), ui.i18n(), ui.clock(), drill);
        vm.setOnSignedIn(onSignedIn);
        Node screen = new LoginView(vm, ui.i18n()).root();
        org.commandroom.app.ui.common.StartupTiming.loginShown(screen);
        return screen;
    }

    /** The roles as the status bar shows them, most acting first (值班长、管理员). */
    public String rolesText(Principal p) {
        return p.roles().stream().sorted(java.util.Comparator.comparingInt(r -> r == p.primaryRole() ? 0 : 1 + r.ordinal()))
                .map(r -> ui.i18n().tr("enum.role." + r.name())).collect(Collectors.joining("、"));
    }

    /** The role most of the desk follows (masking, what the orders panel offers). */
    public Role role(Principal p) {
        return p.primaryRole();
    }
}
