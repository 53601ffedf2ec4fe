package org.commandroom.core.store;

/** The innermost cause of a failure, for log lines and messages that name what went wrong without a stack trace. */
public final class Causes {

    private Causes() {
    }

    /** The last cause in the chain (the failure itself when it has none). */
    public static Throwable root(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The innermost cause's message, or its class's simple name when it has none. */
    public static String rootMessage(Throwable t) {
        Throwable root = root(t);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
