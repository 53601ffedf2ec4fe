package org.commandroom.app.ui.common;

import java.sql.SQLException;
import org.commandroom.core.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line for the operator about a failure, never a driver's text: a database that is gone says so (and that the
 * screen recovers by itself), a database that refused a statement says the reason is in the log, where the whole
 * exception is written. Other failures of the console's own making carry a located message already (a bad file
 * names its line) and are shown as they are.
 */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    /** H2: DATABASE_ALREADY_OPEN_1, the file is locked by another process (another console on this machine). */
    private static final int H2_IN_USE = 90020;

    private Failures() {
    }

    /**
     * For view models that hold no {@link I18n}: the words of the console's language, which the launcher makes the
     * default locale.
     */
    public static String text(Throwable e) {
        return text(e, I18n.load(java.util.Locale.getDefault()));
    }

    public static String text(Throwable e, I18n i18n) {
        if (Database.isConnectionLoss(e)) {
            LOG.warn("Database unavailable: {}", Tasks.rootMessage(e));
            return i18n.tr("failure.database.gone");
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_IN_USE) {
                LOG.error("The database file is in use by another process", e);
                return i18n.tr("failure.database.inUse");
            }
            if (t instanceof SQLException sql && "28000".equals(sql.getSQLState()) || t instanceof SQLException s2
                    && "28P01".equals(s2.getSQLState())) {
                LOG.error("The database refused the login", e);
                return i18n.tr("failure.database.login");
            }
            if (t instanceof SQLException) {
                LOG.error("The database refused an operation", e);
                return i18n.tr("failure.database.refused");
            }
            if (t instanceof OutOfMemoryError) {
                LOG.error("Out of memory", e);
                return i18n.tr("failure.memory");
            }
        }
        return Tasks.rootMessage(e);
    }
}
